/**
 * User administration use-cases. Each one authorizes the actor, validates references, writes in
 * one transaction together with its audit event, and never returns or logs password hashes.
 */
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/auth/actor";
import { Role } from "@/lib/generated/prisma/enums";
import { cappedTotal, DEFAULT_PAGE_SIZE, keysetPage, type KeysetColumn, type PageRequest } from "@/lib/paging/keyset";
import { authorize, can } from "@/lib/auth/permissions";
import { hashPassword } from "@/lib/auth/password";
import { recordAudit } from "@/lib/audit/record-audit";
import { UserFacingError } from "@/lib/validation/action-result";
import { accessColumns, type UserAccess, createUserSchema, updateUserAccessSchema } from "./user-schemas";
import type { z } from "zod";

const publicUserFields = {
  id: true,
  username: true,
  fullName: true,
  role: true,
  reviewerLevel: true,
  unitId: true,
  areaId: true,
  isActive: true,
} as const;

async function checkScopeReferences(prisma: PrismaClient, columns: ReturnType<typeof accessColumns>) {
  if (columns.unitId) {
    const unit = await prisma.unit.findUnique({ where: { id: columns.unitId }, select: { id: true } });
    if (!unit) throw new UserFacingError("Đơn vị được chọn không tồn tại.", "unitId");
  }
  if (columns.areaId) {
    const area = await prisma.administrativeArea.findUnique({ where: { id: columns.areaId }, select: { level: true } });
    if (!area || area.level !== "COMMUNE") throw new UserFacingError("Xã, phường được chọn không tồn tại.", "areaId");
  }
}

export async function createUser(prisma: PrismaClient, actor: Actor | null, input: z.output<typeof createUserSchema>) {
  authorize(actor, { action: "user.manage" });
  const columns = accessColumns(input as UserAccess);
  await checkScopeReferences(prisma, columns);
  const passwordHash = await hashPassword(input.password);
  try {
    return await prisma.$transaction(async (tx) => {
      const user = await tx.user.create({
        // The admin chose this password: the person sets their own at the first sign-in.
        data: { username: input.username, fullName: input.fullName, passwordHash, mustChangePassword: true, ...columns },
        select: publicUserFields,
      });
      await recordAudit(tx, { actor, action: "user.created", entityType: "User", entityId: user.id, after: user });
      return user;
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new UserFacingError("Tên đăng nhập đã tồn tại, vui lòng chọn tên khác.", "username");
    }
    throw error;
  }
}

export async function updateUserAccess(prisma: PrismaClient, actor: Actor | null, input: z.output<typeof updateUserAccessSchema>) {
  authorize(actor, { action: "user.manage" });
  const columns = accessColumns(input as UserAccess);
  await checkScopeReferences(prisma, columns);
  // An administrator may not lock out the last hands that can undo it: their own account must stay
  // active and still able to manage users once changed.
  if (input.userId === actor.userId && (!input.isActive || !can({ ...actor, ...columns }, { action: "user.manage" }))) {
    throw new UserFacingError("Không thể tự khóa hoặc tự bỏ quyền quản trị của chính mình.", "role");
  }
  return prisma.$transaction(async (tx) => {
    const before = await tx.user.findUnique({ where: { id: input.userId }, select: publicUserFields });
    if (!before) throw new UserFacingError("Người dùng không tồn tại.");
    const accessChanged =
      before.role !== columns.role ||
      before.unitId !== columns.unitId ||
      before.areaId !== columns.areaId ||
      before.reviewerLevel !== columns.reviewerLevel ||
      before.isActive !== input.isActive;
    const after = await tx.user.update({
      where: { id: input.userId },
      // A changed role or scope ends the user's open sessions: they sign in again under the new rights.
      data: { ...columns, isActive: input.isActive, ...(accessChanged ? { sessionVersion: { increment: 1 } } : {}) },
      select: publicUserFields,
    });
    await recordAudit(tx, { actor, action: "user.access_changed", entityType: "User", entityId: after.id, before, after });
    return after;
  });
}

export async function unlockUser(prisma: PrismaClient, actor: Actor | null, userId: string) {
  authorize(actor, { action: "user.manage" });
  await prisma.$transaction(async (tx) => {
    const before = await tx.user.findUnique({ where: { id: userId }, select: { lockedUntil: true, failedLoginCount: true } });
    if (!before) throw new UserFacingError("Người dùng không tồn tại.");
    await tx.user.update({ where: { id: userId }, data: { lockedUntil: null, failedLoginCount: 0 } });
    await recordAudit(tx, { actor, action: "user.unlocked", entityType: "User", entityId: userId, before });
  });
}

/** "Đăng xuất trên mọi thiết bị": every session issued so far stops working. */
export async function revokeOwnSessions(prisma: PrismaClient, actor: Actor | null) {
  if (!actor) throw new UserFacingError("Bạn chưa đăng nhập.");
  await prisma.$transaction(async (tx) => {
    await tx.user.update({ where: { id: actor.userId }, data: { sessionVersion: { increment: 1 } } });
    await recordAudit(tx, { actor, action: "auth.sessions.revoked", entityType: "User", entityId: actor.userId });
  });
}

const userListSelect = {
  ...publicUserFields,
  lockedUntil: true,
  lastLoginAt: true,
  unit: { select: { name: true } },
  area: { select: { name: true } },
} as const;
type UserListRow = Prisma.UserGetPayload<{ select: typeof userListSelect }>;

/** By role (in the order the roles are declared), then user name. */
const USER_ORDER: readonly KeysetColumn<UserListRow>[] = [
  { path: ["role"], dir: "asc", value: (u) => u.role, enumValues: Object.values(Role) },
  { path: ["username"], dir: "asc", value: (u) => u.username },
  { path: ["id"], dir: "asc", value: (u) => u.id },
];

export const USER_PAGE_SIZE = DEFAULT_PAGE_SIZE;

/** One page of the accounts (ADR 0024-keyset-paging): a province holds one or more per unit. */
export async function listUsers(prisma: PrismaClient, actor: Actor | null, request: PageRequest = {}) {
  authorize(actor, { action: "user.manage" });
  const [total, page] = await Promise.all([
    cappedTotal((take) => prisma.user.count({ take })),
    keysetPage<UserListRow>({
      request,
      size: USER_PAGE_SIZE,
      columns: USER_ORDER,
      boundary: (id) => prisma.user.findUnique({ where: { id }, select: userListSelect }),
      fetch: ({ where, orderBy, take }) =>
        prisma.user.findMany({ where: where as Prisma.UserWhereInput, orderBy: orderBy as Prisma.UserOrderByWithRelationInput[], take, select: userListSelect }),
    }),
  ]);
  return { rows: page.rows, page, total };
}
