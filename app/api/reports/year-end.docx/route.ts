import { getActor } from "@/lib/auth/session";
import { getDatabase } from "@/lib/db/client";
import { currentEvaluationYear } from "@/lib/domain/evaluation-year";
import { parseDashboardParams } from "@/components/dashboard/dashboard-params";
import { reportDownload, yearEndDocxFile } from "@/app/api/reports/report-files";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/**
 * The year-end report (?year=) of the provincial police to the People's Committee, as a Word draft,
 * written by a document worker and streamed; `&progress=1` answers with progress lines instead
 * (the dashboard's button, app/api/reports/report-files.ts).
 */
export async function GET(request: Request) {
  const params = new URL(request.url).searchParams;
  const { filters } = parseDashboardParams(params, currentEvaluationYear());
  return reportDownload(await getActor(), (actor, onProgress) => yearEndDocxFile(getDatabase(), actor, filters.year, onProgress), params.get("progress") === "1");
}
