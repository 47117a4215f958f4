/**
 * What the unit officer must declare in the self-assessment, because the criteria engine cannot
 * know it from recorded data (facts, sub-units, discipline, incidents, models, registration
 * documents all come from the database — see criteria-input.ts).
 *
 * PURE: no I/O. Each question's key IS the engine input path it fills ("declarations.implementsPolicies",
 * "internalRules.stateSecrets", …), so a stored answer is written into the engine input verbatim by
 * `applyDeclarations`, and the strict engine schema rejects any key that is not a real path
 * (self-assessment-questions.test.ts checks every key against it).
 *
 * Answers live in `Dossier.declarations` as `{ "<key>": true | false }`: true = đã có / đã thực hiện,
 * false = chưa (→ the criterion is NOT_MET), key absent = not answered yet (→ MISSING_DATA).
 *
 * Criterion ids, titles and legal bases come from the engine's rule set (lib/criteria), never
 * duplicated here.
 */
import { z } from "zod";
import {
  CRITERIA_KINDS,
  RULE_SETS,
  criteriaKindOf,
  selectRuleSet,
  type CriteriaKind,
  type RuleSet,
  type UnitInput,
} from "@/lib/criteria";
import { PHO_THONG_LEVELS, type EducationLevel, type UnitKind } from "@/lib/domain/vocabulary";

// ---------------------------------------------------------------------------------------------
// Criteria per kind, as the engine defines them
// ---------------------------------------------------------------------------------------------

export interface CriterionSummary {
  readonly id: string;
  readonly title: string;
  /** "Điều 6 khoản 1 Thông tư 124/2021/TT-BCA". */
  readonly legalBasis: string;
  /** Sub-criteria (KDC-4a…d, XA-2.KDC-2…4); absent for a leaf. */
  readonly parts?: readonly CriterionSummary[];
}

interface CompiledLike {
  readonly id: string;
  readonly title: string;
  readonly legalBasis: string;
  readonly parts?: readonly CompiledLike[] | undefined;
}

function summarise(c: CompiledLike): CriterionSummary {
  return Object.freeze({
    id: c.id,
    title: c.title,
    legalBasis: c.legalBasis,
    ...(c.parts ? { parts: Object.freeze(c.parts.map(summarise)) } : {}),
  });
}

function criteriaOf(ruleSet: RuleSet, kind: CriteriaKind): readonly CriterionSummary[] {
  return Object.freeze((ruleSet.compiled[kind] as readonly CompiledLike[]).map(summarise));
}

const LATEST_RULE_SET: RuleSet = RULE_SETS[RULE_SETS.length - 1]!;

/** The criteria of each kind under the rule set in force now (ids, titles and bases from the engine). */
export const CRITERIA_BY_KIND: Readonly<Record<CriteriaKind, readonly CriterionSummary[]>> = Object.freeze(
  Object.fromEntries(CRITERIA_KINDS.map((kind) => [kind, criteriaOf(LATEST_RULE_SET, kind)])) as Record<CriteriaKind, readonly CriterionSummary[]>,
);

/** The criteria of a kind for an evaluation year (the rule set the engine would pick). */
export function criteriaForKind(kind: CriteriaKind | UnitKind, year?: number): readonly CriterionSummary[] {
  const k = criteriaKindOf(kind as UnitKind);
  if (year === undefined) return CRITERIA_BY_KIND[k];
  const ruleSet = selectRuleSet(k, year);
  return ruleSet ? criteriaOf(ruleSet, k) : CRITERIA_BY_KIND[k];
}

/** Finds a criterion or one of its (nested) parts by id, e.g. "XA-2.KDC-4c". */
export function findCriterion(kind: CriteriaKind | UnitKind, id: string, year?: number): CriterionSummary | undefined {
  const search = (list: readonly CriterionSummary[]): CriterionSummary | undefined => {
    for (const c of list) {
      if (c.id === id) return c;
      const inner = c.parts ? search(c.parts) : undefined;
      if (inner) return inner;
    }
    return undefined;
  };
  return search(criteriaForKind(kind, year));
}

// ---------------------------------------------------------------------------------------------
// The question catalogue
// ---------------------------------------------------------------------------------------------

