import { getActor } from "@/lib/auth/session";
import { getPrisma } from "@/lib/db/client";
import { accountWorkbookDownload } from "../receive-account-import";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** Every account but administrators', in the template's format (never a password or hash). */
export async function GET() {
  return accountWorkbookDownload({ prisma: getPrisma(), loadActor: getActor }, true);
}
