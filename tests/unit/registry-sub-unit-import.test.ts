/** The sub-units import's pure core: parsing against the columns, the plan, every problem class in Vietnamese. */
import { describe, expect, it } from "vitest";
import { parseSubUnitRows, planSubUnitImport, type ExistingResult, type ExistingSubUnit, type SubUnitImportContext } from "../../lib/registry/import/plan-sub-units";
import { SUB_UNIT_HEADERS, subUnitSheetCells, type SubUnitColumnKey } from "../../lib/registry/import/sub-unit-columns";
import type { SheetData } from "../../lib/registry/import/sheet";

const units = [
  { id: "u-stp", code: "CQ-STP", kind: "CQ" as const, isActive: true },
  { id: "u-dn", code: "DN-1", kind: "DN" as const, isActive: true },
  { id: "u-old", code: "CQ-OLD", kind: "CQ" as const, isActive: false },
  { id: "u-kdc", code: "KDC-1", kind: "KDC" as const, isActive: true },
];

const sub = (over: Partial<ExistingSubUnit> = {}): ExistingSubUnit => ({
  id: "s-1",
  unitId: "u-stp",
  name: "Phòng Hành chính",
  kind: "PHONG",
  eligibleForRating: true,
  isSecurityForce: false,
  isActive: true,
  ...over,
});

const context = (subUnits: ExistingSubUnit[] = [], results: ExistingResult[] = []): SubUnitImportContext => ({
  units,
  subUnits,
  results,
  kindsWithSubUnits: ["CQ", "DN", "CSGD"],
  minYear: 2022,
  maxYear: 2027,
});

type RowInput = Partial<Record<SubUnitColumnKey, string>>;
const baseRow: Record<SubUnitColumnKey, string> = {
  unitCode: "CQ-STP",
  name: "Phòng Hành chính",
  kind: "Phòng",
  eligibleForRating: "Có",
  isSecurityForce: "Không",
  year: "2026",
  result: "",
  decisionRef: "",
  isActive: "Có",
};
const sheetOf = (...rows: RowInput[]): SheetData => ({
  headers: [...SUB_UNIT_HEADERS],
  rows: rows.map((r, i) => ({ rowNumber: i + 2, cells: (Object.keys(baseRow) as SubUnitColumnKey[]).map((k) => r[k] ?? baseRow[k]) })),
});
const plan = (ctx: SubUnitImportContext, ...rows: RowInput[]) => planSubUnitImport(parseSubUnitRows(sheetOf(...rows)), ctx);
const messages = (p: ReturnType<typeof plan>) => p.problems.map((x) => [x.row, x.column, x.message]);

