import { getActor } from "@/lib/auth/session";
import { getPrisma } from "@/lib/db/client";
import { subUnitWorkbookDownload } from "../receive-import";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** Every sub-unit with its result for ?year=, in the template's format: export → edit → import round-trips. */
export async function GET(request: Request) {
  return subUnitWorkbookDownload(request, { prisma: getPrisma(), loadActor: getActor }, true);
}