/** Every engine input path a question may fill (across kinds). */
export const DECLARATION_KEYS = [
  "declarations.implementsPolicies",
  "declarations.managedGroupsHandledEffectively",
  "declarations.communePoliceEffective",
  "declarations.parentsBoardCoordination",
  "internalRules.unitProtection",
  "internalRules.stateSecrets",
  "internalRules.internalPolitics",
  "internalRules.labourSafety",
  "internalRules.fireExplosion",
  "internalRules.environment",
  "internalRules.institutionProtection",
  "internalRules.learnerManagement",
] as const;
export type DeclarationKey = (typeof DECLARATION_KEYS)[number];

/** ALWAYS, or only for general-education (phổ thông) levels — the engine's own PHO_THONG_LEVELS. */
export type QuestionApplicability = "ALWAYS" | "PHO_THONG_ONLY";

export interface SelfAssessmentQuestion {
  /** Engine input path; also the key of the answer in Dossier.declarations. */
  readonly key: DeclarationKey;
  readonly kind: CriteriaKind;
  /** Top-level criterion the answer counts toward (KDC-2, CQDN-1, XA-3…). */
  readonly criterionId: string;
  /** The sub-criterion it feeds, when the criterion has parts (KDC-4c, XA-2.KDC-2…). */
  readonly partId?: string;
  /** Asked of the unit officer, answered Có / Không. */
  readonly question: string;
  /** "Điều 4 khoản 2 Thông tư 124/2021/TT-BCA", from the engine. */
  readonly legalBasis: string;
  readonly applicability: QuestionApplicability;
  /** Whether the reviewer expects a document or report attached to a "Có" answer. */
  readonly evidenceExpected: boolean;
  /** What to attach, in the officer's words. */
  readonly evidenceHint: string;
}

type QuestionDraft = Omit<SelfAssessmentQuestion, "kind" | "legalBasis">;

const POLICY_EVIDENCE = "Báo cáo kết quả triển khai, thực hiện; văn bản chỉ đạo, kế hoạch thực hiện trong năm.";
const RULES_EVIDENCE = "Văn bản ban hành nội quy, quy định (số, ký hiệu, ngày ban hành).";
const MANAGED_GROUPS_EVIDENCE = "Danh sách đối tượng phải quản lý, giáo dục và báo cáo kết quả quản lý, giáo dục trong năm.";

function rule(key: DeclarationKey, criterionId: string, topic: string, unitWord: string): QuestionDraft {
  return {
    key,
    criterionId,
    question: `${unitWord} đã có nội quy, quy định về ${topic} chưa?`,
    applicability: "ALWAYS",
    evidenceExpected: true,
    evidenceHint: RULES_EVIDENCE,
  };
}

