import { describe, expect, it } from "vitest";
import { dayBefore, dossierFactsOf, evaluationYearOf, formatIsoDate, MAX_SPLIT_SUCCESSORS, placementAfter, placementChangeProblem, successorsProblem, yearReferenceDate, type PlacementFacts, type SuccessorFacts } from "./placement-rules";
import { placementChangeSchema, splitCodes } from "./unit-schemas";

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

describe("sáp nhập and chia, tách", () => {
  const cq: SuccessorFacts = { id: "b", code: "CQ-02", kind: "CQ", isActive: true, alreadyLinked: false };
  const predecessor = { id: "a", kind: "CQ" };

  it("a merger closes the absorbed unit; a split closes it when divided and leaves it when a part is separated", () => {
    const active = { ...current, kind: "CQ" as const };
    expect(placementAfter(active, { kind: "MERGE" }).isActive).toBe(false);
    expect(placementAfter(active, { kind: "SPLIT" }).isActive).toBe(false);
    expect(placementAfter(active, { kind: "SPLIT", predecessorContinues: true })).toEqual({ ...dossierFactsOf(active), isActive: true });
    expect(placementChangeProblem(active, { kind: "MERGE", effectiveFrom: TODAY }, TODAY)).toBeNull();
    expect(placementChangeProblem({ ...active, isActive: false }, { kind: "SPLIT", effectiveFrom: TODAY }, TODAY)?.message).toBe("Đơn vị đã ngừng hoạt động từ trước.");
    expect(placementChangeProblem({ ...current, kind: "XA" }, { kind: "MERGE", effectiveFrom: TODAY }, TODAY)?.field).toBe("successorCodes");
  });

  it("successors: one for a merger, one or more for a split; existing, active, of the same kind, not the unit, not linked twice", () => {
    expect(successorsProblem(predecessor, "MERGE", ["cq-02"], [cq])).toBeNull();
    expect(successorsProblem(predecessor, "SPLIT", ["CQ-02", "CQ-03"], [cq, { ...cq, id: "c", code: "CQ-03" }])).toBeNull();
    expect(successorsProblem(predecessor, "MERGE", [], [])).toBe("Vui lòng nhập mã đơn vị tiếp nhận.");
    expect(successorsProblem(predecessor, "MERGE", ["CQ-02", "CQ-03"], [cq])).toBe("Sáp nhập vào một đơn vị: chỉ nhập một mã đơn vị tiếp nhận.");
    expect(successorsProblem(predecessor, "SPLIT", ["CQ-02", "cq-02"], [cq])).toBe("Mã “cq-02” được nhập hai lần.");
    expect(successorsProblem(predecessor, "SPLIT", ["CQ-09"], [cq])).toBe("Không có đơn vị mã “CQ-09”. Đơn vị mới cần được thêm vào danh mục trước.");
    expect(successorsProblem(predecessor, "MERGE", ["CQ-01"], [{ ...cq, id: "a", code: "CQ-01" }])).toBe("Không thể chọn chính đơn vị này.");
    expect(successorsProblem(predecessor, "MERGE", ["CQ-02"], [{ ...cq, kind: "DN" }])).toBe("Đơn vị “CQ-02” khác loại với đơn vị này.");
    expect(successorsProblem(predecessor, "MERGE", ["CQ-02"], [{ ...cq, isActive: false }])).toBe("Đơn vị “CQ-02” đã ngừng hoạt động.");
    expect(successorsProblem(predecessor, "MERGE", ["CQ-02"], [{ ...cq, alreadyLinked: true }])).toBe("Đã ghi nhận đơn vị “CQ-02” kế thừa đơn vị này từ trước.");
    const many = Array.from({ length: MAX_SPLIT_SUCCESSORS + 1 }, (_, i) => `CQ-${i}`);
    expect(successorsProblem(predecessor, "SPLIT", many, [])).toBe(`Mỗi lần chia, tách tối đa ${MAX_SPLIT_SUCCESSORS} đơn vị.`);
  });

  it("the form's schema: codes only with a merger or a split, 'goes on' only with a split", () => {
    expect(splitCodes(" CQ-01, CQ-02;CQ-03\nCQ-04 ")).toEqual(["CQ-01", "CQ-02", "CQ-03", "CQ-04"]);
    const base = { unitId: "2b0d8a5e-4f0e-4a51-9d35-6c1f2f6f1a11", version: 1, effectiveFrom: TODAY, reason: "Theo quyết định số 12" };
    const errors = (input: Record<string, unknown>) => {
      const r = placementChangeSchema.safeParse({ ...base, ...input });
      return r.success ? {} : Object.fromEntries(r.error.issues.map((i) => [i.path[0], i.message]));
    };
    expect(errors({ change: "MERGE", successorCodes: "CQ-02" })).toEqual({});
    expect(errors({ change: "SPLIT", successorCodes: "CQ-02, CQ-03", predecessorContinues: true })).toEqual({});
    expect(errors({ change: "MERGE", successorCodes: "" })).toEqual({ successorCodes: "Vui lòng nhập mã đơn vị tiếp nhận." });
    expect(errors({ change: "MERGE", successorCodes: "A B" })).toEqual({ successorCodes: "Sáp nhập vào một đơn vị: chỉ nhập một mã đơn vị tiếp nhận." });
    expect(errors({ change: "CLOSE", successorCodes: "CQ-02" })).toEqual({ successorCodes: "Chỉ nhập mã đơn vị khi sáp nhập hoặc chia, tách." });
    expect(errors({ change: "MERGE", successorCodes: "CQ-02", predecessorContinues: true })).toEqual({ predecessorContinues: "Chỉ dùng khi chia, tách đơn vị." });
  });
});
