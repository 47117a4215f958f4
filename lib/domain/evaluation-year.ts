import { todayInVietnam } from "./vietnam-today";

/**
 * The evaluation year the app opens on: the calendar year in Việt Nam (registration is in its
 * quarter I) — not the server's, which on 31/12 after 17:00 UTC is still the old year.
 */
export function currentEvaluationYear(now: Date = new Date()): number {
  return Number(todayInVietnam(now).slice(0, 4));
}
