/**
 * Sign-in by username and password, with temporary lock-out after repeated failures, and the
 * server-side sessions that sign-out revokes. Every attempt writes an audit event.
 *
 * The lock is decided by one conditional UPDATE, before the password is checked: an attempt is
 * counted as failed from the moment it starts (it takes one of the window's `maxFailures` slots),
 * and refused without a password check when none is left. So a burst of concurrent guesses gets at
 * most `maxFailures` passwords checked per lock window, however the requests interleave, and a
 * process that dies mid-check leaves a counted failure, never a free guess. A success takes back
 * only its own slot: failures counted before or beside it stay, and expire `lockMinutes` after the
 * last one (the policy is "maxFailures failed attempts within lockMinutes").
 */
import { Prisma, type PrismaClient } from "@/lib/generated/prisma/client";
import { recordAudit } from "@/lib/audit/record-audit";
import { dummyPasswordHash, verifyPassword } from "@/lib/auth/password";

export const LOCKOUT_POLICY = { maxFailures: 5, lockMinutes: 15 } as const;

/** A signed-in session lasts one working day at most. */
export const SESSION_MAX_AGE_SECONDS = 8 * 60 * 60;

export type AuthenticationResult =
  | { ok: true; userId: string; sessionVersion: number; sessionId: string }
  | { ok: false; reason: "INVALID" }
  | { ok: false; reason: "LOCKED"; lockedUntil: Date };

/** A session row named by the cookie (see revokeSession). */
function createSession(tx: Prisma.TransactionClient, userId: string, now: Date) {
  return tx.userSession.create({ data: { userId, createdAt: now, expiresAt: new Date(now.getTime() + SESSION_MAX_AGE_SECONDS * 1000) } });
}

type Slot = { failedLoginCount: number; lockedUntil: Date | null; passwordHash: string; sessionVersion: number };

/**
 * Takes one attempt slot, atomically: restarts the count when the lock has ended or the last
 * failure is older than the window, counts this attempt, and locks the account when it fills the
 * last slot. No row: the account is locked (or every slot is taken by attempts still running).
 */
export async function takeAttemptSlot(prisma: PrismaClient, userId: string, now: Date): Promise<Slot | null> {
  const windowStart = new Date(now.getTime() - LOCKOUT_POLICY.lockMinutes * 60_000);
  const lockEnds = new Date(now.getTime() + LOCKOUT_POLICY.lockMinutes * 60_000);
  // Every expression reads the row being updated (never an earlier snapshot): on PostgreSQL a
  // concurrent attempt waits for the row lock and then re-evaluates all of it on the new version.
  const counted = Prisma.sql`(CASE WHEN "lockedUntil" IS NOT NULL OR "lastFailedLoginAt" IS NULL OR "lastFailedLoginAt" <= ${windowStart} THEN 0 ELSE "failedLoginCount" END)`;
  const rows = await prisma.$queryRaw<Slot[]>`
    UPDATE "User"
       SET "failedLoginCount" = ${counted} + 1,
           "lastFailedLoginAt" = ${now},
           "lockedUntil" = CASE WHEN ${counted} + 1 >= ${LOCKOUT_POLICY.maxFailures} THEN ${lockEnds}::timestamptz ELSE NULL END
     WHERE id = ${userId}::uuid
       AND "isActive"
       AND ("lockedUntil" IS NULL OR "lockedUntil" <= ${now})
       AND ${counted} < ${LOCKOUT_POLICY.maxFailures}
    RETURNING "failedLoginCount", "lockedUntil", "passwordHash", "sessionVersion"`;
  return rows[0] ?? null;
}

/**
 * The password was right: take back this attempt's own slot only, and lift the lock it may have
 * set by filling the last one (failures counted beside it stay).
 */
export async function returnAttemptSlot(tx: Prisma.TransactionClient, userId: string): Promise<void> {
  await tx.$executeRaw`
    UPDATE "User"
       SET "failedLoginCount" = GREATEST("failedLoginCount" - 1, 0),
           "lockedUntil" = CASE WHEN "failedLoginCount" - 1 < ${LOCKOUT_POLICY.maxFailures} THEN NULL ELSE "lockedUntil" END
     WHERE id = ${userId}::uuid`;
}

