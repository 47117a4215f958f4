import { getActor } from "@/lib/auth/session";
import { getPrisma } from "@/lib/db/client";
import { authorityWorkbookDownload } from "../../area-imports";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** Every record, in the template's format: export → edit → import round-trips. */
export async function GET() {
  return authorityWorkbookDownload({ prisma: getPrisma(), loadActor: getActor }, true);
}
