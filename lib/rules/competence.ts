/**
 * The competence table as data (TT124 Đ9–Đ10 as amended by TT 48/2025; domain spec §4.4): for each
 * unit kind, from a date, who reviews (reviewer level), which UBND decides, and the day of the year
 * by which the decision is due. PURE: the use-cases load the rows once and pass them in.
 *
 * Which row governs a year: the latest row of the kind whose effective date is on or before
 * 15/11 of the evaluation year (yearReferenceDate, lib/criteria/window.ts) — the day the evaluation window of XA, CQDN and CSGD
 * closes (Đ8 k2) and the earliest decision deadline. One date per year, not the decision date, so
 * every dossier of a year follows one row whenever it is decided, and a row added later with a date
 * after that day only governs the following years. See docs/decisions/0013-rules-as-data.md.
 */
import type { AuthorityKind, ReviewerLevel } from "@/lib/generated/prisma/enums";
import { UNIT_KINDS, type UnitKind } from "@/lib/domain/vocabulary";
import { yearReferenceDate } from "@/lib/criteria/window";

/** The authorities that recognise units (Đ10 k1–3 after TT 48/2025: no district level). */
export const DECIDER_KINDS = ["UBND_XA", "UBND_TINH"] as const satisfies readonly AuthorityKind[];
export type DeciderKind = (typeof DECIDER_KINDS)[number];

export const DECIDER_KIND_LABELS: Record<DeciderKind, string> = {
  UBND_XA: "UBND xã, phường, đặc khu nơi có đơn vị",
  UBND_TINH: "UBND tỉnh",
};

export const REVIEWER_LEVELS = ["COMMUNE_POLICE", "PROVINCIAL_POLICE"] as const satisfies readonly ReviewerLevel[];

export const COMPETENCE_REVIEWER_LABELS: Record<ReviewerLevel, string> = {
  COMMUNE_POLICE: "Công an xã, phường, đặc khu",
  PROVINCIAL_POLICE: "Công an tỉnh",
};

/** One row of the table as the pure functions see it (dates as yyyy-mm-dd: no time zone moves them). */
export interface CompetenceRow {
  readonly id: string | null;
  readonly unitKind: UnitKind;
  readonly effectiveFrom: string;
  readonly reviewerLevel: ReviewerLevel;
  readonly deciderKind: DeciderKind;
  readonly decisionDeadlineMonth: number;
  readonly decisionDeadlineDay: number;
  readonly provisional: boolean;
  readonly note: string | null;
}

/**
 * Where the table has no row for a kind (a fresh database, a test fixture): the rules since
 * TT 48/2025 as the domain spec reads them — a KDC reviewed by the commune police and recognised
 * by its commune's UBND before 15/11, every other kind by the provincial police and UBND tỉnh
 * before 20/11. Marked provisional like the seeded rows.
 */
export const BUILT_IN_COMPETENCE: Readonly<Record<UnitKind, CompetenceRow>> = Object.freeze(
  Object.fromEntries(
    UNIT_KINDS.map((unitKind) => [
      unitKind,
      Object.freeze({
        id: null,
        unitKind,
        effectiveFrom: "2022-02-10",
        reviewerLevel: unitKind === "KDC" ? "COMMUNE_POLICE" : "PROVINCIAL_POLICE",
        deciderKind: unitKind === "KDC" ? "UBND_XA" : "UBND_TINH",
        decisionDeadlineMonth: 11,
        decisionDeadlineDay: unitKind === "KDC" ? 15 : 20,
        provisional: true,
        note: "Mặc định khi bảng thẩm quyền chưa có dòng cho loại đơn vị này",
      } satisfies CompetenceRow),
    ]),
  ) as Record<UnitKind, CompetenceRow>,
);

/** yyyy-mm-dd of the day the rows are read for an evaluation year (the one reference date). */
export function referenceDate(year: number): string {
  return yearReferenceDate(year);
}

/** The row governing `unitKind` in evaluation year `year`; the built-in default if none. */
export function competenceRuleFor(rows: readonly CompetenceRow[], unitKind: UnitKind, year: number): CompetenceRow {
  const on = referenceDate(year);
  let best: CompetenceRow | null = null;
  for (const r of rows) {
    if (r.unitKind !== unitKind || r.effectiveFrom > on) continue;
    if (best === null || r.effectiveFrom > best.effectiveFrom) best = r;
  }
  return best ?? BUILT_IN_COMPETENCE[unitKind];
}

export type CompetenceTable = Readonly<Record<UnitKind, CompetenceRow>>;

/** The governing row of every kind for a year. */
export function competenceTableFor(rows: readonly CompetenceRow[], year: number): CompetenceTable {
  return Object.fromEntries(UNIT_KINDS.map((k) => [k, competenceRuleFor(rows, k, year)])) as Record<UnitKind, CompetenceRow>;
}

/** Who reviews each kind in that table (the shape permissions.ts reads as `actor.competence`). */
export function reviewerLevels(table: CompetenceTable): Record<UnitKind, ReviewerLevel> {
  return Object.fromEntries(UNIT_KINDS.map((k) => [k, table[k].reviewerLevel])) as Record<UnitKind, ReviewerLevel>;
}

const pad = (n: number) => String(n).padStart(2, "0");

/** The decision deadline of a row in a year, yyyy-mm-dd. */
export function decisionDeadlineOf(rule: Pick<CompetenceRow, "decisionDeadlineMonth" | "decisionDeadlineDay">, year: number): string {
  return `${year}-${pad(rule.decisionDeadlineMonth)}-${pad(rule.decisionDeadlineDay)}`;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * A day that exists in every year: 29/2 is refused, since the deadline recurs yearly and would
 * not exist three years out of four.
 */
export function isDayOfEveryYear(month: number, day: number): boolean {
  return Number.isInteger(month) && Number.isInteger(day) && month >= 1 && month <= 12 && day >= 1 && day <= DAYS_IN_MONTH[month - 1]!;
}

/**
 * The earliest effective date a new row of a kind may take, given the latest evaluation year in
 * which a unit of that kind already has an issued decision: the day after that year's reference
 * day, so the new row never governs a year that has been decided. Null: no decision yet, any date.
 */
export function earliestNewEffectiveFrom(lastDecidedYear: number | null): string | null {
  if (lastDecidedYear === null) return null;
  const ref = new Date(`${referenceDate(lastDecidedYear)}T00:00:00Z`);
  ref.setUTCDate(ref.getUTCDate() + 1);
  return ref.toISOString().slice(0, 10);
}

/**
 * Has the row been applied (may govern a year with an issued decision)? Such a row is never
 * edited or removed: its effective date is on or before the latest decided year's reference day.
 */
export function isApplied(row: Pick<CompetenceRow, "effectiveFrom">, lastDecidedYear: number | null): boolean {
  const earliest = earliestNewEffectiveFrom(lastDecidedYear);
  return earliest !== null && row.effectiveFrom < earliest;
}

/** dd/mm/yyyy for messages. */
export { formatIsoDate } from "@/lib/domain/date-text";
