/**
 * Registry of rule sets, chosen by legal basis and effective date.
 *
 * A verdict must be reproducible years later, so a change in the law (or in how we read it) is a
 * NEW entry here with its own effective date — never an edit of an entry that already produced
 * verdicts. Entries may share criterion specs when the text did not change, as TT124 and
 * TT124-as-amended-by-TT48 do today (TT48/2025 amended the procedure, Đ9–Đ10, not Đ4–Đ7, as far
 * as the sources we have show; spec §4.4).
 */
import { compileCriterion, type CompiledCriterion, type CriterionSpec, type RuleParameters } from "./criterion";
import { SEVENTY_PERCENT, ALL } from "./ratio";
import { CQDN_CRITERIA } from "./rules/cqdn";
import { CSGD_CRITERIA } from "./rules/csgd";
import { KDC_CRITERIA } from "./rules/kdc";
import { XA_CRITERIA } from "./rules/xa";
import type { AgencyInput, CommuneInput, KdcInput, SchoolInput } from "./schema";
import { CRITERIA_KINDS, type CriteriaKind, type IsoDate, type RuleSetSummary } from "./types";
import { evaluationWindow } from "./window";

/** TT124/2021/TT-BCA, Điều 11: in force from 10/02/2022. */
export const TT124_EFFECTIVE_FROM: IsoDate = "2022-02-10";

/**
 * ASSUMPTION: effective date of TT 48/2025/TT-BCA (signed 27/6/2025 per seed 002). We have not
 * seen its "hiệu lực thi hành" article; 2025-08-11 is the date the project brief gave. It only
 * changes which rule-set id a 2025 result reports, because both sets share Đ4–Đ7 criteria.
 * Replace with the official date once the full text is available (spec §6 Q1).
 */
export const TT48_2025_EFFECTIVE_FROM: IsoDate = "2025-08-11";

export const INSTRUMENT = "Thông tư 124/2021/TT-BCA";

export interface CriteriaByKind {
  readonly KDC: readonly CriterionSpec<KdcInput>[];
  readonly XA: readonly CriterionSpec<CommuneInput>[];
  readonly CQDN: readonly CriterionSpec<AgencyInput>[];
  readonly CSGD: readonly CriterionSpec<SchoolInput>[];
}

export interface CompiledCriteriaByKind {
  readonly KDC: readonly CompiledCriterion<KdcInput>[];
  readonly XA: readonly CompiledCriterion<CommuneInput>[];
  readonly CQDN: readonly CompiledCriterion<AgencyInput>[];
  readonly CSGD: readonly CompiledCriterion<SchoolInput>[];
}

export interface RuleSetDefinition {
  readonly id: string;
  readonly title: string;
  /** Full citation shown with the result. */
  readonly legalBasis: string;
  /** Cited after each article, e.g. "Điều 6 khoản 5 Thông tư 124/2021/TT-BCA". */
  readonly instrument: string;
  readonly effectiveFrom: IsoDate;
  readonly assumptions: readonly string[];
  readonly parameters: RuleParameters;
  readonly criteria: CriteriaByKind;
  /** The article that lists a kind's criteria ("Điều 4"), for the overall reason. */
  readonly kindArticles: Readonly<Record<CriteriaKind, string>>;
}

export interface RuleSet extends RuleSetDefinition {
  readonly summary: RuleSetSummary;
  readonly compiled: CompiledCriteriaByKind;
  /** "Điều 1 khoản 2 điểm b Thông tư 124/2021/TT-BCA". */
  readonly exclusionBasis: string;
}

const BASE_PARAMETERS: RuleParameters = Object.freeze({
  subUnitThreshold: SEVENTY_PERCENT,
  managedUnitsRegisteredThreshold: ALL,
  managedUnitsRecognisedThreshold: SEVENTY_PERCENT,
  agencyWithoutSecurityForce: "NOT_APPLICABLE",
});

const SHARED_ASSUMPTIONS: readonly string[] = [
  "“Trong quý I” được hiểu là chậm nhất ngày 31/03 của năm đánh giá.",
  "Cơ quan, doanh nghiệp không có lực lượng bảo vệ riêng: tiêu chí Điều 6 khoản 4 không áp dụng.",
  "“Kiềm chế, kéo giảm” (Điều 4 khoản 4 điểm a): từng loại số liệu không tăng so với năm trước.",
];

const KIND_ARTICLES: Readonly<Record<CriteriaKind, string>> = Object.freeze({
  KDC: "Điều 4",
  XA: "Điều 5",
  CQDN: "Điều 6",
  CSGD: "Điều 7",
});

