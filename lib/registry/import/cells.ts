/**
 * Cell values as the readers hand them over (exceljs for .xlsx, csv-parse for .csv), and the
 * conversions every list's columns share: text, a choice from a closed list, yes/no, dates.
 * Pure (no I/O); each conversion answers a value or a Vietnamese message, never throws.
 */
import { formatIsoDate } from "@/lib/domain/date-text";
import { hasControlCharacters, CONTROL_CHARACTER_MESSAGE } from "@/lib/validation/input-rules";

/** One cell: what .xlsx can hold once formulas are refused; CSV gives strings only. */
export type Cell = string | number | boolean | Date | null;

export type Converted<T> = { ok: true; value: T } | { ok: false; message: string };

const ok = <T>(value: T): Converted<T> => ({ ok: true, value });
const fail = (message: string): Converted<never> => ({ ok: false, message });

/** The cell as a person reads it: trimmed text, "" for an empty cell. */
export function cellText(cell: Cell): string {
  if (cell === null || cell === undefined) return "";
  if (cell instanceof Date) return formatDayMonthYear(cell);
  if (typeof cell === "boolean") return cell ? "Có" : "Không";
  return String(cell).normalize("NFC").replace(/\s+/gu, " ").trim();
}

export const isBlank = (cell: Cell) => cellText(cell) === "";

/**
 * Folds a name for comparison the way a person compares names: case, diacritics (đ too) and
 * repeated spaces ignored, so "Thôn Đông" and "thon  dong" are the same name.
 */
export function foldName(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{M}+/gu, "")
    .replace(/[đĐ]/gu, "d")
    .toLowerCase()
    .replace(/\s+/gu, " ")
    .trim();
}

export function parseText(cell: Cell, max: number): Converted<string> {
  const text = cellText(cell);
  if (hasControlCharacters(text)) return fail(CONTROL_CHARACTER_MESSAGE);
  if (text.length > max) return fail(`Nội dung dài quá ${max} ký tự.`);
  return ok(text);
}

/**
 * A value from a closed list, written as its Vietnamese label (what the template's drop-down
 * offers) or as its code; case, diacritics and spacing are not held against the person.
 */
const foldedChoices = new WeakMap<object, Map<string, string>>();

/** The list's folded labels and lower-case codes → code, built once per list (thousands of rows look it up). */
function choicesOf(labels: Readonly<Record<string, string>>): Map<string, string> {
  let map = foldedChoices.get(labels);
  if (!map) {
    map = new Map();
    for (const [code, label] of Object.entries(labels)) {
      map.set(foldName(label), code);
      map.set(code.toLowerCase(), code);
    }
    foldedChoices.set(labels, map);
  }
  return map;
}

export function parseChoice<T extends string>(cell: Cell, labels: Readonly<Record<T, string>>): Converted<T> {
  const text = cellText(cell);
  const map = choicesOf(labels);
  const code = map.get(foldName(text)) ?? map.get(text.toLowerCase());
  if (code !== undefined) return ok(code as T);
  return fail(`Giá trị “${text}” không có trong danh sách cho phép (${Object.values<string>(labels).join("; ")}).`);
}

export const YES = "Có";
export const NO = "Không";
const TRUE_WORDS = new Set(["co", "x", "true", "1", "yes"]);
const FALSE_WORDS = new Set(["khong", "false", "0", "no"]);

export function parseYesNo(cell: Cell): Converted<boolean> {
  if (typeof cell === "boolean") return ok(cell);
  const folded = foldName(cellText(cell));
  if (TRUE_WORDS.has(folded)) return ok(true);
  if (FALSE_WORDS.has(folded)) return ok(false);
  return fail(`Giá trị “${cellText(cell)}” không hợp lệ; vui lòng ghi “${YES}” hoặc “${NO}”.`);
}

/** Excel's day 0 is 30/12/1899 (its 1900 leap-year bug is why not 31/12). */
const EXCEL_EPOCH_UTC = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;

export const DATE_MESSAGE = "Ngày không hợp lệ; vui lòng ghi theo dạng ngày/tháng/năm (dd/MM/yyyy).";

/** A calendar date (UTC midnight) when y-m-d names a real day in 1900–2100, else null. */
export function realDate(year: number, month: number, day: number): Date | null {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return null;
  if (year < 1900 || year > 2100 || month < 1 || month > 12 || day < 1) return null;
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day ? date : null;
}

/**
 * A date as a spreadsheet holds it: a date cell (exceljs gives a Date at UTC midnight), an Excel
 * date serial (a number, e.g. from a cell formatted as a number or a CSV written by a program),
 * or text dd/MM/yyyy (d/M/yyyy and "-" or "." separators too). 31/02/2026 is not a date.
 */
export function parseDate(cell: Cell): Converted<Date> {
  if (cell instanceof Date) {
    if (Number.isNaN(cell.getTime())) return fail(DATE_MESSAGE);
    return realDate(cell.getUTCFullYear(), cell.getUTCMonth() + 1, cell.getUTCDate()) ? ok(new Date(Date.UTC(cell.getUTCFullYear(), cell.getUTCMonth(), cell.getUTCDate()))) : fail(DATE_MESSAGE);
  }
  const text = cellText(cell);
  const serial = typeof cell === "number" ? cell : /^\d{1,6}(\.\d+)?$/.test(text) ? Number(text) : null;
  if (serial !== null) {
    if (serial < 1 || serial > 73_051) return fail(DATE_MESSAGE); // 73051 = 31/12/2099
    const date = new Date(EXCEL_EPOCH_UTC + Math.floor(serial) * DAY_MS);
    return ok(date);
  }
  const m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text);
  const date = m ? realDate(Number(m[3]), Number(m[2]), Number(m[1])) : null;
  return date ? ok(date) : fail(DATE_MESSAGE);
}

export function formatDayMonthYear(date: Date): string {
  return formatIsoDate(date);
}
