import { getActor } from "@/lib/auth/session";
import { getPrisma } from "@/lib/db/client";
import { communeWorkbookDownload } from "../../area-imports";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** The template: headers, drop-downs, instructions, no rows. */
export async function GET() {
  return communeWorkbookDownload({ prisma: getPrisma(), loadActor: getActor }, false);
}