const SHARED_CRITERIA: CriteriaByKind = Object.freeze({
  KDC: KDC_CRITERIA,
  XA: XA_CRITERIA,
  CQDN: CQDN_CRITERIA,
  CSGD: CSGD_CRITERIA,
});

const DEFINITIONS: readonly RuleSetDefinition[] = [
  {
    id: "TT124-2021",
    title: "Thông tư 124/2021/TT-BCA (bản ban hành)",
    legalBasis: "Thông tư 124/2021/TT-BCA ngày 28/12/2021 của Bộ trưởng Bộ Công an",
    instrument: INSTRUMENT,
    effectiveFrom: TT124_EFFECTIVE_FROM,
    assumptions: SHARED_ASSUMPTIONS,
    parameters: BASE_PARAMETERS,
    criteria: SHARED_CRITERIA,
    kindArticles: KIND_ARTICLES,
  },
  {
    id: "TT124-TT48-2025",
    title: "Thông tư 124/2021/TT-BCA, sửa đổi, bổ sung bởi Thông tư 48/2025/TT-BCA",
    legalBasis:
      "Thông tư 124/2021/TT-BCA ngày 28/12/2021, được sửa đổi, bổ sung bởi Thông tư 48/2025/TT-BCA ngày 27/6/2025 của Bộ trưởng Bộ Công an",
    instrument: INSTRUMENT,
    effectiveFrom: TT48_2025_EFFECTIVE_FROM,
    assumptions: [
      ...SHARED_ASSUMPTIONS,
      `Ngày hiệu lực của Thông tư 48/2025/TT-BCA tạm lấy là ${TT48_2025_EFFECTIVE_FROM} (chưa đối chiếu văn bản gốc).`,
      "Thông tư 48/2025/TT-BCA không sửa đổi các tiêu chí tại Điều 4 đến Điều 7.",
    ],
    parameters: BASE_PARAMETERS,
    criteria: SHARED_CRITERIA,
    kindArticles: KIND_ARTICLES,
  },
];

function compileAll<I>(specs: readonly CriterionSpec<I>[], instrument: string, excludedReason: string): readonly CompiledCriterion<I>[] {
  return Object.freeze(specs.map((spec) => compileCriterion(spec, instrument, excludedReason)));
}

function compileRuleSet(def: RuleSetDefinition): RuleSet {
  const exclusionBasis = `Điều 1 khoản 2 điểm b ${def.instrument}`;
  const excludedReason = `Đơn vị không thuộc đối tượng áp dụng (${exclusionBasis}).`;
  return Object.freeze({
    ...def,
    exclusionBasis,
    summary: Object.freeze({
      id: def.id,
      title: def.title,
      legalBasis: def.legalBasis,
      effectiveFrom: def.effectiveFrom,
      assumptions: def.assumptions,
    }),
    compiled: Object.freeze({
      KDC: compileAll(def.criteria.KDC, def.instrument, excludedReason),
      XA: compileAll(def.criteria.XA, def.instrument, excludedReason),
      CQDN: compileAll(def.criteria.CQDN, def.instrument, excludedReason),
      CSGD: compileAll(def.criteria.CSGD, def.instrument, excludedReason),
    }),
  });
}

/** Sorted by effectiveFrom, oldest first. */
export const RULE_SETS: readonly RuleSet[] = Object.freeze(
  [...DEFINITIONS].sort((a, b) => (a.effectiveFrom < b.effectiveFrom ? -1 : 1)).map(compileRuleSet),
);

export function getRuleSet(id: string): RuleSet | undefined {
  return RULE_SETS.find((r) => r.id === id);
}

/**
 * The rule set in force on the last day of the unit's evaluation window: the review happens
 * after that day, on the facts of the whole window, under the text then in force.
 * Returns undefined for years before TT124 (the TT23/2012 regime is not modelled).
 */
export function selectRuleSet(kind: CriteriaKind, year: number): RuleSet | undefined {
  const key = year * 4 + CRITERIA_KINDS.indexOf(kind);
  if (selected.has(key)) return selected.get(key);
  const windowEnd = evaluationWindow(kind, year).to;
  let chosen: RuleSet | undefined;
  for (const ruleSet of RULE_SETS) if (ruleSet.effectiveFrom <= windowEnd) chosen = ruleSet;
  selected.set(key, chosen);
  return chosen;
}

/** The registry is immutable, so the choice per (kind, year) can be remembered. */
const selected = new Map<number, RuleSet | undefined>();
