/** The communes and authorities imports' pure core: parsing, planning, every problem class in Vietnamese. */
import { describe, expect, it } from "vitest";
import { AUTHORITY_HEADERS, COMMUNE_HEADERS, authoritySheetCells, communeSheetCells, type AuthorityColumnKey, type CommuneColumnKey } from "../../lib/registry/import/area-columns";
import {
  NO_PROVINCE_MESSAGE,
  parseAuthorityRows,
  parseCommuneRows,
  planAuthorityImport,
  planCommuneImport,
  type ExistingAuthority,
  type ExistingCommune,
} from "../../lib/registry/import/plan-areas";
import type { SheetData } from "../../lib/registry/import/sheet";

const sheet = <K extends string>(headers: readonly string[], keys: readonly K[], base: Record<K, string>, rows: Partial<Record<K, string>>[]): SheetData => ({
  headers: [...headers],
  rows: rows.map((r, i) => ({ rowNumber: i + 2, cells: keys.map((k) => ({ ...base, ...r })[k]) })),
});

// ───────────── Communes ─────────────

const COMMUNE_KEYS = ["code", "name", "communeKind", "isActive"] as const satisfies readonly CommuneColumnKey[];
const communeBase: Record<CommuneColumnKey, string> = { code: "X10", name: "Xã Mới", communeKind: "Xã", isActive: "" };
const commune = (over: Partial<ExistingCommune> = {}): ExistingCommune => ({ id: "c-1", code: "X01", name: "Xã An Bình", communeKind: "XA", isActive: true, activeUnits: 0, ...over });
const planCommunes = (rows: Partial<Record<CommuneColumnKey, string>>[], communes: ExistingCommune[] = [commune()], provinceId: string | null = "p") =>
  planCommuneImport(parseCommuneRows(sheet(COMMUNE_HEADERS, COMMUNE_KEYS, communeBase, rows)), { communes, provinceId });

