/**
 * Totals and classification of a movement evaluation (issue 14 §1–2). Pure: no I/O. Points are
 * decimals with at most two places (the sheets allow 0,5 and 0,25 points); they are added in
 * hundredths so that 0.1 + 0.2 is 0.3.
 */

export type SheetLine = { criterionId: string; code: string; maxPoints: number };
export type SheetClass = { rank: number; code: string; name: string; minPoints: number; requiresRecognition: boolean };

/** Hundredths, rounded: the storage's Decimal(6,2). */
export function toHundredths(points: number): number {
  return Math.round(points * 100);
}

export function fromHundredths(h: number): number {
  return h / 100;
}

export type ScoreProblem = { criterionId: string; code: string; message: string };

/**
 * The problems of a set of scores against the sheet: a line without a score, a score below zero,
 * above its maximum or with more than two decimals. Messages are the users' (Vietnamese).
 */
export function scoreProblems(lines: readonly SheetLine[], points: ReadonlyMap<string, number | null | undefined>): ScoreProblem[] {
  const problems: ScoreProblem[] = [];
  for (const line of lines) {
    const p = points.get(line.criterionId);
    if (p === null || p === undefined || Number.isNaN(p)) {
      problems.push({ criterionId: line.criterionId, code: line.code, message: `Tiêu chí ${line.code}: chưa chấm điểm.` });
    } else if (p < 0) {
      problems.push({ criterionId: line.criterionId, code: line.code, message: `Tiêu chí ${line.code}: điểm không được âm.` });
    } else if (Math.abs(p * 100 - Math.round(p * 100)) > 1e-6) {
      problems.push({ criterionId: line.criterionId, code: line.code, message: `Tiêu chí ${line.code}: điểm có tối đa hai chữ số thập phân.` });
    } else if (toHundredths(p) > toHundredths(line.maxPoints)) {
      problems.push({
        criterionId: line.criterionId,
        code: line.code,
        message: `Tiêu chí ${line.code}: điểm ${formatPoints(p)} vượt điểm tối đa ${formatPoints(line.maxPoints)}.`,
      });
    }
  }
  return problems;
}

/** The sum of the scored lines (lines without a score count 0). */
export function totalPoints(lines: readonly SheetLine[], points: ReadonlyMap<string, number | null | undefined>): number {
  let h = 0;
  for (const line of lines) {
    const p = points.get(line.criterionId);
    if (typeof p === "number" && !Number.isNaN(p)) h += toHundredths(p);
  }
  return fromHundredths(h);
}

export function maxTotal(lines: readonly SheetLine[]): number {
  return fromHundredths(lines.reduce((h, l) => h + toHundredths(l.maxPoints), 0));
}

export type ClassResult = { rank: number; code: string; name: string } | null;

/**
 * The best class whose cut-off the total reaches and whose conditions hold; null when the total is
 * below every class (the sheet may define a lowest class at 0 to avoid that).
 */
export function classify(total: number, classes: readonly SheetClass[], recognisedUnderTt124: boolean | null): ClassResult {
  const ordered = [...classes].sort((a, b) => a.rank - b.rank);
  for (const c of ordered) {
    if (toHundredths(total) < toHundredths(c.minPoints)) continue;
    // A participant (null: not a TT124 unit) is never held to the TT124 condition.
    if (c.requiresRecognition && recognisedUnderTt124 === false) continue;
    return { rank: c.rank, code: c.code, name: c.name };
  }
  return null;
}

export type ClassesProblem = { message: string };

/** A sheet's classes must be ranked 1..n without gaps, with cut-offs falling as the rank falls. */
export function classesProblems(classes: readonly SheetClass[], sheetMax: number): ClassesProblem[] {
  const problems: ClassesProblem[] = [];
  if (classes.length === 0) return [{ message: "Bảng chấm điểm cần ít nhất một mức xếp loại." }];
  const ordered = [...classes].sort((a, b) => a.rank - b.rank);
  ordered.forEach((c, i) => {
    if (c.rank !== i + 1) problems.push({ message: `Các mức xếp loại phải đánh số liên tục từ 1 (thiếu mức ${i + 1}).` });
    if (toHundredths(c.minPoints) > toHundredths(sheetMax))
      problems.push({ message: `Mức "${c.name}" cần ${formatPoints(c.minPoints)} điểm, vượt tổng điểm tối đa ${formatPoints(sheetMax)}.` });
    const next = ordered[i + 1];
    if (next && toHundredths(next.minPoints) >= toHundredths(c.minPoints))
      problems.push({ message: `Mức "${next.name}" phải có điểm sàn thấp hơn mức "${c.name}".` });
  });
  const codes = new Set(ordered.map((c) => c.code));
  if (codes.size !== ordered.length) problems.push({ message: "Mã các mức xếp loại không được trùng nhau." });
  return problems;
}

/** "12,5" — Vietnamese decimal comma, no trailing zeros. */
export function formatPoints(points: number): string {
  return String(fromHundredths(toHundredths(points))).replace(".", ",");
}
