import { revalidatePath } from "next/cache";
import { getActor } from "@/lib/auth/session";
import { getPrisma } from "@/lib/db/client";
import { evidenceStorage } from "@/lib/dossiers/evidence-storage";
import { receiveMovementEvidenceUpload } from "./receive-upload";

export const dynamic = "force-dynamic";

/** Uploads one evidence file of a movement evaluation (the bytes are the body); see receive-upload.ts. */
export async function POST(request: Request, ctx: { params: Promise<{ evaluationId: string }> }) {
  const { evaluationId } = await ctx.params;
  const response = await receiveMovementEvidenceUpload(request, evaluationId, { prisma: getPrisma(), storage: evidenceStorage(), loadActor: getActor });
  if (response.ok) revalidatePath("/", "layout");
  return response;
}
