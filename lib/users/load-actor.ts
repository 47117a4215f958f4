import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/auth/actor";

/**
 * The actor behind a session, or null when the account is gone, deactivated, or its sessions were
 * revoked (sessionVersion bumped by "đăng xuất trên mọi thiết bị").
 */
export async function loadActor(prisma: PrismaClient, userId: string, sessionVersion: number): Promise<Actor | null> {
  const user = await prisma.user.findUnique({ where: { id: userId } });
  if (!user || !user.isActive || user.sessionVersion !== sessionVersion) return null;
  return {
    userId: user.id,
    username: user.username,
    fullName: user.fullName,
    role: user.role,
    unitId: user.unitId,
    areaId: user.areaId,
    reviewerLevel: user.reviewerLevel,
    authorityId: user.authorityId,
  };
}
