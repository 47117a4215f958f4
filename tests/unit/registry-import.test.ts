/** The units import's pure core: cell conversions, sheet parsing, the plan, every problem class in Vietnamese. */
import { describe, expect, it } from "vitest";
import { foldName, parseChoice, parseDate, parseYesNo, cellText } from "../../lib/registry/import/cells";
import { parseUnitRows, planUnitImport, type ExistingUnit, type ImportContext } from "../../lib/registry/import/plan-units";
import { UNIT_HEADERS, unitSheetCells, type UnitColumnKey } from "../../lib/registry/import/unit-columns";
import type { SheetData } from "../../lib/registry/import/sheet";
import { UNIT_KIND_LABELS } from "../../lib/domain/vocabulary";

const communes = [
  { id: "c-an", code: "X01", name: "Xã An Bình" },
  { id: "c-dong", code: "P02", name: "Phường Đông Hà" },
  { id: "c-trung1", code: "X03", name: "Xã Tân Lập" },
  { id: "c-trung2", code: "X04", name: "Xã Tân Lập" },
];
const authorities = [{ id: "a-ubnd", code: "UBND-T", name: "UBND tỉnh" }, { id: "a-so", code: "SGD", name: "Sở Giáo dục và Đào tạo" }];

const existingUnit = (over: Partial<ExistingUnit> = {}): ExistingUnit => ({
  id: "u-1",
  code: "KDC-001",
  name: "Thôn Đông",
  kind: "KDC",
  communeId: "c-an",
  managingAuthorityId: "a-ubnd",
  sector: null,
  residentialAreaType: "THON",
  educationLevel: null,
  exclusionReason: null,
  hasPartyOrganisation: true,
  hasSecurityForce: false,
  address: null,
  isActive: true,
  ...over,
});

const context = (units: ExistingUnit[] = []): ImportContext => ({ units, communes, authorities });

type RowInput = Partial<Record<UnitColumnKey, string>>;
const baseRow: Record<UnitColumnKey, string> = {
  code: "CQ-100",
  name: "Trường THPT Số 1",
  kind: "Cơ sở giáo dục",
  commune: "Xã An Bình",
  authority: "SGD",
  sector: "",
  residentialAreaType: "",
  educationLevel: "Trung học phổ thông",
  exclusionReason: "",
  hasPartyOrganisation: "",
  hasSecurityForce: "Có",
  address: "",
  isActive: "",
};
const KEYS = Object.keys(baseRow) as UnitColumnKey[];
const sheetOf = (rows: RowInput[], headers: string[] = UNIT_HEADERS): SheetData => ({
  headers,
  rows: rows.map((r, i) => ({ rowNumber: i + 2, cells: KEYS.map((k) => ({ ...baseRow, ...r })[k]) })),
});
const plan = (rows: RowInput[], units: ExistingUnit[] = []) => planUnitImport(parseUnitRows(sheetOf(rows)), context(units));

describe("cells", () => {
  it("folds names: case, diacritics, đ and spacing ignored", () => {
    expect(foldName("  Thôn  ĐÔNG Hà ")).toBe("thon dong ha");
    expect(foldName("Thôn Đông")).toBe(foldName("thon dong"));
  });

  it("dates: Excel date cells, date serials and dd/MM/yyyy text are accepted; impossible dates are not", () => {
    expect(parseDate(new Date(Date.UTC(2026, 1, 10)))).toEqual({ ok: true, value: new Date(Date.UTC(2026, 1, 10)) });
    expect(parseDate(46063)).toEqual({ ok: true, value: new Date(Date.UTC(2026, 1, 10)) });
    expect(parseDate("46063")).toEqual({ ok: true, value: new Date(Date.UTC(2026, 1, 10)) });
    expect(parseDate("10/02/2026")).toEqual({ ok: true, value: new Date(Date.UTC(2026, 1, 10)) });
    expect(parseDate("1/2/2026")).toEqual({ ok: true, value: new Date(Date.UTC(2026, 1, 1)) });
    expect(parseDate("29/02/2024").ok).toBe(true);
    const bad = { ok: false, message: "Ngày không hợp lệ; vui lòng ghi theo dạng ngày/tháng/năm (dd/MM/yyyy)." };
    for (const text of ["31/02/2026", "29/02/2025", "00/01/2026", "10/13/2026", "2026-02-10", "mười tháng hai", "0", "-5"]) expect(parseDate(text)).toEqual(bad);
  });

  it("choices match the Vietnamese label (case, diacritics ignored) or the code", () => {
    expect(parseChoice("Khu dân cư", UNIT_KIND_LABELS)).toEqual({ ok: true, value: "KDC" });
    expect(parseChoice("khu dan cu", UNIT_KIND_LABELS)).toEqual({ ok: true, value: "KDC" });
    expect(parseChoice("csgd", UNIT_KIND_LABELS)).toEqual({ ok: true, value: "CSGD" });
    expect(parseChoice("Bệnh viện", UNIT_KIND_LABELS)).toEqual({
      ok: false,
      message: "Giá trị “Bệnh viện” không có trong danh sách cho phép (Khu dân cư; Xã, phường, đặc khu; Cơ quan; Doanh nghiệp; Cơ sở giáo dục).",
    });
  });

  it("yes/no", () => {
    expect(parseYesNo("Có")).toEqual({ ok: true, value: true });
    expect(parseYesNo("không")).toEqual({ ok: true, value: false });
    expect(parseYesNo(true)).toEqual({ ok: true, value: true });
    expect(parseYesNo("Có thể")).toEqual({ ok: false, message: "Giá trị “Có thể” không hợp lệ; vui lòng ghi “Có” hoặc “Không”." });
  });

  it("cell text is trimmed NFC with single spaces; dates read as dd/MM/yyyy", () => {
    expect(cellText("  Tho\u0302n   A ")).toBe("Thôn A");
    expect(cellText(new Date(Date.UTC(2026, 0, 5)))).toBe("05/01/2026");
    expect(cellText(null)).toBe("");
  });
});

