import { getActor } from "@/lib/auth/session";
import { getPrisma } from "@/lib/db/client";
import { unitWorkbook } from "@/lib/registry/import-units";
import { unitWorkbookDownload } from "../receive-import";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** Every unit, in the template's format: export → edit → import round-trips. */
export async function GET() {
  return unitWorkbookDownload({ prisma: getPrisma(), loadActor: getActor }, true, (prisma, actor) => unitWorkbook(prisma, actor, true));
}
