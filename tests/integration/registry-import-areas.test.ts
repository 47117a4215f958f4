/**
 * The communes and authorities imports on a real database (PGlite, and PostgreSQL with
 * TEST_DATABASE_URL): preview writes nothing; commit writes every row or none, with one audit event
 * carrying the SHA-256; the same file twice and export → import change nothing; every rule of the
 * preview; the shared reader's refusals; only administrators; the route.
 */
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import {
  authorityImportProblemsWorkbook,
  authorityWorkbook,
  commitAuthorityImport,
  commitCommuneImport,
  communeImportProblemsWorkbook,
  communeWorkbook,
  previewAuthorityImport,
  previewCommuneImport,
} from "../../lib/registry/import-areas";
import { IMPORT_OUTCOME_MESSAGES, sha256Of, type ImportFile } from "../../lib/registry/import-list";
import { AUTHORITY_HEADERS, AUTHORITY_SHEET_NAME, COMMUNE_HEADERS, COMMUNE_SHEET_NAME } from "../../lib/registry/import/area-columns";
import { IMPORT_MESSAGES } from "../../lib/registry/import/read-workbook";
import { IMPORT_LISTS, importUrl } from "../../lib/registry/import/import-rules";
import { authorityWorkbookDownload, communeWorkbookDownload, receiveAuthorityImport, receiveCommuneImport } from "../../app/api/registry/area-imports";
import { ForbiddenError } from "../../lib/auth/permissions";
import type { Actor } from "../../lib/auth/actor";
import type { PrismaClient } from "../../lib/generated/prisma/client";
import { OLE2, PDF } from "../support/file-samples";
import { makeUser, makeWorld } from "./fixtures";
import { setupTestDatabase } from "./test-db";

const t = setupTestDatabase();

