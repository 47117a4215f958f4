import { describe, expect, it } from "vitest";
import { classesProblems, maxTotal } from "./classification";
import { SCORED_GROUPS } from "./groups";
import { PREFILL_KEYS } from "./prefill-keys";
import { copiedTitle, defaultClasses, moveInOrder, prefillKeyProblem, prefillKeysFor, publishProblems } from "./sheet-rules";
import { addLineSchema, copySheetSchema, createParticipantSchema, lineFields, pointsField, saveClassesSchema } from "./sheet-schemas";
import { MOVEMENT_SHEET_SOURCE, SHEET_LINES_2026 } from "../../prisma/seed/movement-sheets";

const ID = "3f0c6a52-8d1b-4e7a-9c2f-5b1e0d9a7c44";
const line = (criterionId: string, maxPoints: number) => ({ criterionId, code: criterionId, maxPoints });

describe("points typed in a box", () => {
  it.each([
    ["12", 12],
    ["12,5", 12.5],
    ["0.25", 0.25],
    [" 7,75 ", 7.75],
    [15, 15],
    ["9999,99", 9999.99],
  ] as const)("%j reads as %d", (input, expected) => {
    expect(pointsField().parse(input)).toBe(expected);
  });

  it.each(["", "abc", "-1", "1,234", "12,5,5", "1e3", "10000", "12\u0000", Number.NaN, -3, 0.125])("%j is refused with a Vietnamese message", (input) => {
    const r = pointsField().safeParse(input);
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.message).toMatch(/điểm|Điểm/);
  });

  it("a line's maximum must be above zero; a class cut-off may be zero", () => {
    expect(lineFields.safeParse({ code: "pt-1", text: "Nội dung tiêu chí", maxPoints: "0" }).success).toBe(false);
    expect(lineFields.parse({ code: "pt-1", text: "Nội dung tiêu chí", maxPoints: "2,5", section: "", evidenceHint: "", prefillKey: "" })).toEqual({
      code: "PT-1",
      text: "Nội dung tiêu chí",
      maxPoints: 2.5,
      section: null,
      evidenceHint: null,
      prefillKey: null,
    });
    expect(saveClassesSchema.parse({ sheetId: ID, version: "3", classes: [{ code: "yeu", name: "Yếu", minPoints: "0" }] }).classes[0]).toEqual({ code: "YEU", name: "Yếu", minPoints: 0, requiresRecognition: false });
  });

  it("refuses an unknown pre-fill key and a group that is not scored", () => {
    expect(addLineSchema.safeParse({ sheetId: ID, version: 1, code: "A", text: "Nội dung tiêu chí", maxPoints: "5", prefillKey: "toString" }).success).toBe(false);
    expect(copySheetSchema.safeParse({ year: "2027", group: "INDIVIDUAL" }).success).toBe(false);
    expect(createParticipantSchema.safeParse({ code: "PT-X", name: "Xã An", group: "COMMUNE" }).success).toBe(false);
  });
});

describe("sheet rules", () => {
  it("a group's lines may name only the pre-fill keys serving that group", () => {
    expect(prefillKeysFor("PROVINCIAL_DEPARTMENT")).toEqual([]);
    expect(prefillKeysFor("COMMUNE")).toContain("communeUnitsSeventyPercent");
    expect(prefillKeysFor("COMMUNE")).not.toContain("householdsRegistered");
    expect(prefillKeyProblem("RESIDENTIAL_AREA", "householdsRegistered")).toBeNull();
    expect(prefillKeyProblem("AGENCY_ENTERPRISE", "householdsRegistered")).toMatch(/không áp dụng/);
    expect(prefillKeyProblem("FRONT_ORGANISATION", null)).toBeNull();
  });

  it("publishing needs a line and classes within the maximum", () => {
    const classes = defaultClasses("COMMUNE").map((c, i) => ({ ...c, rank: i + 1 }));
    expect(publishProblems([], classes)).toEqual(["Bảng chấm điểm cần ít nhất một tiêu chí trước khi công bố."]);
    expect(publishProblems([line("a", 50), line("b", 50)], classes)).toEqual([]);
    expect(publishProblems([line("a", 80)], classes).join(" ")).toMatch(/Xuất sắc.*vượt tổng điểm tối đa 80/);
    expect(publishProblems([line("a", 100)], [])).toEqual(["Bảng chấm điểm cần ít nhất một mức xếp loại."]);
  });

  it("moves a line up or down, and leaves the ends alone", () => {
    expect(moveInOrder(["a", "b", "c"], "b", "up")).toEqual(["b", "a", "c"]);
    expect(moveInOrder(["a", "b", "c"], "b", "down")).toEqual(["a", "c", "b"]);
    expect(moveInOrder(["a", "b", "c"], "a", "up")).toEqual(["a", "b", "c"]);
    expect(moveInOrder(["a", "b", "c"], "c", "down")).toEqual(["a", "b", "c"]);
    expect(moveInOrder(["a", "b"], "z", "up")).toEqual(["a", "b"]);
  });

  it("a copied sheet's title names its own year", () => {
    expect(copiedTitle("Bảng chấm điểm năm 2026: xã, phường", 2026, 2027)).toBe("Bảng chấm điểm năm 2027: xã, phường");
    expect(copiedTitle("Bảng chấm điểm xã, phường", 2026, 2027)).toBe("Bảng chấm điểm xã, phường (năm 2027)");
  });

  it("default classes: Xuất sắc needs the TT124 recognition only for groups of TT124 units", () => {
    expect(defaultClasses("COMMUNE")[0]).toMatchObject({ name: "Xuất sắc", minPoints: 90, requiresRecognition: true });
    expect(defaultClasses("FRONT_ORGANISATION")[0]).toMatchObject({ name: "Xuất sắc", minPoints: 90, requiresRecognition: false });
    expect(defaultClasses("AGENCY_ENTERPRISE").map((c) => c.minPoints)).toEqual([90, 70, 50, 0]);
  });
});

describe("the seeded 2026 sheets (seed 004 §1 a)–e))", () => {
  it.each(SCORED_GROUPS)("%s: 100 points, unique codes, evidence on every line, pre-fill keys of the group, valid classes", (group) => {
    const lines = SHEET_LINES_2026[group];
    expect(lines.length).toBeGreaterThan(0);
    expect(maxTotal(lines.map((l) => line(l.code, l.maxPoints)))).toBe(100);
    expect(new Set(lines.map((l) => l.code)).size).toBe(lines.length);
    for (const l of lines) {
      expect(l.evidenceHint.length).toBeGreaterThan(5);
      expect(lineFields.safeParse({ ...l, maxPoints: String(l.maxPoints) }).success).toBe(true);
      if (l.prefillKey) expect(PREFILL_KEYS[l.prefillKey].groups as readonly string[]).toContain(group);
    }
    expect(classesProblems(defaultClasses(group).map((c, i) => ({ ...c, rank: i + 1 })), 100)).toEqual([]);
  });

  it("the commune's sheet pre-fills registration, recognition, the 70 % rule, discipline and models", () => {
    const keys = SHEET_LINES_2026.COMMUNE.map((l) => l.prefillKey).filter(Boolean);
    expect(keys).toEqual(expect.arrayContaining(["registeredInQuarterI", "recognisedUnderTt124", "communeUnitsSeventyPercent", "noDiscipline", "effectiveModel"]));
    expect(MOVEMENT_SHEET_SOURCE).toContain("Kế hoạch 195/KH-UBND ngày 17/12/2025");
    expect(MOVEMENT_SHEET_SOURCE).toContain("tháng 02/2026");
  });
});
