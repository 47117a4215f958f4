import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/permissions";
import { cappedTotal, keysetPage, type KeysetColumn, type PageRequest } from "@/lib/paging/keyset";

export const AUDIT_PAGE_SIZE = 100;

type AuditRow = Prisma.AuditEventGetPayload<object>;

/** Newest first: the id is the order events were written in (ADR 0004). */
const AUDIT_ORDER: readonly KeysetColumn<AuditRow>[] = [{ path: ["id"], dir: "desc", value: (e) => e.id }];

export type AuditFilters = { action?: string; username?: string } & PageRequest;

/**
 * One page of the global audit log (ADR 0024-keyset-paging): administrators only (units see
 * their own dossier's history elsewhere). Cursors are event ids (digits).
 */
export async function listAuditEvents(prisma: PrismaClient, actor: Actor | null, filters: AuditFilters = {}) {
  authorize(actor, { action: "audit.readGlobal" });
  const where: Prisma.AuditEventWhereInput = {
    ...(filters.action ? { action: { startsWith: filters.action } } : {}),
    ...(filters.username ? { actorUsername: filters.username } : {}),
  };
  const [total, page] = await Promise.all([
    cappedTotal((take) => prisma.auditEvent.count({ where, take })),
    keysetPage<AuditRow>({
      request: filters,
      size: AUDIT_PAGE_SIZE,
      columns: AUDIT_ORDER,
      boundary: (id) => (/^\d{1,18}$/.test(id) ? prisma.auditEvent.findUnique({ where: { id: BigInt(id) } }) : Promise.resolve(null)),
      fetch: ({ where: after, orderBy, take }) =>
        prisma.auditEvent.findMany({ where: { AND: [where, after as Prisma.AuditEventWhereInput] }, orderBy: orderBy as Prisma.AuditEventOrderByWithRelationInput[], take }),
    }),
  ]);
  return { rows: page.rows, page, total };
}
