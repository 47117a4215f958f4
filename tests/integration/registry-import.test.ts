/**
 * The units import on a real database (PGlite, and PostgreSQL with TEST_DATABASE_URL): preview
 * writes nothing; commit writes every row or none, with one audit event carrying the SHA-256;
 * the same file twice changes nothing; only administrators; the route refuses before reading.
 */
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { commitUnitImport, IMPORT_OUTCOME_MESSAGES, previewUnitImport, sha256Of, unitImportProblemsWorkbook, unitWorkbook } from "../../lib/registry/import-units";
import { receiveUnitImport, unitWorkbookDownload } from "../../app/api/registry/units/receive-import";
import { unitsImportUrl, MAX_IMPORT_UPLOAD_BYTES, IMPORT_TOO_LARGE_MESSAGE } from "../../lib/registry/import/import-rules";
import { UNIT_HEADERS } from "../../lib/registry/import/unit-columns";
import { ForbiddenError } from "../../lib/auth/permissions";
import { FORBIDDEN_MESSAGE } from "../../lib/validation/run-action";
import type { Actor } from "../../lib/auth/actor";
import { makeUser, makeWorld } from "./fixtures";
import { setupTestDatabase } from "./test-db";

const t = setupTestDatabase();

/** A units workbook from rows of cells in the template's column order. */
async function xlsxOf(rows: string[][]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet("Đơn vị");
  sheet.addRow(UNIT_HEADERS);
  for (const r of rows) sheet.addRow(r);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
// Mã, Tên, Loại, Xã, Cơ quan, Lĩnh vực, Loại KDC, Cấp học, Lý do, Đảng, Bảo vệ, Địa chỉ, Theo dõi
const row = (code: string, name: string, commune = "Xã An", kind = "Khu dân cư") => [code, name, kind, commune, "UBND", "", "Thôn", "", "", "", "", "", ""];

async function setup() {
  const world = await makeWorld(t.prisma);
  const admin = await makeUser(t.prisma, "quantri", "ADMIN");
  return { world, admin };
}

const file = (bytes: Uint8Array, fileName = "Đơn vị mới.xlsx") => ({ bytes, fileName });

describe("units import (use-cases)", () => {
  it("preview counts add / update / leave and writes nothing", async () => {
    const { admin } = await setup();
    const bytes = await xlsxOf([row("KDC-A9", "Thôn Mới"), row("KDC-A1", "Đơn vị KDC-A1"), ["KDC-B1", "Thôn Bình Đổi Tên", "Khu dân cư", "B", "UBND tỉnh", "", "", "", "", "Có", "Không", "", "Có"]]);
    const before = await t.prisma.unit.count();
    const outcome = await previewUnitImport(t.prisma, admin, file(bytes));
    if (!outcome.ok) throw new Error(outcome.message);
    expect(outcome.data.counts).toEqual({ add: 1, update: 2, unchanged: 0, problems: 0 });
    expect(outcome.data.sha256).toBe(sha256Of(bytes));
    expect(outcome.data.changes.map((c) => [c.rowNumber, c.code, c.action])).toEqual([[2, "KDC-A9", "add"], [3, "KDC-A1", "update"], [4, "KDC-B1", "update"]]);
    expect(outcome.data.changes[1]?.changed).toEqual(["Loại khu dân cư"]);
    expect(await t.prisma.unit.count()).toBe(before);
    expect(await t.prisma.auditEvent.count()).toBe(0);
  });

  it("commit writes all rows with one audit event carrying the SHA-256; the same file again changes nothing", async () => {
    const { world, admin } = await setup();
    const bytes = await xlsxOf([row("KDC-A9", "Thôn Mới"), row("KDC-A1", "Thôn Một Đổi Tên"), row("CQ-NEW", "Văn phòng mới", "B", "Cơ quan")]);
    const sha256 = sha256Of(bytes);
    const first = await commitUnitImport(t.prisma, admin, file(bytes), sha256);
    expect(first).toEqual({ ok: true, data: { sha256, added: 2, updated: 1, unchanged: 0 } });
    const added = await t.prisma.unit.findUniqueOrThrow({ where: { code: "KDC-A9" } });
    expect(added).toMatchObject({ name: "Thôn Mới", kind: "KDC", communeId: world.communeA.id, residentialAreaType: "THON", hasPartyOrganisation: true, hasSecurityForce: false, isActive: true, version: 1 });
    expect(await t.prisma.unit.findUniqueOrThrow({ where: { code: "KDC-A1" } })).toMatchObject({ name: "Thôn Một Đổi Tên", version: 2 });
    const events = await t.prisma.auditEvent.findMany({ where: { action: "registry.units.imported" } });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ actorId: admin.userId, entityType: "Unit" });
    expect(events[0]?.meta).toMatchObject({ fileName: "Đơn vị mới.xlsx", sha256, rows: 3, added: 2, updated: 1, unchanged: 0, addedCodes: ["KDC-A9", "CQ-NEW"], updatedCodes: ["KDC-A1"], codesTruncated: false });

    const snapshot = await t.prisma.unit.findMany({ orderBy: { code: "asc" } });
    const second = await commitUnitImport(t.prisma, admin, file(bytes), sha256);
    expect(second).toEqual({ ok: true, data: { sha256, added: 0, updated: 0, unchanged: 3 } });
    expect(await t.prisma.unit.findMany({ orderBy: { code: "asc" } })).toEqual(snapshot);
    expect(await t.prisma.auditEvent.count()).toBe(1);
  });

  it("one bad row writes nothing: the outcome carries the problems", async () => {
    const { admin } = await setup();
    const bytes = await xlsxOf([row("KDC-A9", "Thôn Mới"), row("KDC-A8", "Thôn Khác", "Xã Không Có"), row("KDC-A1", "Thôn Một Đổi Tên")]);
    const before = await t.prisma.unit.findMany({ orderBy: { code: "asc" } });
    const outcome = await commitUnitImport(t.prisma, admin, file(bytes), sha256Of(bytes));
    expect(outcome).toMatchObject({ ok: false, message: IMPORT_OUTCOME_MESSAGES.hasProblems });
    expect(!outcome.ok && outcome.preview?.problems).toEqual([{ row: 3, column: "Xã, phường", message: "Không tìm thấy xã, phường “Xã Không Có” (theo mã hoặc tên)." }]);
    expect(await t.prisma.unit.findMany({ orderBy: { code: "asc" } })).toEqual(before);
    expect(await t.prisma.auditEvent.count()).toBe(0);
  });

  it("a unit that gets the same name meanwhile is caught at commit (planned again in the transaction)", async () => {
    const { world, admin } = await setup();
    const bytes = await xlsxOf([row("KDC-A9", "Thôn Mới")]);
    expect((await previewUnitImport(t.prisma, admin, file(bytes))).ok).toBe(true);
    const ubnd = await t.prisma.authority.findFirstOrThrow();
    await t.prisma.unit.create({ data: { code: "KDC-X", name: "THÔN MỚI", kind: "KDC", communeId: world.communeA.id, managingAuthorityId: ubnd.id } });
    const outcome = await commitUnitImport(t.prisma, admin, file(bytes), sha256Of(bytes));
    expect(!outcome.ok && outcome.preview?.problems[0]?.message).toBe("Tên “Thôn Mới” trùng với đơn vị mã “KDC-X” đã có trong cùng xã, phường (không phân biệt chữ hoa, chữ thường và dấu).");
    expect(await t.prisma.unit.count({ where: { code: "KDC-A9" } })).toBe(0);
  });

  it("a CSV saved by Excel (UTF-8 with BOM, ';' separated) commits like the workbook", async () => {
    const { world, admin } = await setup();
    const quote = (v: string) => (/[;"\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
    const lines = [UNIT_HEADERS, row("KDC-A9", "Thôn Mới; Bản Cũ"), row("KDC-B9", "Tổ dân phố 9", "B")].map((r) => r.map(quote).join(";"));
    const bytes = new TextEncoder().encode(`\uFEFF${lines.join("\r\n")}\r\n`);
    const outcome = await commitUnitImport(t.prisma, admin, file(bytes, "don-vi.csv"), sha256Of(bytes));
    expect(outcome).toMatchObject({ ok: true, data: { added: 2 } });
    expect(await t.prisma.unit.findUniqueOrThrow({ where: { code: "KDC-A9" } })).toMatchObject({ name: "Thôn Mới; Bản Cũ", communeId: world.communeA.id });
    expect(await t.prisma.unit.findUniqueOrThrow({ where: { code: "KDC-B9" } })).toMatchObject({ communeId: world.communeB.id });
  });

  it("a file other than the one previewed is refused", async () => {
    const { admin } = await setup();
    const bytes = await xlsxOf([row("KDC-A9", "Thôn Mới")]);
    expect(await commitUnitImport(t.prisma, admin, file(bytes), "0".repeat(64))).toEqual({ ok: false, message: IMPORT_OUTCOME_MESSAGES.otherFile });
    expect(await t.prisma.unit.count({ where: { code: "KDC-A9" } })).toBe(0);
  });

  it("export → import round-trips: every unit unchanged", async () => {
    const { admin } = await setup();
    await t.prisma.unit.update({ where: { code: "CQ-A" }, data: { sector: "STATE_ADMINISTRATION", address: "Số 1, đường Trần Phú", hasSecurityForce: true, isActive: false } });
    const exported = await unitWorkbook(t.prisma, admin, true);
    const outcome = await previewUnitImport(t.prisma, admin, file(exported, "Danh sách đơn vị.xlsx"));
    if (!outcome.ok) throw new Error(outcome.message);
    expect(outcome.data.counts).toEqual({ add: 0, update: 0, unchanged: 5, problems: 0 });
  });

  it("the problems workbook marks the bad cells", async () => {
    const { admin } = await setup();
    const bytes = await xlsxOf([row("KDC-A9", "Thôn Mới", "Xã Không Có")]);
    const outcome = await unitImportProblemsWorkbook(t.prisma, admin, file(bytes));
    if (!outcome.ok) throw new Error(outcome.message);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(outcome.data) as unknown as ArrayBuffer);
    expect(wb.getWorksheet("Đơn vị")!.getCell("D2").fill).toMatchObject({ fgColor: { argb: "FFFFC7CE" } });
  });

  it.each(["LEADER", "REVIEWER", "UNIT_OFFICER"] as const)("a %s is refused and nothing is written", async (role) => {
    const { world } = await setup();
    const actor: Actor = await makeUser(t.prisma, "khongphaiadmin", role, role === "UNIT_OFFICER" ? { unitId: world.agencyA.id } : role === "REVIEWER" ? { reviewerLevel: "PROVINCIAL_POLICE" } : {});
    const bytes = await xlsxOf([row("KDC-A9", "Thôn Mới")]);
    await expect(commitUnitImport(t.prisma, actor, file(bytes), sha256Of(bytes))).rejects.toThrow(ForbiddenError);
    await expect(previewUnitImport(t.prisma, actor, file(bytes))).rejects.toThrow(ForbiddenError);
    await expect(unitWorkbook(t.prisma, actor, true)).rejects.toThrow(ForbiddenError);
    expect(await t.prisma.unit.count({ where: { code: "KDC-A9" } })).toBe(0);
    expect(await t.prisma.auditEvent.count()).toBe(0);
  });
});

