/**
 * The one set of input rules every form schema builds on (records, dossiers, decisions, users).
 * Forms send what the inputs hold (strings, booleans); these pieces turn that into typed values
 * with Vietnamese messages, the same on the client (react-hook-form) and in the server action:
 * text without control characters and within its length, real calendar dates in a sensible range,
 * bounded integers. A value that breaks them never reaches the database (where a NUL character
 * or the year 0000 used to end as an HTTP 500).
 */
import { z } from "zod";
import { todayInVietnam } from "@/lib/domain/vietnam-today";

export const MIN_YEAR = 2022; // TT 124/2021 took effect on 10/02/2022.
export const MAX_COUNT = 1_000_000;
export const COUNT_MESSAGE = "Vui lòng nhập số nguyên không âm.";
export const INVALID_CHOICE = "Giá trị lựa chọn không hợp lệ.";

export const unitIdField = z.uuid("Đơn vị không hợp lệ.");
export const idField = (message = "Mã bản ghi không hợp lệ.") => z.uuid(message);

export const yearField = z.coerce
  .number({ error: "Năm không hợp lệ." })
  .int("Năm không hợp lệ.")
  .min(MIN_YEAR, `Năm đánh giá từ ${MIN_YEAR} trở đi.`)
  .max(2100, "Năm không hợp lệ.");

/**
 * The largest value of an `Int` column (PostgreSQL int4). A bigger number passes "is an integer"
 * but makes Prisma throw when it reaches a query: an HTTP 500 instead of a message.
 */
export const INT4_MAX = 2_147_483_647;

const VERSION_MESSAGE = "Phiên bản dữ liệu không hợp lệ; vui lòng tải lại trang.";
/** A whole number within an int4 column, one message for every way to miss it. */
const int4 = (min: number, message: string) => z.coerce.number({ error: message }).int(message).min(min, message).max(INT4_MAX, message);

/** A `version` column value sent back by an edit form (0: the row does not exist yet). */
export const versionField = int4(0, VERSION_MESSAGE);
/** The version of a row that exists (a dossier as loaded by its page): 1 or more. */
export const savedVersionField = int4(1, VERSION_MESSAGE);

/**
 * A criterion id as forms send it ("CQDN-1"); whether it belongs to the unit kind's rule set is the
 * use-case's check (assertCriterionOfDossier), which knows the dossier.
 */
export const criterionIdField = z
  .string({ error: "Mã tiêu chí không hợp lệ." })
  .trim()
  .min(1, "Thiếu mã tiêu chí.")
  .max(40, "Mã tiêu chí không hợp lệ.")
  .refine((v) => !hasControlCharacters(v), "Mã tiêu chí không hợp lệ.");

const blank = (v: unknown) => v === undefined || v === null || (typeof v === "string" && v.trim() === "");

/** An optional count typed in a text box: empty → null; otherwise a non-negative integer. */
export const optionalCount = z.preprocess(
  (v) => (blank(v) ? null : typeof v === "string" ? Number(v.trim()) : v),
  z
    .number({ error: COUNT_MESSAGE })
    .int(COUNT_MESSAGE)
    .min(0, COUNT_MESSAGE)
    .max(MAX_COUNT, `Số lượng tối đa ${MAX_COUNT.toLocaleString("vi-VN")}.`)
    .nullable(),
);

/** Control characters other than line breaks and tabs: PostgreSQL refuses NUL, and none is typed by a person. */
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
export const CONTROL_CHARACTER_MESSAGE = "Nội dung có ký tự không hợp lệ (ký tự điều khiển); vui lòng nhập lại.";
export const hasControlCharacters = (v: string) => CONTROL_CHARACTERS.test(v);

/**
 * The length limit of a text field whose schema checks it in a refinement (where zod cannot see
 * it): the forms read it to show a character counter (lib/validation/max-length.ts).
 */
export const textLimits = z.registry<{ maxLength: number }>();

/**
 * Required text, trimmed; one message at a time (empty, then too short, then too long). Written
 * as one refinement rather than aborting checks, which would also silence cross-field rules.
 */
export const requiredText = (missing: string, max: number, tooLong: string, min = 1, tooShort = missing) =>
  z
    .string({ error: missing })
    .trim()
    .superRefine((v, ctx) => {
      if (hasControlCharacters(v)) ctx.addIssue({ code: "custom", message: CONTROL_CHARACTER_MESSAGE });
      else if (v.length === 0) ctx.addIssue({ code: "custom", message: missing });
      else if (v.length < min) ctx.addIssue({ code: "custom", message: tooShort });
      else if (v.length > max) ctx.addIssue({ code: "custom", message: tooLong });
    })
    .register(textLimits, { maxLength: max });

/**
 * For cross-field refinements: run them even when another field of the form is invalid, so the
 * user sees every problem at once. The refinement must then check the types of what it reads.
 */
export const evenWithOtherErrors = {
  when: (payload: { value: unknown }) => typeof payload.value === "object" && payload.value !== null,
} as const;
const isNumber = (v: unknown): v is number => typeof v === "number" && Number.isFinite(v);
export { isNumber };

/** Optional text, trimmed; empty → null. */
export const optionalText = (max: number, tooLong: string) =>
  z.preprocess((v) => (blank(v) ? null : v), z.string({ error: tooLong }).trim().max(max, tooLong).refine((v) => !hasControlCharacters(v), CONTROL_CHARACTER_MESSAGE).nullable());

