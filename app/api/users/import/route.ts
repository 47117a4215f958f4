import { revalidatePath } from "next/cache";
import { getActor } from "@/lib/auth/session";
import { getPrisma } from "@/lib/db/client";
import { receiveAccountImport } from "../receive-account-import";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** Preview, commit or the problems workbook of an accounts file (the bytes are the body); see ADR 0008 and 0010. */
export async function POST(request: Request) {
  const response = await receiveAccountImport(request, { prisma: getPrisma(), loadActor: getActor });
  if (response.ok && new URL(request.url).searchParams.get("mode") === "commit") revalidatePath("/admin/users");
  return response;
}
