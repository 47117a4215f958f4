import { describe, expect, it } from "vitest";
import { authenticate, LOCKOUT_POLICY } from "../../lib/users/authenticate";
import { loadActor } from "../../lib/users/load-actor";
import { revokeOwnSessions } from "../../lib/users/manage-users";
import { makeUser, TEST_PASSWORD } from "./fixtures";
import { setupTestDatabase } from "./test-db";

const t = setupTestDatabase();

describe("authenticate", () => {
  it("signs in with the right password, resets failures and audits it", async () => {
    await makeUser(t.prisma, "canbo", "LEADER");
    await t.prisma.user.update({ where: { username: "canbo" }, data: { failedLoginCount: 3 } });
    const result = await authenticate(t.prisma, { username: "  CanBo ", password: TEST_PASSWORD });
    expect(result).toMatchObject({ ok: true, sessionVersion: 1 });
    const user = await t.prisma.user.findUniqueOrThrow({ where: { username: "canbo" } });
    expect(user.failedLoginCount).toBe(0);
    expect(user.lastLoginAt).not.toBeNull();
    const events = await t.prisma.auditEvent.findMany({ where: { entityId: user.id } });
    expect(events.map((e) => e.action)).toEqual(["auth.login.succeeded"]);
  });

  it("refuses a wrong password and an unknown user alike, auditing both", async () => {
    await makeUser(t.prisma, "canbo", "LEADER");
    expect(await authenticate(t.prisma, { username: "canbo", password: "sai-mat-khau" })).toEqual({ ok: false, reason: "INVALID" });
    expect(await authenticate(t.prisma, { username: "khongco", password: "x" })).toEqual({ ok: false, reason: "INVALID" });
    const actions = (await t.prisma.auditEvent.findMany({ orderBy: { id: "asc" } })).map((e) => [e.action, e.actorUsername]);
    expect(actions).toEqual([
      ["auth.login.failed", "canbo"],
      ["auth.login.failed", "khongco"],
    ]);
  });

  it("refuses a deactivated account even with the right password", async () => {
    await makeUser(t.prisma, "nghi", "LEADER");
    await t.prisma.user.update({ where: { username: "nghi" }, data: { isActive: false } });
    expect(await authenticate(t.prisma, { username: "nghi", password: TEST_PASSWORD })).toEqual({ ok: false, reason: "INVALID" });
  });

  it(`locks the account for ${LOCKOUT_POLICY.lockMinutes} minutes after ${LOCKOUT_POLICY.maxFailures} wrong passwords`, async () => {
    await makeUser(t.prisma, "bikhoa", "LEADER");
    const now = new Date("2026-11-24T08:00:00Z");
    for (let i = 1; i < LOCKOUT_POLICY.maxFailures; i++) {
      expect((await authenticate(t.prisma, { username: "bikhoa", password: "sai" }, now)).ok).toBe(false);
    }
    const locked = await authenticate(t.prisma, { username: "bikhoa", password: "sai" }, now);
    expect(locked).toEqual({ ok: false, reason: "LOCKED", lockedUntil: new Date("2026-11-24T08:15:00Z") });

    // Locked: even the right password is refused until the lock ends.
    const during = await authenticate(t.prisma, { username: "bikhoa", password: TEST_PASSWORD }, new Date("2026-11-24T08:14:59Z"));
    expect(during.ok).toBe(false);
    const after = await authenticate(t.prisma, { username: "bikhoa", password: TEST_PASSWORD }, new Date("2026-11-24T08:15:01Z"));
    expect(after.ok).toBe(true);

    const actions = (await t.prisma.auditEvent.findMany({ orderBy: { id: "asc" } })).map((e) => e.action);
    expect(actions.filter((a) => a === "auth.account.locked")).toHaveLength(1);
    expect(actions).toContain("auth.login.refused_locked");
  });

  it("counts concurrent wrong guesses atomically", async () => {
    await makeUser(t.prisma, "songsong", "LEADER");
    await Promise.all(Array.from({ length: 3 }, () => authenticate(t.prisma, { username: "songsong", password: "sai" })));
    const user = await t.prisma.user.findUniqueOrThrow({ where: { username: "songsong" } });
    expect(user.failedLoginCount).toBe(3);
  });
});

describe("sessions", () => {
  it("a session stops working after 'đăng xuất trên mọi thiết bị' or deactivation", async () => {
    const actor = await makeUser(t.prisma, "phien", "LEADER");
    expect(await loadActor(t.prisma, actor.userId, 1)).toMatchObject({ username: "phien", role: "LEADER" });
    await revokeOwnSessions(t.prisma, actor);
    expect(await loadActor(t.prisma, actor.userId, 1)).toBeNull();
    expect(await loadActor(t.prisma, actor.userId, 2)).not.toBeNull();
    await t.prisma.user.update({ where: { id: actor.userId }, data: { isActive: false } });
    expect(await loadActor(t.prisma, actor.userId, 2)).toBeNull();
    expect((await t.prisma.auditEvent.findFirstOrThrow({ where: { action: "auth.sessions.revoked" } })).actorId).toBe(actor.userId);
  });
});
