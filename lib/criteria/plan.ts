/**
 * "Chỉ tiêu kế hoạch": targets a unit sets itself in its yearly plan, stricter than the legal
 * floor (seeds 001, 002: "trên 90%" vs "90% trở lên", no discipline from khiển trách up, ≥ 90 %
 * Lao động tiên tiến, ≥ 25 % Chiến sĩ thi đua cơ sở, 100 % sign the commitment).
 * Shown beside the legal verdict and never folded into it: missing a plan target is not a
 * ground to refuse recognition under TT124.
 */
import { DISCIPLINE_LEVEL_LABELS, DISCIPLINE_RANK, type EmulationResult } from "../domain/vocabulary";
import { VerdictBuilder, type EvaluationContext } from "./criterion";
import { formatPercent, formatThreshold, meetsRatio, percentToThreshold, type Threshold } from "./ratio";
import { GOOD_OR_BETTER_TEXT, countSubUnits, disciplineCheck, meetsGoodOrBetter, shareCheck, type ShareWording } from "./rules/common";
import type { PlanMetric, PlanTarget, UnitInput } from "./schema";
import type { PlanSection, PlanTargetResult } from "./types";

const STAFF_NOUN = "cán bộ, công chức, viên chức, người lao động";

const METRIC_LABELS: Readonly<Record<PlanMetric, string>> = {
  SUB_UNITS_TTLDTT_OR_HTTNV: `phòng, ban, đơn vị trực thuộc đạt ${GOOD_OR_BETTER_TEXT}`,
  SUB_UNITS_TTLDTT: "phòng, ban, đơn vị trực thuộc đạt danh hiệu “Tập thể lao động tiên tiến”",
  STAFF_BRIEFED: `${STAFF_NOUN} được phổ biến, quán triệt nội quy và tiêu chí`,
  STAFF_ADVANCED_WORKER: `${STAFF_NOUN} đạt danh hiệu “Lao động tiên tiến”`,
  STAFF_EMULATION_SOLDIER: `${STAFF_NOUN} đạt danh hiệu “Chiến sĩ thi đua cơ sở”`,
  STAFF_COMMITMENT_SIGNED: `${STAFF_NOUN} ký cam kết thực hiện`,
  STAFF_COMPLETED_DUTIES: `${STAFF_NOUN} hoàn thành nhiệm vụ trở lên`,
  STAFF_COMPLETED_DUTIES_WELL: `${STAFF_NOUN} hoàn thành tốt nhiệm vụ trở lên`,
  MANAGED_UNITS_RECOGNISED: "khu dân cư, cơ quan, doanh nghiệp, cơ sở giáo dục thuộc quyền quản lý được công nhận",
};

const STAFF_FIELDS = {
  STAFF_BRIEFED: "briefed",
  STAFF_ADVANCED_WORKER: "advancedWorkers",
  STAFF_EMULATION_SOLDIER: "emulationSoldiers",
  STAFF_COMMITMENT_SIGNED: "commitmentSigned",
  STAFF_COMPLETED_DUTIES: "completedDuties",
  STAFF_COMPLETED_DUTIES_WELL: "completedDutiesWell",
} as const;

const TTLDTT_ONLY: ShareWording = {
  noun: "phòng, ban, đơn vị",
  achievement: "đạt danh hiệu “Tập thể lao động tiên tiến”",
  shortAchievement: "danh hiệu “Tập thể lao động tiên tiến”",
  requirementWord: "chỉ tiêu",
};

const GOOD_OR_BETTER: ShareWording = {
  noun: "phòng, ban, đơn vị",
  achievement: `đạt ${GOOD_OR_BETTER_TEXT}`,
  shortAchievement: "TTLĐTT hoặc HTTNV trở lên",
  requirementWord: "chỉ tiêu",
};

function isTtldtt(result: EmulationResult): boolean {
  return result === "TTLDTT";
}

function anyone(): boolean {
  return true;
}

/** Written the way the plans write it: "Trên 90% …" / "90% trở lên …". */
export function planTargetTitle(target: PlanTarget): string {
  const pct = formatPercent(Math.round(target.percent * 100), 10_000);
  const label = METRIC_LABELS[target.metric];
  if (target.comparator === ">") return `Trên ${pct} ${label}`;
  return target.percent === 100 ? `100% ${label}` : `${pct} trở lên ${label}`;
}

