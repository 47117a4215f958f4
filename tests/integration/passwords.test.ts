import { describe, expect, it } from "vitest";
import { authenticate, LOCKOUT_POLICY } from "../../lib/users/authenticate";
import { loadActor, loadSessionState } from "../../lib/users/load-actor";
import { createUser } from "../../lib/users/manage-users";
import { changeOwnPassword, resetUserPassword } from "../../lib/users/passwords";
import { createUserSchema } from "../../lib/users/user-schemas";
import { ForbiddenError } from "../../lib/auth/permissions";
import { UserFacingError } from "../../lib/validation/action-result";
import { makeUser, makeWorld, TEST_PASSWORD } from "./fixtures";
import { setupTestDatabase } from "./test-db";

const t = setupTestDatabase();
const NEW = "Đồi chè xanh 2026";

async function signIn(username: string, password: string) {
  const result = await authenticate(t.prisma, { username, password });
  if (!result.ok) throw new Error(`sign-in failed: ${result.reason}`);
  return result;
}

describe("changing one's own password", () => {
  it("needs the current password, ends every session, clears the one-time flag and is audited without secrets", async () => {
    const me = await makeUser(t.prisma, "canbo", "LEADER");
    const here = await signIn("canbo", TEST_PASSWORD);
    const elsewhere = await signIn("canbo", TEST_PASSWORD);
    await changeOwnPassword(t.prisma, me, { currentPassword: TEST_PASSWORD, newPassword: NEW, confirmPassword: NEW });

    for (const s of [here, elsewhere]) expect(await loadActor(t.prisma, s.userId, s.sessionVersion, s.sessionId)).toBeNull();
    expect(await authenticate(t.prisma, { username: "canbo", password: TEST_PASSWORD })).toEqual({ ok: false, reason: "INVALID" });
    expect((await authenticate(t.prisma, { username: "canbo", password: NEW })).ok).toBe(true);
    const user = await t.prisma.user.findUniqueOrThrow({ where: { id: me.userId } });
    expect(user.mustChangePassword).toBe(false);
    expect(user.passwordChangedAt).not.toBeNull();
    const event = await t.prisma.auditEvent.findFirstOrThrow({ where: { action: "user.password.changed" } });
    expect(event.actorId).toBe(me.userId);
    expect(JSON.stringify({ ...event, id: null, chainSeq: null })).not.toMatch(/scrypt|Đồi chè|MatKhau/);
  });

  it("a wrong current password changes nothing and counts toward the lock-out, like a failed sign-in", async () => {
    const me = await makeUser(t.prisma, "quen", "LEADER");
    const now = new Date();
    const before = await t.prisma.user.findUniqueOrThrow({ where: { id: me.userId } });
    for (let i = 0; i < LOCKOUT_POLICY.maxFailures; i++) {
      await expect(changeOwnPassword(t.prisma, me, { currentPassword: "sai-mat-khau", newPassword: NEW, confirmPassword: NEW }, now)).rejects.toThrow("Mật khẩu hiện tại không đúng.");
    }
    // The lock is now on: even the right current password is refused, and so is signing in.
    await expect(changeOwnPassword(t.prisma, me, { currentPassword: TEST_PASSWORD, newPassword: NEW, confirmPassword: NEW }, now)).rejects.toThrow(/tạm khóa/);
    expect(await authenticate(t.prisma, { username: "quen", password: TEST_PASSWORD }, now)).toMatchObject({ ok: false, reason: "LOCKED" });
    const after = await t.prisma.user.findUniqueOrThrow({ where: { id: me.userId } });
    expect(after.passwordHash).toBe(before.passwordHash);
    expect(after.sessionVersion).toBe(before.sessionVersion);
    const actions = (await t.prisma.auditEvent.findMany({ where: { entityId: me.userId }, orderBy: { chainSeq: "asc" } })).map((e) => e.action);
    expect(actions.filter((a) => a === "auth.password_change.failed")).toHaveLength(LOCKOUT_POLICY.maxFailures);
    expect(actions).toContain("auth.password_change.refused_locked");
  });

  it("refuses a new password against the policy before checking anything", async () => {
    const me = await makeUser(t.prisma, "nguyen.van.an", "LEADER");
    await expect(changeOwnPassword(t.prisma, me, { currentPassword: TEST_PASSWORD, newPassword: "nguyen.van.an.99", confirmPassword: "nguyen.van.an.99" })).rejects.toThrow();
    const user = await t.prisma.user.findUniqueOrThrow({ where: { id: me.userId } });
    expect(user.failedLoginCount).toBe(0);
    expect(await t.prisma.auditEvent.count()).toBe(0);
  });
});