describe("planSubUnitImport: add, update, leave", () => {
  it("a new name adds the sub-unit with its result; defaults for blank yes/no", () => {
    const p = plan(context(), { name: "Tổ Bảo vệ", kind: "Tổ", eligibleForRating: "", isSecurityForce: "Có", result: "Tập thể lao động tiên tiến", decisionRef: "12/QĐ-STP", isActive: "" });
    expect(p.problems).toEqual([]);
    expect(p.add).toHaveLength(1);
    expect(p.add[0]).toMatchObject({
      rowNumber: 2,
      unitCode: "CQ-STP",
      existingId: null,
      values: { unitId: "u-stp", name: "Tổ Bảo vệ", kind: "TO", eligibleForRating: true, isSecurityForce: true, isActive: true },
      result: { year: 2026, result: "TTLDTT", decisionRef: "12/QĐ-STP" },
    });
  });

  it("matches the existing sub-unit ignoring case, diacritics and spacing; the new spelling is an update of the name", () => {
    const p = plan(context([sub()]), { name: "phong  hanh chinh" });
    expect(p.add).toEqual([]);
    expect(p.update).toHaveLength(1);
    expect(p.update[0]).toMatchObject({ existingId: "s-1", changed: ["Tên đơn vị trực thuộc"], result: null });
  });

  it("the same values leave the row; a blank result keeps the stored one (no change)", () => {
    const stored = { subUnitId: "s-1", year: 2026, result: "HTTNV" as const, decisionRef: "5/QĐ" };
    const p = plan(context([sub()], [stored]), {});
    expect(p.unchanged).toHaveLength(1);
    expect(p.update).toEqual([]);
    // The same result and decision number again: unchanged too.
    const again = plan(context([sub()], [stored]), { result: "Hoàn thành tốt nhiệm vụ", decisionRef: "5/QĐ" });
    expect(again.unchanged).toHaveLength(1);
  });

  it("a different result or decision number for the year is an update of the result", () => {
    const stored = { subUnitId: "s-1", year: 2026, result: "HTTNV" as const, decisionRef: "5/QĐ" };
    const p = plan(context([sub()], [stored]), { result: "HTXSNV", decisionRef: "5/QĐ" });
    expect(p.update[0]).toMatchObject({ changed: [], result: { year: 2026, result: "HTXSNV", decisionRef: "5/QĐ" } });
    const ref = plan(context([sub()], [stored]), { result: "Hoàn thành tốt nhiệm vụ", decisionRef: "" });
    expect(ref.update[0]?.result).toEqual({ year: 2026, result: "HTTNV", decisionRef: null });
  });

  it("the same name in two units is two sub-units", () => {
    const p = plan(context([sub()]), {}, { unitCode: "DN-1" });
    expect(p.unchanged).toHaveLength(1);
    expect(p.add).toHaveLength(1);
  });

  it("two stored names that fold alike: the exact name decides, otherwise the row is refused", () => {
    const twins = [sub(), sub({ id: "s-2", name: "Phòng hành chính" })];
    expect(plan(context(twins), { name: "Phòng hành chính", kind: "Ban" }).update[0]?.existingId).toBe("s-2");
    expect(messages(plan(context(twins), { name: "PHONG HANH CHINH" }))).toEqual([
      [2, "Tên đơn vị trực thuộc", "Đơn vị mã “CQ-STP” có nhiều đơn vị trực thuộc cùng tên “PHONG HANH CHINH” (khác nhau chữ hoa, chữ thường hoặc dấu); vui lòng ghi đúng tên như trong danh mục."],
    ]);
  });

  it("the export's row of every sub-unit re-imports unchanged (round trip)", () => {
    const subs = [sub(), sub({ id: "s-2", name: "Tổ Bảo vệ", kind: "TO", isSecurityForce: true, eligibleForRating: false }), sub({ id: "s-3", name: "Phòng Cũ", isActive: false })];
    // Results stored before the sub-unit left the emulation or was deactivated still export and re-import.
    const results = [
      { subUnitId: "s-1", year: 2026, result: "TTLDTT" as const, decisionRef: null },
      { subUnitId: "s-2", year: 2026, result: "HTNV" as const, decisionRef: "9/QĐ" },
      { subUnitId: "s-3", year: 2026, result: "KHTNV" as const, decisionRef: null },
    ];
    const rows = subs.map((s) => {
      const r = results.find((x) => x.subUnitId === s.id);
      return subUnitSheetCells({ ...s, unitCode: "CQ-STP", result: r ? { result: r.result, decisionRef: r.decisionRef } : null }, 2026);
    });
    const p = plan(context(subs, results), ...rows);
    expect(p.problems).toEqual([]);
    expect(p.unchanged).toHaveLength(3);
  });
});

