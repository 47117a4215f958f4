import { describe, expect, it } from "vitest";
import { evaluateUnit } from "@/lib/criteria";
import { passingAgency } from "@/lib/criteria/__fixtures__/units";
import { appliesTo, applicableCriteria, extraFactsFor, readExtraAnswers, readFrozenCriteria, toEngineCriterion, type ProvincialCriterionRow } from "./provincial-criteria";

const row = (over: Partial<ProvincialCriterionRow> = {}): ProvincialCriterionRow => ({
  code: "LCI-1",
  title: "Có tổ tự quản về an ninh, trật tự",
  unitKinds: ["CQ"],
  fromYear: 2026,
  toYear: null,
  description: null,
  evidenceExpected: null,
  legalBasis: "Quyết định số 12/2026/QĐ-UBND",
  retiredAt: null,
  ...over,
});

describe("which extra criteria apply", () => {
  it("by unit kind (CQ and DN apart, though the engine joins them), year range and retirement", () => {
    expect(appliesTo(row(), "CQ", 2026)).toBe(true);
    expect(appliesTo(row(), "DN", 2026)).toBe(false);
    expect(appliesTo(row(), "CQ", 2025)).toBe(false);
    expect(appliesTo(row({ toYear: 2027 }), "CQ", 2027)).toBe(true);
    expect(appliesTo(row({ toYear: 2027 }), "CQ", 2028)).toBe(false);
    expect(appliesTo(row({ retiredAt: new Date() }), "CQ", 2026)).toBe(false);
  });

  it("sorted by code, as plain frozen views without the retirement date", () => {
    const list = applicableCriteria([row({ code: "LCI-2" }), row({ code: "LCI-1" }), row({ code: "KHAC", unitKinds: ["KDC"] })], "CQ", 2026);
    expect(list.map((c) => c.code)).toEqual(["LCI-1", "LCI-2"]);
    expect(list[0]).not.toHaveProperty("retiredAt");
    expect(readFrozenCriteria(JSON.parse(JSON.stringify(list)))).toEqual(list);
    expect(readFrozenCriteria(null)).toEqual([]);
    expect(readFrozenCriteria("hỏng")).toEqual([]);
  });
});

describe("the engine judges them like national criteria", () => {
  const criteria = applicableCriteria([row()], "CQ", 2026);
  const engine = criteria.map(toEngineCriterion);
  const unit = (answers: Record<string, boolean>) => ({ ...passingAgency(), extraFacts: extraFactsFor(criteria, answers) });

  it("is a declaration on its own code, for the engine's kind", () => {
    expect(engine).toEqual([{ id: "LCI-1", title: row().title, legalBasis: row().legalBasis, appliesTo: ["CQDN"], test: { type: "DECLARATION", fact: "LCI-1" } }]);
  });

  it("“đạt” keeps a passing unit DAT; “chưa” makes it CHUA_DAT; no answer leaves it THIEU_DU_LIEU", () => {
    expect(evaluateUnit(passingAgency()).overall).toBe("DAT");
    const met = evaluateUnit(unit({ "LCI-1": true }), { extraCriteria: engine });
    expect(met.overall).toBe("DAT");
    expect(met.provincialCriteria.map((c) => [c.id, c.status])).toEqual([["LCI-1", "MET"]]);
    const notMet = evaluateUnit(unit({ "LCI-1": false }), { extraCriteria: engine });
    expect(notMet.overall).toBe("CHUA_DAT");
    expect(notMet.provincialCriteria[0]!.status).toBe("NOT_MET");
    expect(evaluateUnit(unit({}), { extraCriteria: engine }).overall).toBe("THIEU_DU_LIEU");
  });

  it("answers to other codes are dropped; a broken stored value reads as no answers", () => {
    expect(extraFactsFor(criteria, { "LCI-1": true, "LCI-9": false })).toEqual({ "LCI-1": true });
    expect(readExtraAnswers({ "LCI-1": "có" })).toEqual({});
    expect(readExtraAnswers(null)).toEqual({});
  });
});