/** An optional id from a <select>: "" → null. */
export const optionalId = (message = INVALID_CHOICE) => z.preprocess((v) => (blank(v) ? null : v), z.uuid(message).nullable());

/** An optional choice from a <select>: "" → null. */
export const optionalEnum = <const T extends readonly [string, ...string[]]>(values: T, message = INVALID_CHOICE) =>
  z.preprocess((v) => (blank(v) ? null : v), z.enum(values, { error: message }).nullable());

/** A checkbox: react-hook-form sends a boolean, a plain form "on"; missing means unchecked. */
export const checkbox = z
  .union([z.boolean(), z.enum(["on", "true", "false"]).transform((v) => v !== "false")], { error: INVALID_CHOICE })
  .optional()
  .transform((v) => v ?? false);

// ───────────── Dates (date-only: "yyyy-mm-dd" in, "yyyy-mm-dd" out) ─────────────

/** Dates people enter here (decisions, incidents, registrations) fall in this range of years. */
export const MIN_DATE_YEAR = 1900;
export const MAX_DATE_YEAR = 2100;

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;
const VN = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;

/** "yyyy-mm-dd" (date input) or "dd/mm/yyyy" (typed) → "yyyy-mm-dd", or null when not a calendar date. */
export function toIsoDate(value: string): string | null {
  const v = value.trim();
  let y: number, m: number, d: number;
  const iso = ISO.exec(v);
  const vn = VN.exec(v);
  if (iso) [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else if (vn) [y, m, d] = [Number(vn[3]), Number(vn[2]), Number(vn[1])];
  else return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d || y < MIN_DATE_YEAR || y > MAX_DATE_YEAR) return null;
  return `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

/** Today in Việt Nam, as "yyyy-mm-dd" (lib/domain/vietnam-today.ts). */
export { todayInVietnam };

/** For a date-only column: midnight UTC of that day. */
export function dateOnly(iso: string): Date {
  return new Date(`${iso}T00:00:00.000Z`);
}

/** A date-only column as "yyyy-mm-dd" for a form's default value. */
export function isoOf(value: Date | null | undefined): string {
  return value ? value.toISOString().slice(0, 10) : "";
}

export const INVALID_DATE = "Ngày không hợp lệ (nhập theo dạng dd/mm/yyyy).";

/** A calendar date with its own messages: "" → missing, else "yyyy-mm-dd" of a real day or `invalid`. */
export const calendarDate = (missing: string, invalid: string) =>
  z.string({ error: missing }).trim().min(1, missing).transform((v, ctx) => {
    const iso = toIsoDate(v);
    if (!iso) {
      ctx.addIssue({ code: "custom", message: invalid });
      return z.NEVER;
    }
    return iso;
  });

export const requiredDate = (missing: string) => calendarDate(missing, INVALID_DATE);

export const optionalDate = z.preprocess(
  (v) => (blank(v) ? null : v),
  z
    .string({ error: INVALID_DATE })
    .transform((v, ctx) => {
      const iso = toIsoDate(v);
      if (!iso) {
        ctx.addIssue({ code: "custom", message: INVALID_DATE });
        return z.NEVER;
      }
      return iso;
    })
    .nullable(),
);

/** A date that has happened (decisions, incidents): not after today in Việt Nam. */
export const pastDate = (missing: string, future: string) => requiredDate(missing).refine((iso) => iso <= todayInVietnam(), future);

// ───────────── URL filters (?year=, ?q=, ?communeId=…) ─────────────

/** What Next gives a page as `searchParams`, or a route handler's URLSearchParams. */
export type SearchParamsInput = Record<string, string | string[] | undefined> | URLSearchParams;

/** Longer filter values are not typed by anyone; they are dropped like any other bad value. */
export const MAX_SEARCH_PARAM_LENGTH = 200;

/**
 * One URL filter as a page may use it: the first value if repeated, trimmed; undefined when empty,
 * longer than MAX_SEARCH_PARAM_LENGTH or holding a control character. A filter is a convenience,
 * so a bad one is ignored (the page shows unfiltered), never an error page: `?q=%00` used to reach
 * PostgreSQL, which refuses NUL, and end as an HTTP 500.
 */
export function searchParam(params: SearchParamsInput, name: string): string | undefined {
  const raw = params instanceof URLSearchParams ? params.get(name) : params[name];
  const value = (Array.isArray(raw) ? raw[0] : raw)?.trim();
  if (!value || value.length > MAX_SEARCH_PARAM_LENGTH || hasControlCharacters(value)) return undefined;
  return value;
}

/**
 * A page's filters: every key of `schema` read through searchParam, then parsed. Fields should
 * end in `.optional().catch(undefined)` (or `.catch(default)`) so one bad value drops only itself.
 */
export function parseSearchParams<S extends z.ZodObject>(schema: S, params: SearchParamsInput): z.output<S> {
  return schema.parse(Object.fromEntries(Object.keys(schema.shape).map((name) => [name, searchParam(params, name)])));
}

/** A filter that is a database id of type bigint (cursor of a list): digits only, within int8. */
export const bigintParam = z
  .string()
  .regex(/^\d{1,18}$/)
  .transform((v) => BigInt(v));