export async function authenticate(
  prisma: PrismaClient,
  credentials: { username: string; password: string },
  now: Date = new Date(),
): Promise<AuthenticationResult> {
  const username = credentials.username.trim().toLowerCase();
  const user = await prisma.user.findUnique({ where: { username }, select: { id: true, isActive: true } });

  if (!user || !user.isActive) {
    // The same work as a real check, so timing does not tell which usernames exist.
    await verifyPassword(credentials.password, await dummyPasswordHash());
    await recordAudit(prisma, {
      actor: null,
      username,
      action: "auth.login.failed",
      entityType: "User",
      entityId: user?.id,
      meta: { reason: user ? "inactive" : "unknown_user" },
    });
    return { ok: false, reason: "INVALID" };
  }

  const slot = await takeAttemptSlot(prisma, user.id, now);
  if (!slot) {
    const { lockedUntil } = await prisma.user.findUniqueOrThrow({ where: { id: user.id }, select: { lockedUntil: true } });
    await recordAudit(prisma, { actor: null, username, action: "auth.login.refused_locked", entityType: "User", entityId: user.id });
    return { ok: false, reason: "LOCKED", lockedUntil: lockedUntil ?? new Date(now.getTime() + LOCKOUT_POLICY.lockMinutes * 60_000) };
  }

  if (await verifyPassword(credentials.password, slot.passwordHash)) {
    const session = await prisma.$transaction(async (tx) => {
      await returnAttemptSlot(tx, user.id);
      await tx.user.update({ where: { id: user.id }, data: { lastLoginAt: now } });
      const created = await createSession(tx, user.id, now);
      await recordAudit(tx, { actor: { userId: user.id, username }, action: "auth.login.succeeded", entityType: "User", entityId: user.id, meta: { sessionId: created.id } });
      return created;
    });
    return { ok: true, userId: user.id, sessionVersion: slot.sessionVersion, sessionId: session.id };
  }

  if (slot.lockedUntil) {
    await recordAudit(prisma, {
      actor: null,
      username,
      action: "auth.account.locked",
      entityType: "User",
      entityId: user.id,
      meta: { failures: slot.failedLoginCount, lockedUntil: slot.lockedUntil.toISOString() },
    });
    return { ok: false, reason: "LOCKED", lockedUntil: slot.lockedUntil };
  }
  await recordAudit(prisma, { actor: null, username, action: "auth.login.failed", entityType: "User", entityId: user.id, meta: { reason: "wrong_password", failures: slot.failedLoginCount } });
  return { ok: false, reason: "INVALID" };
}

/** A session signed in through single sign-on (the identity provider checked the password). */
export async function openSession(prisma: PrismaClient, user: { id: string; username: string }, meta: Record<string, unknown>, now: Date = new Date()): Promise<string> {
  return prisma.$transaction(async (tx) => {
    const session = await createSession(tx, user.id, now);
    await tx.user.update({ where: { id: user.id }, data: { lastLoginAt: now } });
    await recordAudit(tx, { actor: { userId: user.id, username: user.username }, action: "auth.login.succeeded", entityType: "User", entityId: user.id, meta: { ...meta, sessionId: session.id } });
    return session.id;
  });
}

/**
 * Sign-out: the session stops working on the server at once, wherever its cookie is. Idempotent;
 * audited once.
 */
export async function revokeSession(prisma: PrismaClient, sessionId: string, now: Date = new Date()): Promise<boolean> {
  return prisma.$transaction(async (tx) => {
    const session = await tx.userSession.findUnique({ where: { id: sessionId }, include: { user: { select: { username: true } } } });
    if (!session || session.revokedAt) return false;
    await tx.userSession.update({ where: { id: sessionId }, data: { revokedAt: now } });
    await recordAudit(tx, { actor: { userId: session.userId, username: session.user.username }, action: "auth.logout", entityType: "User", entityId: session.userId, meta: { sessionId } });
    return true;
  });
}
