import { revalidatePath } from "next/cache";
import { getActor } from "@/lib/auth/session";
import { getPrisma } from "@/lib/db/client";
import { receiveSubUnitImport } from "../receive-import";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** Preview, commit or the problems workbook of a sub-units file (the bytes are the body); see ADR 0008. */
export async function POST(request: Request) {
  const response = await receiveSubUnitImport(request, { prisma: getPrisma(), loadActor: getActor });
  if (response.ok && new URL(request.url).searchParams.get("mode") === "commit") {
    revalidatePath("/units", "layout");
    revalidatePath("/admin/registry/units", "layout");
  }
  return response;
}