const DRAFTS: Readonly<Record<CriteriaKind, readonly QuestionDraft[]>> = {
  KDC: [
    {
      key: "declarations.implementsPolicies",
      criterionId: "KDC-2",
      question:
        "Trong năm, khu dân cư có triển khai, thực hiện đầy đủ chủ trương của Đảng, chính sách, pháp luật của Nhà nước và quy định của địa phương về bảo đảm an ninh, trật tự không?",
      applicability: "ALWAYS",
      evidenceExpected: true,
      evidenceHint: "Báo cáo của Trưởng khu dân cư; biên bản họp khu dân cư; hương ước, quy ước (nếu có).",
    },
    {
      key: "declarations.managedGroupsHandledEffectively",
      criterionId: "KDC-4",
      partId: "KDC-4c",
      question:
        "Các đối tượng phải quản lý, giáo dục tại khu dân cư theo quy định của pháp luật có được quản lý, giáo dục có hiệu quả không?",
      applicability: "ALWAYS",
      evidenceExpected: true,
      evidenceHint: MANAGED_GROUPS_EVIDENCE,
    },
  ],
  XA: [
    {
      key: "declarations.implementsPolicies",
      criterionId: "XA-2",
      partId: "XA-2.KDC-2",
      question:
        "Trên toàn địa bàn xã (phường, đặc khu), chủ trương của Đảng, chính sách, pháp luật của Nhà nước và quy định của địa phương về bảo đảm an ninh, trật tự có được triển khai, thực hiện đầy đủ không?",
      applicability: "ALWAYS",
      evidenceExpected: true,
      evidenceHint: POLICY_EVIDENCE,
    },
    {
      key: "declarations.managedGroupsHandledEffectively",
      criterionId: "XA-2",
      partId: "XA-2.KDC-4c",
      question:
        "Trên toàn địa bàn xã (phường, đặc khu), các đối tượng phải quản lý, giáo dục theo quy định của pháp luật có được quản lý, giáo dục có hiệu quả không?",
      applicability: "ALWAYS",
      evidenceExpected: true,
      evidenceHint: MANAGED_GROUPS_EVIDENCE,
    },
    {
      key: "declarations.communePoliceEffective",
      criterionId: "XA-3",
      question:
        "Công an xã (phường, đặc khu) có nắm chắc tình hình, kịp thời tham mưu cho cấp ủy, chính quyền và tổ chức thực hiện có hiệu quả công tác bảo đảm an ninh, trật tự và phong trào toàn dân bảo vệ an ninh Tổ quốc không?",
      applicability: "ALWAYS",
      evidenceExpected: true,
      evidenceHint: "Báo cáo kết quả công tác của Công an xã; nhận xét, đánh giá của Ban Chỉ đạo hoặc Công an cấp trên.",
    },
  ],
  CQDN: [
    rule("internalRules.unitProtection", "CQDN-1", "bảo vệ cơ quan, doanh nghiệp", "Cơ quan, doanh nghiệp"),
    rule("internalRules.stateSecrets", "CQDN-1", "bảo vệ bí mật nhà nước", "Cơ quan, doanh nghiệp"),
    rule("internalRules.internalPolitics", "CQDN-1", "bảo vệ chính trị nội bộ", "Cơ quan, doanh nghiệp"),
    rule("internalRules.labourSafety", "CQDN-1", "an toàn lao động", "Cơ quan, doanh nghiệp"),
    rule("internalRules.fireExplosion", "CQDN-1", "phòng, chống cháy, nổ", "Cơ quan, doanh nghiệp"),
    rule("internalRules.environment", "CQDN-1", "bảo vệ môi trường", "Cơ quan, doanh nghiệp"),
    {
      key: "declarations.implementsPolicies",
      criterionId: "CQDN-2",
      question:
        "Cơ quan, doanh nghiệp có thực hiện đầy đủ chính sách, pháp luật, quy chế phối hợp, chương trình, kế hoạch với cơ quan Công an (nếu có) và quy định của địa phương về an ninh, trật tự không?",
      applicability: "ALWAYS",
      evidenceExpected: true,
      evidenceHint: "Quy chế phối hợp với cơ quan Công an (nếu có); báo cáo kết quả thực hiện trong năm.",
    },
  ],
  CSGD: [
    rule("internalRules.institutionProtection", "CSGD-1", "bảo vệ cơ sở giáo dục", "Cơ sở giáo dục"),
    rule("internalRules.internalPolitics", "CSGD-1", "bảo vệ chính trị nội bộ", "Cơ sở giáo dục"),
    rule("internalRules.learnerManagement", "CSGD-1", "quản lý người học", "Cơ sở giáo dục"),
    rule("internalRules.fireExplosion", "CSGD-1", "phòng, chống cháy, nổ", "Cơ sở giáo dục"),
    {
      key: "declarations.implementsPolicies",
      criterionId: "CSGD-2",
      question:
        "Cơ sở giáo dục có thực hiện đầy đủ chính sách, pháp luật, quy chế phối hợp, chương trình, kế hoạch với cơ quan Công an (nếu có) và quy định của địa phương về an ninh, trật tự không?",
      applicability: "ALWAYS",
      evidenceExpected: true,
      evidenceHint: "Quy chế phối hợp với cơ quan Công an (nếu có); báo cáo kết quả thực hiện trong năm.",
    },
    {
      key: "declarations.parentsBoardCoordination",
      criterionId: "CSGD-2",
      question: "Nhà trường có hình thức, biện pháp phối hợp với Ban đại diện cha mẹ học sinh trong quản lý học sinh không?",
      applicability: "PHO_THONG_ONLY",
      evidenceExpected: true,
      evidenceHint: "Quy chế, kế hoạch phối hợp với Ban đại diện cha mẹ học sinh; biên bản các buổi làm việc.",
    },
  ],
};

function legalBasisOf(kind: CriteriaKind, draft: QuestionDraft): string {
  const criterion = findCriterion(kind, draft.partId ?? draft.criterionId) ?? findCriterion(kind, draft.criterionId);
  // Falls back to the article family so a renamed id never breaks the page; the unit test
  // asserts every id resolves.
  return criterion?.legalBasis ?? LATEST_RULE_SET.legalBasis;
}

