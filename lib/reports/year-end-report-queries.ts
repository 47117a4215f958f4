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
import { dateOnly } from "@/lib/validation/input-rules";
import { getDashboard } from "./dashboard-queries";
import type { NotRecognisedUnitInput, RecognisedUnitInput, YearEndReportInput } from "./exports";
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

const collator = new Intl.Collator("vi", { sensitivity: "base", numeric: true });
const KIND_ORDER = new Map<string, number>(UNIT_KINDS.map((k, i) => [k, i]));

type ListedDossier = {
  refusalReason: string | null;
  kind: (typeof UNIT_KINDS)[number];
  commune: { name: string };
  unit: { id: string; name: string };
  decision: { number: string } | null;
};

/** By commune, then kind (KDC, XA, CQ, DN, CSGD), then name: the order the report prints. */
function byCommuneKindName(a: ListedDossier, b: ListedDossier): number {
  return (
    collator.compare(a.commune.name, b.commune.name) ||
    (KIND_ORDER.get(a.kind) ?? 0) - (KIND_ORDER.get(b.kind) ?? 0) ||
    collator.compare(a.unit.name, b.unit.name) ||
    a.unit.id.localeCompare(b.unit.id)
  );
}

/**
 * The year's dossiers in a state, where and what they were that year (ADR 0009): the commune and
 * kind the dossier froze, of units whose placement on 15/11 of the year is active — exactly the
 * dossiers the headline counts (lib/reports/dashboard-queries.ts: yearUnits).
 */
async function dossiersIn(prisma: PrismaClient, year: number, state: DossierState): Promise<ListedDossier[]> {
  const ref = dateOnly(yearReferenceDate(year));
  const rows = await prisma.dossier.findMany({
    where: {
      year,
      state,
      exclusionReason: null,
      unit: { placements: { some: { isActive: true, effectiveFrom: { lte: ref }, OR: [{ effectiveTo: null }, { effectiveTo: { gte: ref } }] } } },
    },
    select: {
      refusalReason: true,
      kind: true,
      commune: { select: { name: true } },
      unit: { select: { id: true, name: true } },
      decision: { select: { number: true } },
    },
  });
  return rows.sort(byCommuneKindName);
}

export async function yearEndReportInput(prisma: PrismaClient, actor: Actor | null, year: number, today: string = todayInVietnam()): Promise<YearEndReportInput> {
  authorize(actor, { action: "province.read" });
  const [data, recognisedDossiers, refusedDossiers] = await Promise.all([
    getDashboard(prisma, actor, { year }),
    dossiersIn(prisma, year, "RECOGNISED"),
    dossiersIn(prisma, year, "NOT_RECOGNISED"),
  ]);
  const recognised: RecognisedUnitInput[] = recognisedDossiers.map((d) => ({
    name: d.unit.name,
    kind: d.kind,
    commune: d.commune.name,
    // A recognised dossier always has its decision; were one missing, the builder refuses the
    // empty number with a Vietnamese message (422) rather than print a unit without it.
    decisionNumber: d.decision?.number ?? "",
  }));
  const notRecognised: NotRecognisedUnitInput[] = refusedDossiers.map((d) => ({
    name: d.unit.name,
    kind: d.kind,
    commune: d.commune.name,
    reason: d.refusalReason?.trim() || DEFAULT_REFUSAL_REASON,
  }));
  return {
    data,
    issuedOn: reportIssuedOn(year, today),
    place: REPORT_PLACE,
    recognised,
    notRecognised,
    signer: { ...SIGNER_PLACEHOLDER },
  };
}
