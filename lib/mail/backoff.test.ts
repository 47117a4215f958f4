import { describe, expect, it } from "vitest";
import { isPermanentSmtpFailure, MAX_ATTEMPTS, retryDelayMs } from "./backoff";

const MIN = 60_000;

describe("retryDelayMs", () => {
  it("doubles from one minute, capped at six hours", () => {
    expect([1, 2, 3, 4, 5].map((n) => retryDelayMs(n))).toEqual([1, 2, 4, 8, 16].map((m) => m * MIN));
    expect(retryDelayMs(9)).toBe(256 * MIN);
    expect(retryDelayMs(10)).toBe(6 * 60 * MIN);
    expect(retryDelayMs(500)).toBe(6 * 60 * MIN);
  });

  it("spreads ±20 % with the caller's random number, never outside it", () => {
    expect(retryDelayMs(3, 0)).toBe(0.8 * 4 * MIN);
    expect(retryDelayMs(3, 0.999999)).toBeCloseTo(1.2 * 4 * MIN, -2);
    expect(retryDelayMs(3, 7)).toBe(1.2 * 4 * MIN);
    expect(retryDelayMs(3, -1)).toBe(0.8 * 4 * MIN);
  });

  it("treats a nonsense attempt count as the first", () => {
    expect(retryDelayMs(0)).toBe(MIN);
    expect(retryDelayMs(-3)).toBe(MIN);
  });

  it("gives up after a few hours of failures, not days", () => {
    const total = Array.from({ length: MAX_ATTEMPTS - 1 }, (_, i) => retryDelayMs(i + 1)).reduce((a, b) => a + b, 0);
    expect(total).toBeGreaterThan(60 * MIN);
    expect(total).toBeLessThan(12 * 60 * MIN);
  });
});

describe("isPermanentSmtpFailure", () => {
  it("is true for a 5xx reply only", () => {
    expect(isPermanentSmtpFailure({ responseCode: 550 })).toBe(true);
    expect(isPermanentSmtpFailure({ responseCode: 451 })).toBe(false);
    expect(isPermanentSmtpFailure({ responseCode: 421 })).toBe(false);
    expect(isPermanentSmtpFailure(Object.assign(new Error("connect ECONNREFUSED"), { code: "ESOCKET" }))).toBe(false);
    expect(isPermanentSmtpFailure(null)).toBe(false);
  });
});
