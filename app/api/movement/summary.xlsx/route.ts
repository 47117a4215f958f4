import { getActor } from "@/lib/auth/session";
import { getPrisma } from "@/lib/db/client";
import { authorize } from "@/lib/auth/permissions";
import { movementSummary, PLAN_FIRST_YEAR, PLAN_LAST_YEAR } from "@/lib/movement/report-figures";
import { buildMovementSummaryXlsx } from "@/lib/movement/exports/movement-xlsx";
import { XLSX_TYPE } from "@/lib/movement/province-report";
import { reportDownload } from "@/app/api/reports/report-files";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** The five-year summary of plan 195 (2026–2030) per group and year, as a workbook; `province.read`. */
export async function GET() {
  return reportDownload(await getActor(), async (actor) => {
    authorize(actor, { action: "province.read" });
    const summary = await movementSummary(getPrisma(), PLAN_FIRST_YEAR, PLAN_LAST_YEAR);
    const bytes = await buildMovementSummaryXlsx(summary, PLAN_FIRST_YEAR, PLAN_LAST_YEAR);
    return { bytes, contentType: XLSX_TYPE, asciiName: `Tong-hop-phong-trao-${PLAN_FIRST_YEAR}-${PLAN_LAST_YEAR}.xlsx`, utf8Name: `Tổng hợp phong trào ${PLAN_FIRST_YEAR}–${PLAN_LAST_YEAR}.xlsx` };
  });
}
