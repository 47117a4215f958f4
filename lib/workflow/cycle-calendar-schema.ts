/**
 * zod schema of the deadlines form (/admin/deadlines), shared by the form and its server action.
 * Pure. Dates arrive as "dd/mm/yyyy" (typed) or "yyyy-mm-dd"; the reminder offsets as "14, 3".
 */
import { z } from "zod";
import { MIN_YEAR, requiredDate, versionField } from "@/lib/validation/input-rules";
import { CALENDAR_DATE_FIELDS, MAX_REMINDER_DAYS, MAX_REMINDER_OFFSETS, calendarOrderProblems, normaliseOffsets } from "./cycle-calendar";

export const MAX_CALENDAR_YEAR = 2100;

const calendarYear = z.coerce
  .number({ error: "Năm không hợp lệ." })
  .int("Năm không hợp lệ.")
  .min(MIN_YEAR, `Năm đánh giá từ ${MIN_YEAR} trở đi.`)
  .max(MAX_CALENDAR_YEAR, "Năm không hợp lệ.");

const OFFSETS_MESSAGE = `Nhập từ 1 đến ${MAX_REMINDER_OFFSETS} số ngày, cách nhau bằng dấu phẩy, mỗi số từ 1 đến ${MAX_REMINDER_DAYS} (ví dụ: 14, 3).`;

/** "14, 3" (or [14, 3]) → [14, 3], distinct and largest first; one message on the field itself. */
export const reminderOffsetsField = z
  .union([z.string(), z.array(z.union([z.number(), z.string()]))], { error: OFFSETS_MESSAGE })
  .transform((v, ctx) => {
    const parts = (typeof v === "string" ? v.split(/[,;\s]+/) : v.map(String)).map((p) => p.trim()).filter((p) => p !== "");
    const days = parts.map((p) => (/^\d+$/.test(p) ? Number(p) : NaN));
    if (days.length < 1 || days.length > MAX_REMINDER_OFFSETS || days.some((n) => !Number.isInteger(n) || n < 1 || n > MAX_REMINDER_DAYS)) {
      ctx.addIssue({ code: "custom", message: OFFSETS_MESSAGE });
      return z.NEVER;
    }
    return normaliseOffsets(days);
  });

export const cycleCalendarSchema = z
  .object({
    year: calendarYear,
    /** 0: the year has no row yet (its defaults are shown). */
    version: versionField,
    registrationEnd: requiredDate("Vui lòng nhập hạn đăng ký phấn đấu."),
    selfAssessmentEndKdc: requiredDate("Vui lòng nhập hạn nộp hồ sơ tự đánh giá của khu dân cư."),
    selfAssessmentEndOthers: requiredDate("Vui lòng nhập hạn nộp hồ sơ tự đánh giá của các đơn vị khác."),
    unitReportEnd: requiredDate("Vui lòng nhập hạn các đơn vị báo cáo Công an tỉnh."),
    provinceReportEnd: requiredDate("Vui lòng nhập hạn Công an tỉnh báo cáo UBND tỉnh."),
    reminderOffsets: reminderOffsetsField,
  })
  .superRefine((v, ctx) => {
    // Order is checked only between dates that parsed: a missing date has its own message.
    if (!CALENDAR_DATE_FIELDS.every((f) => typeof v[f] === "string" && /^\d{4}-\d{2}-\d{2}$/.test(v[f])) || typeof v.year !== "number") return;
    for (const p of calendarOrderProblems(v)) ctx.addIssue({ code: "custom", path: [p.field], message: p.message });
  });
export type CycleCalendarInput = z.output<typeof cycleCalendarSchema>;

/** The page's ?year=: any year the schema accepts, else none (the page takes the current one). */
export const calendarYearParam = calendarYear.optional().catch(undefined);

export { CALENDAR_DATE_FIELDS };
