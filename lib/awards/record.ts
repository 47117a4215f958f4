/**
 * A nominee's record over the years (issue 14 §3): the years its TT124 recognition stood, its
 * movement class per year, and the awards it received. Computed live while a proposal is a draft
 * and frozen into CommendationNominee.record when the tờ trình is issued, so the tờ trình and the
 * decision keep printing what was true when they were written. Pure: no I/O.
 */
import type { AwardKind } from "@/lib/generated/prisma/enums";
import { AWARD_KIND_SHORT_LABELS } from "./kinds";

/** The movement class of one year (a CLASSIFIED MovementEvaluation). */
export type YearClass = { year: number; classCode: string; className: string; classRank: number; reviewedTotal: string | null };

/** An award received before (or in) the year, with the decision that gave it. */
export type PriorAward = { year: number; kind: AwardKind; decisionNumber: string; issuedOn: string };

export type NomineeRecord = {
  /** Years in which the unit was recognised under TT124 and the recognition still stands; [] for a participant or an individual. */
  recognisedYears: number[];
  classes: YearClass[];
  awards: PriorAward[];
};

export const EMPTY_RECORD: NomineeRecord = { recognisedYears: [], classes: [], awards: [] };

/** Sorted, de-duplicated, newest first where a list is shown. */
export function normaliseRecord(record: NomineeRecord): NomineeRecord {
  return {
    recognisedYears: [...new Set(record.recognisedYears)].sort((a, b) => a - b),
    classes: [...record.classes].sort((a, b) => a.year - b.year),
    awards: [...record.awards].sort((a, b) => a.year - b.year || a.issuedOn.localeCompare(b.issuedOn)),
  };
}

/** How many consecutive years, ending with `end`, are in `years` (0 when `end` is not). */
export function consecutiveYearsEndingAt(years: readonly number[], end: number): number {
  const set = new Set(years);
  let n = 0;
  while (set.has(end - n)) n += 1;
  return n;
}

/** The years in which the nominee reached at least `rank` (1 = the best class). */
export function yearsAtRank(record: NomineeRecord, rank: number): number[] {
  return record.classes.filter((c) => c.classRank <= rank).map((c) => c.year);
}

export function classOf(record: NomineeRecord, year: number): YearClass | undefined {
  return record.classes.find((c) => c.year === year);
}

/** "2024–2026" for a run, "2022, 2024–2026" for runs: how the tờ trình writes years. */
export function yearRanges(years: readonly number[]): string {
  const sorted = [...new Set(years)].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j]! + 1) j += 1;
    parts.push(i === j ? String(sorted[i]) : `${sorted[i]}–${sorted[j]}`);
    i = j + 1;
  }
  return parts.join(", ");
}

const points = (hundredthsText: string | null) => (hundredthsText === null ? "" : ` (${hundredthsText.replace(".", ",")} điểm)`);

/**
 * The record as the lines people read on the page and in the tờ trình, in Vietnamese:
 * recognition, classes, awards; "—" lines are left out, the caller shows an empty state.
 */
export function recordLines(record: NomineeRecord, options: { tt124Unit: boolean }): string[] {
  const r = normaliseRecord(record);
  const lines: string[] = [];
  if (options.tt124Unit) {
    lines.push(
      r.recognisedYears.length > 0
        ? `Đạt tiêu chuẩn "An toàn về an ninh, trật tự": ${yearRanges(r.recognisedYears)}`
        : `Chưa được công nhận đạt tiêu chuẩn "An toàn về an ninh, trật tự"`,
    );
  }
  if (r.classes.length > 0) lines.push(`Xếp loại phong trào: ${r.classes.map((c) => `năm ${c.year} ${c.className}${points(c.reviewedTotal)}`).join("; ")}`);
  if (r.awards.length > 0) lines.push(`Khen thưởng: ${r.awards.map((a) => `năm ${a.year} ${AWARD_KIND_SHORT_LABELS[a.kind]} (Quyết định số ${a.decisionNumber})`).join("; ")}`);
  return lines;
}

/** A frozen record read back from JSON; anything malformed reads as empty rather than failing a page. */
export function parseRecord(value: unknown): NomineeRecord | null {
  if (value === null || value === undefined || typeof value !== "object") return null;
  const v = value as Partial<NomineeRecord>;
  if (!Array.isArray(v.recognisedYears) || !Array.isArray(v.classes) || !Array.isArray(v.awards)) return null;
  return normaliseRecord({ recognisedYears: v.recognisedYears.filter((y) => Number.isInteger(y)), classes: v.classes, awards: v.awards });
}