/** The catalogue per kind, frozen. */
export const SELF_ASSESSMENT_QUESTIONS: Readonly<Record<CriteriaKind, readonly SelfAssessmentQuestion[]>> = Object.freeze(
  Object.fromEntries(
    CRITERIA_KINDS.map((kind) => [
      kind,
      Object.freeze(DRAFTS[kind].map((draft) => Object.freeze({ ...draft, kind, legalBasis: legalBasisOf(kind, draft) }))),
    ]),
  ) as Record<CriteriaKind, readonly SelfAssessmentQuestion[]>,
);

export interface QuestionContext {
  /** The unit's education levels (CSGD); unknown → every question is asked. */
  readonly educationLevels?: readonly EducationLevel[] | undefined;
}

export function questionApplies(question: SelfAssessmentQuestion, context: QuestionContext = {}): boolean {
  if (question.applicability === "ALWAYS") return true;
  const levels = context.educationLevels;
  if (levels === undefined) return true;
  return levels.some((level) => PHO_THONG_LEVELS.includes(level));
}

export type QuestionForUnit = SelfAssessmentQuestion & { readonly applies: boolean };

/** The questions for a unit kind (database CQ/DN accepted), each with whether it applies. */
export function questionsFor(kind: CriteriaKind | UnitKind, context: QuestionContext = {}): readonly QuestionForUnit[] {
  return SELF_ASSESSMENT_QUESTIONS[criteriaKindOf(kind as UnitKind)].map((q) => ({ ...q, applies: questionApplies(q, context) }));
}

// ---------------------------------------------------------------------------------------------
// Stored answers
// ---------------------------------------------------------------------------------------------

/** What Dossier.declarations may hold: known keys → boolean; an unknown key is refused. */
export const declarationsSchema = z.partialRecord(z.enum(DECLARATION_KEYS), z.boolean());
export type Declarations = z.infer<typeof declarationsSchema>;

/** The same, restricted to the keys of one kind (for the save action of a given unit). */
export function declarationsSchemaFor(kind: CriteriaKind | UnitKind) {
  const keys = SELF_ASSESSMENT_QUESTIONS[criteriaKindOf(kind as UnitKind)].map((q) => q.key);
  return z.partialRecord(z.enum(keys as [DeclarationKey, ...DeclarationKey[]]), z.boolean());
}

/** Applicable questions of the unit not answered yet. */
export function unansweredQuestions(
  kind: CriteriaKind | UnitKind,
  declarations: Declarations | null | undefined,
  context: QuestionContext = {},
): readonly QuestionForUnit[] {
  return questionsFor(kind, context).filter((q) => q.applies && declarations?.[q.key] === undefined);
}

type Json = { readonly [key: string]: unknown };

/**
 * Writes `value` at a dot path ("a.b") of a plain object and returns a new object; the objects on
 * the path are copied, nothing is mutated. Generic on purpose: the tests use it to show that the
 * engine's strict schema refuses a path that does not exist.
 */
export function writePath<T extends object>(target: T, path: string, value: unknown): T {
  const [head, ...rest] = path.split(".");
  if (head === undefined || head === "") throw new Error(`Đường dẫn không hợp lệ: “${path}”`);
  const source = target as Json;
  if (rest.length === 0) return { ...source, [head]: value } as T;
  const child = source[head];
  const base = child !== null && typeof child === "object" && !Array.isArray(child) ? (child as object) : {};
  return { ...source, [head]: writePath(base, rest.join("."), value) } as T;
}

/**
 * Writes the stored answers into an engine input (pure; returns a new object). Only the keys of
 * the input's kind are written: an answer under another kind's key (a CQ answer left on a unit
 * whose kind changed) is ignored rather than turned into an invalid input.
 */
export function applyDeclarations<I extends UnitInput>(input: I, declarations: Declarations | null | undefined): I {
  if (!declarations) return input;
  let out = input;
  for (const question of SELF_ASSESSMENT_QUESTIONS[input.kind]) {
    const value = declarations[question.key];
    if (value !== undefined) out = writePath(out, question.key, value);
  }
  return out;
}

/** All-true answers for a kind (demo data, tests). */
export function allTrueDeclarations(kind: CriteriaKind | UnitKind): Declarations {
  return Object.fromEntries(SELF_ASSESSMENT_QUESTIONS[criteriaKindOf(kind as UnitKind)].map((q) => [q.key, true])) as Declarations;
}
