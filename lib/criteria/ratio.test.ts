import { describe, expect, it } from "vitest";
import { SEVENTY_PERCENT, formatPercent, formatThreshold, meetsRatio, percentToThreshold, requiredNumerator } from "./ratio";

describe("meetsRatio — “70% trở lên” computed exactly in integers", () => {
  it.each([
    { n: 7, d: 10, expected: true, why: "7/10 is exactly 70%" },
    { n: 16, d: 25, expected: false, why: "16/25 = 64% (TT23-era Q&A example)" },
    { n: 18, d: 25, expected: true, why: "18/25 = 72%: the 18 the Q&A says are needed" },
    { n: 17, d: 25, expected: false, why: "17/25 = 68%" },
    { n: 6999, d: 10000, expected: false, why: "69.99% fails" },
    { n: 7000, d: 10000, expected: true, why: "70.00% passes" },
    { n: 2, d: 3, expected: false, why: "66.67%" },
    { n: 3, d: 4, expected: true, why: "75%" },
    { n: 0, d: 0, expected: false, why: "an empty population never meets a threshold" },
    { n: 7, d: 9, expected: true, why: "77.78%" },
    { n: 699_999, d: 1_000_000, expected: false, why: "69.9999% still fails: no float rounding" },
  ])("$n/$d → $expected ($why)", ({ n, d, expected }) => {
    expect(meetsRatio(n, d, SEVENTY_PERCENT)).toBe(expected);
  });

  it("distinguishes “trên 90%” (>) from “90% trở lên” (≥)", () => {
    expect(meetsRatio(9, 10, percentToThreshold(90, ">="))).toBe(true);
    expect(meetsRatio(9, 10, percentToThreshold(90, ">"))).toBe(false);
    expect(meetsRatio(10, 10, percentToThreshold(90, ">"))).toBe(true);
    expect(meetsRatio(91, 100, percentToThreshold(90, ">"))).toBe(true);
  });

  it("handles fractional plan percentages exactly (66.67% as 6667/10000)", () => {
    expect(meetsRatio(2, 3, percentToThreshold(66.67, ">="))).toBe(false);
    expect(meetsRatio(2, 3, percentToThreshold(66.66, ">="))).toBe(true);
  });
});

describe("requiredNumerator", () => {
  it.each([
    { d: 25, cmp: ">=" as const, pct: 70, expected: 18 },
    { d: 10, cmp: ">=" as const, pct: 70, expected: 7 },
    { d: 5, cmp: ">=" as const, pct: 70, expected: 4 },
    { d: 3, cmp: ">=" as const, pct: 70, expected: 3 },
    { d: 10, cmp: ">" as const, pct: 90, expected: 10 },
    { d: 20, cmp: ">" as const, pct: 90, expected: 19 },
    { d: 20, cmp: ">=" as const, pct: 90, expected: 18 },
    { d: 1, cmp: ">=" as const, pct: 70, expected: 1 },
  ])("$pct% ($cmp) of $d needs $expected", ({ d, cmp, pct, expected }) => {
    const threshold = percentToThreshold(pct, cmp);
    expect(requiredNumerator(d, threshold)).toBe(expected);
    expect(meetsRatio(expected, d, threshold)).toBe(true);
    expect(meetsRatio(expected - 1, d, threshold)).toBe(false);
  });
});

describe("formatPercent — Vietnamese style", () => {
  it.each([
    { n: 2, d: 5, text: "40%" },
    { n: 2, d: 3, text: "66,67%" },
    { n: 1, d: 8, text: "12,5%" },
    { n: 1, d: 3, text: "33,33%" },
    { n: 16, d: 25, text: "64%" },
    { n: 118, d: 120, text: "98,33%" },
    { n: 0, d: 0, text: "—" },
  ])("$n/$d → $text", ({ n, d, text }) => {
    expect(formatPercent(n, d)).toBe(text);
  });

  it("never shows a failing share as the threshold itself", () => {
    // 69,996% would round to 70%: shown truncated so the reason does not contradict the verdict.
    expect(formatPercent(69_996, 100_000, SEVENTY_PERCENT)).toBe("69,99%");
    expect(formatPercent(69_996, 100_000)).toBe("70%");
  });

  it("formats thresholds with their comparator", () => {
    expect(formatThreshold(SEVENTY_PERCENT)).toBe("≥ 70%");
    expect(formatThreshold(percentToThreshold(90, ">"))).toBe("> 90%");
    expect(formatThreshold(percentToThreshold(100, ">="))).toBe("100%");
    expect(formatThreshold(percentToThreshold(12.5, ">="))).toBe("≥ 12,5%");
  });
});
