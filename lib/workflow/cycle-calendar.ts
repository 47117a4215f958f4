/**
 * The calendar of one evaluation year as data (issue 13 §5): the deadlines the product counts
 * down to, marks late and reminds people of. PURE: the store (cycle-calendar-store.ts) loads the
 * year's row once per request; a year without a row takes `defaultCycleCalendar(year)`, so a
 * fresh database behaves exactly as the constants it replaces did.
 *
 * Decision deadlines are NOT here: they stay in the competence table (lib/rules/competence.ts),
 * which already holds them per unit kind and effective date with the rest of Đ9–Đ10 (who reviews,
 * who decides). Two places for one date would drift. ADR 0027-deadlines-as-data.
 */
import type { UnitKind } from "@/lib/domain/vocabulary";

/** Dates as yyyy-mm-dd strings: no time zone can move a deadline by a day. */
export interface CycleCalendar {
  readonly year: number;
  /** Registration (đăng ký phấn đấu) in quarter I (TT124 Đ9 k2 a): default 31/03. */
  readonly registrationEnd: string;
  /**
   * The self-assessment dossier of a khu dân cư: default 31/10, the end of its Đ8 k2 window
   * (01/11 of Y-1 to 31/10 of Y), which leaves the commune police time to review before the
   * 15/11 decision deadline.
   */
  readonly selfAssessmentEndKdc: string;
  /** The self-assessment dossier of a xã, an agency, an enterprise, a school: default 15/11 (end of their window). */
  readonly selfAssessmentEndOthers: string;
  /** Units report the movement's results to the provincial police (plan 195/KH-UBND §6): default 15/11. */
  readonly unitReportEnd: string;
  /** The provincial police report to UBND tỉnh (plan 195/KH-UBND §6): default 20/11. */
  readonly provinceReportEnd: string;
  /** Days before a deadline on which a reminder is due, largest first (default 14 and 3). */
  readonly reminderOffsets: readonly number[];
  /** Null: no row for the year, the built-in defaults apply. */
  readonly version: number | null;
}

export const DEFAULT_REMINDER_OFFSETS: readonly number[] = Object.freeze([14, 3]);

const pad4 = (year: number) => String(year).padStart(4, "0");

/** The built-in calendar of a year: what the product used before the calendar was data. */
export function defaultCycleCalendar(year: number): CycleCalendar {
  const y = pad4(year);
  return Object.freeze({
    year,
    registrationEnd: `${y}-03-31`,
    selfAssessmentEndKdc: `${y}-10-31`,
    selfAssessmentEndOthers: `${y}-11-15`,
    unitReportEnd: `${y}-11-15`,
    provinceReportEnd: `${y}-11-20`,
    reminderOffsets: DEFAULT_REMINDER_OFFSETS,
    version: null,
  });
}

/** The self-assessment deadline of a unit kind in the year. */
export function selfAssessmentEndOf(calendar: CycleCalendar, kind: UnitKind): string {
  return kind === "KDC" ? calendar.selfAssessmentEndKdc : calendar.selfAssessmentEndOthers;
}

/** The date fields an administrator edits, in the order of the cycle (the form's order too). */
export const CALENDAR_DATE_FIELDS = ["registrationEnd", "selfAssessmentEndKdc", "selfAssessmentEndOthers", "unitReportEnd", "provinceReportEnd"] as const;
export type CalendarDateField = (typeof CALENDAR_DATE_FIELDS)[number];

export const CALENDAR_FIELD_LABELS: Record<CalendarDateField | "reminderOffsets", string> = {
  registrationEnd: "Hạn đăng ký phấn đấu (quý I)",
  selfAssessmentEndKdc: "Hạn nộp hồ sơ tự đánh giá của khu dân cư",
  selfAssessmentEndOthers: "Hạn nộp hồ sơ tự đánh giá của xã, cơ quan, doanh nghiệp, cơ sở giáo dục",
  unitReportEnd: "Hạn các đơn vị báo cáo Công an tỉnh",
  provinceReportEnd: "Hạn Công an tỉnh báo cáo UBND tỉnh",
  reminderOffsets: "Nhắc trước hạn (số ngày)",
};

/** The largest number of reminder offsets and of days before a deadline an offset may be. */
export const MAX_REMINDER_OFFSETS = 4;
export const MAX_REMINDER_DAYS = 60;

/**
 * The order the cycle needs, checked by the form's schema and again by the use-case: registration
 * before either self-assessment deadline, the units' report no later than the province's. Each
 * message names the field it belongs to. Every date lies in the calendar's own year.
 */
export function calendarOrderProblems(c: Pick<CycleCalendar, "year" | CalendarDateField>): { field: CalendarDateField; message: string }[] {
  const out: { field: CalendarDateField; message: string }[] = [];
  for (const f of CALENDAR_DATE_FIELDS) {
    if (c[f].slice(0, 4) !== pad4(c.year)) out.push({ field: f, message: `Ngày phải thuộc năm ${c.year}.` });
  }
  if (out.length) return out;
  if (c.registrationEnd >= c.selfAssessmentEndKdc) out.push({ field: "selfAssessmentEndKdc", message: "Hạn nộp hồ sơ tự đánh giá phải sau hạn đăng ký phấn đấu." });
  if (c.registrationEnd >= c.selfAssessmentEndOthers) out.push({ field: "selfAssessmentEndOthers", message: "Hạn nộp hồ sơ tự đánh giá phải sau hạn đăng ký phấn đấu." });
  if (c.unitReportEnd > c.provinceReportEnd) out.push({ field: "provinceReportEnd", message: "Hạn Công an tỉnh báo cáo UBND tỉnh không được trước hạn các đơn vị báo cáo Công an tỉnh." });
  return out;
}

/** "14, 3" → [14, 3]: distinct, largest first. */
export function normaliseOffsets(offsets: readonly number[]): number[] {
  return [...new Set(offsets)].sort((a, b) => b - a);
}
