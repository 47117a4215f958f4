import { describe, expect, it } from "vitest";
import { dayBefore, dossierFactsOf, evaluationYearOf, formatIsoDate, placementAfter, placementChangeProblem, yearReferenceDate, type PlacementFacts } from "./placement-rules";

const current: PlacementFacts = {
  communeId: "a",
  managingAuthorityId: "ubnd",
  kind: "KDC",
  sector: null,
  exclusionReason: null,
  effectiveFrom: "2022-01-01",
  effectiveTo: null,
  isActive: true,
};
const TODAY = "2026-11-29";

describe("the year a date counts in", () => {
  it("is counted on 15/11: a change on or before it counts that year, after it the next", () => {
    expect(yearReferenceDate(2026)).toBe("2026-11-15");
    expect(evaluationYearOf("2026-11-15")).toBe(2026);
    expect(evaluationYearOf("2026-11-16")).toBe(2027);
    expect(evaluationYearOf("2026-01-01")).toBe(2026);
  });
  it("dates", () => {
    expect(dayBefore("2026-03-01")).toBe("2026-02-28");
    expect(dayBefore("2024-01-01")).toBe("2023-12-31");
    expect(formatIsoDate("2026-06-01")).toBe("01/06/2026");
    expect(dossierFactsOf({ communeId: "a", managingAuthorityId: "b", kind: "CQ" })).toEqual({ communeId: "a", managingAuthorityId: "b", kind: "CQ", sector: null, exclusionReason: null });
  });
});

describe("a dated change", () => {
  const problem = (change: Parameters<typeof placementChangeProblem>[1], on: PlacementFacts = current) => placementChangeProblem(on, change, TODAY)?.message ?? null;
  it("refuses a date after today or before the current placement starts; the start day itself is accepted", () => {
    expect(problem({ kind: "MOVE", effectiveFrom: "2026-11-30", communeId: "b" })).toMatch(/tương lai/);
    expect(problem({ kind: "MOVE", effectiveFrom: "2021-12-31", communeId: "b" })).toBe("Ngày hiệu lực không được trước ngày bắt đầu của vị trí hiện tại (01/01/2022).");
    expect(problem({ kind: "MOVE", effectiveFrom: "2022-01-01", communeId: "b" })).toBeNull();
    expect(problem({ kind: "MOVE", effectiveFrom: TODAY, communeId: "b" })).toBeNull();
  });
  it("refuses a move to the same commune, of a commune unit, of a closed unit; the same authority", () => {
    expect(problem({ kind: "MOVE", effectiveFrom: TODAY, communeId: "a" })).toMatch(/đang thuộc/);
    expect(problem({ kind: "MOVE", effectiveFrom: TODAY, communeId: "b" }, { ...current, kind: "XA" })).toMatch(/cấp xã/);
    expect(problem({ kind: "MOVE", effectiveFrom: TODAY, communeId: "b" }, { ...current, isActive: false })).toMatch(/ngừng hoạt động/);
    expect(problem({ kind: "CHANGE_AUTHORITY", effectiveFrom: TODAY, managingAuthorityId: "ubnd" })).toMatch(/đang do cơ quan này/);
    expect(problem({ kind: "CLOSE", effectiveFrom: TODAY }, { ...current, isActive: false })).toMatch(/từ trước/);
    expect(problem({ kind: "REOPEN", effectiveFrom: TODAY })).toMatch(/đang hoạt động/);
  });
  it("changes only what it is about", () => {
    expect(placementAfter(current, { kind: "MOVE", communeId: "b" })).toMatchObject({ communeId: "b", managingAuthorityId: "ubnd", isActive: true });
    expect(placementAfter(current, { kind: "CHANGE_AUTHORITY", managingAuthorityId: "so" })).toMatchObject({ communeId: "a", managingAuthorityId: "so" });
    expect(placementAfter(current, { kind: "CLOSE" })).toMatchObject({ communeId: "a", isActive: false });
    expect(placementAfter({ ...current, isActive: false }, { kind: "REOPEN" }).isActive).toBe(true);
  });
});
