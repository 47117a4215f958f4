/** The accounts import's pure core: parsing, the plan, every problem class in Vietnamese, and the no-ADMIN rule. */
import { describe, expect, it } from "vitest";
import { ACCOUNT_IMPORT_MESSAGES, MAX_IMPORTED_ACCOUNTS, parseAccountRows, planAccountImport, type AccountImportContext, type ExistingAccount } from "../../lib/users/import/plan-accounts";
import { ACCOUNT_HEADERS, accountSheetCells, ACCOUNT_COLUMNS } from "../../lib/users/import/account-columns";
import type { SheetData } from "../../lib/registry/import/sheet";

const units = [
  { id: "u-kdc", code: "KDC-01", name: "Thôn Đông", isActive: true },
  { id: "u-old", code: "KDC-OLD", name: "Thôn Cũ", isActive: false },
];
const communes = [
  { id: "c-an", code: "X01", name: "Xã An Bình", isActive: true },
  { id: "c-old", code: "X99", name: "Xã Đã Nhập", isActive: false },
];
const account = (over: Partial<ExistingAccount> = {}): ExistingAccount => ({
  id: "id-1",
  username: "cb.kdc-01",
  fullName: "Nguyễn Văn A",
  role: "UNIT_OFFICER",
  unitId: "u-kdc",
  areaId: null,
  reviewerLevel: null,
  isActive: true,
  ...over,
});
const context = (accounts: ExistingAccount[] = []): AccountImportContext => ({ accounts, units, communes });

// Tên đăng nhập, Họ và tên, Vai trò, Mã đơn vị, Mã xã, Cấp thẩm định, Trạng thái
const sheet = (...rows: string[][]): SheetData => ({ headers: ACCOUNT_HEADERS, rows: rows.map((cells, i) => ({ rowNumber: i + 2, cells })) });
const plan = (rows: string[][], accounts: ExistingAccount[] = []) => planAccountImport(parseAccountRows(sheet(...rows)), context(accounts));
const officer = (username: string, unit = "KDC-01", name = "Nguyễn Văn A") => [username, name, "Cán bộ đơn vị", unit, "", "", ""];

