/**
 * Public entry points. Inputs are already validated (parse at the boundary with
 * parseUnitInput / parseEvaluationRequest); nothing here does I/O or touches zod.
 */
import { EXCLUSION_REASON_LABELS, type ExclusionReason, type UnitKind } from "../domain/vocabulary";
import { prepareContext } from "./context";
import { evaluateCriterion, type CompiledCriterion } from "./criterion";
import { evaluatePlan } from "./plan";
import { applicableExtraCriteria, evaluateExtraCriterion } from "./provincial";
import { buildReadiness } from "./readiness";
import { getRuleSet, selectRuleSet, type RuleSet } from "./ruleSets";
import type { AgencyInput, CommuneInput, EvaluationRequest, ExtraCriterion, KdcInput, SchoolInput, UnitInput } from "./schema";
import {
  OVERALL_RESULT_LABELS,
  type CriteriaKind,
  type CriterionVerdict,
  type EvaluationResult,
  type IsoDate,
  type OverallResult,
} from "./types";
import { yearFacts } from "./window";

export interface EvaluateOptions {
  /** Force a rule set (e.g. to re-run an old verdict); default: chosen by year. */
  readonly ruleSetId?: string | undefined;
  /** Province criteria (Đ8 k1); filtered by kind, province and effective dates. */
  readonly extraCriteria?: readonly ExtraCriterion[] | undefined;
  /** Review date; only used to tell whether a missing quý I document can still be made. */
  readonly asOf?: IsoDate | undefined;
}

const NO_VERDICTS: readonly CriterionVerdict[] = Object.freeze([]);

export class RuleSetNotFoundError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "RuleSetNotFoundError";
  }
}

/** CQ and DN share Đ6; everything else maps to itself. */
export function criteriaKindOf(kind: UnitKind): CriteriaKind {
  return kind === "CQ" || kind === "DN" ? "CQDN" : kind;
}

function resolveRuleSet(kind: CriteriaKind, year: number, ruleSetId: string | undefined): RuleSet {
  if (ruleSetId !== undefined) {
    const forced = getRuleSet(ruleSetId);
    if (forced === undefined) throw new RuleSetNotFoundError(`Không có bộ quy tắc “${ruleSetId}”`);
    return forced;
  }
  const chosen = selectRuleSet(kind, year);
  if (chosen === undefined) {
    throw new RuleSetNotFoundError(`Không có bộ quy tắc cho năm ${year} (Thông tư 124/2021/TT-BCA áp dụng từ năm 2022)`);
  }
  return chosen;
}

/**
 * Đ1 k2 b. The engine derives what it can (enterprise size, education levels) so that a
 * caller forgetting `excludedReason` does not get a unit judged against criteria it is exempt from.
 */
export function exclusionOf(input: UnitInput): ExclusionReason | null {
  if (input.excludedReason != null) return input.excludedReason;
  if (input.kind === "CQDN" && input.subtype === "DN" && (input.enterpriseSize === "MICRO" || input.enterpriseSize === "SMALL")) {
    return "SMALL_MICRO_ENTERPRISE";
  }
  if (input.kind === "CSGD") {
    let onlyExcludedLevels = true;
    for (const level of input.educationLevels) {
      if (level !== "TIEU_HOC" && level !== "NHA_TRE_MAM_NON") onlyExcludedLevels = false;
    }
    if (onlyExcludedLevels) return "PRIMARY_OR_PRESCHOOL";
  }
  return null;
}

function overallOf(criteria: readonly CriterionVerdict[], provincial: readonly CriterionVerdict[]): OverallResult {
  let missing = false;
  for (const v of criteria) {
    if (v.status === "NOT_MET") return "CHUA_DAT";
    if (v.status === "MISSING_DATA") missing = true;
  }
  for (const v of provincial) {
    if (v.status === "NOT_MET") return "CHUA_DAT";
    if (v.status === "MISSING_DATA") missing = true;
  }
  return missing ? "THIEU_DU_LIEU" : "DAT";
}

function overallReasonOf(
  overall: OverallResult,
  criteria: readonly CriterionVerdict[],
  provincial: readonly CriterionVerdict[],
  article: string,
  instrument: string,
): string {
  const notMet: string[] = [];
  const missing: string[] = [];
  let applicable = 0;
  const total = criteria.length + provincial.length;
  for (let i = 0; i < total; i++) {
    const v = i < criteria.length ? criteria[i]! : provincial[i - criteria.length]!;
    if (v.status === "NOT_MET") notMet.push(v.id);
    else if (v.status === "MISSING_DATA") missing.push(v.id);
    if (v.status !== "NOT_APPLICABLE") applicable++;
  }
  if (overall === "DAT") {
    const provincialText = provincial.length > 0 ? `, kể cả ${provincial.length} tiêu chí bổ sung của tỉnh` : "";
    return `Đạt đủ ${applicable}/${applicable} tiêu chí được xét theo ${article} ${instrument}${provincialText}.`;
  }
  if (overall === "CHUA_DAT") {
    return `Không đạt tiêu chí ${notMet.join(", ")}${missing.length > 0 ? `; chưa đủ dữ liệu để xét ${missing.join(", ")}` : ""}.`;
  }
  return `Không có tiêu chí nào không đạt, nhưng chưa đủ dữ liệu để xét ${missing.join(", ")}.`;
}

