/**
 * How a date is written in the product's forms: "dd/MM/yyyy", whatever the browser's language
 * (issue 11 §6). A browser's own date field shows mm/dd/yyyy in an English browser under a hint
 * that says "Ngày/tháng/năm"; a mistyped day then saved a wrong date. Pure, shared by the date
 * input (display and typing) and the schemas (which accept both this text and "yyyy-mm-dd").
 */

/**
 * "2026-03-05" → "05/03/2026": how every screen, message and document reference writes a date
 * (the one formatter; issue 11 §6). Date-only values are ISO strings or UTC-midnight Dates.
 */
export function formatIsoDate(value: string | Date): string {
  const iso = typeof value === "string" ? value : value.toISOString().slice(0, 10);
  return `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
}

/** "2026-03-05" → "05/03/2026"; anything else is returned unchanged (it is what the person typed). */
export function isoToDateText(value: string | null | undefined): string {
  if (!value) return "";
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : value;
}

/**
 * The text as the person keeps typing: slashes appear after the day and the month, so "05032026"
 * reads "05/03/2026". Only when characters were added at the end — never while deleting or editing
 * inside, where moving the caret would fight the person.
 */
export function maskDateTyping(previous: string, next: string): string {
  if (next.length <= previous.length || !next.startsWith(previous)) return next;
  // The slash the mask already put in: a person who types it too gets one, not two.
  if (previous.endsWith("/") && next === `${previous}/`) return previous;
  const digits = next.replace(/\D/g, "");
  if (next !== next.replace(/[^\d/]/g, "")) return next;
  if (/^\d+$/.test(next) && digits.length > 2) {
    const day = digits.slice(0, 2);
    const month = digits.slice(2, 4);
    const year = digits.slice(4, 8);
    return [day, month, year].filter(Boolean).join("/") + (month.length === 2 && !year ? "/" : "");
  }
  if (/^\d{2}$/.test(next) || /^\d{1,2}\/\d{2}$/.test(next)) return `${next}/`;
  return next;
}

/** On leaving the field: "5/3/2026" → "05/03/2026"; text that is not such a date stays as typed. */
export function normaliseDateText(value: string): string {
  const v = value.trim();
  const m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(v);
  if (m) return `${m[1]!.padStart(2, "0")}/${m[2]!.padStart(2, "0")}/${m[3]}`;
  const digits = /^(\d{2})(\d{2})(\d{4})$/.exec(v);
  if (digits) return `${digits[1]}/${digits[2]}/${digits[3]}`;
  return isoToDateText(v);
}
