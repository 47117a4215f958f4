import { getActor } from "@/lib/auth/session";
import { getPrisma } from "@/lib/db/client";
import { currentEvaluationYear } from "@/lib/domain/evaluation-year";
import { parseDashboardParams } from "@/components/dashboard/dashboard-params";
import { reportDownload, yearEndDocxFile } from "@/app/api/reports/report-files";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** The year-end report (?year=) of the provincial police to the People's Committee, as a Word draft. */
export async function GET(request: Request) {
  const { filters } = parseDashboardParams(new URL(request.url).searchParams, currentEvaluationYear());
  return reportDownload(await getActor(), (actor) => yearEndDocxFile(getPrisma(), actor, filters.year));
}