async function xlsxOf(sheetName: string, headers: readonly string[], rows: string[][], edit?: (sheet: ExcelJS.Worksheet) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet(sheetName);
  sheet.addRow([...headers]);
  for (const r of rows) sheet.addRow(r);
  edit?.(sheet);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
// Mã, Tên, Loại, Đang hoạt động
const communes = (rows: string[][], edit?: (sheet: ExcelJS.Worksheet) => void) => xlsxOf(COMMUNE_SHEET_NAME, COMMUNE_HEADERS, rows, edit);
// Mã, Tên, Loại, Ký hiệu, Địa danh, Địa bàn, Đang hoạt động
const authorities = (rows: string[][]) => xlsxOf(AUTHORITY_SHEET_NAME, AUTHORITY_HEADERS, rows);
const caXa = (code: string, name: string, area = "A") => [code, name, "Công an xã, phường, đặc khu", "CAX", "An", area, ""];

const file = (bytes: Uint8Array, fileName = "danh-sach.xlsx"): ImportFile => ({ bytes, fileName });

async function setup() {
  const world = await makeWorld(t.prisma);
  const admin = await makeUser(t.prisma, "quantri", "ADMIN");
  return { world, admin };
}

const areasSnapshot = (prisma: PrismaClient) => prisma.administrativeArea.findMany({ orderBy: { code: "asc" } });
const authoritiesSnapshot = (prisma: PrismaClient) => prisma.authority.findMany({ orderBy: { code: "asc" } });

describe("communes import", () => {
  it("preview counts add / update / leave and writes nothing", async () => {
    const { admin } = await setup();
    const bytes = await communes([["C", "Xã Cường", "Xã", ""], ["A", "Xã An", "xa", "Có"], ["B", "Phường Bình Mới", "Phường", ""]]);
    const before = await areasSnapshot(t.prisma);
    const outcome = await previewCommuneImport(t.prisma, admin, file(bytes));
    if (!outcome.ok) throw new Error(outcome.message);
    expect(outcome.data.counts).toEqual({ add: 1, update: 1, unchanged: 1, problems: 0 });
    expect(outcome.data.sha256).toBe(sha256Of(bytes));
    expect(outcome.data.changes.map((c) => [c.rowNumber, c.code, c.action, c.changed])).toEqual([[2, "C", "add", []], [4, "B", "update", ["Tên xã, phường"]]]);
    expect(await areasSnapshot(t.prisma)).toEqual(before);
    expect(await t.prisma.auditEvent.count()).toBe(0);
  });

  it("commit writes all rows under the province with one audit event carrying the SHA-256; the same file again changes nothing", async () => {
    const { world, admin } = await setup();
    const bytes = await communes([["C", "Xã Cường", "Xã", ""], ["DK", "Đặc khu Đảo", "Đặc khu", "Không"], ["B", "Phường Bình Mới", "Phường", ""]]);
    const sha256 = sha256Of(bytes);
    expect(await commitCommuneImport(t.prisma, admin, file(bytes), sha256)).toEqual({ ok: true, data: { sha256, added: 2, updated: 1, unchanged: 0 } });
    expect(await t.prisma.administrativeArea.findUniqueOrThrow({ where: { code: "C" } })).toMatchObject({ name: "Xã Cường", level: "COMMUNE", communeKind: "XA", parentId: world.province.id, isActive: true, version: 1, searchText: expect.stringContaining("xa cuong") });
    expect(await t.prisma.administrativeArea.findUniqueOrThrow({ where: { code: "DK" } })).toMatchObject({ communeKind: "DAC_KHU", isActive: false });
    expect(await t.prisma.administrativeArea.findUniqueOrThrow({ where: { code: "B" } })).toMatchObject({ name: "Phường Bình Mới", version: 2 });
    const events = await t.prisma.auditEvent.findMany();
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ action: "registry.communes.imported", entityType: "AdministrativeArea", actorId: admin.userId });
    expect(events[0]?.meta).toMatchObject({ sha256, rows: 3, added: 2, updated: 1, unchanged: 0, addedCodes: ["C", "DK"], updatedCodes: ["B"] });

    const snapshot = await areasSnapshot(t.prisma);
    expect(await commitCommuneImport(t.prisma, admin, file(bytes), sha256)).toEqual({ ok: true, data: { sha256, added: 0, updated: 0, unchanged: 3 } });
    expect(await areasSnapshot(t.prisma)).toEqual(snapshot);
    expect(await t.prisma.auditEvent.count()).toBe(1);
  });

  it("every rule of the preview, by row and column in Vietnamese; nothing is written", async () => {
    const { admin } = await setup();
    const bytes = await communes([
      ["C", "Xã Cường", "Xã", ""],
      ["C", "Xã Cường Hai", "Xã", ""],
      ["D", "XA AN", "Xã", ""],
      ["E", "", "Thị trấn", ""],
      ["A", "Xã An", "Xã", "Không"],
      ["P", "Xã Pê", "Xã", ""],
    ]);
    const before = await areasSnapshot(t.prisma);
    const outcome = await commitCommuneImport(t.prisma, admin, file(bytes), sha256Of(bytes));
    expect(outcome).toMatchObject({ ok: false, message: IMPORT_OUTCOME_MESSAGES.hasProblems });
    expect(!outcome.ok && outcome.preview?.problems).toEqual([
      { row: 3, column: "Mã xã, phường", message: "Mã xã, phường “C” trùng với dòng 2." },
      { row: 4, column: "Tên xã, phường", message: "Tên “XA AN” trùng với xã, phường mã “A” đã có trong tỉnh (không phân biệt chữ hoa, chữ thường và dấu)." },
      { row: 5, column: "Tên xã, phường", message: "Thiếu giá trị bắt buộc ở cột “Tên xã, phường”." },
      { row: 5, column: "Loại", message: "Giá trị “Thị trấn” không có trong danh sách cho phép (Xã; Phường; Đặc khu)." },
      { row: 6, column: "Đang hoạt động", message: "Không thể ngừng hoạt động: Xã An còn 3 đơn vị đang hoạt động. Hãy chuyển các đơn vị sang xã, phường khác hoặc ngừng hoạt động chúng trước." },
      { row: 7, column: "Mã xã, phường", message: "Mã “P” đã được dùng cho tỉnh; vui lòng dùng mã khác." },
    ]);
    expect(await areasSnapshot(t.prisma)).toEqual(before);
    expect(await t.prisma.auditEvent.count()).toBe(0);
  });

  it("a commune whose units are all inactive is deactivated by the import", async () => {
    const { world, admin } = await setup();
    await t.prisma.unit.updateMany({ where: { communeId: world.communeB.id }, data: { isActive: false } });
    const bytes = await communes([["B", "Phường Bình", "Phường", "Không"]]);
    expect(await commitCommuneImport(t.prisma, admin, file(bytes), sha256Of(bytes))).toMatchObject({ ok: true, data: { updated: 1 } });
    expect(await t.prisma.administrativeArea.findUniqueOrThrow({ where: { code: "B" } })).toMatchObject({ isActive: false, version: 2 });
  });

  it("a commune that gets the same name meanwhile is caught at commit (planned again in the transaction)", async () => {
    const { world, admin } = await setup();
    const bytes = await communes([["C", "Xã Cường", "Xã", ""]]);
    expect((await previewCommuneImport(t.prisma, admin, file(bytes))).ok).toBe(true);
    await t.prisma.administrativeArea.create({ data: { code: "X", name: "XÃ CƯỜNG", level: "COMMUNE", communeKind: "XA", parentId: world.province.id } });
    const outcome = await commitCommuneImport(t.prisma, admin, file(bytes), sha256Of(bytes));
    expect(!outcome.ok && outcome.preview?.problems[0]?.message).toBe("Tên “Xã Cường” trùng với xã, phường mã “X” đã có trong tỉnh (không phân biệt chữ hoa, chữ thường và dấu).");
    expect(await t.prisma.administrativeArea.count({ where: { code: "C" } })).toBe(0);
  });

  it("export → import round-trips: every commune unchanged; the template has the headers, drop-downs and instructions", async () => {
    const { world, admin } = await setup();
    await t.prisma.administrativeArea.create({ data: { code: "007", name: "Xã Cũ", level: "COMMUNE", communeKind: "XA", parentId: world.province.id, isActive: false } });
    const exported = await communeWorkbook(t.prisma, admin, true);
    const outcome = await previewCommuneImport(t.prisma, admin, file(exported, "Danh sách xã, phường.xlsx"));
    if (!outcome.ok) throw new Error(outcome.message);
    expect(outcome.data.counts).toEqual({ add: 0, update: 0, unchanged: 3, problems: 0 });

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await communeWorkbook(t.prisma, admin, false)) as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet(COMMUNE_SHEET_NAME)!;
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(COMMUNE_HEADERS);
    expect(sheet.rowCount).toBe(1);
    expect(sheet.getCell("C2").dataValidation).toMatchObject({ type: "list" });
    expect(wb.getWorksheet("Hướng dẫn")!.getCell("A1").value).toBe("Hướng dẫn nhập danh sách xã, phường, đặc khu");
  });

  it("the problems workbook marks the bad cells", async () => {
    const { admin } = await setup();
    const outcome = await communeImportProblemsWorkbook(t.prisma, admin, file(await communes([["C", "Xã Cường", "Thị trấn", ""]])));
    if (!outcome.ok) throw new Error(outcome.message);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(outcome.data) as unknown as ArrayBuffer);
    expect(wb.getWorksheet(COMMUNE_SHEET_NAME)!.getCell("C2").fill).toMatchObject({ fgColor: { argb: "FFFFC7CE" } });
    expect(wb.getWorksheet("Lỗi")!.getRow(2).values).toEqual([undefined, 2, "Loại", expect.stringContaining("Thị trấn")]);
  });

  it("bad files get the shared reader's message and write nothing", async () => {
    const { admin } = await setup();
    const cases: [ImportFile, string][] = [
      [file(PDF, "xa.xlsx"), IMPORT_MESSAGES.notXlsx],
      [file(OLE2, "xa.xlsx"), IMPORT_MESSAGES.protected],
      [file(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), "xa.xlsx"), IMPORT_MESSAGES.corrupt],
      [file(await communes([["C", "Xã Cường", "Xã", ""]]), "xa.pdf"), IMPORT_MESSAGES.extension],
      [file(await communes([["C", "Xã Cường", "Xã", ""]], (s) => (s.getCell("B2").value = { formula: "UPPER(A2)" } as ExcelJS.CellValue))), IMPORT_MESSAGES.formula("B2")],
      [file(await communes([["C", "Xã Cường", "Xã", ""]], (s) => s.mergeCells("A1:B1"))), IMPORT_MESSAGES.mergedHeader("A1:B1")],
    ];
    for (const [bad, message] of cases) expect(await commitCommuneImport(t.prisma, admin, bad, sha256Of(bad.bytes))).toEqual({ ok: false, message });
    const missing = await xlsxOf(COMMUNE_SHEET_NAME, ["Mã xã, phường", "Tên xã, phường", "Loại"], [["C", "Xã Cường", "Xã"]]);
    const outcome = await previewCommuneImport(t.prisma, admin, file(missing));
    expect(outcome.ok && outcome.data.problems).toEqual([{ row: 1, column: "Đang hoạt động", message: "Thiếu cột “Đang hoạt động”; vui lòng dùng tệp mẫu." }]);
    expect(await t.prisma.administrativeArea.count({ where: { code: "C" } })).toBe(0);
  });

  it("a CSV saved by Excel (UTF-8 with BOM, ';' separated) commits like the workbook", async () => {
    const { admin } = await setup();
    const lines = [COMMUNE_HEADERS.map((h) => (h.includes(",") ? `"${h}"` : h)).join(";"), "C;Xã Cường;Xã;", "D;Phường Đông;Phường;Có"];
    const bytes = new TextEncoder().encode(`\uFEFF${lines.join("\r\n")}\r\n`);
    expect(await commitCommuneImport(t.prisma, admin, file(bytes, "xa.csv"), sha256Of(bytes))).toMatchObject({ ok: true, data: { added: 2 } });
    expect(await t.prisma.administrativeArea.findUniqueOrThrow({ where: { code: "D" } })).toMatchObject({ name: "Phường Đông", communeKind: "PHUONG" });
  });
});

