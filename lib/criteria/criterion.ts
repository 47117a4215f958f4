/**
 * How a criterion is described (data + a check function) and how its checks become a verdict.
 *
 * A criterion is either a leaf (checks writing into a VerdictBuilder, e.g. KDC-1 = two
 * documents + households) or a composite of sub-criteria (KDC-4 = 4a..4d; XA-2 = KDC-2..4 over
 * the commune). Both roll up with the same rule: any NOT_MET → NOT_MET, else any MISSING_DATA →
 * MISSING_DATA, else any MET → MET, else NOT_APPLICABLE. That rule is monotone, which is what
 * lets the property tests say "adding an incident never improves a verdict".
 *
 * Checks write straight into a builder instead of returning objects: one evaluation runs ~15
 * checks, and not allocating a result object, a facts object and an array per check is most of
 * what keeps the engine above 200,000 evaluations/s (scripts/bench-criteria.ts).
 */
import type { CatalogueEntry, Classification, IncidentGroup } from "./catalogue";
import type { Threshold } from "./ratio";
import type { DisciplineRecord, Incident } from "./schema";
import type { CriteriaKind, CriterionStatus, CriterionVerdict, FactValue, Facts, IsoDate, Need, NeedKind } from "./types";
import type { EvaluationWindow } from "./window";

/** Knobs a rule set may change without new code (see ruleSets.ts). */
export interface RuleParameters {
  /** Đ6 k5, Đ7 k6: share of eligible sub-units with TTLĐTT or HTTNV+. */
  readonly subUnitThreshold: Threshold;
  /** Đ5 k4: share of managed units that registered. */
  readonly managedUnitsRegisteredThreshold: Threshold;
  /** Đ5 k4: share of managed units recognised. */
  readonly managedUnitsRecognisedThreshold: Threshold;
  /** Đ6 k4 has no "(nếu có)": what a CQ/DN without a security force gets (decision Q5). */
  readonly agencyWithoutSecurityForce: "NOT_APPLICABLE" | "NOT_MET";
}

export interface ClassifiedIncident {
  readonly incident: Incident;
  readonly entry: CatalogueEntry;
  readonly classification: Classification;
}

/** Everything derived once per evaluation, shared by all criteria of the unit. */
export interface EvaluationContext {
  readonly kind: CriteriaKind;
  readonly year: number;
  readonly window: EvaluationWindow;
  readonly windowText: string;
  readonly q1Deadline: IsoDate;
  readonly q1DeadlineText: string;
  readonly asOf: IsoDate | undefined;
  readonly params: RuleParameters;
  readonly incidentsProvided: boolean;
  /** In-window incidents of the kind's catalogue, by group, sorted by (date, id). */
  readonly incidentsByGroup: Readonly<Partial<Record<IncidentGroup, readonly ClassifiedIncident[]>>>;
  readonly disciplinesProvided: boolean;
  /** In-window discipline records sorted by (date, id). */
  readonly disciplines: readonly DisciplineRecord[];
}

export const NO_NEEDS: readonly Need[] = Object.freeze([]);
const NO_IDS: readonly string[] = Object.freeze([]);

function isMet(v: CriterionVerdict): boolean {
  return v.status === "MET";
}
export const NO_FACTS: Facts = Object.freeze({});

const RANK_TO_STATUS: readonly CriterionStatus[] = ["NOT_APPLICABLE", "MET", "MISSING_DATA", "NOT_MET"];

export function statusRank(status: CriterionStatus): number {
  switch (status) {
    case "NOT_MET":
      return 3;
    case "MISSING_DATA":
      return 2;
    case "MET":
      return 1;
    default:
      return 0;
  }
}

export function combineStatuses(items: readonly { readonly status: CriterionStatus }[]): CriterionStatus {
  let worst = 0;
  for (const item of items) {
    const r = statusRank(item.status);
    if (r > worst) worst = r;
  }
  return RANK_TO_STATUS[worst]!;
}

/**
 * Collects the outcome of a criterion's checks. Each check adds one sentence (capitalised,
 * ending with a full stop), its facts and what is still needed.
 */
export class VerdictBuilder {
  private rank = 0;
  private reason = "";
  private needList: Need[] | undefined = undefined;
  private factsObject: Record<string, FactValue> | undefined = undefined;
  /** True while factsObject is a frozen shared constant (copied on the first write). */
  private factsShared = false;

  add(status: CriterionStatus, sentence: string): void {
    const r = statusRank(status);
    if (r > this.rank) this.rank = r;
    this.reason = this.reason === "" ? sentence : `${this.reason} ${sentence}`;
  }

  met(sentence: string): void {
    this.add("MET", sentence);
  }

  fact(key: string, value: FactValue): void {
    let facts = this.factsObject;
    if (facts === undefined) facts = this.factsObject = {};
    else if (this.factsShared) {
      facts = this.factsObject = { ...facts };
      this.factsShared = false;
    }
    facts[key] = value;
  }

  /**
   * Adopt a frozen facts object shared between evaluations (e.g. "no incident in this group").
   * Only when nothing was recorded yet; otherwise its entries are copied in.
   */
  shareFacts(shared: Facts): void {
    if (this.factsObject === undefined) {
      this.factsObject = shared as Record<string, FactValue>;
      this.factsShared = true;
      return;
    }
    // for…in over a small frozen object uses V8's enum cache and allocates nothing.
    for (const key in shared) this.fact(key, shared[key]!);
  }

  need(kind: NeedKind, text: string): void {
    (this.needList ??= []).push({ kind, text });
  }

  /** Ready for the next criterion; the facts object and needs list handed out stay with it. */
  reset(): void {
    this.rank = 0;
    this.reason = "";
    this.needList = undefined;
    this.factsObject = undefined;
    this.factsShared = false;
  }

