/**
 * Today in Việt Nam, the one definition (issue 11 §6: there were two). Việt Nam keeps UTC+7 all
 * year (no daylight saving), so the date is the UTC date seven hours later, whatever the server's
 * own time zone. Pure: pass `now` to test.
 */
export function todayInVietnam(now: Date = new Date()): string {
  return new Date(now.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
}