describe("authorities import", () => {
  it("preview counts add / update / leave and writes nothing; the area by code or name", async () => {
    const { admin } = await setup();
    const bytes = await authorities([caXa("CA-A", "Công an xã An"), caXa("CA-B", "Công an phường Bình", "phuong binh"), ["UBND", "UBND tỉnh", "Ủy ban nhân dân tỉnh", "UBND", "Thử", "P", "Có"], ["BCA", "Bộ Công an", "Bộ Công an", "BCA", "Hà Nội", "", ""]]);
    const before = await authoritiesSnapshot(t.prisma);
    const outcome = await previewAuthorityImport(t.prisma, admin, file(bytes));
    if (!outcome.ok) throw new Error(outcome.message);
    expect(outcome.data.counts).toEqual({ add: 3, update: 0, unchanged: 1, problems: 0 });
    expect(await authoritiesSnapshot(t.prisma)).toEqual(before);
    expect(await t.prisma.auditEvent.count()).toBe(0);
  });

  it("commit writes all rows with one audit event carrying the SHA-256; the same file again changes nothing", async () => {
    const { world, admin } = await setup();
    const bytes = await authorities([caXa("CA-A", "Công an xã An"), ["UBND", "Ủy ban nhân dân tỉnh Thử", "Ủy ban nhân dân tỉnh", "UBND", "Thử", "Tỉnh Thử", ""], ["BCA", "Bộ Công an", "Bộ Công an", "BCA", "Hà Nội", "", ""]]);
    const sha256 = sha256Of(bytes);
    expect(await commitAuthorityImport(t.prisma, admin, file(bytes), sha256)).toEqual({ ok: true, data: { sha256, added: 2, updated: 1, unchanged: 0 } });
    expect(await t.prisma.authority.findUniqueOrThrow({ where: { code: "CA-A" } })).toMatchObject({ name: "Công an xã An", kind: "CONG_AN_XA", documentSymbol: "CAX", placeName: "An", areaId: world.communeA.id, isActive: true, version: 1 });
    expect(await t.prisma.authority.findUniqueOrThrow({ where: { code: "BCA" } })).toMatchObject({ kind: "BO_CONG_AN", areaId: null });
    expect(await t.prisma.authority.findUniqueOrThrow({ where: { code: "UBND" } })).toMatchObject({ name: "Ủy ban nhân dân tỉnh Thử", areaId: world.province.id, version: 2 });
    const events = await t.prisma.auditEvent.findMany();
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ action: "registry.authorities.imported", entityType: "Authority" });
    expect(events[0]?.meta).toMatchObject({ sha256, added: 2, updated: 1, addedCodes: ["CA-A", "BCA"], updatedCodes: ["UBND"] });

    const snapshot = await authoritiesSnapshot(t.prisma);
    expect(await commitAuthorityImport(t.prisma, admin, file(bytes), sha256)).toEqual({ ok: true, data: { sha256, added: 0, updated: 0, unchanged: 3 } });
    expect(await authoritiesSnapshot(t.prisma)).toEqual(snapshot);
    expect(await t.prisma.auditEvent.count()).toBe(1);
  });

  it("every rule of the preview, by row and column in Vietnamese; nothing is written", async () => {
    const { world, admin } = await setup();
    await t.prisma.administrativeArea.create({ data: { code: "OLD", name: "Xã Cũ", level: "COMMUNE", communeKind: "XA", parentId: world.province.id, isActive: false } });
    const bytes = await authorities([
      caXa("CA-A", "Công an xã An"),
      caXa("CA-A", "Công an xã An Hai"),
      caXa("CA-X", "Công an xã Không Có", "ZZZ"),
      caXa("CA-A2", "CONG AN XA AN"),
      ["CA-Y", "", "Hội đồng", "", "An", "A", ""],
      caXa("CA-OLD", "Công an xã Cũ", "OLD"),
      ["UBND", "UBND tỉnh", "Ủy ban nhân dân tỉnh", "UBND", "Thử", "P", "Không"],
    ]);
    const before = await authoritiesSnapshot(t.prisma);
    const outcome = await commitAuthorityImport(t.prisma, admin, file(bytes), sha256Of(bytes));
    expect(outcome).toMatchObject({ ok: false, message: IMPORT_OUTCOME_MESSAGES.hasProblems });
    expect(!outcome.ok && outcome.preview?.problems).toEqual([
      { row: 3, column: "Mã cơ quan", message: "Mã cơ quan “CA-A” trùng với dòng 2." },
      { row: 4, column: "Địa bàn", message: "Không tìm thấy địa bàn “ZZZ” (theo mã hoặc tên)." },
      { row: 5, column: "Tên cơ quan", message: "Tên “CONG AN XA AN” trùng với dòng 2 trong cùng địa bàn (không phân biệt chữ hoa, chữ thường và dấu)." },
      { row: 6, column: "Tên cơ quan", message: "Thiếu giá trị bắt buộc ở cột “Tên cơ quan”." },
      { row: 6, column: "Loại cơ quan", message: expect.stringMatching(/^Giá trị “Hội đồng” không có trong danh sách cho phép/) },
      { row: 6, column: "Ký hiệu văn bản", message: "Thiếu giá trị bắt buộc ở cột “Ký hiệu văn bản”." },
      { row: 7, column: "Địa bàn", message: "Địa bàn “OLD” đã ngừng hoạt động; không thể đặt cơ quan vào địa bàn này." },
      { row: 8, column: "Đang hoạt động", message: "Không thể ngừng hoạt động: UBND tỉnh còn quản lý 5 đơn vị đang hoạt động. Hãy chuyển các đơn vị sang cơ quan khác trước." },
    ]);
    expect(await authoritiesSnapshot(t.prisma)).toEqual(before);
    expect(await t.prisma.auditEvent.count()).toBe(0);
  });

  it("the same name in another area is accepted", async () => {
    const { admin } = await setup();
    const bytes = await authorities([caXa("CA-A", "Công an xã"), caXa("CA-B", "Công an xã", "B")]);
    expect(await commitAuthorityImport(t.prisma, admin, file(bytes), sha256Of(bytes))).toMatchObject({ ok: true, data: { added: 2 } });
  });

  it("export → import round-trips: every authority unchanged, the area written as its name", async () => {
    const { world, admin } = await setup();
    await t.prisma.authority.createMany({
      data: [
        { code: "CA-A", name: "Công an xã An", kind: "CONG_AN_XA", documentSymbol: "CAX", placeName: "An", areaId: world.communeA.id },
        { code: "BCA", name: "Bộ Công an", kind: "BO_CONG_AN", documentSymbol: "BCA", placeName: "Hà Nội", isActive: false },
      ],
    });
    const exported = await authorityWorkbook(t.prisma, admin, true);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(exported) as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet(AUTHORITY_SHEET_NAME)!;
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(AUTHORITY_HEADERS);
    expect((sheet.getRow(3).values as unknown[]).slice(1)).toEqual(["CA-A", "Công an xã An", "Công an xã, phường, đặc khu", "CAX", "An", "Xã An", "Có"]);
    expect(sheet.getCell("F2").dataValidation).toMatchObject({ type: "list", errorStyle: "warning" });
    const outcome = await previewAuthorityImport(t.prisma, admin, file(exported, "Danh sách cơ quan.xlsx"));
    if (!outcome.ok) throw new Error(outcome.message);
    expect(outcome.data.counts).toEqual({ add: 0, update: 0, unchanged: 3, problems: 0 });
  });

  it("the problems workbook marks the unknown area", async () => {
    const { admin } = await setup();
    const outcome = await authorityImportProblemsWorkbook(t.prisma, admin, file(await authorities([caXa("CA-X", "Công an xã X", "ZZZ")])));
    if (!outcome.ok) throw new Error(outcome.message);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(outcome.data) as unknown as ArrayBuffer);
    const cell = wb.getWorksheet(AUTHORITY_SHEET_NAME)!.getCell("F2");
    expect(cell.fill).toMatchObject({ fgColor: { argb: "FFFFC7CE" } });
    expect(JSON.stringify(cell.note)).toContain("Không tìm thấy địa bàn");
  });

  it("an authority whose units are inactive is deactivated; a renamed file is refused", async () => {
    const { admin } = await setup();
    await t.prisma.unit.updateMany({ data: { isActive: false } });
    const bytes = await authorities([["UBND", "UBND tỉnh", "Ủy ban nhân dân tỉnh", "UBND", "Thử", "P", "Không"]]);
    expect(await commitAuthorityImport(t.prisma, admin, file(bytes), sha256Of(bytes))).toMatchObject({ ok: true, data: { updated: 1 } });
    expect(await t.prisma.authority.findUniqueOrThrow({ where: { code: "UBND" } })).toMatchObject({ isActive: false });
    expect(await previewAuthorityImport(t.prisma, admin, file(PDF, "co-quan.xlsx"))).toEqual({ ok: false, message: IMPORT_MESSAGES.notXlsx });
  });
});