function compiledFor(ruleSet: RuleSet, kind: CriteriaKind): readonly CompiledCriterion<never>[] {
  return ruleSet.compiled[kind] as readonly CompiledCriterion<never>[];
}

function run<I extends UnitInput>(input: I, options: EvaluateOptions | undefined): EvaluationResult {
  const kind = input.kind;
  const year = input.year;
  const ruleSet = resolveRuleSet(kind, year, options?.ruleSetId);
  // The compiled list for input.kind takes exactly this input type; the registry's per-kind
  // record cannot express that link, hence the cast.
  const criteriaSpecs = compiledFor(ruleSet, kind) as unknown as readonly CompiledCriterion<I>[];
  const facts = yearFacts(kind, year);
  const window = facts.window;
  const subtype = input.kind === "CQDN" ? input.subtype : null;
  const excluded = exclusionOf(input);

  if (excluded !== null) {
    const label = EXCLUSION_REASON_LABELS[excluded];
    return {
      unitId: input.unitId,
      unitName: input.name,
      kind,
      subtype,
      year,
      window,
      ruleSet: ruleSet.summary,
      overall: "KHONG_THUOC_DIEN",
      overallLabel: OVERALL_RESULT_LABELS.KHONG_THUOC_DIEN,
      overallReason: `Không thuộc diện xét: ${label} (${ruleSet.exclusionBasis}).`,
      exclusion: { reason: excluded, label, legalBasis: ruleSet.exclusionBasis },
      criteria: criteriaSpecs.map((c) => c.excludedVerdict),
      provincialCriteria: NO_VERDICTS,
      plan: null,
      readiness: buildReadiness([], [], "KHONG_THUOC_DIEN", year),
      notes: [],
    };
  }

  const { ctx, notes } = prepareContext(kind, year, facts, input.incidents, input.disciplines, ruleSet.parameters, options?.asOf);
  const criteria = new Array<CriterionVerdict>(criteriaSpecs.length);
  for (let i = 0; i < criteriaSpecs.length; i++) criteria[i] = evaluateCriterion(criteriaSpecs[i]!, input, ctx);

  const extra = applicableExtraCriteria(options?.extraCriteria, kind, input.province, window.to);
  const provincial = extra.length === 0 ? NO_VERDICTS : extra.map((c) => evaluateExtraCriterion(c, input.extraFacts));

  const overall = overallOf(criteria, provincial);
  return {
    unitId: input.unitId,
    unitName: input.name,
    kind,
    subtype,
    year,
    window,
    ruleSet: ruleSet.summary,
    overall,
    overallLabel: OVERALL_RESULT_LABELS[overall],
    overallReason: overallReasonOf(overall, criteria, provincial, ruleSet.kindArticles[kind], ruleSet.instrument),
    exclusion: null,
    criteria,
    provincialCriteria: provincial,
    plan: evaluatePlan(input, ctx),
    readiness: buildReadiness(criteria, provincial, overall, year),
    notes,
  };
}

export function evaluateKdc(input: KdcInput, options?: EvaluateOptions): EvaluationResult {
  return run(input, options);
}

export function evaluateCommune(input: CommuneInput, options?: EvaluateOptions): EvaluationResult {
  return run(input, options);
}

export function evaluateAgency(input: AgencyInput, options?: EvaluateOptions): EvaluationResult {
  return run(input, options);
}

export function evaluateSchool(input: SchoolInput, options?: EvaluateOptions): EvaluationResult {
  return run(input, options);
}

export function evaluateUnit(input: UnitInput, options?: EvaluateOptions): EvaluationResult {
  switch (input.kind) {
    case "KDC":
      return evaluateKdc(input, options);
    case "XA":
      return evaluateCommune(input, options);
    case "CQDN":
      return evaluateAgency(input, options);
    case "CSGD":
      return evaluateSchool(input, options);
  }
}

/** The envelope form the CLI accepts ({unit, extraCriteria?, ruleSetId?, asOf?}). */
export function evaluateRequest(request: EvaluationRequest): EvaluationResult {
  return evaluateUnit(request.unit, {
    ruleSetId: request.ruleSetId,
    extraCriteria: request.extraCriteria,
    asOf: request.asOf,
  });
}
