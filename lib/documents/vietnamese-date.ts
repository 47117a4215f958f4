/**
 * Dates as Vietnamese administrative documents write them (NĐ 30/2020/NĐ-CP, Phụ lục I, mục II.4):
 * "Lào Cai, ngày 05 tháng 02 năm 2026" — days below 10 and the months 1 and 2 get a leading zero,
 * the other months do not ("ngày 20 tháng 3 năm 2026").
 *
 * Inputs are ISO calendar dates "yyyy-mm-dd" and are handled as plain numbers, never through `Date`,
 * so the printed day cannot shift with the server's time zone.
 */
import { formatIsoDate } from "@/lib/domain/date-text";

export interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** The calendar date of an ISO "yyyy-mm-dd" string, or null when malformed or not a real day. */
export function parseIsoDate(value: string): CalendarDate | null {
  const match = ISO_DATE.exec(value);
  if (!match) return null;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return { year, month, day };
}

function requireIsoDate(value: string): CalendarDate {
  const date = parseIsoDate(value);
  if (!date) throw new RangeError(`Ngày không hợp lệ: "${value}" (cần định dạng yyyy-mm-dd, ví dụ 2026-11-20).`);
  return date;
}

const pad2 = (n: number): string => String(n).padStart(2, "0");

/** "ngày 05 tháng 02 năm 2026", "ngày 20 tháng 11 năm 2026" (NĐ 30: leading zero for day < 10, month 1–2). */
export function formatVietnameseDate(isoDate: string): string {
  const { year, month, day } = requireIsoDate(isoDate);
  const monthText = month <= 2 ? pad2(month) : String(month);
  return `ngày ${pad2(day)} tháng ${monthText} năm ${year}`;
}

/** The "địa danh, ngày tháng năm" line: "Lào Cai, ngày 20 tháng 11 năm 2026". */
export function formatPlaceAndDate(place: string, isoDate: string): string {
  return `${place.trim()}, ${formatVietnameseDate(isoDate)}`;
}

/** "20/11/2026", for references to a document inside running text ("Quyết định số … ngày 20/11/2026"). */
export function formatShortDate(isoDate: string): string {
  requireIsoDate(isoDate);
  return formatIsoDate(isoDate);
}