describe("an admin resets a password", () => {
  it("issues a one-time password, shown once and stored hashed; the person must choose their own before anything else", async () => {
    const world = await makeWorld(t.prisma);
    const admin = await makeUser(t.prisma, "quantri", "ADMIN");
    const officer = await makeUser(t.prisma, "canbo.a", "UNIT_OFFICER", { unitId: world.agencyA.id });
    const old = await signIn("canbo.a", TEST_PASSWORD);
    await t.prisma.user.update({ where: { id: officer.userId }, data: { failedLoginCount: 5, lockedUntil: new Date(Date.now() + 600_000) } });

    const issued = await resetUserPassword(t.prisma, admin, officer.userId);
    expect(issued).toMatchObject({ username: "canbo.a", oneTimePassword: expect.stringMatching(/^[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}$/) });
    const user = await t.prisma.user.findUniqueOrThrow({ where: { id: officer.userId } });
    expect(user.passwordHash).not.toContain(issued.oneTimePassword);
    expect(user).toMatchObject({ mustChangePassword: true, lockedUntil: null, failedLoginCount: 0 });
    // The old session is over; the old password no longer works.
    expect(await loadActor(t.prisma, old.userId, old.sessionVersion, old.sessionId)).toBeNull();
    expect((await authenticate(t.prisma, { username: "canbo.a", password: TEST_PASSWORD })).ok).toBe(false);

    // Signed in with the one-time password: a session that may only change it — no actor.
    const s = await signIn("canbo.a", issued.oneTimePassword);
    expect(await loadSessionState(t.prisma, s.userId, s.sessionVersion, s.sessionId)).toEqual({
      kind: "mustChangePassword",
      subject: { userId: officer.userId, username: "canbo.a", fullName: expect.any(String) },
    });
    expect(await loadActor(t.prisma, s.userId, s.sessionVersion, s.sessionId)).toBeNull();

    await changeOwnPassword(t.prisma, { userId: officer.userId, username: "canbo.a" }, { currentPassword: issued.oneTimePassword, newPassword: NEW, confirmPassword: NEW });
    const again = await signIn("canbo.a", NEW);
    expect(await loadActor(t.prisma, again.userId, again.sessionVersion, again.sessionId)).toMatchObject({ username: "canbo.a", unitId: world.agencyA.id });

    const event = await t.prisma.auditEvent.findFirstOrThrow({ where: { action: "user.password.reset" } });
    expect(event.actorId).toBe(admin.userId);
    expect(event.entityId).toBe(officer.userId);
    expect(JSON.stringify({ ...event, id: null, chainSeq: null })).not.toContain(issued.oneTimePassword);
  });

  it("only an admin may, never on their own account or a deactivated one; a refusal writes nothing", async () => {
    const admin = await makeUser(t.prisma, "quantri", "ADMIN");
    const leader = await makeUser(t.prisma, "lanhdao", "LEADER");
    const target = await makeUser(t.prisma, "canbo", "LEADER");
    const before = await t.prisma.user.findUniqueOrThrow({ where: { id: target.userId } });
    await expect(resetUserPassword(t.prisma, leader, target.userId)).rejects.toThrow(ForbiddenError);
    await expect(resetUserPassword(t.prisma, null, target.userId)).rejects.toThrow(ForbiddenError);
    await expect(resetUserPassword(t.prisma, admin, admin.userId)).rejects.toThrow(UserFacingError);
    await t.prisma.user.update({ where: { id: target.userId }, data: { isActive: false } });
    await expect(resetUserPassword(t.prisma, admin, target.userId)).rejects.toThrow(/mở lại tài khoản/);
    const after = await t.prisma.user.findUniqueOrThrow({ where: { id: target.userId } });
    expect(after.passwordHash).toBe(before.passwordHash);
    expect(after.mustChangePassword).toBe(false);
    expect(await t.prisma.auditEvent.count({ where: { action: "user.password.reset" } })).toBe(0);
  });

  it("a new account's password was chosen by the admin: it must be changed at first sign-in", async () => {
    const admin = await makeUser(t.prisma, "quantri", "ADMIN");
    const input = createUserSchema.parse({ username: "moi", fullName: "Người Mới", password: "Tam thoi 2026", role: "LEADER" });
    await createUser(t.prisma, admin, input);
    const s = await signIn("moi", "Tam thoi 2026");
    expect((await loadSessionState(t.prisma, s.userId, s.sessionVersion, s.sessionId))?.kind).toBe("mustChangePassword");
  });
});