describe("who may import communes and authorities", () => {
  it.each(["LEADER", "REVIEWER", "UNIT_OFFICER"] as const)("a %s is refused and nothing is written", async (role) => {
    const { world } = await setup();
    const actor: Actor = await makeUser(t.prisma, "khongphaiadmin", role, role === "UNIT_OFFICER" ? { unitId: world.agencyA.id } : role === "REVIEWER" ? { reviewerLevel: "PROVINCIAL_POLICE" } : {});
    const c = await communes([["C", "Xã Cường", "Xã", ""]]);
    const a = await authorities([caXa("CA-A", "Công an xã An")]);
    await expect(commitCommuneImport(t.prisma, actor, file(c), sha256Of(c))).rejects.toThrow(ForbiddenError);
    await expect(previewCommuneImport(t.prisma, actor, file(c))).rejects.toThrow(ForbiddenError);
    await expect(communeWorkbook(t.prisma, actor, true)).rejects.toThrow(ForbiddenError);
    await expect(commitAuthorityImport(t.prisma, actor, file(a), sha256Of(a))).rejects.toThrow(ForbiddenError);
    await expect(authorityWorkbook(t.prisma, actor, true)).rejects.toThrow(ForbiddenError);
    expect(await t.prisma.administrativeArea.count({ where: { code: "C" } })).toBe(0);
    expect(await t.prisma.authority.count({ where: { code: "CA-A" } })).toBe(0);
  });
});