describe("parseUnitRows: the header", () => {
  it("accepts the columns in any order", () => {
    const headers = [...UNIT_HEADERS].reverse();
    const sheet: SheetData = { headers, rows: [{ rowNumber: 2, cells: [...KEYS].reverse().map((k) => baseRow[k]) }] };
    const parsed = parseUnitRows(sheet);
    expect(parsed.problems).toEqual([]);
    expect(parsed.rows[0]?.values).toMatchObject({ code: "CQ-100", kind: "CSGD", educationLevel: "THPT", hasSecurityForce: true, hasPartyOrganisation: null });
  });

  it("a missing, an extra or a repeated column is a problem of row 1 and no row is read", () => {
    const headers = [...UNIT_HEADERS.filter((h) => h !== "Địa chỉ"), "Ghi chú", "Mã đơn vị"];
    const parsed = parseUnitRows({ headers, rows: [{ rowNumber: 2, cells: [] }] });
    expect(parsed.rows).toEqual([]);
    expect(parsed.problems).toEqual([
      { row: 1, column: "Ghi chú", message: "Cột “Ghi chú” không thuộc mẫu; vui lòng xóa cột này hoặc dùng tệp mẫu." },
      { row: 1, column: "Mã đơn vị", message: "Cột “Mã đơn vị” xuất hiện hai lần." },
      { row: 1, column: "Địa chỉ", message: "Thiếu cột “Địa chỉ”; vui lòng dùng tệp mẫu." },
    ]);
  });
  it("data in a column without a header is an extra column (reported once)", () => {
    const cells = KEYS.map((k) => baseRow[k]);
    const parsed = parseUnitRows({ headers: UNIT_HEADERS, rows: [{ rowNumber: 2, cells: [...cells, "thừa"] }, { rowNumber: 3, cells: [...cells.map((c, i) => (i === 0 ? "CQ-101" : c)), "nữa"] }] });
    expect(parsed.problems).toEqual([{ row: 2, column: null, message: "Cột thứ 14 có dữ liệu nhưng không có tiêu đề; vui lòng xóa dữ liệu thừa hoặc dùng tệp mẫu." }]);
  });
});

