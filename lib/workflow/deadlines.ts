/**
 * Calendar deadlines of the yearly cycle (TT124 Đ9; plan 195/KH-UBND), read from the year's
 * calendar (lib/workflow/cycle-calendar.ts, data the administrators edit) and, for the decision,
 * the competence row governing the kind. Dates are ISO strings so no time zone can move a
 * deadline by a day. Missing a deadline marks an item late or overdue; it does not block it (the
 * law sets no sanction, and the province decides case by case).
 */
import type { UnitKind } from "@/lib/domain/vocabulary";
import { BUILT_IN_COMPETENCE, decisionDeadlineOf, type CompetenceRow } from "@/lib/rules/competence";
import { selfAssessmentEndOf, type CycleCalendar } from "./cycle-calendar";

export type YearDeadlines = {
  /** Registration in quarter I. */
  registration: string;
  /** The self-assessment dossier is due (the calendar's date for the kind: KDC 31/10, others 15/11 by default). */
  selfAssessment: string;
  /** Recognition decision: from the competence row governing the kind that year (Đ9 k1: KDC 15/11, others 20/11). */
  decision: string;
};

/**
 * `calendar`: the year's calendar, loaded once per request by the caller (loadCycleCalendar).
 * `rule`: the competence row governing the kind in that year (lib/rules/competence.ts), loaded by
 * the caller; without it, the built-in default (KDC 15/11, others 20/11).
 */
export function deadlinesFor(kind: UnitKind, calendar: CycleCalendar, rule: Pick<CompetenceRow, "decisionDeadlineMonth" | "decisionDeadlineDay"> = BUILT_IN_COMPETENCE[kind]): YearDeadlines {
  return {
    registration: calendar.registrationEnd,
    selfAssessment: selfAssessmentEndOf(calendar, kind),
    decision: decisionDeadlineOf(rule, calendar.year),
  };
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

/** A step done after its deadline, named the same way to the unit and to the reviewer. */
export const LATE_LABELS = { registration: "Đăng ký muộn", submission: "Nộp muộn" } as const;

/** The badge of a step of the cycle: done on time, done late, or the countdown to its deadline. */
export function stepStatus(step: { deadline: string; done: boolean; late?: boolean; lateLabel?: string }, today: string): { label: string; tone: "green" | "amber" | "red" } {
  if (step.done) return step.late ? { label: step.lateLabel ?? "Muộn", tone: "amber" } : { label: "Đã xong", tone: "green" };
  return { label: countdownLabel(step.deadline, today), tone: step.deadline < today ? "red" : "amber" };
}
