import { describe, expect, it } from "vitest";
import { authenticate, LOCKOUT_POLICY, revokeSession } from "../../lib/users/authenticate";
import { loadActor } from "../../lib/users/load-actor";
import { revokeOwnSessions } from "../../lib/users/manage-users";
import { makeUser, TEST_PASSWORD } from "./fixtures";
import { setupTestDatabase } from "./test-db";

const t = setupTestDatabase();

describe("authenticate", () => {
  it("signs in with the right password, opens a session and audits it; earlier failures still count", async () => {
    await makeUser(t.prisma, "canbo", "LEADER");
    const now = new Date("2026-11-24T08:00:00Z");
    await t.prisma.user.update({ where: { username: "canbo" }, data: { failedLoginCount: 3, lastFailedLoginAt: new Date("2026-11-24T07:58:00Z") } });
    const result = await authenticate(t.prisma, { username: "  CanBo ", password: TEST_PASSWORD }, now);
    expect(result).toMatchObject({ ok: true, sessionVersion: 1 });
    const user = await t.prisma.user.findUniqueOrThrow({ where: { username: "canbo" }, include: { sessions: true } });
    // The success takes back only its own attempt: three failures within the window remain.
    expect(user.failedLoginCount).toBe(3);
    expect(user.lastLoginAt).toEqual(now);
    expect(user.sessions).toEqual([expect.objectContaining({ id: result.ok ? result.sessionId : "", revokedAt: null, expiresAt: new Date("2026-11-24T16:00:00Z") })]);
    const events = await t.prisma.auditEvent.findMany({ where: { entityId: user.id } });
    expect(events.map((e) => e.action)).toEqual(["auth.login.succeeded"]);
  });

  it(`failures expire ${LOCKOUT_POLICY.lockMinutes} minutes after the last one`, async () => {
    await makeUser(t.prisma, "quen", "LEADER");
    const at = (minutes: number) => new Date(Date.UTC(2026, 10, 24, 8, minutes));
    for (let i = 1; i < LOCKOUT_POLICY.maxFailures; i++) await authenticate(t.prisma, { username: "quen", password: "sai" }, at(0));
    expect(await authenticate(t.prisma, { username: "quen", password: "sai" }, at(LOCKOUT_POLICY.lockMinutes + 1))).toEqual({ ok: false, reason: "INVALID" });
    expect((await t.prisma.user.findUniqueOrThrow({ where: { username: "quen" } })).failedLoginCount).toBe(1);
  });

  it("a success never clears the failures counted beside it: the next wrong password completes the lock", async () => {
    await makeUser(t.prisma, "xen", "LEADER");
    const now = new Date("2026-11-24T08:00:00Z");
    for (let i = 1; i < LOCKOUT_POLICY.maxFailures; i++) await authenticate(t.prisma, { username: "xen", password: "sai" }, now);
    expect((await authenticate(t.prisma, { username: "xen", password: TEST_PASSWORD }, now)).ok).toBe(true);
    expect(await authenticate(t.prisma, { username: "xen", password: "sai" }, now)).toMatchObject({ ok: false, reason: "LOCKED" });
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

  it(`a burst of 30 attempts at once (29 wrong, 1 right) gets at most ${LOCKOUT_POLICY.maxFailures} passwords checked`, async () => {
    const owner = await makeUser(t.prisma, "tancong", "LEADER");
    const attempts = Array.from({ length: 30 }, (_, i) => (i === 17 ? TEST_PASSWORD : `sai-${i}`));
    const results = await Promise.all(attempts.map((password) => authenticate(t.prisma, { username: "tancong", password })));

    // Every checked password leaves one of these events; a refused attempt leaves refused_locked.
    const events = await t.prisma.auditEvent.findMany({ where: { entityId: owner.userId } });
    const count = (action: string) => events.filter((e) => e.action === action).length;
    const checked = count("auth.login.failed") + count("auth.account.locked") + count("auth.login.succeeded");
    expect(checked).toBeLessThanOrEqual(LOCKOUT_POLICY.maxFailures);
    expect(checked + count("auth.login.refused_locked")).toBe(30);
    expect(results.filter((r) => r.ok)).toHaveLength(count("auth.login.succeeded"));
    expect(results.filter((r) => !r.ok && r.reason === "LOCKED").length).toBeGreaterThanOrEqual(30 - LOCKOUT_POLICY.maxFailures);

    const user = await t.prisma.user.findUniqueOrThrow({ where: { id: owner.userId } });
    if (count("auth.login.succeeded") === 0) {
      // Five wrong passwords were checked: locked, and the right one is refused too.
      expect(user.lockedUntil).not.toBeNull();
      expect(await authenticate(t.prisma, { username: "tancong", password: TEST_PASSWORD })).toMatchObject({ ok: false, reason: "LOCKED" });
    } else {
      // The right password was among the first five: four wrong ones stay counted.
      expect(user.failedLoginCount).toBe(LOCKOUT_POLICY.maxFailures - 1);
    }
  });
});

describe("sessions", () => {
  it("a signed-out session stops working at once; others of the same user do not", async () => {
    const owner = await makeUser(t.prisma, "phien", "LEADER");
    const first = await authenticate(t.prisma, { username: "phien", password: TEST_PASSWORD });
    const second = await authenticate(t.prisma, { username: "phien", password: TEST_PASSWORD });
    if (!first.ok || !second.ok) throw new Error("sign-in failed");
    expect(await loadActor(t.prisma, owner.userId, 1, first.sessionId)).toMatchObject({ username: "phien", role: "LEADER" });

    expect(await revokeSession(t.prisma, first.sessionId)).toBe(true);
    expect(await revokeSession(t.prisma, first.sessionId)).toBe(false);
    expect(await loadActor(t.prisma, owner.userId, 1, first.sessionId)).toBeNull();
    expect(await loadActor(t.prisma, owner.userId, 1, second.sessionId)).not.toBeNull();
    // A session id is no key to another account.
    const other = await makeUser(t.prisma, "khac", "LEADER");
    expect(await loadActor(t.prisma, other.userId, 1, second.sessionId)).toBeNull();
    expect(await t.prisma.auditEvent.count({ where: { action: "auth.logout", entityId: owner.userId } })).toBe(1);
  });

  it("a session ends after a working day", async () => {
    const owner = await makeUser(t.prisma, "ngay", "LEADER");
    const result = await authenticate(t.prisma, { username: "ngay", password: TEST_PASSWORD }, new Date("2026-11-24T08:00:00Z"));
    if (!result.ok) throw new Error("sign-in failed");
    expect(await loadActor(t.prisma, owner.userId, 1, result.sessionId, new Date("2026-11-24T15:59:00Z"))).not.toBeNull();
    expect(await loadActor(t.prisma, owner.userId, 1, result.sessionId, new Date("2026-11-24T16:00:01Z"))).toBeNull();
  });

  it("every session stops working after 'đăng xuất trên mọi thiết bị' or deactivation", async () => {
    const actor = await makeUser(t.prisma, "tatca", "LEADER");
    const result = await authenticate(t.prisma, { username: "tatca", password: TEST_PASSWORD });
    if (!result.ok) throw new Error("sign-in failed");
    expect(await loadActor(t.prisma, actor.userId, 1, result.sessionId)).toMatchObject({ username: "tatca", role: "LEADER" });
    await revokeOwnSessions(t.prisma, actor);
    expect(await loadActor(t.prisma, actor.userId, 1, result.sessionId)).toBeNull();
    const again = await authenticate(t.prisma, { username: "tatca", password: TEST_PASSWORD });
    if (!again.ok) throw new Error("sign-in failed");
    expect(again.sessionVersion).toBe(2);
    expect(await loadActor(t.prisma, actor.userId, 2, again.sessionId)).not.toBeNull();
    await t.prisma.user.update({ where: { id: actor.userId }, data: { isActive: false } });
    expect(await loadActor(t.prisma, actor.userId, 2, again.sessionId)).toBeNull();
    expect((await t.prisma.auditEvent.findFirstOrThrow({ where: { action: "auth.sessions.revoked" } })).actorId).toBe(actor.userId);
  });
});
