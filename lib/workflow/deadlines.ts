/**
 * Calendar deadlines of the yearly cycle (TT124 Đ9; plan 195/KH-UBND). Dates are ISO strings so
 * no time zone can move a deadline by a day. Missing a deadline marks an item late or overdue; it
 * does not block it (the law sets no sanction, and the province decides case by case).
 */
import type { UnitKind } from "@/lib/domain/vocabulary";

export type YearDeadlines = {
  /** Registration in quarter I. */
  registration: string;
  /** Self-assessment closes with the evaluation window (Đ8 k2: 15/11; KDC window ends 31/10). */
  selfAssessment: string;
  /** Recognition decision: KDC before 15/11, others before 20/11 (Đ9 k1). */
  decision: string;
};

export function deadlinesFor(kind: UnitKind, year: number): YearDeadlines {
  return {
    registration: `${year}-03-31`,
    selfAssessment: `${year}-11-15`,
    decision: kind === "KDC" ? `${year}-11-15` : `${year}-11-20`,
  };
}

/** Today's date in Vietnam (UTC+7, no daylight saving) as yyyy-mm-dd. */
export function vietnamToday(now: Date = new Date()): string {
  return new Date(now.getTime() + 7 * 3600_000).toISOString().slice(0, 10);
}

/** Whole days from `today` to `deadline` (negative when overdue). */
export function daysUntil(deadline: string, today: string): number {
  return Math.round((Date.parse(`${deadline}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);
}

export function isLate(doneOn: string, deadline: string): boolean {
  return doneOn > deadline;
}

/** "còn 5 ngày", "hôm nay là hạn cuối", "quá hạn 3 ngày". */
export function countdownLabel(deadline: string, today: string): string {
  const d = daysUntil(deadline, today);
  if (d > 0) return `còn ${d} ngày`;
  if (d === 0) return "hôm nay là hạn cuối";
  return `quá hạn ${-d} ngày`;
}
