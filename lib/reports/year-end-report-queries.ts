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
import { UNIT_KINDS } from "@/lib/domain/vocabulary";

import { yearReferenceDate } from "@/lib/registry/placement-rules";
import { getDashboard } from "./dashboard-queries";
import type { NotRecognisedUnitInput, RecognisedUnitInput, YearEndReportInput } from "./exports";
import { compareReportUnits } from "./exports/year-end-report-order";
import { todayInVietnam } from "@/lib/domain/vietnam-today";

/** Printed where a refused dossier carries no reason. */
export const DEFAULT_REFUSAL_REASON = "Không công nhận";
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

type ListedDossier = {
  refusalReason: string | null;
  kind: (typeof UNIT_KINDS)[number];
  commune: string;
  unitName: string;
  decisionNumber: string | null;
};

/**
 * The year's dossiers in a state, where and what they were that year (ADR 0009): the commune and
 * kind the dossier froze, of units whose placement on 15/11 of the year is active — exactly the
 * dossiers the headline counts (lib/reports/dashboard-queries.ts: yearUnits). One flat statement:
 * at 8× a year lists ~30,000 units, and mapping them as nested Prisma relations kept the request
 * thread busy for seconds (scripts/bench-documents.ts).
 */
async function dossiersIn(prisma: PrismaClient, year: number, state: DossierState): Promise<ListedDossier[]> {
  const ref = yearReferenceDate(year);
  return prisma.$queryRaw<ListedDossier[]>`
    SELECT d."refusalReason", d.kind::text AS kind, c.name AS commune, u.name AS "unitName", rd.number AS "decisionNumber"
    FROM "Dossier" d
    JOIN "AdministrativeArea" c ON c.id = d."communeId"
    JOIN "Unit" u ON u.id = d."unitId"
    LEFT JOIN "RecognitionDecision" rd ON rd.id = d."decisionId"
    WHERE d.year = ${year} AND d.state = ${state}::"DossierState" AND d."exclusionReason" IS NULL
      AND EXISTS (
        SELECT 1 FROM "UnitPlacement" p
        WHERE p."unitId" = d."unitId" AND p."isActive" AND p."effectiveFrom" <= ${ref}::date AND (p."effectiveTo" IS NULL OR p."effectiveTo" >= ${ref}::date)
      )`;
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
  const recognised: RecognisedUnitInput[] = recognisedDossiers.map((d) => ({
    name: d.unitName,
    kind: d.kind,
    commune: d.commune,
    // A recognised dossier always has its decision; were one missing, the builder refuses the
    // empty number with a Vietnamese message (422) rather than print a unit without it.
    decisionNumber: d.decisionNumber ?? "",
  }));
  const notRecognised: NotRecognisedUnitInput[] = refusedDossiers.map((d) => ({
    name: d.unitName,
    kind: d.kind,
    commune: d.commune,
    reason: d.refusalReason?.trim() || DEFAULT_REFUSAL_REASON,
  }));
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
