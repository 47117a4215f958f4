import { describe, expect, it } from "vitest";
import { CRITERIA_KINDS, evaluateUnit, parseUnitInput, type CriteriaKind, type UnitInput } from "@/lib/criteria";
import {
  CRITERIA_BY_KIND,
  DECLARATION_KEYS,
  SELF_ASSESSMENT_QUESTIONS,
  allTrueDeclarations,
  applyDeclarations,
  criteriaForKind,
  declarationsSchema,
  declarationsSchemaFor,
  findCriterion,
  questionsFor,
  unansweredQuestions,
  writePath,
} from "./self-assessment-questions";

/** The smallest valid input of each kind. */
const MINIMAL: Record<CriteriaKind, UnitInput> = {
  KDC: { kind: "KDC", unitId: "kdc", name: "Thôn Làng Mới", year: 2026 },
  XA: { kind: "XA", unitId: "xa", name: "Xã Bát Xát", year: 2026 },
  CQDN: { kind: "CQDN", subtype: "CQ", unitId: "cq", name: "Sở Tư pháp", year: 2026 },
  CSGD: { kind: "CSGD", unitId: "gd", name: "Trường THPT số 1", year: 2026, educationLevels: ["THPT"] },
};

/** Any letter with a Vietnamese diacritic (đ, ư, ơ, â, ê, ô, ă and the tone marks). */
const VIETNAMESE = /[àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ]/i;

/** Reads a dot path of a plain object. */
function readPath(obj: unknown, path: string): unknown {
  return path.split(".").reduce<unknown>((o, k) => (o !== null && typeof o === "object" ? (o as Record<string, unknown>)[k] : undefined), obj);
}

