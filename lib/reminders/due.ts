/**
 * Which deadline reminders are due on a day (issue 13 §1, §4). PURE: given the year's calendar,
 * the decision deadlines of the competence table and today in Việt Nam (lib/domain/vietnam-today),
 * it lists the deadlines reaching one of the calendar's offsets today ("còn 14 ngày",
 * "còn 3 ngày") or passed yesterday ("đã quá hạn"). Nothing is due on any other day.
 *
 * Each due reminder has a stable id built from the year, the deadline and the stage — never from
 * today's date or a clock — so a rerun, a restart or a second instance computes the same ids, and
 * re-running the scan for a missed day (a catch-up) yields the keys the missed run would have.
 */
import type { UnitKind } from "@/lib/domain/vocabulary";
import { UNIT_KINDS } from "@/lib/domain/vocabulary";
import { daysUntil } from "@/lib/workflow/deadlines";
import type { CycleCalendar } from "@/lib/workflow/cycle-calendar";

/** The deadlines of the cycle a reminder can be about. */
export const REMINDER_DEADLINES = ["registration", "selfAssessmentKdc", "selfAssessment", "decision", "unitReport", "provinceReport"] as const;
export type ReminderDeadline = (typeof REMINDER_DEADLINES)[number];

export const REMINDER_DEADLINE_LABELS: Record<ReminderDeadline, string> = {
  registration: "Hạn đăng ký phấn đấu",
  selfAssessmentKdc: "Hạn nộp hồ sơ tự đánh giá của khu dân cư",
  selfAssessment: "Hạn nộp hồ sơ tự đánh giá",
  decision: "Hạn quyết định công nhận",
  unitReport: "Hạn các đơn vị báo cáo Công an tỉnh",
  provinceReport: "Hạn Công an tỉnh báo cáo UBND tỉnh",
};

/** "14", "3" (days before), or "overdue" (the day after the deadline). */
export type ReminderStage = `${number}` | "overdue";

export interface DueReminder {
  /** `<year>:<deadline key>:<stage>`, e.g. "2026:registration:14", "2026:decision-11-20:overdue". */
  readonly id: string;
  readonly year: number;
  readonly deadline: ReminderDeadline;
  /** The deadline's date, yyyy-mm-dd. */
  readonly date: string;
  /** The unit kinds the deadline concerns (a decision deadline: the kinds sharing that date). */
  readonly kinds: readonly UnitKind[];
  readonly stage: ReminderStage;
  /** Days from today to the deadline (−1 when overdue). */
  readonly daysLeft: number;
  /** "còn 14 ngày", "còn 3 ngày", "đã quá hạn". */
  readonly label: string;
}

/** The label of a stage, as the reminders write it. */
export function stageLabel(daysLeft: number): string {
  return daysLeft < 0 ? "đã quá hạn" : daysLeft === 0 ? "hôm nay là hạn cuối" : `còn ${daysLeft} ngày`;
}

type Dated = { deadline: ReminderDeadline; key: string; date: string; kinds: readonly UnitKind[] };

/** Every deadline of the year with its key, decision deadlines grouped by date. */
export function yearDeadlines(calendar: CycleCalendar, decisionDates: Readonly<Record<UnitKind, string>>): Dated[] {
  const others = UNIT_KINDS.filter((k) => k !== "KDC");
  const out: Dated[] = [
    { deadline: "registration", key: "registration", date: calendar.registrationEnd, kinds: UNIT_KINDS },
    { deadline: "selfAssessmentKdc", key: "self-assessment-kdc", date: calendar.selfAssessmentEndKdc, kinds: ["KDC"] },
    { deadline: "selfAssessment", key: "self-assessment", date: calendar.selfAssessmentEndOthers, kinds: others },
    { deadline: "unitReport", key: "unit-report", date: calendar.unitReportEnd, kinds: UNIT_KINDS },
    { deadline: "provinceReport", key: "province-report", date: calendar.provinceReportEnd, kinds: [] },
  ];
  // One reminder per date, not per kind: a provincial reviewer hears once about 20/11.
  const byDate = new Map<string, UnitKind[]>();
  for (const k of UNIT_KINDS) byDate.set(decisionDates[k], [...(byDate.get(decisionDates[k]) ?? []), k]);
  for (const [date, kinds] of [...byDate].sort(([a], [b]) => (a < b ? -1 : 1))) {
    out.push({ deadline: "decision", key: `decision-${date.slice(5)}`, date, kinds });
  }
  return out;
}

/**
 * The reminders due on `today` (yyyy-mm-dd in Việt Nam) for the calendar's year: a deadline
 * `offset` days ahead for one of the calendar's offsets, or one that passed yesterday.
 */
export function dueReminders(calendar: CycleCalendar, decisionDates: Readonly<Record<UnitKind, string>>, today: string): DueReminder[] {
  const out: DueReminder[] = [];
  for (const d of yearDeadlines(calendar, decisionDates)) {
    const daysLeft = daysUntil(d.date, today);
    let stage: ReminderStage | null = null;
    if (daysLeft === -1) stage = "overdue";
    else if (daysLeft > 0 && calendar.reminderOffsets.includes(daysLeft)) stage = `${daysLeft}`;
    if (stage === null) continue;
    out.push({ id: `${calendar.year}:${d.key}:${stage}`, year: calendar.year, deadline: d.deadline, date: d.date, kinds: d.kinds, stage, daysLeft, label: stageLabel(daysLeft) });
  }
  return out;
}

/** The weekday the provincial reviewers' digest goes out: Monday (ISO weekday 1). */
export const DIGEST_WEEKDAY = 1;

/** ISO weekday of a yyyy-mm-dd date: Monday 1 … Sunday 7. */
export function isoWeekday(date: string): number {
  const d = new Date(`${date}T00:00:00Z`).getUTCDay();
  return d === 0 ? 7 : d;
}

/** "2026-W48": the ISO week of a date, the stable part of a digest's key. */
export function isoWeek(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  const day = isoWeekday(date);
  d.setUTCDate(d.getUTCDate() + 4 - day); // the Thursday of the week decides its year
  const year = d.getUTCFullYear();
  const week = Math.ceil(((d.getTime() - Date.UTC(year, 0, 1)) / 86_400_000 + 1) / 7);
  return `${year}-W${String(week).padStart(2, "0")}`;
}

/** Is the weekly digest due today? */
export function digestDue(today: string): boolean {
  return isoWeekday(today) === DIGEST_WEEKDAY;
}
