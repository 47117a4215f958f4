/**
 * Đ8 k1: the result rests on the TT124 criteria "và các tiêu chí do UBND cấp tỉnh quy định".
 * Provinces' extra criteria are data (ExtraCriterion): a declaration, a numeric threshold or a
 * ratio over facts the unit supplies in `extraFacts`. Unlike plan targets, they count toward
 * the legal verdict.
 */
import { NO_FACTS, NO_NEEDS } from "./criterion";
import { formatPercent, formatThreshold, meetsRatio, percentToThreshold } from "./ratio";
import type { ExtraCriterion } from "./schema";
import type { CriteriaKind, CriterionVerdict, IsoDate } from "./types";

const NONE: readonly ExtraCriterion[] = Object.freeze([]);

export function applicableExtraCriteria(
  criteria: readonly ExtraCriterion[] | undefined,
  kind: CriteriaKind,
  province: string | undefined,
  windowEnd: IsoDate,
): readonly ExtraCriterion[] {
  if (criteria === undefined || criteria.length === 0) return NONE;
  return criteria.filter(
    (c) =>
      c.appliesTo.includes(kind) &&
      (c.province === undefined || c.province === province) &&
      (c.effectiveFrom === undefined || c.effectiveFrom <= windowEnd) &&
      (c.effectiveTo === undefined || c.effectiveTo >= windowEnd),
  );
}

const COMPARATOR_TEXT = { ">=": "≥", ">": ">", "<=": "≤", "<": "<", "=": "=" } as const;

function compare(value: number, comparator: keyof typeof COMPARATOR_TEXT, target: number): boolean {
  switch (comparator) {
    case ">=":
      return value >= target;
    case ">":
      return value > target;
    case "<=":
      return value <= target;
    case "<":
      return value < target;
    default:
      return value === target;
  }
}

function verdict(
  criterion: ExtraCriterion,
  status: CriterionVerdict["status"],
  reason: string,
  facts: CriterionVerdict["facts"],
): CriterionVerdict {
  const needs =
    status === "MISSING_DATA"
      ? [{ kind: "DATA" as const, text: `Bổ sung dữ kiện cho tiêu chí của tỉnh “${criterion.title}”` }]
      : status === "NOT_MET"
        ? [{ kind: "ACTION" as const, text: `Đáp ứng tiêu chí của tỉnh: ${criterion.title}` }]
        : NO_NEEDS;
  return { id: criterion.id, title: criterion.title, status, reason, legalBasis: criterion.legalBasis, facts, needs };
}

export function evaluateExtraCriterion(
  criterion: ExtraCriterion,
  facts: Readonly<Record<string, boolean | number>> | undefined,
): CriterionVerdict {
  const test = criterion.test;
  switch (test.type) {
    case "DECLARATION": {
      const value = facts?.[test.fact];
      if (typeof value !== "boolean") {
        return verdict(criterion, "MISSING_DATA", `Chưa có dữ kiện “${test.fact}” (true/false).`, { [test.fact]: null });
      }
      return value
        ? verdict(criterion, "MET", `Đơn vị xác nhận: ${criterion.title}.`, { [test.fact]: true })
        : verdict(criterion, "NOT_MET", `Đơn vị chưa đáp ứng: ${criterion.title}.`, { [test.fact]: false });
    }
    case "THRESHOLD": {
      const value = facts?.[test.fact];
      if (typeof value !== "number") {
        return verdict(criterion, "MISSING_DATA", `Chưa có số liệu “${test.fact}”.`, { [test.fact]: null });
      }
      const ok = compare(value, test.comparator, test.value);
      return verdict(
        criterion,
        ok ? "MET" : "NOT_MET",
        `${test.fact} = ${value}, yêu cầu ${COMPARATOR_TEXT[test.comparator]} ${test.value}.`,
        { [test.fact]: value },
      );
    }
    case "RATIO": {
      const n = facts?.[test.numeratorFact];
      const d = facts?.[test.denominatorFact];
      if (typeof n !== "number" || typeof d !== "number" || !Number.isInteger(n) || !Number.isInteger(d)) {
        return verdict(criterion, "MISSING_DATA", `Chưa có số liệu nguyên “${test.numeratorFact}” và “${test.denominatorFact}”.`, NO_FACTS);
      }
      const threshold = percentToThreshold(test.percent, test.comparator);
      const ok = meetsRatio(n, d, threshold);
      return verdict(
        criterion,
        ok ? "MET" : "NOT_MET",
        `${n}/${d} (${formatPercent(n, d, threshold)}), yêu cầu ${formatThreshold(threshold)}.`,
        { [test.numeratorFact]: n, [test.denominatorFact]: d },
      );
    }
  }
}
