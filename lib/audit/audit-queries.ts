import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/permissions";

export const AUDIT_PAGE_SIZE = 100;

/** The global audit log: administrators only (units see their own dossier's history elsewhere). */
export async function listAuditEvents(prisma: PrismaClient, actor: Actor | null, filters: { action?: string; username?: string; before?: bigint } = {}) {
  authorize(actor, { action: "audit.readGlobal" });
  return prisma.auditEvent.findMany({
    where: {
      ...(filters.action ? { action: { startsWith: filters.action } } : {}),
      ...(filters.username ? { actorUsername: filters.username } : {}),
      ...(filters.before ? { id: { lt: filters.before } } : {}),
    },
    orderBy: { id: "desc" },
    take: AUDIT_PAGE_SIZE,
  });
}
