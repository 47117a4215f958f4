/**
 * The accounts import on a real database (PGlite, and PostgreSQL with TEST_DATABASE_URL): preview
 * writes nothing; commit writes every row or none with one audit event carrying the SHA-256; new
 * accounts get hashed one-time passwords that must be replaced; existing accounts are updated
 * without touching their password, and lose their sessions when role, scope or state change;
 * no ADMIN is created or touched; the same file twice changes nothing; only administrators.
 */
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { accountWorkbook, commitAccountImport, previewAccountImport, accountImportProblemsWorkbook, ACCOUNT_OUTCOME_MESSAGES, sha256Of } from "../../lib/users/import-accounts";
import { ACCOUNT_IMPORT_MESSAGES } from "../../lib/users/import/plan-accounts";
import { ACCOUNT_HEADERS } from "../../lib/users/import/account-columns";
import { accountsImportUrl } from "../../lib/users/import/account-import-paths";
import { receiveAccountImport, accountWorkbookDownload } from "../../app/api/users/receive-account-import";
import { authenticate } from "../../lib/users/authenticate";
import { loadSessionState } from "../../lib/users/load-actor";
import { verifyPassword } from "../../lib/auth/password";
import { ForbiddenError } from "../../lib/auth/permissions";
import { FORBIDDEN_MESSAGE } from "../../lib/validation/run-action";
import { makeUser, makeWorld, TEST_PASSWORD } from "./fixtures";
import { setupTestDatabase } from "./test-db";

const t = setupTestDatabase();

