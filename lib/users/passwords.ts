/**
 * A person changes their own password; an admin resets someone's to a one-time password
 * (issue 10 §4). Both end every session of the account, both are audited, neither ever returns,
 * logs or audits a password or its hash.
 */
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/permissions";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { recordAudit } from "@/lib/audit/record-audit";
import { UserFacingError } from "@/lib/validation/action-result";
import { formatDateTime } from "@/lib/format";
import { returnAttemptSlot, takeAttemptSlot } from "./authenticate";
import { generateOneTimePassword } from "./one-time-password";
import { changePasswordSchema } from "./password-schemas";

/** Who is changing their password: a signed-in person, also one who must change it first. */
export type PasswordSubject = { userId: string; username: string };

export const PASSWORD_CHANGED_MESSAGE = "Đã đổi mật khẩu. Mọi phiên đăng nhập đã kết thúc; hãy đăng nhập lại bằng mật khẩu mới.";

/**
 * Changes the subject's password after checking the current one. A wrong current password counts
 * as a failed sign-in (the same slots and lock): this form must not become a way around the
 * lock-out to guess a password from an unlocked computer.
 */
export async function changeOwnPassword(prisma: PrismaClient, subject: PasswordSubject | null, input: unknown, now: Date = new Date()): Promise<void> {
  if (!subject) throw new UserFacingError("Phiên đăng nhập đã hết hạn. Vui lòng đăng nhập lại.");
  const data = changePasswordSchema(subject.username).parse(input);
  const slot = await takeAttemptSlot(prisma, subject.userId, now);
  if (!slot) {
    const user = await prisma.user.findUnique({ where: { id: subject.userId }, select: { lockedUntil: true } });
    await recordAudit(prisma, { actor: subject, action: "auth.password_change.refused_locked", entityType: "User", entityId: subject.userId });
    throw new UserFacingError(
      user?.lockedUntil ? `Tài khoản đang tạm khóa do nhập sai mật khẩu nhiều lần, đến ${formatDateTime(user.lockedUntil)}.` : "Tài khoản không còn hoạt động.",
    );
  }
  if (!(await verifyPassword(data.currentPassword, slot.passwordHash))) {
    await recordAudit(prisma, { actor: subject, action: "auth.password_change.failed", entityType: "User", entityId: subject.userId, meta: { failures: slot.failedLoginCount } });
    throw new UserFacingError("Mật khẩu hiện tại không đúng.", "currentPassword");
  }
  const passwordHash = await hashPassword(data.newPassword);
  await prisma.$transaction(async (tx) => {
    await returnAttemptSlot(tx, subject.userId);
    // Every session ends, this one too: whoever else held one knew the old password.
    await tx.user.update({
      where: { id: subject.userId },
      data: { passwordHash, mustChangePassword: false, passwordChangedAt: now, sessionVersion: { increment: 1 } },
    });
    await recordAudit(tx, { actor: subject, action: "user.password.changed", entityType: "User", entityId: subject.userId });
  });
}

/**
 * An admin gives the account a new one-time password: shown once to the admin, stored only as a
 * hash; the person must choose their own at the next sign-in. Lifts a lock-out, ends all sessions.
 */
export async function resetUserPassword(prisma: PrismaClient, actor: Actor | null, userId: string, now: Date = new Date()) {
  authorize(actor, { action: "user.manage" });
  if (userId === actor.userId) throw new UserFacingError("Hãy tự đổi mật khẩu của mình ở trang Tài khoản.");
  const oneTimePassword = generateOneTimePassword();
  const passwordHash = await hashPassword(oneTimePassword);
  const user = await prisma.$transaction(async (tx) => {
    const found = await tx.user.findUnique({ where: { id: userId }, select: { id: true, username: true, fullName: true, isActive: true } });
    if (!found) throw new UserFacingError("Người dùng không tồn tại.");
    if (!found.isActive) throw new UserFacingError("Tài khoản đang bị khóa: mở lại tài khoản trước khi đặt lại mật khẩu.");
    await tx.user.update({
      where: { id: userId },
      data: { passwordHash, mustChangePassword: true, passwordChangedAt: now, failedLoginCount: 0, lockedUntil: null, sessionVersion: { increment: 1 } },
    });
    await recordAudit(tx, { actor, action: "user.password.reset", entityType: "User", entityId: userId, meta: { username: found.username } });
    return found;
  });
  return { userId: user.id, username: user.username, fullName: user.fullName, oneTimePassword };
}
