/**
 * Exact threshold arithmetic. Every "x% trở lên" / "trên x%" check goes through `meetsRatio`,
 * which cross-multiplies integers: 7/10 meets 70 %, 16/25 (64 %) does not, 6999/10000 does not.
 * No float ever decides a verdict; floats appear only in the displayed percentage.
 */

/** ">=" is "… trở lên" (at least); ">" is "trên …" (strictly more than). */
export type Comparator = ">=" | ">";

export interface Ratio {
  readonly num: number;
  readonly den: number;
}

/** A threshold as stored in rule sets and plans: the comparator always travels with the number. */
export interface Threshold {
  readonly ratio: Ratio;
  readonly comparator: Comparator;
}

/** The legal floor of Đ5 k4, Đ6 k5, Đ7 k6: 70 % trở lên. */
export const SEVENTY_PERCENT: Threshold = Object.freeze({
  ratio: Object.freeze({ num: 7, den: 10 }),
  comparator: ">=",
});

export const ALL: Threshold = Object.freeze({ ratio: Object.freeze({ num: 1, den: 1 }), comparator: ">=" });

/**
 * numerator/denominator compared with ratio.num/ratio.den without division.
 * A zero denominator never meets a threshold: callers decide separately what an empty
 * population means (usually NOT_APPLICABLE), because 0/0 has no honest answer here.
 */
export function meetsRatio(numerator: number, denominator: number, threshold: Threshold): boolean {
  if (denominator <= 0) return false;
  const left = numerator * threshold.ratio.den;
  const right = denominator * threshold.ratio.num;
  return threshold.comparator === ">=" ? left >= right : left > right;
}

/** Smallest numerator that meets the threshold for this denominator (integers only). */
export function requiredNumerator(denominator: number, threshold: Threshold): number {
  const product = denominator * threshold.ratio.num;
  const den = threshold.ratio.den;
  const floor = (product - (product % den)) / den;
  if (threshold.comparator === ">") return floor + 1;
  return product % den === 0 ? floor : floor + 1;
}

/** Percent with up to two decimals → basis points; the schema guarantees two decimals at most. */
export function percentToThreshold(percent: number, comparator: Comparator): Threshold {
  return { ratio: { num: Math.round(percent * 100), den: 10_000 }, comparator };
}

/**
 * Vietnamese percentage: comma as decimal separator, at most two decimals, trailing zeros
 * dropped ("40%", "66,67%", "12,5%"). Rounded half up, except that a failing ratio is never
 * shown as the threshold itself (69,996 % would round to "70%"): then it is truncated instead.
 */
export function formatPercent(numerator: number, denominator: number, threshold?: Threshold): string {
  if (denominator <= 0) return "—";
  let hundredths = Math.floor((numerator * 20_000 + denominator) / (2 * denominator));
  if (threshold !== undefined && !meetsRatio(numerator, denominator, threshold)) {
    const truncated = Math.floor((numerator * 10_000) / denominator);
    if (hundredths * threshold.ratio.den >= threshold.ratio.num * 10_000) hundredths = truncated;
  }
  const whole = Math.floor(hundredths / 100);
  const frac = hundredths % 100;
  if (frac === 0) return `${whole}%`;
  if (frac % 10 === 0) return `${whole},${frac / 10}%`;
  return `${whole},${frac < 10 ? "0" : ""}${frac}%`;
}

/** "≥ 70%" / "> 90%": the threshold as written in reasons. */
export function formatThreshold(threshold: Threshold): string {
  let text = thresholdTexts.get(threshold);
  if (text === undefined) {
    const pct = formatPercent(threshold.ratio.num, threshold.ratio.den);
    // "≥ 100%" reads oddly in Vietnamese; the legal text says "100%".
    text = threshold.comparator === ">=" && threshold.ratio.num === threshold.ratio.den ? pct : `${threshold.comparator === ">=" ? "≥" : ">"} ${pct}`;
    thresholdTexts.set(threshold, text);
  }
  return text;
}

const thresholdTexts = new WeakMap<Threshold, string>();