// Tên đăng nhập, Họ và tên, Vai trò, Mã đơn vị, Mã xã, Cấp thẩm định, Trạng thái
async function xlsxOf(rows: string[][]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet("Tài khoản");
  sheet.addRow(ACCOUNT_HEADERS);
  for (const r of rows) sheet.addRow(r);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
const officer = (username: string, unitCode: string, name = "Nguyễn Văn An") => [username, name, "Cán bộ đơn vị", unitCode, "", "", ""];
const reviewer = (username: string, communeCode: string) => [username, "Công an xã", "Cán bộ thẩm định", "", communeCode, "Công an xã, phường, đặc khu", ""];
const file = (bytes: Uint8Array, fileName = "Tài khoản.xlsx") => ({ bytes, fileName });

async function setup() {
  const world = await makeWorld(t.prisma);
  const admin = await makeUser(t.prisma, "quantri", "ADMIN");
  return { world, admin };
}

async function commit(admin: Parameters<typeof commitAccountImport>[1], bytes: Uint8Array) {
  const outcome = await commitAccountImport(t.prisma, admin, file(bytes), sha256Of(bytes));
  if (!outcome.ok) throw new Error(outcome.message + JSON.stringify(outcome.preview?.problems));
  return outcome.data;
}

async function signInState(username: string, password: string) {
  const s = await authenticate(t.prisma, { username, password });
  if (!s.ok) throw new Error(`sign-in refused for ${username}`);
  return () => loadSessionState(t.prisma, s.userId, s.sessionVersion, s.sessionId);
}

describe("accounts import (use-cases)", () => {
  it("preview counts add / update / leave and writes nothing", async () => {
    const { admin } = await setup();
    await makeUser(t.prisma, "cb.a", "UNIT_OFFICER", { unitId: (await t.prisma.unit.findUniqueOrThrow({ where: { code: "CQ-A" } })).id });
    const bytes = await xlsxOf([officer("cb.moi", "KDC-A1"), officer("cb.a", "CQ-A", "Người dùng cb.a"), officer("CB.A2", "CQ-B")]);
    const before = await t.prisma.user.count();
    const outcome = await previewAccountImport(t.prisma, admin, file(bytes));
    if (!outcome.ok) throw new Error(outcome.message);
    expect(outcome.data.counts).toEqual({ add: 2, update: 0, unchanged: 1, problems: 0, revokesSessions: 0 });
    expect(outcome.data.changes.map((c) => [c.rowNumber, c.code, c.action])).toEqual([[2, "cb.moi", "add"], [4, "cb.a2", "add"]]);
    expect(await t.prisma.user.count()).toBe(before);
    expect(await t.prisma.auditEvent.count()).toBe(0);
  });

  it("creates accounts with hashed one-time passwords that must be replaced, one audit event with the SHA-256; the same file again changes nothing", async () => {
    const { world, admin } = await setup();
    const bytes = await xlsxOf([officer("cb.moi", "KDC-A1"), reviewer("ca.b", "B"), ["cbxa.a", "Lê Thị Bình", "Cán bộ đơn vị", "", "A", "", "Hoạt động"], ["lanhdao.moi", "Trần Văn C", "Lãnh đạo", "", "", "", ""]]);
    const result = await commit(admin, bytes);
    expect([result.added, result.updated, result.unchanged]).toEqual([4, 0, 0]);
    expect(result.accounts.map((a) => [a.username, a.scopeName])).toEqual([
      ["cb.moi", "Đơn vị KDC-A1"],
      ["ca.b", "Phường Bình"],
      ["cbxa.a", "Xã An"],
      ["lanhdao.moi", "Toàn tỉnh"],
    ]);
    const created = await t.prisma.user.findMany({ where: { username: { in: result.accounts.map((a) => a.username) } }, orderBy: { username: "asc" } });
    expect(created.map((u) => [u.username, u.role, u.unitId, u.areaId, u.reviewerLevel, u.mustChangePassword])).toEqual([
      ["ca.b", "REVIEWER", null, world.communeB.id, "COMMUNE_POLICE", true],
      ["cb.moi", "UNIT_OFFICER", world.kdcA.id, null, null, true],
      ["cbxa.a", "UNIT_OFFICER", null, world.communeA.id, null, true],
      ["lanhdao.moi", "LEADER", null, null, null, true],
    ]);
    for (const a of result.accounts) {
      const user = created.find((u) => u.username === a.username)!;
      // Never in clear: only a scrypt hash that the one-time password verifies against.
      expect(user.passwordHash).not.toContain(a.oneTimePassword);
      expect(await verifyPassword(a.oneTimePassword, user.passwordHash)).toBe(true);
      expect((await (await signInState(a.username, a.oneTimePassword))())?.kind).toBe("mustChangePassword");
    }
    const events = await t.prisma.auditEvent.findMany({ where: { action: "user.accounts.imported" } });
    expect(events).toHaveLength(1);
    expect(events[0]!.meta).toMatchObject({ sha256: sha256Of(bytes), added: 4, updated: 0, addedUsernames: ["cb.moi", "ca.b", "cbxa.a", "lanhdao.moi"] });
    const everything = JSON.stringify(await t.prisma.auditEvent.findMany(), (_k, v: unknown) => (typeof v === "bigint" ? String(v) : v));
    for (const a of result.accounts) expect(everything).not.toContain(a.oneTimePassword);

    // The workbook to hand over lists the same passwords.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(result.workbookBase64!, "base64") as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet("Tài khoản")!;
    expect([2, 3, 4, 5].map((r) => [sheet.getCell(r, 2).value, sheet.getCell(r, 3).value])).toEqual(result.accounts.map((a) => [a.username, a.oneTimePassword]));

    // The same file again: nothing written, no new password, no event.
    const hashes = created.map((u) => u.passwordHash);
    const again = await commit(admin, bytes);
    expect(again).toMatchObject({ added: 0, updated: 0, unchanged: 4, accounts: [], workbookBase64: null });
    expect((await t.prisma.user.findMany({ where: { username: { in: created.map((u) => u.username) } }, orderBy: { username: "asc" } })).map((u) => u.passwordHash)).toEqual(hashes);
    expect(await t.prisma.auditEvent.count({ where: { action: "user.accounts.imported" } })).toBe(1);
  });

  it("updates existing accounts without touching their password; role, scope or state changes end their sessions, a name change does not", async () => {
    const { world, admin } = await setup();
    await makeUser(t.prisma, "doiten", "UNIT_OFFICER", { unitId: world.agencyA.id });
    await makeUser(t.prisma, "doiphamvi", "UNIT_OFFICER", { unitId: world.agencyA.id });
    await makeUser(t.prisma, "khoa", "REVIEWER", { areaId: world.communeA.id, reviewerLevel: "COMMUNE_POLICE" });
    const sessions = { doiten: await signInState("doiten", TEST_PASSWORD), doiphamvi: await signInState("doiphamvi", TEST_PASSWORD), khoa: await signInState("khoa", TEST_PASSWORD) };
    const before = await t.prisma.user.findMany({ orderBy: { username: "asc" }, select: { username: true, passwordHash: true, mustChangePassword: true } });

    const bytes = await xlsxOf([officer("doiten", "CQ-A", "Tên Mới Hẳn"), officer("doiphamvi", "CQ-B", "Người dùng doiphamvi"), ["khoa", "Người dùng khoa", "Cán bộ thẩm định", "", "A", "Công an xã, phường, đặc khu", "Đã khóa"]]);
    const preview = await previewAccountImport(t.prisma, admin, file(bytes));
    expect(preview.ok && preview.data.counts).toEqual({ add: 0, update: 3, unchanged: 0, problems: 0, revokesSessions: 2 });
    const result = await commit(admin, bytes);
    expect([result.added, result.updated, result.accounts]).toEqual([0, 3, []]);

    expect((await sessions.doiten())?.kind).toBe("actor");
    expect(await sessions.doiphamvi()).toBeNull();
    expect(await sessions.khoa()).toBeNull();
    const after = await t.prisma.user.findMany({ orderBy: { username: "asc" }, select: { username: true, passwordHash: true, mustChangePassword: true } });
    expect(after).toEqual(before);
    expect(await t.prisma.user.findUniqueOrThrow({ where: { username: "doiten" } })).toMatchObject({ fullName: "Tên Mới Hẳn", unitId: world.agencyA.id });
    expect(await t.prisma.user.findUniqueOrThrow({ where: { username: "doiphamvi" } })).toMatchObject({ unitId: world.agencyB.id });
    expect(await t.prisma.user.findUniqueOrThrow({ where: { username: "khoa" } })).toMatchObject({ isActive: false });
    const event = await t.prisma.auditEvent.findFirstOrThrow({ where: { action: "user.accounts.imported" } });
    expect(event.meta).toMatchObject({ updated: 3, sessionsRevoked: 2, revokedUsernames: ["doiphamvi", "khoa"] });
  });

  it("never creates, grants or touches an ADMIN account; a refused file writes nothing", async () => {
    const { admin } = await setup();
    const rows = [officer("cb.moi", "KDC-A1"), ["quantri2", "Ai Đó", "Quản trị hệ thống", "", "", "", ""], ["quantri", "Người dùng quantri", "Lãnh đạo", "", "", "", ""]];
    const bytes = await xlsxOf(rows);
    const preview = await previewAccountImport(t.prisma, admin, file(bytes));
    expect(preview.ok && preview.data.problems).toEqual([
      { row: 3, column: "Vai trò", message: ACCOUNT_IMPORT_MESSAGES.adminRole },
      { row: 4, column: "Tên đăng nhập", message: ACCOUNT_IMPORT_MESSAGES.adminAccount("quantri") },
    ]);
    const outcome = await commitAccountImport(t.prisma, admin, file(bytes), sha256Of(bytes));
    expect(outcome).toMatchObject({ ok: false, message: ACCOUNT_OUTCOME_MESSAGES.hasProblems, preview: { counts: { problems: 2 } } });
    expect(await t.prisma.user.count()).toBe(1);
    expect(await t.prisma.user.findUniqueOrThrow({ where: { username: "quantri" } })).toMatchObject({ role: "ADMIN", sessionVersion: 1 });
    expect(await t.prisma.auditEvent.count()).toBe(0);
  });

  it("all or none: one bad row (unknown unit, deactivated commune, duplicate) stops every row; the problems workbook marks the cells", async () => {
    const { world, admin } = await setup();
    await t.prisma.administrativeArea.update({ where: { id: world.communeB.id }, data: { isActive: false } });
    const bytes = await xlsxOf([officer("cb.moi", "KDC-A1"), officer("cb.sai", "KDC-404"), reviewer("ca.b", "B"), officer("CB.MOI", "CQ-A")]);
    const outcome = await commitAccountImport(t.prisma, admin, file(bytes), sha256Of(bytes));
    expect(outcome.ok).toBe(false);
    expect(!outcome.ok && outcome.preview?.problems.map((p) => [p.row, p.column, p.message])).toEqual([
      [3, "Mã đơn vị", "Không tìm thấy đơn vị có mã “KDC-404”."],
      [4, "Mã xã", "Xã, phường “B” đã ngừng hoạt động; không thể giao tài khoản cho xã này."],
      [5, "Tên đăng nhập", "Tên đăng nhập “cb.moi” trùng với dòng 2."],
    ]);
    expect(await t.prisma.user.count()).toBe(1);
    const problems = await accountImportProblemsWorkbook(t.prisma, admin, file(bytes));
    if (!problems.ok) throw new Error(problems.message);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(problems.data.buffer as ArrayBuffer);
    expect(wb.getWorksheet("Tài khoản")!.getCell("D3").note).toBeTruthy();
    expect(wb.getWorksheet("Lỗi")!.rowCount).toBe(4);
  });

  it("a CSV (UTF-8, semicolons) reads the same as a workbook", async () => {
    const { admin } = await setup();
    const csv = new TextEncoder().encode(`\uFEFF${ACCOUNT_HEADERS.join(";")}\ncb.csv;Phạm Thị Dung;Cán bộ đơn vị;CQ-B;;;Hoạt động\n`);
    const outcome = await previewAccountImport(t.prisma, admin, file(csv, "tai-khoan.csv"));
    expect(outcome.ok && outcome.data.counts).toEqual({ add: 1, update: 0, unchanged: 0, problems: 0, revokesSessions: 0 });
  });

  it("an account created by someone else after the passwords were prepared: nothing written, preview again", async () => {
    const { admin } = await setup();
    const bytes = await xlsxOf([officer("cb.moi", "KDC-A1"), officer("cb.khac", "CQ-B")]);
    // The commit hashes the new accounts' passwords, then opens its transaction: "cb.moi" is
    // created in between, as another admin would.
    const racing = new Proxy(t.prisma, {
      get(target, prop, receiver) {
        if (prop !== "$transaction") return Reflect.get(target, prop, receiver);
        return async (...args: Parameters<typeof target.$transaction>) => {
          await makeUser(target, "cb.moi", "LEADER");
          return (target.$transaction as (...a: unknown[]) => unknown)(...args);
        };
      },
    });
    expect(await commitAccountImport(racing, admin, file(bytes), sha256Of(bytes))).toEqual({ ok: false, message: ACCOUNT_OUTCOME_MESSAGES.changedMeanwhile });
    expect(await t.prisma.user.findUniqueOrThrow({ where: { username: "cb.moi" } })).toMatchObject({ role: "LEADER", mustChangePassword: false });
    expect(await t.prisma.user.count({ where: { username: "cb.khac" } })).toBe(0);
    expect(await t.prisma.auditEvent.count()).toBe(0);
  });

  it("only administrators; a different file than the preview's is refused", async () => {
    const { admin } = await setup();
    const leader = await makeUser(t.prisma, "lanhdao", "LEADER");
    const bytes = await xlsxOf([officer("cb.moi", "KDC-A1")]);
    await expect(previewAccountImport(t.prisma, leader, file(bytes))).rejects.toThrow(ForbiddenError);
    await expect(commitAccountImport(t.prisma, leader, file(bytes), sha256Of(bytes))).rejects.toThrow(ForbiddenError);
    await expect(accountWorkbook(t.prisma, null, true)).rejects.toThrow(ForbiddenError);
    expect(await commitAccountImport(t.prisma, admin, file(bytes), "0".repeat(64))).toEqual({ ok: false, message: ACCOUNT_OUTCOME_MESSAGES.otherFile });
    expect(await t.prisma.user.count()).toBe(2);
  });

  it("the export re-imports as no change, lists no administrator and no password or hash", async () => {
    const { world, admin } = await setup();
    await makeUser(t.prisma, "cb.a", "UNIT_OFFICER", { unitId: world.agencyA.id });
    await makeUser(t.prisma, "ca.a", "REVIEWER", { areaId: world.communeA.id, reviewerLevel: "COMMUNE_POLICE" });
    await makeUser(t.prisma, "ca.tinh", "REVIEWER", { reviewerLevel: "PROVINCIAL_POLICE" });
    await makeUser(t.prisma, "lanhdao", "LEADER");
    const bytes = await accountWorkbook(t.prisma, admin, true);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes.buffer as ArrayBuffer);
    const sheet = wb.getWorksheet("Tài khoản")!;
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(ACCOUNT_HEADERS);
    expect(sheet.getColumn(1).values.slice(2)).toEqual(["ca.a", "ca.tinh", "cb.a", "lanhdao"]);
    const text = JSON.stringify(wb.worksheets.map((s) => s.getSheetValues()));
    expect(text).not.toContain("scrypt$");
    expect(text).not.toContain("quantri");
    const outcome = await previewAccountImport(t.prisma, admin, file(bytes));
    expect(outcome.ok && outcome.data.counts).toEqual({ add: 0, update: 0, unchanged: 4, problems: 0, revokesSessions: 0 });
  });
});

