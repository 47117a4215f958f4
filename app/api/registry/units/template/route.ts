import { getActor } from "@/lib/auth/session";
import { getPrisma } from "@/lib/db/client";
import { unitWorkbook } from "@/lib/registry/import-units";
import { unitWorkbookDownload } from "../receive-import";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** The units template: headers, drop-downs, instructions, no rows. */
export async function GET() {
  return unitWorkbookDownload({ prisma: getPrisma(), loadActor: getActor }, false, (prisma, actor) => unitWorkbook(prisma, actor, false));
}