  get status(): CriterionStatus {
    return RANK_TO_STATUS[this.rank]!;
  }

  get text(): string {
    return this.reason;
  }

  get facts(): Facts {
    return this.factsObject ?? NO_FACTS;
  }

  get needs(): readonly Need[] {
    return this.needList ?? NO_NEEDS;
  }
}

export type CheckFunction<I> = (input: I, ctx: EvaluationContext, b: VerdictBuilder) => void;

export interface CriterionSpec<I> {
  readonly id: string;
  readonly title: string;
  /** "Điều 4 khoản 1"; the rule set appends the instrument ("Thông tư 124/2021/TT-BCA"). */
  readonly article: string;
  readonly checks?: CheckFunction<I>;
  readonly parts?: readonly CriterionSpec<I>[];
}

export interface CompiledCriterion<I> {
  readonly id: string;
  readonly title: string;
  readonly legalBasis: string;
  readonly checks: CheckFunction<I> | undefined;
  readonly parts: readonly CompiledCriterion<I>[] | undefined;
  /** Verdict for units outside the scope of TT124 (Đ1 k2 b), built once. */
  readonly excludedVerdict: CriterionVerdict;
  /** Composite only: reason and facts when every part is met (the common case), built once. */
  readonly allPartsMet: { readonly reason: string; readonly facts: Facts } | undefined;
}

export function compileCriterion<I>(spec: CriterionSpec<I>, instrument: string, excludedReason: string): CompiledCriterion<I> {
  const legalBasis = `${spec.article} ${instrument}`;
  const parts = spec.parts?.map((p) => compileCriterion(p, instrument, excludedReason));
  const excludedVerdict: CriterionVerdict = Object.freeze({
    id: spec.id,
    title: spec.title,
    status: "NOT_APPLICABLE",
    reason: excludedReason,
    legalBasis,
    facts: NO_FACTS,
    needs: NO_NEEDS,
  });
  const partIds = parts?.map((p) => p.id);
  const allPartsMet =
    partIds === undefined
      ? undefined
      : Object.freeze({
          reason: `Đạt đủ các nội dung ${partIds.join(", ")}.`,
          facts: Object.freeze({ partsMet: Object.freeze(partIds), partsNotMet: NO_IDS, partsMissingData: NO_IDS, partsNotApplicable: NO_IDS }),
        });
  return Object.freeze({ id: spec.id, title: spec.title, legalBasis, checks: spec.checks, parts, excludedVerdict, allPartsMet });
}

function verdictFromParts<I>(criterion: CompiledCriterion<I>, parts: readonly CriterionVerdict[]): CriterionVerdict {
  const status = combineStatuses(parts);
  const allMet = criterion.allPartsMet;
  if (allMet !== undefined && status === "MET" && parts.every(isMet)) {
    return {
      id: criterion.id,
      title: criterion.title,
      status,
      reason: allMet.reason,
      legalBasis: criterion.legalBasis,
      facts: allMet.facts,
      needs: NO_NEEDS,
      parts,
    };
  }
  let met: string[] | undefined;
  let notMet: string[] | undefined;
  let missing: string[] | undefined;
  let notApplicable: string[] | undefined;
  let needs: Need[] | undefined;
  let failing = "";
  for (const part of parts) {
    switch (part.status) {
      case "MET":
        (met ??= []).push(part.id);
        break;
      case "NOT_MET":
        (notMet ??= []).push(part.id);
        break;
      case "MISSING_DATA":
        (missing ??= []).push(part.id);
        break;
      default:
        (notApplicable ??= []).push(part.id);
    }
    if (part.status === "NOT_MET" || part.status === "MISSING_DATA") {
      failing = failing === "" ? `${part.id}: ${part.reason}` : `${failing} ${part.id}: ${part.reason}`;
    }
    if (part.needs.length > 0) {
      needs ??= [];
      for (const n of part.needs) needs.push(n);
    }
  }
  let reason: string;
  if (status === "MET" || status === "NOT_APPLICABLE") {
    reason = met !== undefined ? `Đạt đủ các nội dung ${met.join(", ")}.` : "Không có nội dung nào phải xét.";
    if (notApplicable !== undefined && met !== undefined) reason = `${reason} Không áp dụng: ${notApplicable.join(", ")}.`;
  } else {
    reason = failing;
  }
  return {
    id: criterion.id,
    title: criterion.title,
    status,
    reason,
    legalBasis: criterion.legalBasis,
    facts: {
      partsMet: met ?? NO_IDS,
      partsNotMet: notMet ?? NO_IDS,
      partsMissingData: missing ?? NO_IDS,
      partsNotApplicable: notApplicable ?? NO_IDS,
    },
    needs: needs ?? NO_NEEDS,
    parts,
  };
}

export function evaluateCriterion<I>(criterion: CompiledCriterion<I>, input: I, ctx: EvaluationContext): CriterionVerdict {
  if (criterion.parts !== undefined) {
    const parts = new Array<CriterionVerdict>(criterion.parts.length);
    for (let i = 0; i < criterion.parts.length; i++) parts[i] = evaluateCriterion(criterion.parts[i]!, input, ctx);
    return verdictFromParts(criterion, parts);
  }
  // Evaluation is synchronous and criteria never nest a leaf inside a leaf, so one builder
  // serves every leaf criterion in turn.
  const b = sharedBuilder;
  b.reset();
  criterion.checks?.(input, ctx, b);
  const verdict: CriterionVerdict = {
    id: criterion.id,
    title: criterion.title,
    status: b.status,
    reason: b.text,
    legalBasis: criterion.legalBasis,
    facts: b.facts,
    needs: b.needs,
  };
  b.reset();
  return verdict;
}

const sharedBuilder = new VerdictBuilder();
