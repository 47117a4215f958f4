/**
 * When a delivery that failed for a temporary reason (a 4xx reply, a refused or dropped connection)
 * is tried again. Pure, unit-tested.
 */

/** SMTP conversations before a delivery is given up as FAILED (then only the admin resends it). */
export const MAX_ATTEMPTS = 8;
const BASE_MS = 60_000;
const CAP_MS = 6 * 60 * 60_000;

/**
 * The wait after the `attempts`-th failed conversation: 1, 2, 4, 8 … minutes, at most 6 hours,
 * spread ±20 % (random in [0, 1) from the caller) so a batch that failed together does not retry
 * together. With MAX_ATTEMPTS = 8 a delivery is given up after about two hours of failures (1 + 2 + … + 64 minutes).
 */
export function retryDelayMs(attempts: number, random = 0.5): number {
  const n = Math.max(1, Math.floor(attempts));
  const exact = Math.min(CAP_MS, BASE_MS * 2 ** Math.min(n - 1, 30));
  return Math.round(exact * (0.8 + 0.4 * Math.min(Math.max(random, 0), 1)));
}

/** An SMTP reply code says whether trying again can help: 5xx never will. */
export function isPermanentSmtpFailure(error: unknown): boolean {
  const code = (error as { responseCode?: unknown } | null)?.responseCode;
  return typeof code === "number" && code >= 500 && code < 600;
}