function post(params: Parameters<typeof accountsImportUrl>[0], bytes: Uint8Array, length: number = bytes.byteLength) {
  let pulled = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      pulled++;
      controller.enqueue(bytes);
      controller.close();
    },
  }, { highWaterMark: 0 });
  const headers = new Headers({ host: "antt.test", "content-type": "application/octet-stream", "content-length": String(length) });
  const request = new Request(`http://antt.test${accountsImportUrl(params)}`, { method: "POST", headers, body, duplex: "half" } as RequestInit);
  return { request, pulled: () => pulled };
}

describe("the accounts import route", () => {
  it("preview then commit through the route; the answer is never cached", async () => {
    const { admin } = await setup();
    const deps = { prisma: t.prisma, loadActor: async () => admin };
    const bytes = await xlsxOf([officer("cb.moi", "KDC-A1")]);
    const preview = await receiveAccountImport(post({ mode: "preview", fileName: "a.xlsx" }, bytes).request, deps);
    expect(preview.status).toBe(200);
    const body = (await preview.json()) as { data: { sha256: string; counts: { add: number } } };
    expect(body.data.counts.add).toBe(1);
    const commit = await receiveAccountImport(post({ mode: "commit", fileName: "a.xlsx", sha256: body.data.sha256 }, bytes).request, deps);
    expect(commit.headers.get("cache-control")).toBe("no-store");
    expect(await commit.json()).toMatchObject({ ok: true, data: { added: 1, accounts: [{ username: "cb.moi" }] } });
  });

  it("refuses a non-administrator or no session before reading the body; downloads likewise", async () => {
    const { world, admin } = await setup();
    const reviewerActor = await makeUser(t.prisma, "ca", "REVIEWER", { reviewerLevel: "PROVINCIAL_POLICE" });
    const bytes = await xlsxOf([officer("cb.moi", "KDC-A1")]);
    for (const [actor, status] of [[reviewerActor, 403], [null, 401]] as const) {
      const { request, pulled } = post({ mode: "preview", fileName: "a.xlsx" }, bytes);
      const response = await receiveAccountImport(request, { prisma: t.prisma, loadActor: async () => actor });
      expect(response.status).toBe(status);
      if (status === 403) expect(((await response.json()) as { message: string }).message).toBe(FORBIDDEN_MESSAGE);
      expect(pulled()).toBe(0);
    }
    const officerActor = await makeUser(t.prisma, "cb", "UNIT_OFFICER", { unitId: world.agencyA.id });
    expect((await accountWorkbookDownload({ prisma: t.prisma, loadActor: async () => admin }, false)).status).toBe(200);
    expect((await accountWorkbookDownload({ prisma: t.prisma, loadActor: async () => officerActor }, true)).status).toBe(403);
    expect((await accountWorkbookDownload({ prisma: t.prisma, loadActor: async () => null }, true)).status).toBe(401);
    expect(await t.prisma.user.count({ where: { username: "cb.moi" } })).toBe(0);
  });
});
