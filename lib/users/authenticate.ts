/**
 * Sign-in by username and password, with temporary lock-out after repeated failures.
 * Every attempt writes an audit event.
 */
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { recordAudit } from "@/lib/audit/record-audit";
import { dummyPasswordHash, verifyPassword } from "@/lib/auth/password";

export const LOCKOUT_POLICY = { maxFailures: 5, lockMinutes: 15 } as const;

export type AuthenticationResult =
  | { ok: true; userId: string; sessionVersion: number }
  | { ok: false; reason: "INVALID" }
  | { ok: false; reason: "LOCKED"; lockedUntil: Date };

export async function authenticate(
  prisma: PrismaClient,
  credentials: { username: string; password: string },
  now: Date = new Date(),
): Promise<AuthenticationResult> {
  const username = credentials.username.trim().toLowerCase();
  const user = await prisma.user.findUnique({ where: { username } });

  if (!user || !user.isActive) {
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

  if (user.lockedUntil && user.lockedUntil > now) {
    await recordAudit(prisma, { actor: null, username, action: "auth.login.refused_locked", entityType: "User", entityId: user.id });
    return { ok: false, reason: "LOCKED", lockedUntil: user.lockedUntil };
  }

  if (await verifyPassword(credentials.password, user.passwordHash)) {
    await prisma.$transaction(async (tx) => {
      await tx.user.update({ where: { id: user.id }, data: { failedLoginCount: 0, lockedUntil: null, lastLoginAt: now } });
      await recordAudit(tx, { actor: { userId: user.id, username }, action: "auth.login.succeeded", entityType: "User", entityId: user.id });
    });
    return { ok: true, userId: user.id, sessionVersion: user.sessionVersion };
  }

  return prisma.$transaction(async (tx) => {
    // Atomic increment: concurrent wrong guesses all count.
    const { failedLoginCount } = await tx.user.update({
      where: { id: user.id },
      data: { failedLoginCount: { increment: 1 } },
      select: { failedLoginCount: true },
    });
    if (failedLoginCount >= LOCKOUT_POLICY.maxFailures) {
      const lockedUntil = new Date(now.getTime() + LOCKOUT_POLICY.lockMinutes * 60_000);
      await tx.user.update({ where: { id: user.id }, data: { lockedUntil, failedLoginCount: 0 } });
      await recordAudit(tx, {
        actor: null,
        username,
        action: "auth.account.locked",
        entityType: "User",
        entityId: user.id,
        meta: { failures: failedLoginCount, lockedUntil: lockedUntil.toISOString() },
      });
      return { ok: false, reason: "LOCKED", lockedUntil } as const;
    }
    await recordAudit(tx, { actor: null, username, action: "auth.login.failed", entityType: "User", entityId: user.id, meta: { reason: "wrong_password", failures: failedLoginCount } });
    return { ok: false, reason: "INVALID" } as const;
  });
}
