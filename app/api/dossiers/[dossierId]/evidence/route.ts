import { revalidatePath } from "next/cache";
import { getActor } from "@/lib/auth/session";
import { getPrisma } from "@/lib/db/client";
import { evidenceStorage } from "@/lib/dossiers/evidence-storage";
import { receiveEvidenceUpload } from "./receive-upload";

export const dynamic = "force-dynamic";

/** Uploads one evidence file (the bytes are the body); see receive-upload.ts and ADR 0006. */
export async function POST(request: Request, ctx: { params: Promise<{ dossierId: string }> }) {
  const { dossierId } = await ctx.params;
  const response = await receiveEvidenceUpload(request, dossierId, { prisma: getPrisma(), storage: evidenceStorage(), loadActor: getActor });
  if (response.ok) revalidatePath("/dossiers/[dossierId]/self-assessment", "page");
  return response;
}
