import { getActor } from "@/lib/auth/session";
import { getPrisma } from "@/lib/db/client";
import { subUnitWorkbookDownload } from "../receive-import";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** The sub-units template: headers, drop-downs, instructions, no rows. */
export async function GET(request: Request) {
  return subUnitWorkbookDownload(request, { prisma: getPrisma(), loadActor: getActor }, false);
}
