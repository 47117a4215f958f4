/**
 * Whether a form about to be saved differs from what was last saved. A save that changes nothing
 * says "Không có thay đổi." instead of "Đã lưu." (issue 11 §10), and writes nothing — no new
 * version, no audit event for a non-event.
 */

type Value = unknown;

/** A value as the person sees it: blank is blank whatever its type, text is compared trimmed (as the schemas trim). */
function normalise(value: Value): string {
  if (value === undefined || value === null) return "";
  if (typeof value === "string") return value.trim();
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (Array.isArray(value)) return JSON.stringify(value.map(normalise).sort());
  if (value instanceof Date) return value.toISOString();
  return JSON.stringify(value);
}

/** True when no field but the ignored ones (the concurrency `version` by default) differs. */
export function sameFormValues(saved: Record<string, Value>, current: Record<string, Value>, ignore: readonly string[] = ["version"]): boolean {
  const keys = new Set([...Object.keys(saved), ...Object.keys(current)]);
  for (const key of keys) {
    if (ignore.includes(key)) continue;
    if (normalise(saved[key]) !== normalise(current[key])) return false;
  }
  return true;
}

export const NO_CHANGES_MESSAGE = "Không có thay đổi.";
