import { getActor } from "@/lib/auth/session";
import { getPrisma } from "@/lib/db/client";
import { accountWorkbookDownload } from "../receive-account-import";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** The accounts template: headers, drop-downs, instructions, no rows. */
export async function GET() {
  return accountWorkbookDownload({ prisma: getPrisma(), loadActor: getActor }, false);
}
