/**
 * "Còn thiếu gì để đạt": flattened from the `needs` each check attached to its verdict, so the
 * to-do list can never disagree with the verdict (there is no second copy of the rules).
 */
import type { CriterionVerdict, OverallResult, Readiness, ReadinessItem } from "./types";

function collect(verdict: CriterionVerdict, into: ReadinessItem[]): void {
  if (verdict.status === "MET" || verdict.status === "NOT_APPLICABLE") return;
  if (verdict.parts !== undefined) {
    for (const part of verdict.parts) collect(part, into);
    return;
  }
  for (const n of verdict.needs) into.push({ criterionId: verdict.id, kind: n.kind, text: n.text });
}

const EXCLUDED: Readiness = Object.freeze({
  canStillPass: false,
  summary: "Đơn vị không thuộc diện xét công nhận.",
  items: Object.freeze([]) as readonly ReadinessItem[],
});

const PASSED: Readiness = Object.freeze({
  canStillPass: true,
  summary: "Đã đáp ứng đủ các tiêu chí, không còn việc cần làm.",
  items: Object.freeze([]) as readonly ReadinessItem[],
});

export function buildReadiness(
  criteria: readonly CriterionVerdict[],
  provincial: readonly CriterionVerdict[],
  overall: OverallResult,
  year: number,
): Readiness {
  if (overall === "KHONG_THUOC_DIEN") return EXCLUDED;
  if (overall === "DAT") return PASSED;
  const items: ReadinessItem[] = [];
  for (const v of criteria) collect(v, items);
  for (const v of provincial) collect(v, items);
  let blockers = 0;
  let actions = 0;
  let data = 0;
  for (const item of items) {
    if (item.kind === "BLOCKER") blockers++;
    else if (item.kind === "ACTION") actions++;
    else data++;
  }
  const rest: string[] = [];
  if (actions > 0) rest.push(`${actions} việc cần làm`);
  if (data > 0) rest.push(`${data} dữ liệu cần bổ sung`);
  const summary =
    blockers > 0
      ? `Không thể đạt tiêu chuẩn năm ${year}: ${blockers} vướng mắc không khắc phục được trong năm${rest.length > 0 ? `; ngoài ra còn ${rest.join(" và ")}` : ""}.`
      : `Để đạt tiêu chuẩn năm ${year}: còn ${rest.length > 0 ? rest.join(" và ") : "dữ liệu cần bổ sung"}.`;
  return { canStillPass: blockers === 0, summary, items };
}
