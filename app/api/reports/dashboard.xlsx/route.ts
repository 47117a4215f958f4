import { getActor } from "@/lib/auth/session";
import { getPrisma } from "@/lib/db/client";
import { currentEvaluationYear } from "@/lib/domain/evaluation-year";
import { parseDashboardParams } from "@/components/dashboard/dashboard-params";
import { dashboardXlsxFile, reportDownload } from "@/app/api/reports/report-files";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** The dashboard as an Excel workbook, for the same ?year=&communeId=&kind=&sector= as the page. */
export async function GET(request: Request) {
  const { filters } = parseDashboardParams(new URL(request.url).searchParams, currentEvaluationYear());
  return reportDownload(await getActor(), (actor) => dashboardXlsxFile(getPrisma(), actor, filters));
}
