/**
 * Evaluation window (mốc thời gian đánh giá, Đ8 k2 TT124) and the quý I deadline.
 *
 * Dates stay ISO strings: "yyyy-mm-dd" sorts the same lexicographically as chronologically, so
 * there is no Date object, no time zone and no parsing on the hot path.
 */
import { formatIsoDate } from "@/lib/domain/date-text";
import type { CriteriaKind, IsoDate } from "./types";

export interface EvaluationWindow {
  readonly from: IsoDate;
  readonly to: IsoDate;
}

/** Everything about a (kind, year) pair that does not depend on the unit, computed once. */
export interface YearFacts {
  readonly window: EvaluationWindow;
  /** "16/11/2025–15/11/2026". */
  readonly windowText: string;
  readonly q1Deadline: IsoDate;
  /** "31/03/2026". */
  readonly q1DeadlineText: string;
}

const yearCache = new Map<number, YearFacts>();

function pad4(year: number): string {
  return String(year).padStart(4, "0");
}

/** Cached per kind and year: no string is built per evaluation for these. */
export function yearFacts(kind: CriteriaKind, year: number): YearFacts {
  // Key packs kind and year so the cache stays a flat Map<number, …>.
  const key = year * 2 + (kind === "KDC" ? 0 : 1);
  let cached = yearCache.get(key);
  if (cached === undefined) {
    const prev = pad4(year - 1);
    const cur = pad4(year);
    const window: EvaluationWindow =
      kind === "KDC"
        ? Object.freeze({ from: `${prev}-11-01`, to: `${cur}-10-31` })
        : Object.freeze({ from: `${prev}-11-16`, to: `${cur}-11-15` });
    const q1Deadline = firstQuarterDeadline(year);
    cached = Object.freeze({
      window,
      windowText: `${formatDateVi(window.from)}–${formatDateVi(window.to)}`,
      q1Deadline,
      q1DeadlineText: formatDateVi(q1Deadline),
    });
    yearCache.set(key, cached);
  }
  return cached;
}

/** KDC: 01/11 (Y-1) – 31/10 Y; XA, CQDN, CSGD: 16/11 (Y-1) – 15/11 Y. Both ends inclusive. */
export function evaluationWindow(kind: CriteriaKind, year: number): EvaluationWindow {
  return yearFacts(kind, year).window;
}

/**
 * The day a year is counted on: the last day of the Đ8 k2 window of XA, CQDN and CSGD (15/11).
 * Denominators (ADR 0009), the competence row that governs a year (ADR 0013) and the dashboard's
 * incidents all read this one date.
 */
export function yearReferenceDate(year: number): IsoDate {
  return evaluationWindow("XA", year).to;
}

/** The window as written in reasons: "16/11/2025–15/11/2026". */
export function evaluationWindowText(kind: CriteriaKind, year: number): string {
  return yearFacts(kind, year).windowText;
}

export function isWithin(date: IsoDate, window: EvaluationWindow): boolean {
  return date >= window.from && date <= window.to;
}

/**
 * "Trong quý I" read as "on or before 31/03 of the evaluation year" (spec §2, Q2): the text
 * names no other cut-off, and the registration dossier (Đ9 k2 a) is built from these documents.
 */
export function firstQuarterDeadline(year: number): IsoDate {
  return `${pad4(year)}-03-31`;
}

const viDates = new Map<IsoDate, string>();

/** 2026-03-31 → 31/03/2026, the way dates are written in Vietnamese official documents. */
export function formatDateVi(date: IsoDate): string {
  let text = viDates.get(date);
  if (text === undefined) {
    text = formatIsoDate(date);
    // A few years of calendar days at most; the bound only guards against odd callers.
    if (viDates.size > 50_000) viDates.clear();
    viDates.set(date, text);
  }
  return text;
}

