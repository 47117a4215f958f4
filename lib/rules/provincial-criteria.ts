/**
 * The province's extra criteria (TT124 Đ8 k1: "và các tiêu chí do UBND cấp tỉnh quy định"), as
 * data an administrator keeps (ProvincialCriterion). PURE: which criteria apply to a unit in a
 * year, the engine form of one (a yes/no declaration the officer answers), and the frozen copy a
 * dossier keeps from its submission.
 *
 * Domain decision: a criterion the province adds counts like a national one — the unit is
 * recognised only if it meets every criterion (Đ8 k1, "đạt đủ các tiêu chí"), so "chưa" fails the
 * standard and an unanswered one leaves the result incomplete. The engine already treats its
 * `provincialCriteria` that way (lib/criteria/evaluate.ts overallOf).
 */
import { z } from "zod";
import { criteriaKindOf, type ExtraCriterion } from "@/lib/criteria";
import { UNIT_KINDS, type UnitKind } from "@/lib/domain/vocabulary";

/** What a dossier freezes of one criterion at submission, and what the screens show. */
export const frozenCriterionSchema = z.object({
  code: z.string(),
  title: z.string(),
  unitKinds: z.array(z.enum(UNIT_KINDS)),
  fromYear: z.number().int(),
  toYear: z.number().int().nullable(),
  description: z.string().nullable(),
  evidenceExpected: z.string().nullable(),
  legalBasis: z.string(),
});
export type ProvincialCriterionView = z.infer<typeof frozenCriterionSchema>;

export type ProvincialCriterionRow = ProvincialCriterionView & { readonly retiredAt: Date | null };

/** Does the criterion apply to a unit of this kind in this evaluation year (and is it still in use)? */
export function appliesTo(c: ProvincialCriterionRow, kind: UnitKind, year: number): boolean {
  return c.retiredAt === null && c.unitKinds.includes(kind) && c.fromYear <= year && (c.toYear === null || c.toYear >= year);
}

/** The criteria that apply, by code (a stable order for screens, snapshots and the engine). */
export function applicableCriteria(rows: readonly ProvincialCriterionRow[], kind: UnitKind, year: number): ProvincialCriterionView[] {
  return rows
    .filter((c) => appliesTo(c, kind, year))
    .map(freeze)
    .sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
}

export function freeze(c: ProvincialCriterionView): ProvincialCriterionView {
  return {
    code: c.code,
    title: c.title,
    unitKinds: [...c.unitKinds],
    fromYear: c.fromYear,
    toYear: c.toYear,
    description: c.description,
    evidenceExpected: c.evidenceExpected,
    legalBasis: c.legalBasis,
  };
}

/**
 * The engine's form: a DECLARATION whose fact is the criterion's code (the key of the officer's
 * answer in `extraFacts`). Applicability was decided above by unit kind and year, so no dates or
 * province go to the engine (it would filter again on CQDN, which cannot tell a CQ from a DN).
 */
export function toEngineCriterion(c: ProvincialCriterionView): ExtraCriterion {
  return {
    id: c.code,
    title: c.title,
    legalBasis: c.legalBasis,
    appliesTo: [...new Set(c.unitKinds.map((k) => criteriaKindOf(k)))],
    test: { type: "DECLARATION", fact: c.code },
  };
}

/** The officer's answers as stored on the dossier: code → true (đạt) / false (chưa). */
export const extraAnswersSchema = z.record(z.string().max(40), z.boolean());
export type ExtraAnswers = z.infer<typeof extraAnswersSchema>;

/** Parses what a dossier holds (null or a broken value: no answers). */
export function readExtraAnswers(raw: unknown): ExtraAnswers {
  const parsed = extraAnswersSchema.safeParse(raw ?? {});
  return parsed.success ? parsed.data : {};
}

/** The answers to the criteria that apply, as the engine's `extraFacts` (others dropped). */
export function extraFactsFor(criteria: readonly ProvincialCriterionView[], answers: ExtraAnswers): Record<string, boolean> {
  const out: Record<string, boolean> = {};
  for (const c of criteria) if (typeof answers[c.code] === "boolean") out[c.code] = answers[c.code]!;
  return out;
}

/** The frozen list a snapshot holds; an older snapshot without one had none. */
export function readFrozenCriteria(raw: unknown): ProvincialCriterionView[] {
  const parsed = z.array(frozenCriterionSchema).safeParse(raw ?? []);
  return parsed.success ? parsed.data : [];
}
