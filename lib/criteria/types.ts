/**
 * Output vocabulary of the criteria engine: what a reviewer sees for one unit and one year.
 * Everything here is plain JSON-serialisable data so the result can be stored as-is, diffed
 * between runs and printed by the CLI.
 */
import type { ExclusionReason } from "../domain/vocabulary";

/** ISO calendar date, yyyy-mm-dd. Compared lexicographically; never turned into a Date. */
export type IsoDate = string;

/**
 * Criteria articles group CQ and DN together (Đ6), so the engine has four kinds where the
 * database has five; `criteriaKindOf` in evaluate.ts maps one to the other.
 */
export const CRITERIA_KINDS = ["KDC", "XA", "CQDN", "CSGD"] as const;
export type CriteriaKind = (typeof CRITERIA_KINDS)[number];

export const CRITERION_STATUSES = ["MET", "NOT_MET", "MISSING_DATA", "NOT_APPLICABLE"] as const;
export type CriterionStatus = (typeof CRITERION_STATUSES)[number];

export const OVERALL_RESULTS = ["DAT", "CHUA_DAT", "THIEU_DU_LIEU", "KHONG_THUOC_DIEN"] as const;
export type OverallResult = (typeof OVERALL_RESULTS)[number];

export const OVERALL_RESULT_LABELS: Record<OverallResult, string> = {
  DAT: "Đạt tiêu chuẩn “An toàn về an ninh, trật tự”",
  CHUA_DAT: "Chưa đạt tiêu chuẩn “An toàn về an ninh, trật tự”",
  THIEU_DU_LIEU: "Chưa đủ dữ liệu để kết luận",
  KHONG_THUOC_DIEN: "Không thuộc diện xét công nhận",
};

export type FactValue = string | number | boolean | null | readonly string[];
/** The facts a verdict rests on (ids, counts, dates), so a reviewer can check the arithmetic. */
export type Facts = Readonly<Record<string, FactValue>>;

/**
 * ACTION: something the unit can still do this year. DATA: a fact the engine was not given.
 * BLOCKER: already happened and cannot be undone this year (an incident, a late registration).
 */
export const NEED_KINDS = ["ACTION", "DATA", "BLOCKER"] as const;
export type NeedKind = (typeof NEED_KINDS)[number];

export interface Need {
  readonly kind: NeedKind;
  readonly text: string;
}

export interface CriterionVerdict {
  /** KDC-1 … CSGD-6, sub-results such as KDC-4a, XA-2.KDC-3, or a provincial criterion id. */
  readonly id: string;
  readonly title: string;
  readonly status: CriterionStatus;
  /** Vietnamese, with diacritics, readable aloud at the review meeting. */
  readonly reason: string;
  /** e.g. "Điều 6 khoản 5 Thông tư 124/2021/TT-BCA". */
  readonly legalBasis: string;
  readonly facts: Facts;
  /** What is still needed to reach MET (empty when MET or NOT_APPLICABLE). */
  readonly needs: readonly Need[];
  /** Sub-results (KDC-4a..d, the inherited KDC criteria of XA-2). */
  readonly parts?: readonly CriterionVerdict[];
}

export interface RuleSetSummary {
  readonly id: string;
  readonly title: string;
  readonly legalBasis: string;
  readonly effectiveFrom: IsoDate;
  readonly assumptions: readonly string[];
}

export interface PlanTargetResult {
  readonly id: string;
  readonly title: string;
  readonly status: CriterionStatus;
  readonly reason: string;
  readonly facts: Facts;
}

/** "Chỉ tiêu kế hoạch": the unit's own targets, shown beside the legal verdict, never in it. */
export interface PlanSection {
  readonly title: "Chỉ tiêu kế hoạch";
  readonly source: string | null;
  readonly affectsLegalVerdict: false;
  readonly allMet: boolean;
  readonly targets: readonly PlanTargetResult[];
}

export interface ReadinessItem {
  readonly criterionId: string;
  readonly kind: NeedKind;
  readonly text: string;
}

export interface Readiness {
  /** False once a BLOCKER exists: no action this year can turn the verdict into DAT. */
  readonly canStillPass: boolean;
  readonly summary: string;
  readonly items: readonly ReadinessItem[];
}

export interface EvaluationResult {
  readonly unitId: string;
  readonly unitName: string;
  readonly kind: CriteriaKind;
  /** CQ or DN for kind CQDN, otherwise null. */
  readonly subtype: "CQ" | "DN" | null;
  readonly year: number;
  /** Đ8 k2 evaluation window; incidents and discipline outside it are ignored (see notes). */
  readonly window: { readonly from: IsoDate; readonly to: IsoDate };
  readonly ruleSet: RuleSetSummary;
  readonly overall: OverallResult;
  readonly overallLabel: string;
  readonly overallReason: string;
  readonly exclusion: { readonly reason: ExclusionReason; readonly label: string; readonly legalBasis: string } | null;
  readonly criteria: readonly CriterionVerdict[];
  /** Đ8 k1 criteria added by the province; they count toward `overall`. */
  readonly provincialCriteria: readonly CriterionVerdict[];
  readonly plan: PlanSection | null;
  readonly readiness: Readiness;
  /** Facts the engine set aside, e.g. an incident dated outside the window. */
  readonly notes: readonly string[];
}