describe("communes import plan", () => {
  it("counts rows to add, update and leave, matched by code; a blank 'Đang hoạt động' is 'Có'", () => {
    const plan = planCommunes([{}, { code: "X01", name: "Xã An Bình" }, { code: "X02", name: "Phường Hai", communeKind: "phuong" }], [commune(), commune({ id: "c-2", code: "X02", name: "Xã Hai" })]);
    expect(plan.problems).toEqual([]);
    expect(plan.add.map((p) => p.values)).toEqual([{ code: "X10", name: "Xã Mới", communeKind: "XA", isActive: true }]);
    expect(plan.unchanged.map((p) => p.values.code)).toEqual(["X01"]);
    expect(plan.update.map((p) => [p.values.code, p.existingId, p.changed])).toEqual([["X02", "c-2", ["Tên xã, phường", "Loại"]]]);
  });

  it("the export's row of a commune reads back unchanged", () => {
    const existing = commune({ communeKind: "DAC_KHU", isActive: false });
    const cells = communeSheetCells(existing);
    expect(cells).toEqual({ code: "X01", name: "Xã An Bình", communeKind: "Đặc khu", isActive: "Không" });
    const plan = planCommunes([cells], [existing]);
    expect(plan.unchanged).toHaveLength(1);
    expect(plan.problems).toEqual([]);
  });

  it("every problem by row and column, in Vietnamese", () => {
    const plan = planCommunes([
      { code: "X10" },
      { code: "X10", name: "Xã Khác" },
      { code: "X11", name: "XÃ MỚI" },
      { code: "X12", name: "xa an binh" },
      { code: "X13", name: "", communeKind: "Thị trấn" },
      { code: "X 14", name: "Xã Mười Bốn", isActive: "có lẽ" },
    ]);
    expect(plan.problems).toEqual([
      { row: 3, column: "Mã xã, phường", message: "Mã xã, phường “X10” trùng với dòng 2." },
      { row: 4, column: "Tên xã, phường", message: "Tên “XÃ MỚI” trùng với dòng 2 trong tỉnh (không phân biệt chữ hoa, chữ thường và dấu)." },
      { row: 5, column: "Tên xã, phường", message: "Tên “xa an binh” trùng với xã, phường mã “X01” đã có trong tỉnh (không phân biệt chữ hoa, chữ thường và dấu)." },
      { row: 6, column: "Tên xã, phường", message: "Thiếu giá trị bắt buộc ở cột “Tên xã, phường”." },
      { row: 6, column: "Loại", message: "Giá trị “Thị trấn” không có trong danh sách cho phép (Xã; Phường; Đặc khu)." },
      { row: 7, column: "Mã xã, phường", message: "Mã chỉ gồm chữ không dấu, chữ số và các ký tự - _ . / (không có khoảng trắng)." },
      { row: 7, column: "Đang hoạt động", message: "Giá trị “có lẽ” không hợp lệ; vui lòng ghi “Có” hoặc “Không”." },
    ]);
    expect(plan.add.map((p) => p.values.code)).toEqual(["X10"]);
  });

  it("a name may move between rows of the file: renaming two communes into each other's names is fine", () => {
    const plan = planCommunes([{ code: "X01", name: "Xã Hai" }, { code: "X02", name: "Xã An Bình" }], [commune(), commune({ id: "c-2", code: "X02", name: "Xã Hai" })]);
    expect(plan.problems).toEqual([]);
    expect(plan.update).toHaveLength(2);
  });

  it("a commune with active units is not deactivated; one without is, and may be reactivated", () => {
    const busy = planCommunes([{ code: "X01", name: "Xã An Bình", isActive: "Không" }], [commune({ activeUnits: 3 })]);
    expect(busy.problems).toEqual([
      { row: 2, column: "Đang hoạt động", message: "Không thể ngừng hoạt động: Xã An Bình còn 3 đơn vị đang hoạt động. Hãy chuyển các đơn vị sang xã, phường khác hoặc ngừng hoạt động chúng trước." },
    ]);
    expect(planCommunes([{ code: "X01", name: "Xã An Bình", isActive: "Không" }]).update[0]?.changed).toEqual(["Đang hoạt động"]);
    expect(planCommunes([{ code: "X01", name: "Xã An Bình", isActive: "Có" }], [commune({ isActive: false, activeUnits: 2 })]).update[0]?.values.isActive).toBe(true);
    // Already inactive with (historic) active units: leaving it inactive is not a deactivation.
    expect(planCommunes([{ code: "X01", name: "Xã An Bình", isActive: "Không" }], [commune({ isActive: false, activeUnits: 2 })]).unchanged).toHaveLength(1);
  });

  it("the province's code is not a commune's", () => {
    const plan = planCommuneImport(parseCommuneRows(sheet(COMMUNE_HEADERS, COMMUNE_KEYS, communeBase, [{ code: "LCI" }])), { communes: [], provinceId: "p", otherAreaCodes: ["LCI"] });
    expect(plan.problems).toEqual([{ row: 2, column: "Mã xã, phường", message: "Mã “LCI” đã được dùng cho tỉnh; vui lòng dùng mã khác." }]);
  });

  it("no province: adding is refused, updating is not", () => {
    expect(planCommunes([{}], [commune()], null).problems).toEqual([{ row: null, column: null, message: NO_PROVINCE_MESSAGE }]);
    expect(planCommunes([{ code: "X01", name: "Xã Đổi Tên" }], [commune()], null).problems).toEqual([]);
  });

  it("a missing or foreign column is a problem of the file and no row is read", () => {
    const plan = planCommuneImport(parseCommuneRows({ headers: ["Mã xã, phường", "Tên xã, phường", "Loại", "Ghi chú"], rows: [{ rowNumber: 2, cells: ["X10", "Xã Mới", "Xã", ""] }] }), { communes: [], provinceId: "p" });
    expect(plan.problems).toEqual([
      { row: 1, column: "Ghi chú", message: "Cột “Ghi chú” không thuộc mẫu; vui lòng xóa cột này hoặc dùng tệp mẫu." },
      { row: 1, column: "Đang hoạt động", message: "Thiếu cột “Đang hoạt động”; vui lòng dùng tệp mẫu." },
    ]);
    expect(plan.add).toEqual([]);
  });
});

// ───────────── Authorities ─────────────

const AUTHORITY_KEYS = ["code", "name", "kind", "documentSymbol", "placeName", "area", "isActive"] as const satisfies readonly AuthorityColumnKey[];
const authorityBase: Record<AuthorityColumnKey, string> = { code: "CA-X01", name: "Công an xã An Bình", kind: "Công an xã, phường, đặc khu", documentSymbol: "CAX", placeName: "An Bình", area: "X01", isActive: "" };
const areas = [
  { id: "p", code: "T", name: "Tỉnh Thử" },
  { id: "c-1", code: "X01", name: "Xã An Bình" },
  { id: "c-2", code: "X02", name: "Xã Tân Lập" },
  { id: "c-3", code: "X03", name: "Xã Tân Lập" },
  { id: "c-old", code: "X09", name: "Xã Cũ", isActive: false },
];
const authority = (over: Partial<ExistingAuthority> = {}): ExistingAuthority => ({
  id: "a-1", code: "UBND-X01", name: "UBND xã An Bình", kind: "UBND_XA", documentSymbol: "UBND", placeName: "An Bình", areaId: "c-1", isActive: true, activeUnits: 0, ...over,
});
const planAuthorities = (rows: Partial<Record<AuthorityColumnKey, string>>[], authorities: ExistingAuthority[] = [authority()]) =>
  planAuthorityImport(parseAuthorityRows(sheet(AUTHORITY_HEADERS, AUTHORITY_KEYS, authorityBase, rows)), { authorities, areas });