/** A body that records whether anyone read it. */
function watchedBody(bytes: Uint8Array) {
  const state = { pulled: 0 };
  let done = false;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      state.pulled++;
      if (done) return controller.close();
      controller.enqueue(bytes);
      done = true;
    },
  }, { highWaterMark: 0 });
  return { body, state };
}

function post(params: Parameters<typeof unitsImportUrl>[0], bytes: Uint8Array, length: number = bytes.byteLength) {
  const { body, state } = watchedBody(bytes);
  const headers = new Headers({ host: "antt.test", "content-type": "application/octet-stream", "content-length": String(length) });
  const request = new Request(`http://antt.test${unitsImportUrl(params)}`, { method: "POST", headers, body, duplex: "half" } as RequestInit);
  return { request, state };
}

describe("the import route", () => {
  it("preview then commit through the route", async () => {
    const { admin } = await setup();
    const deps = { prisma: t.prisma, loadActor: async () => admin };
    const bytes = await xlsxOf([row("KDC-A9", "Thôn Mới")]);
    const preview = await receiveUnitImport(post({ mode: "preview", fileName: "a.xlsx" }, bytes).request, deps);
    expect(preview.status).toBe(200);
    const body = (await preview.json()) as { ok: true; data: { sha256: string; counts: { add: number } } };
    expect(body.data.counts.add).toBe(1);
    const commit = await receiveUnitImport(post({ mode: "commit", fileName: "a.xlsx", sha256: body.data.sha256 }, bytes).request, deps);
    expect(await commit.json()).toMatchObject({ ok: true, data: { added: 1 } });
  });

  it("refuses before reading the body: too large, no session, not an administrator, bad parameters", async () => {
    const { world, admin } = await setup();
    const officer = await makeUser(t.prisma, "canbo", "UNIT_OFFICER", { unitId: world.agencyA.id });
    const bytes = await xlsxOf([row("KDC-A9", "Thôn Mới")]);
    const cases: [ReturnType<typeof post>, Actor | null, number, string][] = [
      [post({ mode: "preview", fileName: "a.xlsx" }, bytes, MAX_IMPORT_UPLOAD_BYTES + 1), admin, 413, IMPORT_TOO_LARGE_MESSAGE],
      [post({ mode: "preview", fileName: "a.xlsx" }, bytes), null, 401, "Phiên đăng nhập đã hết hạn; vui lòng đăng nhập lại."],
      [post({ mode: "commit", fileName: "a.xlsx", sha256: "0".repeat(64) }, bytes), officer, 403, FORBIDDEN_MESSAGE],
      [post({ mode: "commit", fileName: "a.xlsx" }, bytes), admin, 400, "Dữ liệu chưa hợp lệ, vui lòng kiểm tra các trường được đánh dấu."],
    ];
    for (const [{ request, state }, actor, status, message] of cases) {
      const response = await receiveUnitImport(request, { prisma: t.prisma, loadActor: async () => actor });
      expect(response.status).toBe(status);
      expect(((await response.json()) as { message: string }).message).toBe(message);
      expect(state.pulled).toBe(0);
    }
    expect(await t.prisma.unit.count({ where: { code: "KDC-A9" } })).toBe(0);
  });

  it("a renamed file gets its message as 422", async () => {
    const { admin } = await setup();
    const response = await receiveUnitImport(post({ mode: "preview", fileName: "a.xlsx" }, new TextEncoder().encode("%PDF-1.4\n")).request, { prisma: t.prisma, loadActor: async () => admin });
    expect(response.status).toBe(422);
    expect(((await response.json()) as { message: string }).message).toMatch(/không phải bảng tính Excel/);
  });

  it("template and export downloads: administrators only", async () => {
    const { world, admin } = await setup();
    const officer = await makeUser(t.prisma, "canbo", "UNIT_OFFICER", { unitId: world.agencyA.id });
    const build = (prisma: typeof t.prisma, actor: Actor) => unitWorkbook(prisma, actor, false);
    expect((await unitWorkbookDownload({ prisma: t.prisma, loadActor: async () => admin }, false, build)).status).toBe(200);
    expect((await unitWorkbookDownload({ prisma: t.prisma, loadActor: async () => officer }, false, build)).status).toBe(403);
    expect((await unitWorkbookDownload({ prisma: t.prisma, loadActor: async () => null }, false, build)).status).toBe(401);
  });
});
