import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { authenticate } from "../../lib/users/authenticate";
import { loadSessionState } from "../../lib/users/load-actor";
import { createAccountsInBulk, previewBulkAccounts } from "../../lib/users/bulk-accounts";
import { ForbiddenError } from "../../lib/auth/permissions";
import { makeUser, makeWorld } from "./fixtures";
import { setupTestDatabase } from "./test-db";

const t = setupTestDatabase();

describe("accounts in bulk", () => {
  it("creates one officer for every unit without one, with one-time passwords that must be replaced, audited without secrets", async () => {
    const world = await makeWorld(t.prisma);
    const admin = await makeUser(t.prisma, "quantri", "ADMIN");
    await makeUser(t.prisma, "canbo.a", "UNIT_OFFICER", { unitId: world.agencyA.id }); // already has one

    const preview = await previewBulkAccounts(t.prisma, admin, { target: "UNIT_OFFICERS" });
    expect(preview.map((a) => a.username)).toEqual(["cb.cq-b", "cb.kdc-a1", "cb.kdc-b1"]);

    const { accounts, workbookBase64 } = await createAccountsInBulk(t.prisma, admin, { target: "UNIT_OFFICERS" });
    expect(accounts.map((a) => [a.username, a.unitId])).toEqual([
      ["cb.cq-b", world.agencyB.id],
      ["cb.kdc-a1", world.kdcA.id],
      ["cb.kdc-b1", world.kdcB.id],
    ]);
    // Each signs in with its one-time password into a session that may only change it.
    for (const a of accounts) {
      const s = await authenticate(t.prisma, { username: a.username, password: a.oneTimePassword });
      expect(s.ok).toBe(true);
      if (s.ok) expect((await loadSessionState(t.prisma, s.userId, s.sessionVersion, s.sessionId))?.kind).toBe("mustChangePassword");
    }
    const events = await t.prisma.auditEvent.findMany({ where: { action: "user.created" } });
    expect(events).toHaveLength(3);
    for (const e of events) expect(JSON.stringify({ ...e, id: null, chainSeq: null })).not.toMatch(new RegExp(accounts.map((a) => a.oneTimePassword).join("|")));

    // The workbook the admin downloads holds the same list.
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(workbookBase64, "base64") as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet("Tài khoản")!;
    expect(sheet.getRow(1).values).toEqual([undefined, "STT", "Tên đăng nhập", "Mật khẩu dùng một lần", "Họ và tên (sửa sau)", "Phụ trách", "Vai trò"]);
    expect([2, 3, 4].map((r) => [sheet.getCell(r, 2).value, sheet.getCell(r, 3).value])).toEqual(accounts.map((a) => [a.username, a.oneTimePassword]));

    // Running again creates nothing: every unit has its officer now.
    await expect(createAccountsInBulk(t.prisma, admin, { target: "UNIT_OFFICERS" })).rejects.toThrow("Không còn đơn vị, xã nào thiếu tài khoản theo lựa chọn này.");
    expect(await t.prisma.user.count()).toBe(5);
  });

  it("commune reviewers and commune officers, filtered to one commune", async () => {
    const world = await makeWorld(t.prisma);
    const admin = await makeUser(t.prisma, "quantri", "ADMIN");
    const reviewers = await createAccountsInBulk(t.prisma, admin, { target: "COMMUNE_REVIEWERS" });
    expect(reviewers.accounts.map((a) => [a.username, a.areaId, a.reviewerLevel])).toEqual([
      ["ca.a", world.communeA.id, "COMMUNE_POLICE"],
      ["ca.b", world.communeB.id, "COMMUNE_POLICE"],
    ]);
    const officers = await createAccountsInBulk(t.prisma, admin, { target: "COMMUNE_OFFICERS", communeId: world.communeB.id });
    expect(officers.accounts.map((a) => [a.username, a.role, a.areaId, a.unitId])).toEqual([["cbxa.b", "UNIT_OFFICER", world.communeB.id, null]]);
  });

  it("only an admin may; a refusal writes nothing", async () => {
    await makeWorld(t.prisma);
    const leader = await makeUser(t.prisma, "lanhdao", "LEADER");
    await expect(createAccountsInBulk(t.prisma, leader, { target: "UNIT_OFFICERS" })).rejects.toThrow(ForbiddenError);
    await expect(previewBulkAccounts(t.prisma, null, { target: "UNIT_OFFICERS" })).rejects.toThrow(ForbiddenError);
    expect(await t.prisma.user.count()).toBe(1);
    expect(await t.prisma.auditEvent.count()).toBe(0);
  });
});
