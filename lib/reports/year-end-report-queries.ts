/**
 * The input of the year-end report (lib/reports/exports: buildYearEndReportDocx) for one year:
 * the dashboard's figures for the whole province, the units recognised with the number of their
 * decision, the units refused with the reviewer's reason. Read-only; `province.read`.
 *
 * The lists count exactly what the headline counts (units of the year that are not excluded, dossier
 * of the year in state RECOGNISED / NOT_RECOGNISED), so the report never contradicts its own figures;
 * the builder refuses lists whose length differs from the headline.
 *
 * What the application cannot know — the report's number, the signer — is left for the leader to
 * fill in Word: the number stays blank ("Số:      /BC-CAT") and the signer is a placeholder.
 */
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { DossierState } from "@/lib/generated/prisma/enums";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/permissions";

import { yearReferenceDate } from "@/lib/registry/placement-rules";
import { getDashboard } from "./dashboard-queries";
import type { YearEndReportInput } from "./exports";
import { REPORT_LIST_SQL, toReportLists, type ListedDossier, type ReportListsSource } from "./year-end-report-lists";

export { DEFAULT_REFUSAL_REASON } from "./year-end-report-lists";
import { compareReportUnits } from "./exports/year-end-report-order";
import { todayInVietnam } from "@/lib/domain/vietnam-today";

/** Place of the "Lào Cai, ngày … tháng … năm …" line. */
export const REPORT_PLACE = "Lào Cai";
/** Signer placeholders: the leader writes the real ones in the Word file. */
export const SIGNER_PLACEHOLDER = { fullName: "[Họ và tên người ký]", position: "Giám đốc" } as const;

/**
 * The signing date: today in Vietnam when it lies in the report's year or the next (what the report
 * builder accepts); for an older year, 31/12 of that year; for a future year, 1/1 of that year.
 */
export function reportIssuedOn(year: number, today: string = todayInVietnam()): string {
  const todayYear = Number(today.slice(0, 4));
  if (todayYear === year || todayYear === year + 1) return today;
  return todayYear > year ? `${year}-12-31` : `${year}-01-01`;
}

/** The year's dossiers in a state (./year-end-report-lists.ts), on the request thread. */
function dossiersIn(prisma: PrismaClient, year: number, state: DossierState): Promise<ListedDossier[]> {
  return prisma.$queryRawUnsafe<ListedDossier[]>(REPORT_LIST_SQL, year, state, yearReferenceDate(year));
}

/**
 * The report's input for `year`. The lists come in print order (commune, kind, name:
 * ./exports/year-end-report-order.ts) unless `sorted: false` — the download route leaves the sort
 * to the document worker, off the request thread.
 */
export async function yearEndReportInput(
  prisma: PrismaClient,
  actor: Actor | null,
  year: number,
  today: string = todayInVietnam(),
  { sorted = true }: { sorted?: boolean } = {},
): Promise<YearEndReportInput> {
  authorize(actor, { action: "province.read" });
  const [data, recognisedDossiers, refusedDossiers] = await Promise.all([
    getDashboard(prisma, actor, { year }),
    dossiersIn(prisma, year, "RECOGNISED"),
    dossiersIn(prisma, year, "NOT_RECOGNISED"),
  ]);
  const { recognised, notRecognised } = toReportLists(recognisedDossiers, refusedDossiers);
  if (sorted) {
    recognised.sort(compareReportUnits);
    notRecognised.sort(compareReportUnits);
  }
  return {
    data,
    issuedOn: reportIssuedOn(year, today),
    place: REPORT_PLACE,
    recognised,
    notRecognised,
    signer: { ...SIGNER_PLACEHOLDER },
  };
}

/**
 * What the download route hands to a document worker. On PostgreSQL, the report without its lists
 * and where the worker reads them itself (`lists`), so the request thread never decodes tens of
 * thousands of rows nor copies them to the worker; on the embedded PGlite, whose database runs on
 * this thread anyway, the whole input, lists unsorted. The worker sorts them.
 */
export async function yearEndReportTask(
  prisma: PrismaClient,
  databaseUrl: string | null,
  actor: Actor | null,
  year: number,
  today: string = todayInVietnam(),
): Promise<{ input: YearEndReportInput; lists?: ReportListsSource }> {
  if (!databaseUrl) return { input: await yearEndReportInput(prisma, actor, year, today, { sorted: false }) };
  authorize(actor, { action: "province.read" });
  const data = await getDashboard(prisma, actor, { year });
  return {
    input: { data, issuedOn: reportIssuedOn(year, today), place: REPORT_PLACE, recognised: [], notRecognised: [], signer: { ...SIGNER_PLACEHOLDER } },
    lists: { databaseUrl, year, referenceDate: yearReferenceDate(year) },
  };
}