describe("authorities import plan", () => {
  it("adds, updates and leaves by code; the area by code or name (case and diacritics ignored); blank area = none", () => {
    const plan = planAuthorities([
      {},
      { code: "UBND-X01", name: "UBND xã An Bình", kind: "UBND_XA", documentSymbol: "UBND", area: "xa an binh" },
      { code: "BCA", name: "Bộ Công an", kind: "Bộ Công an", documentSymbol: "BCA", placeName: "Hà Nội", area: "" },
    ]);
    expect(plan.problems).toEqual([]);
    expect(plan.add.map((p) => p.values)).toEqual([
      { code: "CA-X01", name: "Công an xã An Bình", kind: "CONG_AN_XA", documentSymbol: "CAX", placeName: "An Bình", areaId: "c-1", isActive: true },
      { code: "BCA", name: "Bộ Công an", kind: "BO_CONG_AN", documentSymbol: "BCA", placeName: "Hà Nội", areaId: null, isActive: true },
    ]);
    expect(plan.unchanged.map((p) => p.values.code)).toEqual(["UBND-X01"]);
  });

  it("what changed is named by column, the area included", () => {
    const plan = planAuthorities([{ code: "UBND-X01", name: "UBND xã An Bình", kind: "UBND_XA", documentSymbol: "UBND-X", area: "T" }]);
    expect(plan.update[0]?.changed).toEqual(["Ký hiệu văn bản", "Địa bàn"]);
  });

  it("the export's row of an authority reads back unchanged", () => {
    const existing = authority({ isActive: false });
    const plan = planAuthorities([authoritySheetCells(existing, "Xã An Bình")], [existing]);
    expect(plan.problems).toEqual([]);
    expect(plan.unchanged).toHaveLength(1);
  });

  it("every problem by row and column, in Vietnamese", () => {
    const plan = planAuthorities([
      {},
      { code: "CA-X01", name: "Công an khác" },
      { code: "CA-X02", area: "X99" },
      { code: "CA-X03", area: "Xã Tân Lập" },
      { code: "CA-X04", name: "CÔNG AN XÃ AN BÌNH" },
      { code: "CA-X05", name: "ubnd xa an binh" },
      { code: "CA-X06", kind: "Hội đồng", documentSymbol: "", placeName: "" },
      { code: "CA-X07", name: "Công an xã Cũ", area: "Xã Cũ" },
    ]);
    expect(plan.problems).toEqual([
      { row: 3, column: "Mã cơ quan", message: "Mã cơ quan “CA-X01” trùng với dòng 2." },
      { row: 4, column: "Địa bàn", message: "Không tìm thấy địa bàn “X99” (theo mã hoặc tên)." },
      { row: 5, column: "Địa bàn", message: "Có nhiều địa bàn cùng tên “Xã Tân Lập”; vui lòng ghi mã thay cho tên." },
      { row: 6, column: "Tên cơ quan", message: "Tên “CÔNG AN XÃ AN BÌNH” trùng với dòng 2 trong cùng địa bàn (không phân biệt chữ hoa, chữ thường và dấu)." },
      { row: 7, column: "Tên cơ quan", message: "Tên “ubnd xa an binh” trùng với cơ quan mã “UBND-X01” đã có trong cùng địa bàn (không phân biệt chữ hoa, chữ thường và dấu)." },
      { row: 8, column: "Loại cơ quan", message: expect.stringContaining("Giá trị “Hội đồng” không có trong danh sách cho phép") },
      { row: 8, column: "Ký hiệu văn bản", message: "Thiếu giá trị bắt buộc ở cột “Ký hiệu văn bản”." },
      { row: 8, column: "Địa danh", message: "Thiếu giá trị bắt buộc ở cột “Địa danh”." },
      { row: 9, column: "Địa bàn", message: "Địa bàn “Xã Cũ” đã ngừng hoạt động; không thể đặt cơ quan vào địa bàn này." },
    ]);
  });

  it("the same name in another area is fine", () => {
    expect(planAuthorities([{ code: "UBND-X02", name: "UBND xã An Bình", area: "X02" }]).problems).toEqual([]);
  });

  it("an authority already in a deactivated area may stay there", () => {
    const plan = planAuthorities([{ code: "UBND-X01", name: "UBND xã Cũ", kind: "UBND_XA", documentSymbol: "UBND", area: "X09" }], [authority({ areaId: "c-old", name: "UBND xã Cũ" })]);
    expect(plan.problems).toEqual([]);
  });

  it("an authority managing active units is not deactivated", () => {
    const plan = planAuthorities([{ code: "UBND-X01", name: "UBND xã An Bình", kind: "UBND_XA", documentSymbol: "UBND", isActive: "Không" }], [authority({ activeUnits: 4 })]);
    expect(plan.problems).toEqual([
      { row: 2, column: "Đang hoạt động", message: "Không thể ngừng hoạt động: UBND xã An Bình còn quản lý 4 đơn vị đang hoạt động. Hãy chuyển các đơn vị sang cơ quan khác trước." },
    ]);
    expect(planAuthorities([{ code: "UBND-X01", name: "UBND xã An Bình", kind: "UBND_XA", documentSymbol: "UBND", isActive: "Không" }]).update).toHaveLength(1);
  });
});