describe("self-assessment question catalogue", () => {
  it("has questions for every kind and every key is listed in DECLARATION_KEYS", () => {
    for (const kind of CRITERIA_KINDS) {
      const questions = SELF_ASSESSMENT_QUESTIONS[kind];
      expect(questions.length, kind).toBeGreaterThan(0);
      const keys = questions.map((q) => q.key);
      expect(new Set(keys).size, `${kind}: keys unique`).toBe(keys.length);
      for (const key of keys) expect(DECLARATION_KEYS).toContain(key);
    }
    expect(Object.fromEntries(CRITERIA_KINDS.map((k) => [k, SELF_ASSESSMENT_QUESTIONS[k].length]))).toEqual({ KDC: 2, XA: 3, CQDN: 7, CSGD: 6 });
  });

  it("every key is a real path of the engine's strict schema for its kind", () => {
    for (const kind of CRITERIA_KINDS) {
      const input = applyDeclarations(MINIMAL[kind], allTrueDeclarations(kind));
      const parsed = parseUnitInput(input);
      expect(parsed.ok, `${kind}: ${JSON.stringify(parsed.ok ? [] : parsed.issues)}`).toBe(true);
      for (const q of SELF_ASSESSMENT_QUESTIONS[kind]) {
        expect(readPath(input, q.key), `${kind} ${q.key}`).toBe(true);
        // Survives the parse: the schema kept the key (strict objects drop nothing silently).
        if (parsed.ok) expect(readPath(parsed.value, q.key), `${kind} ${q.key} after parse`).toBe(true);
      }
    }
  });

  it("a key that is not a path of the schema is refused by the engine (so the check above means something)", () => {
    for (const kind of CRITERIA_KINDS) {
      const typo = writePath(MINIMAL[kind], "declarations.implementsPolicy", true);
      expect(parseUnitInput(typo).ok, kind).toBe(false);
      const wrongBranch = writePath(MINIMAL[kind], "internalRules.somethingElse", true);
      expect(parseUnitInput(wrongBranch).ok, kind).toBe(false);
    }
    // Another kind's key does not exist on this kind either.
    expect(parseUnitInput(writePath(MINIMAL.KDC, "internalRules.stateSecrets", true)).ok).toBe(false);
    expect(parseUnitInput(writePath(MINIMAL.CQDN, "declarations.communePoliceEffective", true)).ok).toBe(false);
  });

  it("every criterion (and part) id exists in the engine for that kind", () => {
    for (const kind of CRITERIA_KINDS) {
      const topIds = CRITERIA_BY_KIND[kind].map((c) => c.id);
      for (const q of SELF_ASSESSMENT_QUESTIONS[kind]) {
        expect(topIds, `${kind} ${q.key}`).toContain(q.criterionId);
        if (q.partId !== undefined) {
          const top = CRITERIA_BY_KIND[kind].find((c) => c.id === q.criterionId)!;
          expect(findCriterion(kind, q.partId), `${q.partId}`).toBeDefined();
          expect(JSON.stringify(top.parts ?? []), `${q.partId} is inside ${q.criterionId}`).toContain(`"id":"${q.partId}"`);
        }
        expect(q.legalBasis).toBe(findCriterion(kind, q.partId ?? q.criterionId)!.legalBasis);
      }
    }
  });

  it("each answer moves the verdict of the criterion it names (false → NOT_MET there)", () => {
    for (const kind of CRITERIA_KINDS) {
      for (const q of SELF_ASSESSMENT_QUESTIONS[kind]) {
        const input = applyDeclarations(MINIMAL[kind], { [q.key]: false });
        const verdict = evaluateUnit(input).criteria.find((c) => c.id === q.criterionId)!;
        expect(verdict.status, `${kind} ${q.key} → ${q.criterionId}`).toBe("NOT_MET");
      }
    }
  });

  it("texts are non-empty Vietnamese with diacritics", () => {
    for (const kind of CRITERIA_KINDS) {
      for (const q of SELF_ASSESSMENT_QUESTIONS[kind]) {
        for (const text of [q.question, q.legalBasis, q.evidenceHint]) {
          expect(text.trim().length, `${kind} ${q.key}`).toBeGreaterThan(10);
          expect(text, `${kind} ${q.key}`).toMatch(VIETNAMESE);
        }
        expect(q.question.endsWith("?"), q.question).toBe(true);
        expect(q.legalBasis).toMatch(/^Điều \d/);
      }
    }
  });

  it("the parents' board question applies to phổ thông levels only", () => {
    const applies = (levels: Parameters<typeof questionsFor>[1]) =>
      questionsFor("CSGD", levels).find((q) => q.key === "declarations.parentsBoardCoordination")!.applies;
    expect(applies({ educationLevels: ["THPT"] })).toBe(true);
    expect(applies({ educationLevels: ["THCS"] })).toBe(true);
    expect(applies({ educationLevels: ["LIEN_CAP"] })).toBe(true);
    expect(applies({ educationLevels: ["GDNN"] })).toBe(false);
    expect(applies({ educationLevels: ["DAI_HOC"] })).toBe(false);
    expect(applies({})).toBe(true);
    expect(questionsFor("CQ").every((q) => q.applies && q.kind === "CQDN")).toBe(true);
    expect(questionsFor("DN").map((q) => q.key)).toEqual(SELF_ASSESSMENT_QUESTIONS.CQDN.map((q) => q.key));
    expect(unansweredQuestions("CSGD", { "declarations.implementsPolicies": true }, { educationLevels: ["GDNN"] }).map((q) => q.key)).toEqual([
      "internalRules.institutionProtection",
      "internalRules.internalPolitics",
      "internalRules.learnerManagement",
      "internalRules.fireExplosion",
    ]);
  });

  it("declarationsSchema accepts known keys with booleans and refuses anything else", () => {
    expect(declarationsSchema.safeParse({ "declarations.implementsPolicies": true, "internalRules.stateSecrets": false }).success).toBe(true);
    expect(declarationsSchema.safeParse({}).success).toBe(true);
    expect(declarationsSchema.safeParse({ "declarations.implementsPolicy": true }).success).toBe(false);
    expect(declarationsSchema.safeParse({ "declarations.implementsPolicies": "có" }).success).toBe(false);
    expect(declarationsSchemaFor("KDC").safeParse({ "internalRules.stateSecrets": true }).success).toBe(false);
    expect(declarationsSchemaFor("CQ").safeParse({ "internalRules.stateSecrets": true }).success).toBe(true);
  });

  it("applyDeclarations is pure, keeps the other facts and ignores another kind's keys", () => {
    const input: UnitInput = { ...MINIMAL.CQDN, internalRules: { unitProtection: false }, declarations: {} } as UnitInput;
    const frozen = JSON.stringify(input);
    const out = applyDeclarations(input, { "internalRules.stateSecrets": true, "declarations.communePoliceEffective": true });
    expect(JSON.stringify(input)).toBe(frozen);
    expect(out).toMatchObject({ internalRules: { unitProtection: false, stateSecrets: true } });
    expect(readPath(out, "declarations.communePoliceEffective")).toBeUndefined();
    expect(parseUnitInput(out).ok).toBe(true);
    expect(applyDeclarations(input, null)).toBe(input);
  });

  it("criteria titles come from the engine's rule set", () => {
    expect(CRITERIA_BY_KIND.KDC.map((c) => c.id)).toEqual(["KDC-1", "KDC-2", "KDC-3", "KDC-4", "KDC-5"]);
    expect(CRITERIA_BY_KIND.XA.map((c) => c.id)).toEqual(["XA-1", "XA-2", "XA-3", "XA-4"]);
    expect(CRITERIA_BY_KIND.CQDN.map((c) => c.id)).toEqual(["CQDN-1", "CQDN-2", "CQDN-3", "CQDN-4", "CQDN-5"]);
    expect(CRITERIA_BY_KIND.CSGD.map((c) => c.id)).toEqual(["CSGD-1", "CSGD-2", "CSGD-3", "CSGD-4", "CSGD-5", "CSGD-6"]);
    const result = evaluateUnit(MINIMAL.CSGD);
    expect(CRITERIA_BY_KIND.CSGD.map((c) => [c.id, c.title, c.legalBasis])).toEqual(result.criteria.map((c) => [c.id, c.title, c.legalBasis]));
    expect(criteriaForKind("DN", 2023).map((c) => c.id)).toEqual(CRITERIA_BY_KIND.CQDN.map((c) => c.id));
  });
});