describe("accounts import: the plan", () => {
  it("adds new usernames, updates changed accounts, leaves the same ones; usernames are lower-cased", () => {
    const p = plan(
      [
        officer("CB.Moi"),
        ["ca.x01", "Công an Xã An Bình", "Cán bộ thẩm định", "", "X01", "Công an xã, phường, đặc khu", "Hoạt động"],
        ["lanhdao2", "Trần Thị B", "lãnh đạo", "", "", "", ""],
        ["cbxa.x01", "Lê C", "Cán bộ đơn vị", "", "X01", "", "Đã khóa"],
        officer("cb.kdc-01"),
      ],
      [account()],
    );
    expect(p.problems).toEqual([]);
    expect(p.add.map((a) => [a.values.username, a.values.role, a.values.unitId, a.values.areaId, a.values.reviewerLevel, a.values.isActive, a.scopeName])).toEqual([
      ["cb.moi", "UNIT_OFFICER", "u-kdc", null, null, true, "Thôn Đông"],
      ["ca.x01", "REVIEWER", null, "c-an", "COMMUNE_POLICE", true, "Xã An Bình"],
      ["lanhdao2", "LEADER", null, null, null, true, "Toàn tỉnh"],
      ["cbxa.x01", "UNIT_OFFICER", null, "c-an", null, false, "Xã An Bình"],
    ]);
    expect(p.unchanged.map((a) => a.values.username)).toEqual(["cb.kdc-01"]);
    expect(p.update).toEqual([]);
  });

  it("a name-only change keeps sessions; a role, scope or state change revokes them", () => {
    const p = plan(
      [officer("ten", "KDC-01", "Tên Mới"), officer("pham-vi", "KDC-OLD"), ["trang-thai", "Nguyễn Văn A", "Cán bộ đơn vị", "KDC-01", "", "", "Đã khóa"], ["vai-tro", "Nguyễn Văn A", "Lãnh đạo", "", "", "", ""]],
      [account({ id: "1", username: "ten" }), account({ id: "2", username: "pham-vi", unitId: "u-old" }), account({ id: "3", username: "trang-thai" }), account({ id: "4", username: "vai-tro" })],
    );
    expect(p.problems).toEqual([]);
    // "pham-vi" keeps its (deactivated) unit: unchanged; the others change.
    expect(p.unchanged.map((a) => a.values.username)).toEqual(["pham-vi"]);
    expect(p.update.map((a) => [a.values.username, a.changed, a.revokesSessions])).toEqual([
      ["ten", ["Họ và tên"], false],
      ["trang-thai", ["Trạng thái"], true],
      ["vai-tro", ["Vai trò", "Mã đơn vị"], true],
    ]);
  });

  it("refuses to create or modify an ADMIN account, by role or by username", () => {
    const p = plan([["quantri2", "Ai Đó", "Quản trị hệ thống", "", "", "", ""], officer("admin")], [account({ id: "a", username: "admin", role: "ADMIN", unitId: null })]);
    expect(p.add).toEqual([]);
    expect(p.update).toEqual([]);
    expect(p.problems).toEqual([
      { row: 2, column: "Vai trò", message: ACCOUNT_IMPORT_MESSAGES.adminRole },
      { row: 3, column: "Tên đăng nhập", message: "Tài khoản “admin” là tài khoản Quản trị hệ thống; việc nhập tệp không được sửa tài khoản này." },
    ]);
  });

  it("reports every problem by row and column in Vietnamese", () => {
    const p = plan([
      officer("trung"),
      officer("TRUNG"),
      officer("a b"),
      officer("khong-co", "KDC-404"),
      officer("ngung", "KDC-OLD"),
      ["xa-ngung", "Nguyễn Văn A", "Cán bộ đơn vị", "", "X99", "", ""],
      ["xa-khong-co", "Nguyễn Văn A", "Cán bộ thẩm định", "", "X404", "Công an xã, phường, đặc khu", ""],
      ["thieu", "Nguyễn Văn A", "Cán bộ đơn vị", "", "", "", ""],
      ["ca-hai", "Nguyễn Văn A", "Cán bộ đơn vị", "KDC-01", "X01", "", ""],
      ["lanhdao-x", "Nguyễn Văn A", "Lãnh đạo", "KDC-01", "", "Công an tỉnh", ""],
      ["tdinh", "Nguyễn Văn A", "Cán bộ thẩm định", "", "", "", ""],
      ["tdinh-xa", "Nguyễn Văn A", "Cán bộ thẩm định", "", "", "Công an xã, phường, đặc khu", ""],
      ["tdinh-tinh", "Nguyễn Văn A", "Cán bộ thẩm định", "", "X01", "Công an tỉnh", ""],
      ["sai-vai-tro", "Nguyễn Văn A", "Giám đốc", "", "", "", ""],
      ["sai-trang-thai", "Nguyễn Văn A", "Lãnh đạo", "", "", "", "Tạm nghỉ"],
      ["", "Nguyễn Văn A", "Lãnh đạo", "", "", "", ""],
    ]);
    expect(p.add.map((a) => a.values.username)).toEqual(["trung"]);
    expect(p.problems.map((x) => [x.row, x.column, x.message])).toEqual([
      [3, "Tên đăng nhập", "Tên đăng nhập “trung” trùng với dòng 2."],
      [4, "Tên đăng nhập", "Tên đăng nhập “a b” không hợp lệ: Tên đăng nhập chỉ gồm chữ không dấu, chữ số và các ký tự . _ -"],
      [5, "Mã đơn vị", "Không tìm thấy đơn vị có mã “KDC-404”."],
      [6, "Mã đơn vị", "Đơn vị “KDC-OLD” đã ngừng theo dõi; không thể giao tài khoản cho đơn vị này."],
      [7, "Mã xã", "Xã, phường “X99” đã ngừng hoạt động; không thể giao tài khoản cho xã này."],
      [8, "Mã xã", "Không tìm thấy xã, phường có mã “X404”."],
      [9, "Mã đơn vị", ACCOUNT_IMPORT_MESSAGES.officerNeedsScope],
      [10, "Mã xã", ACCOUNT_IMPORT_MESSAGES.officerOneScope],
      [11, "Mã đơn vị", "Vai trò “Lãnh đạo” không dùng cột “Mã đơn vị”; vui lòng để trống ô này."],
      [11, "Cấp thẩm định", "Vai trò “Lãnh đạo” không dùng cột “Cấp thẩm định”; vui lòng để trống ô này."],
      [12, "Cấp thẩm định", "Cán bộ thẩm định cần ghi “Cấp thẩm định”."],
      [13, "Mã xã", ACCOUNT_IMPORT_MESSAGES.communeReviewerNeedsCommune],
      [14, "Mã xã", ACCOUNT_IMPORT_MESSAGES.provincialReviewerNoCommune],
      [15, "Vai trò", "Giá trị “Giám đốc” không có trong danh sách cho phép (Cán bộ đơn vị; Cán bộ thẩm định; Lãnh đạo)."],
      [16, "Trạng thái", "Giá trị “Tạm nghỉ” không có trong danh sách cho phép (Hoạt động; Đã khóa)."],
      [17, "Tên đăng nhập", "Thiếu giá trị bắt buộc ở cột “Tên đăng nhập”."],
    ]);
  });

  it("refuses more than the new accounts one run may create", () => {
    const rows = Array.from({ length: MAX_IMPORTED_ACCOUNTS + 1 }, (_, i) => ["lanhdao" + i, "Người Thứ " + i, "Lãnh đạo", "", "", "", ""]);
    const p = plan(rows);
    expect(p.problems).toEqual([{ row: null, column: null, message: ACCOUNT_IMPORT_MESSAGES.tooMany }]);
  });

  it("the export's row of an account reads back as the same account (round trip)", () => {
    const existing = [account(), account({ id: "2", username: "ca.x01", role: "REVIEWER", unitId: null, areaId: "c-an", reviewerLevel: "COMMUNE_POLICE", isActive: false })];
    const code = (id: string | null) => [...units, ...communes].find((r) => r.id === id)?.code ?? null;
    const rows = existing.map((a) => {
      const cells = accountSheetCells({ ...a, unitCode: code(a.unitId), communeCode: code(a.areaId) });
      return ACCOUNT_COLUMNS.map((c) => cells[c.key]);
    });
    const p = plan(rows, existing);
    expect(p.problems).toEqual([]);
    expect(p.unchanged).toHaveLength(2);
  });
});