function countCheck(b: VerdictBuilder, numerator: number | undefined, denominator: number | undefined, threshold: Threshold, label: string): void {
  b.fact("numerator", numerator ?? null);
  b.fact("denominator", denominator ?? null);
  if (numerator === undefined || denominator === undefined) {
    b.add("MISSING_DATA", `Chưa có số liệu ${label}.`);
    return;
  }
  if (denominator === 0) {
    b.add("NOT_APPLICABLE", "Tổng số bằng 0, không tính tỷ lệ.");
    return;
  }
  const text = `${numerator}/${denominator} ${label} (${formatPercent(numerator, denominator, threshold)}), chỉ tiêu ${formatThreshold(threshold)}.`;
  b.add(meetsRatio(numerator, denominator, threshold) ? "MET" : "NOT_MET", text);
}

function evaluateTarget(b: VerdictBuilder, input: UnitInput, target: PlanTarget, ctx: EvaluationContext): void {
  const threshold = percentToThreshold(target.percent, target.comparator);
  const metric = target.metric;
  if (metric === "SUB_UNITS_TTLDTT_OR_HTTNV" || metric === "SUB_UNITS_TTLDTT") {
    if (input.kind !== "CQDN" && input.kind !== "CSGD") {
      b.add("NOT_APPLICABLE", "Loại đơn vị này không có đầu mối trực thuộc để xét.");
      return;
    }
    if (input.subUnits === undefined) {
      b.add("MISSING_DATA", "Chưa có danh sách đầu mối trực thuộc và kết quả thi đua.");
      return;
    }
    const ttldttOnly = metric === "SUB_UNITS_TTLDTT";
    shareCheck(b, countSubUnits(input.subUnits, ttldttOnly ? isTtldtt : meetsGoodOrBetter), threshold, ttldttOnly ? TTLDTT_ONLY : GOOD_OR_BETTER, ctx.year);
    return;
  }
  if (metric === "MANAGED_UNITS_RECOGNISED") {
    if (input.kind !== "XA") {
      b.add("NOT_APPLICABLE", "Chỉ tiêu chỉ áp dụng cho xã, phường, đặc khu.");
      return;
    }
    if (input.managedUnits === undefined) {
      b.add("MISSING_DATA", "Chưa có danh sách đơn vị thuộc quyền quản lý.");
      return;
    }
    let inScope = 0;
    let recognised = 0;
    for (const unit of input.managedUnits) {
      if (unit.excludedReason != null) continue;
      inScope++;
      if (unit.recognised === true) recognised++;
    }
    countCheck(b, recognised, inScope, threshold, "đơn vị thuộc diện được công nhận");
    return;
  }
  if (input.kind !== "CQDN" && input.kind !== "CSGD") {
    b.add("NOT_APPLICABLE", "Loại đơn vị này không có số liệu cán bộ, người lao động để xét.");
    return;
  }
  const staff = input.staff;
  countCheck(b, staff?.[STAFF_FIELDS[metric]], staff?.total, threshold, STAFF_NOUN);
}

function toResult(id: string, title: string, b: VerdictBuilder): PlanTargetResult {
  return { id, title, status: b.status, reason: b.text, facts: b.facts };
}

export function evaluatePlan(input: UnitInput, ctx: EvaluationContext): PlanSection | null {
  const plan = input.planTargets;
  if (plan === undefined) return null;
  const targets: PlanTargetResult[] = [];
  const list = plan.targets ?? [];
  for (let i = 0; i < list.length; i++) {
    const target = list[i]!;
    const b = new VerdictBuilder();
    evaluateTarget(b, input, target, ctx);
    targets.push(toResult(`KH-${i + 1}`, planTargetTitle(target), b));
  }
  if (plan.noDisciplineFrom !== undefined) {
    const level = plan.noDisciplineFrom;
    const bar = `bị kỷ luật từ hình thức ${DISCIPLINE_LEVEL_LABELS[level].toLowerCase()} trở lên`;
    const b = new VerdictBuilder();
    disciplineCheck(b, ctx, anyone, DISCIPLINE_RANK[level], "của đơn vị", bar);
    targets.push(toResult(`KH-${targets.length + 1}`, `Không có cá nhân ${bar}`, b));
  }
  let allMet = true;
  for (const t of targets) if (t.status !== "MET" && t.status !== "NOT_APPLICABLE") allMet = false;
  return { title: "Chỉ tiêu kế hoạch", source: plan.source ?? null, affectsLegalVerdict: false, allMet, targets };
}