function post(path: string, params: Parameters<typeof importUrl>[1], bytes: Uint8Array, length = bytes.byteLength) {
  const headers = new Headers({ host: "antt.test", "content-type": "application/octet-stream", "content-length": String(length) });
  return new Request(`http://antt.test${importUrl(path, params)}`, { method: "POST", headers, body: bytes, duplex: "half" } as RequestInit);
}

describe("the communes and authorities import routes", () => {
  it("preview then commit through the route; the problems workbook is an attachment", async () => {
    const { admin } = await setup();
    const deps = { prisma: t.prisma, loadActor: async () => admin };
    const path = IMPORT_LISTS.communes.importPath;
    const bytes = await communes([["C", "Xã Cường", "Xã", ""]]);
    const preview = await receiveCommuneImport(post(path, { mode: "preview", fileName: "xa.xlsx" }, bytes), deps);
    const body = (await preview.json()) as { ok: true; data: { sha256: string; counts: { add: number } } };
    expect(body.data.counts.add).toBe(1);
    const commit = await receiveCommuneImport(post(path, { mode: "commit", fileName: "xa.xlsx", sha256: body.data.sha256 }, bytes), deps);
    expect(await commit.json()).toMatchObject({ ok: true, data: { added: 1 } });
    const problems = await receiveAuthorityImport(post(IMPORT_LISTS.authorities.importPath, { mode: "problems", fileName: "cq.xlsx" }, await authorities([caXa("CA-X", "X", "ZZZ")])), deps);
    expect(problems.status).toBe(200);
    expect(problems.headers.get("Content-Disposition")).toContain("loi-nhap-co-quan.xlsx");
  });

  it("refuses too large, no session, not an administrator; downloads are for administrators only", async () => {
    const { world, admin } = await setup();
    const officer = await makeUser(t.prisma, "canbo", "UNIT_OFFICER", { unitId: world.agencyA.id });
    const bytes = await communes([["C", "Xã Cường", "Xã", ""]]);
    const path = IMPORT_LISTS.communes.importPath;
    expect((await receiveCommuneImport(post(path, { mode: "preview", fileName: "xa.xlsx" }, bytes, 51 * 1024 * 1024), { prisma: t.prisma, loadActor: async () => admin })).status).toBe(413);
    expect((await receiveCommuneImport(post(path, { mode: "preview", fileName: "xa.xlsx" }, bytes), { prisma: t.prisma, loadActor: async () => null })).status).toBe(401);
    expect((await receiveAuthorityImport(post(path, { mode: "preview", fileName: "xa.xlsx" }, bytes), { prisma: t.prisma, loadActor: async () => officer })).status).toBe(403);
    for (const download of [communeWorkbookDownload, authorityWorkbookDownload]) {
      const template = await download({ prisma: t.prisma, loadActor: async () => admin }, false);
      expect(template.status).toBe(200);
      expect(template.headers.get("Content-Disposition")).toMatch(/mau-nhap-/);
      expect((await download({ prisma: t.prisma, loadActor: async () => officer }, true)).status).toBe(403);
      expect((await download({ prisma: t.prisma, loadActor: async () => null }, true)).status).toBe(401);
    }
    expect(await t.prisma.administrativeArea.count({ where: { code: "C" } })).toBe(0);
  });
});
