/**
 * The administrators' view of the outbox (/admin/email): deliveries by status, newest first,
 * keyset-paged (ADR 0024), and sending a failed delivery again (audited).
 */
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/permissions";
import { recordAudit } from "@/lib/audit/record-audit";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import type { EmailDeliveryStatus } from "@/lib/generated/prisma/enums";
import { cappedTotal, keysetPage, type KeysetColumn, type PageRequest } from "@/lib/paging/keyset";
import { UserFacingError } from "@/lib/validation/action-result";

export const EMAIL_PAGE_SIZE = 50;
export const EMAIL_STATUSES = ["FAILED", "QUEUED", "SENDING", "SENT"] as const satisfies readonly EmailDeliveryStatus[];

export const EMAIL_STATUS_LABELS: Record<EmailDeliveryStatus, string> = {
  QUEUED: "Chờ gửi",
  SENDING: "Đang gửi",
  SENT: "Đã gửi",
  FAILED: "Gửi lỗi",
};

const SELECT = {
  id: true,
  toAddress: true,
  subject: true,
  status: true,
  attempts: true,
  lastError: true,
  nextAttemptAt: true,
  sentAt: true,
  createdAt: true,
  user: { select: { username: true, fullName: true } },
} as const satisfies Prisma.EmailDeliverySelect;

export type EmailDeliveryRow = Prisma.EmailDeliveryGetPayload<{ select: typeof SELECT }>;

const ORDER: readonly KeysetColumn<EmailDeliveryRow>[] = [
  { path: ["createdAt"], dir: "desc", value: (d) => d.createdAt },
  { path: ["id"], dir: "desc", value: (d) => d.id },
];

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export type EmailDeliveryFilters = { status?: EmailDeliveryStatus } & PageRequest;

/** One page of deliveries of one status (all when none), and how many there are of each status. */
export async function listEmailDeliveries(prisma: PrismaClient, actor: Actor | null, filters: EmailDeliveryFilters = {}) {
  authorize(actor, { action: "email.manage" });
  const where: Prisma.EmailDeliveryWhereInput = filters.status ? { status: filters.status } : {};
  const [total, page, groups] = await Promise.all([
    cappedTotal((take) => prisma.emailDelivery.count({ where, take })),
    keysetPage<EmailDeliveryRow>({
      request: filters,
      size: EMAIL_PAGE_SIZE,
      columns: ORDER,
      boundary: (id) => (UUID.test(id) ? prisma.emailDelivery.findFirst({ where: { id, ...where }, select: SELECT }) : Promise.resolve(null)),
      fetch: ({ where: after, orderBy, take }) =>
        prisma.emailDelivery.findMany({ where: { AND: [where, after as Prisma.EmailDeliveryWhereInput] }, orderBy: orderBy as Prisma.EmailDeliveryOrderByWithRelationInput[], take, select: SELECT }),
    }),
    prisma.emailDelivery.groupBy({ by: ["status"], _count: { _all: true } }),
  ]);
  const counts = Object.fromEntries(EMAIL_STATUSES.map((s) => [s, 0])) as Record<EmailDeliveryStatus, number>;
  for (const g of groups) counts[g.status] = g._count._all;
  return { rows: page.rows, page, total, counts };
}

/**
 * Puts a FAILED delivery back in the outbox with a fresh count of attempts. Refused for any other
 * status (a SENT one would go out twice; a QUEUED or SENDING one is already on its way).
 * The caller wakes the sender after this returns (the transaction has committed).
 */
export async function resendEmailDelivery(prisma: PrismaClient, actor: Actor | null, input: { id: string }): Promise<void> {
  authorize(actor, { action: "email.manage" });
  await prisma.$transaction(async (tx) => {
    const before = await tx.emailDelivery.findUnique({ where: { id: input.id }, select: { id: true, status: true, toAddress: true, subject: true, attempts: true, lastError: true } });
    if (!before) throw new UserFacingError("Không tìm thấy thư này (có thể đã bị xóa).");
    // Conditional on the status read: two admins pressing at once re-queue it once.
    const { count } = await tx.emailDelivery.updateMany({
      where: { id: input.id, status: "FAILED" },
      data: { status: "QUEUED", attempts: 0, nextAttemptAt: new Date(), lastError: null, claimedAt: null },
    });
    if (count !== 1) throw new UserFacingError(`Chỉ gửi lại được thư đang ở trạng thái “Gửi lỗi” (thư này: “${EMAIL_STATUS_LABELS[before.status]}”).`);
    await recordAudit(tx, {
      actor,
      action: "email.resent",
      entityType: "EmailDelivery",
      entityId: before.id,
      before: { status: before.status, attempts: before.attempts, lastError: before.lastError },
      after: { status: "QUEUED" },
      meta: { to: before.toAddress, subject: before.subject },
    });
  });
}
