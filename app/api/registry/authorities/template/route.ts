import { getActor } from "@/lib/auth/session";
import { getPrisma } from "@/lib/db/client";
import { authorityWorkbookDownload } from "../../area-imports";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** The template: headers, drop-downs, instructions, no rows. */
export async function GET() {
  return authorityWorkbookDownload({ prisma: getPrisma(), loadActor: getActor }, false);
}