describe("planUnitImport: problems by row and column, in Vietnamese", () => {
  it("missing required value", () => {
    expect(plan([{ name: "" }, { code: "  " }]).problems).toEqual([
      { row: 2, column: "Tên đơn vị", message: "Thiếu giá trị bắt buộc ở cột “Tên đơn vị”." },
      { row: 3, column: "Mã đơn vị", message: "Thiếu giá trị bắt buộc ở cột “Mã đơn vị”." },
    ]);
  });

  it("value not in the list", () => {
    expect(plan([{ sector: "Y tế" }]).problems).toEqual([
      { row: 2, column: "Lĩnh vực", message: expect.stringMatching(/^Giá trị “Y tế” không có trong danh sách cho phép \(Cơ quan hành chính nhà nước;/) },
    ]);
  });

  it("unknown commune and unknown authority; a name shared by two communes needs the code", () => {
    expect(plan([{ commune: "Xã Không Có" }, { code: "B", name: "B", authority: "Sở Y tế" }, { code: "C", name: "C", commune: "xa tan lap" }]).problems).toEqual([
      { row: 2, column: "Xã, phường", message: "Không tìm thấy xã, phường “Xã Không Có” (theo mã hoặc tên)." },
      { row: 3, column: "Cơ quan quản lý", message: "Không tìm thấy cơ quan quản lý “Sở Y tế” (theo mã hoặc tên)." },
      { row: 4, column: "Xã, phường", message: "Có nhiều xã, phường cùng tên “xa tan lap”; vui lòng ghi mã thay cho tên." },
    ]);
    const byCode = plan([{ commune: "X04" }]);
    expect(byCode.problems).toEqual([]);
    expect(byCode.add[0]?.values.communeId).toBe("c-trung2");
  });

  it("duplicate code in the file", () => {
    const result = plan([{ code: "CQ-1", name: "Một" }, { code: "CQ-2", name: "Hai" }, { code: "CQ-1", name: "Ba" }]);
    expect(result.problems).toEqual([{ row: 4, column: "Mã đơn vị", message: "Mã đơn vị “CQ-1” trùng với dòng 2." }]);
    expect(result.add.map((p) => p.values.code)).toEqual(["CQ-1", "CQ-2"]);
  });

  it("the same name twice in one commune, ignoring diacritics and case: in the file, and against a unit the file leaves", () => {
    const result = plan(
      [
        { code: "N1", name: "Trường THPT Hòa Bình" },
        { code: "N2", name: "truong thpt hoa binh" },
        { code: "N3", name: "THÔN ĐÔNG" },
        { code: "N4", name: "Trường THPT Hòa Bình", commune: "Phường Đông Hà" },
      ],
      [existingUnit()],
    );
    expect(result.problems).toEqual([
      { row: 3, column: "Tên đơn vị", message: "Tên “truong thpt hoa binh” trùng với dòng 2 trong cùng xã, phường (không phân biệt chữ hoa, chữ thường và dấu)." },
      { row: 4, column: "Tên đơn vị", message: "Tên “THÔN ĐÔNG” trùng với đơn vị mã “KDC-001” đã có trong cùng xã, phường (không phân biệt chữ hoa, chữ thường và dấu)." },
    ]);
    expect(result.add.map((p) => p.values.code)).toEqual(["N1", "N4"]);
  });

  it("a unit of the file may take the name another unit of the file gives up", () => {
    const a = existingUnit({ id: "u-a", code: "A", name: "Thôn Một" });
    const b = existingUnit({ id: "u-b", code: "B", name: "Thôn Hai" });
    const rows = [
      { code: "A", name: "Thôn Hai", kind: "Khu dân cư", authority: "UBND tỉnh", educationLevel: "", hasSecurityForce: "", residentialAreaType: "Thôn" },
      { code: "B", name: "Thôn Ba", kind: "Khu dân cư", authority: "UBND tỉnh", educationLevel: "", hasSecurityForce: "", residentialAreaType: "Thôn" },
    ];
    const result = plan(rows, [a, b]);
    expect(result.problems).toEqual([]);
    expect(result.update.map((p) => [p.values.code, p.changed])).toEqual([["A", ["Tên đơn vị"]], ["B", ["Tên đơn vị"]]]);
  });

  it("text with control characters or too long", () => {
    expect(plan([{ address: "Số 1\u0000" }, { code: "X".repeat(51), name: "Dài" }, { code: "CQ 1", name: "Cách" }]).problems).toEqual([
      { row: 2, column: "Địa chỉ", message: "Nội dung có ký tự không hợp lệ (ký tự điều khiển); vui lòng nhập lại." },
      { row: 3, column: "Mã đơn vị", message: "Nội dung dài quá 50 ký tự." },
      { row: 4, column: "Mã đơn vị", message: "Mã đơn vị không được chứa khoảng trắng." },
    ]);
  });

  it("problems come sorted by row, then by the column's place in the sheet", () => {
    const result = plan([{ isActive: "?", kind: "?" }, { name: "" }]);
    expect(result.problems.map((p) => [p.row, p.column])).toEqual([[2, "Loại đơn vị"], [2, "Đang theo dõi"], [3, "Tên đơn vị"]]);
  });
});

describe("planUnitImport: deactivated communes and authorities", () => {
  const closed = {
    units: [existingUnit({ communeId: "c-cu", managingAuthorityId: "a-cu" })],
    communes: [...communes, { id: "c-cu", code: "X09", name: "Xã Cũ", isActive: false }],
    authorities: [...authorities, { id: "a-cu", code: "CQ-CU", name: "Cơ quan cũ", isActive: false }],
  };
  const row = { code: "KDC-001", name: "Thôn Đông", kind: "Khu dân cư", commune: "X09", authority: "CQ-CU", residentialAreaType: "Thôn", educationLevel: "", hasSecurityForce: "" };

  it("a unit may keep the deactivated commune and authority it already has", () => {
    const result = planUnitImport(parseUnitRows(sheetOf([row])), closed);
    expect(result.problems).toEqual([]);
    expect(result.unchanged).toHaveLength(1);
  });

  it("no unit is newly put under a deactivated commune or authority", () => {
    const result = planUnitImport(parseUnitRows(sheetOf([{ ...row, code: "KDC-NEW" }])), closed);
    expect(result.problems).toEqual([
      { row: 2, column: "Xã, phường", message: "Xã, phường “X09” đã ngừng hoạt động; không thể chuyển hoặc thêm đơn vị vào đây." },
      { row: 2, column: "Cơ quan quản lý", message: "Cơ quan quản lý “CQ-CU” đã ngừng hoạt động; không thể giao thêm đơn vị cho cơ quan này." },
    ]);
    expect(result.add).toEqual([]);
    const moved = planUnitImport(parseUnitRows(sheetOf([row])), { ...closed, units: [existingUnit()] });
    expect(moved.problems.map((p) => p.column)).toEqual(["Xã, phường", "Cơ quan quản lý"]);
  });
});

describe("planUnitImport: add, update, leave", () => {
  const row = { code: "KDC-001", name: "Thôn Đông", kind: "Khu dân cư", commune: "X01", authority: "UBND tỉnh", residentialAreaType: "Thôn", educationLevel: "", hasSecurityForce: "" };

  it("matches by code: an existing unit as it is stays unchanged; blank yes/no cells are the defaults", () => {
    const result = plan([row], [existingUnit()]);
    expect(result).toMatchObject({ add: [], update: [], problems: [] });
    expect(result.unchanged).toHaveLength(1);
    expect(result.unchanged[0]).toMatchObject({ existingId: "u-1", changed: [] });
  });

  it("an existing unit with other values is an update naming the changed columns", () => {
    const result = plan([{ ...row, commune: "Phường Đông Hà", isActive: "Không", address: "Tổ 5" }], [existingUnit()]);
    expect(result.update).toHaveLength(1);
    expect(result.update[0]?.changed).toEqual(["Địa chỉ", "Đang theo dõi", "Xã, phường"]);
    expect(result.update[0]?.values).toMatchObject({ communeId: "c-dong", isActive: false, address: "Tổ 5" });
  });

  it("a new code is an add, with resolved ids and defaults", () => {
    const result = plan([{}]);
    expect(result.add).toEqual([
      {
        rowNumber: 2,
        existingId: null,
        changed: [],
        values: {
          code: "CQ-100",
          name: "Trường THPT Số 1",
          kind: "CSGD",
          communeId: "c-an",
          managingAuthorityId: "a-so",
          sector: null,
          residentialAreaType: null,
          educationLevel: "THPT",
          exclusionReason: null,
          hasPartyOrganisation: true,
          hasSecurityForce: true,
          address: null,
          isActive: true,
        },
      },
    ]);
  });

  it("round-trip: units written as the export writes them plan as all unchanged", () => {
    const units = [
      existingUnit(),
      existingUnit({ id: "u-2", code: "DN-7", name: "Công ty Cổ phần Đông Á", kind: "DN", sector: "PRIVATE_ENTERPRISE", hasPartyOrganisation: false, hasSecurityForce: true, address: "Số 3, đường Lê Lợi", residentialAreaType: null, isActive: false }),
      existingUnit({ id: "u-3", code: "CSGD-1", name: "Trường Mầm non Hoa Sen", kind: "CSGD", communeId: "c-trung2", managingAuthorityId: "a-so", exclusionReason: "PRIMARY_OR_PRESCHOOL", educationLevel: "NHA_TRE_MAM_NON", residentialAreaType: null }),
    ];
    const texts = (refs: { id: string; code: string; name: string }[]) => (id: string) => {
      const r = refs.find((x) => x.id === id)!;
      return refs.filter((x) => foldName(x.name) === foldName(r.name)).length > 1 ? r.code : r.name;
    };
    const sheet: SheetData = {
      headers: UNIT_HEADERS,
      rows: units.map((u, i) => {
        const cells = unitSheetCells(u, texts(communes)(u.communeId), texts(authorities)(u.managingAuthorityId));
        return { rowNumber: i + 2, cells: KEYS.map((k) => cells[k]) };
      }),
    };
    const result = planUnitImport(parseUnitRows(sheet), context(units));
    expect(result.problems).toEqual([]);
    expect(result.unchanged).toHaveLength(3);
  });
});