describe("planSubUnitImport: problems by row and column, in Vietnamese", () => {
  it("unknown unit code, a unit kind without sub-units", () => {
    expect(messages(plan(context(), { unitCode: "CQ-KHONG" }, { unitCode: "KDC-1" }))).toEqual([
      [2, "Mã đơn vị", "Không tìm thấy đơn vị mã “CQ-KHONG” trong danh mục đơn vị."],
      [3, "Mã đơn vị", "Đơn vị mã “KDC-1” là khu dân cư, không khai báo đơn vị trực thuộc."],
    ]);
  });

  it("a deactivated unit: adding or changing is refused, a row that changes nothing passes", () => {
    const old = sub({ id: "s-9", unitId: "u-old", name: "Phòng Một" });
    expect(messages(plan(context([old]), { unitCode: "CQ-OLD", name: "Phòng Hai" }))).toEqual([
      [2, "Mã đơn vị", "Đơn vị mã “CQ-OLD” đã ngừng hoạt động; không thể thêm hoặc thay đổi đơn vị trực thuộc của đơn vị này."],
    ]);
    expect(plan(context([old]), { unitCode: "CQ-OLD", name: "Phòng Một" }).unchanged).toHaveLength(1);
  });

  it("the same sub-unit twice in the file (case and diacritics ignored)", () => {
    expect(messages(plan(context(), { name: "Phòng Kế toán" }, { name: "PHONG KE TOAN", result: "HTNV" }))).toEqual([
      [3, "Tên đơn vị trực thuộc", "Đơn vị trực thuộc “PHONG KE TOAN” của đơn vị mã “CQ-STP” trùng với dòng 2 (không phân biệt chữ hoa, chữ thường và dấu)."],
    ]);
  });

  it("missing values, values not in the list", () => {
    const p = plan(context(), { unitCode: "", name: "", kind: "Phòng ban", eligibleForRating: "chưa", result: "Xuất sắc" });
    expect(messages(p)).toEqual([
      [2, "Mã đơn vị", "Thiếu giá trị bắt buộc ở cột “Mã đơn vị”."],
      [2, "Tên đơn vị trực thuộc", "Thiếu giá trị bắt buộc ở cột “Tên đơn vị trực thuộc”."],
      [2, "Loại", expect.stringContaining("Giá trị “Phòng ban” không có trong danh sách cho phép")],
      [2, "Được xếp loại thi đua", "Giá trị “chưa” không hợp lệ; vui lòng ghi “Có” hoặc “Không”."],
      [2, "Kết quả thi đua", expect.stringContaining("Giá trị “Xuất sắc” không có trong danh sách cho phép (Tập thể lao động tiên tiến;")],
    ]);
  });

  it("a year that is not a year, out of range, missing for a result; a decision number without a result", () => {
    expect(messages(plan(context(), { year: "26" }, { name: "Phòng B", year: "2021" }, { name: "Phòng C", year: "2028" }, { name: "Phòng D", year: "", result: "HTNV" }, { name: "Phòng E", decisionRef: "1/QĐ" }))).toEqual([
      [2, "Năm", "Năm “26” không hợp lệ; vui lòng ghi năm bằng 4 chữ số, ví dụ 2026."],
      [3, "Năm", "Năm 2021 nằm ngoài khoảng cho phép (từ 2022 đến 2027)."],
      [4, "Năm", "Năm 2028 nằm ngoài khoảng cho phép (từ 2022 đến 2027)."],
      [5, "Năm", "Thiếu năm của kết quả thi đua."],
      [6, "Số quyết định", "Số quyết định chỉ ghi khi có kết quả thi đua."],
    ]);
  });

  it("a new result for a sub-unit not eligible for rating, or not followed", () => {
    expect(messages(plan(context(), { eligibleForRating: "Không", result: "HTNV" }, { name: "Phòng Cũ", isActive: "Không", result: "HTNV" }))).toEqual([
      [2, "Kết quả thi đua", "Đơn vị trực thuộc “Phòng Hành chính” không thuộc diện xếp loại thi đua (cột “Được xếp loại thi đua” là “Không”) nên không ghi kết quả."],
      [3, "Kết quả thi đua", "Đơn vị trực thuộc “Phòng Cũ” đã ngừng theo dõi (cột “Đang theo dõi” là “Không”) nên không ghi kết quả."],
    ]);
  });

  it("a header that is not the template's is a problem of the file and no row is read", () => {
    const parsed = parseSubUnitRows({ headers: SUB_UNIT_HEADERS.filter((h) => h !== "Năm"), rows: [{ rowNumber: 2, cells: ["CQ-STP"] }] });
    expect(parsed.rows).toEqual([]);
    expect(parsed.problems).toEqual([{ row: 1, column: "Năm", message: "Thiếu cột “Năm”; vui lòng dùng tệp mẫu." }]);
  });
});
