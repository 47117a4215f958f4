/**
 * A person's inbox (issue 13 §2): the unread count of the header, the paged list, marking read.
 * Strictly per person: every query and update is bound to the actor's own id (permission
 * "notification.own"), so nobody reads or marks another person's notifications, whatever id they
 * send. Marking read is not audited: it changes nothing anyone else sees, and one event per click
 * would bury the log (ADR 0029-notifications-inbox).
 */
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/auth/actor";
import { authorize, unitScope } from "@/lib/auth/permissions";
import { UserFacingError } from "@/lib/validation/action-result";
import { kindsForAudience, type Audience, type InboxKind } from "./catalogue";
import { cappedTotal, DEFAULT_PAGE_SIZE, keysetPage, type KeysetColumn, type PageRequest } from "@/lib/paging/keyset";

/** The header shows "99+" beyond this; the count reads no further than one more row. */
export const UNREAD_CAP = 99;

function own(actor: Actor | null): Actor {
  authorize(actor, { action: "notification.own", ownerId: actor?.userId ?? "" });
  return actor;
}

/** Unread notifications of the actor, counted up to UNREAD_CAP + 1 on the partial index (runs on every page). */
export async function unreadCount(prisma: PrismaClient, actor: Actor | null): Promise<number> {
  const me = own(actor);
  const rows = await prisma.$queryRaw<{ n: bigint | number }[]>`
    SELECT count(*) AS "n" FROM (SELECT 1 FROM "Notification" WHERE "userId" = ${me.userId}::uuid AND "readAt" IS NULL LIMIT ${UNREAD_CAP + 1}) x`;
  return Number(rows[0]?.n ?? 0);
}

export type InboxFilters = { show?: "unread" | "all"; kind?: string };

const inboxSelect = { id: true, kind: true, title: true, body: true, link: true, createdAt: true, readAt: true } as const;
export type InboxRow = Prisma.NotificationGetPayload<{ select: typeof inboxSelect }>;

/** Newest first (the index on userId, createdAt DESC, id DESC). */
const INBOX_ORDER: readonly KeysetColumn<InboxRow>[] = [
  { path: ["createdAt"], dir: "desc", value: (r) => r.createdAt },
  { path: ["id"], dir: "desc", value: (r) => r.id },
];

/** One page of the actor's inbox (ADR 0024-keyset-paging), with the capped count of the filtered list. */
export async function inboxPage(prisma: PrismaClient, actor: Actor | null, filters: InboxFilters & PageRequest = {}, size = DEFAULT_PAGE_SIZE) {
  const me = own(actor);
  const where: Prisma.NotificationWhereInput = {
    userId: me.userId,
    ...(filters.show === "unread" ? { readAt: null } : {}),
    ...(filters.kind ? { kind: filters.kind } : {}),
  };
  const [page, total] = await Promise.all([
    keysetPage<InboxRow>({
      request: filters,
      size,
      columns: INBOX_ORDER,
      // The cursor is looked up among the actor's own rows only.
      boundary: (id) => prisma.notification.findFirst({ where: { id, userId: me.userId }, select: inboxSelect }),
      fetch: ({ where: keyset, orderBy, take }) => prisma.notification.findMany({ where: { AND: [where, keyset] }, orderBy, take, select: inboxSelect }),
    }),
    cappedTotal((take) => prisma.notification.count({ where, take })),
  ]);
  return { page, total };
}

export const NOT_YOURS_MESSAGE = "Không tìm thấy thông báo này trong hộp thông báo của anh/chị.";

/**
 * Marks the actor's own notifications among `ids` read (already read ones stay as they were).
 * An id that is not one of the actor's refuses the whole request and marks nothing — without
 * saying whether it exists for someone else. Returns how many changed.
 */
export async function markRead(prisma: PrismaClient, actor: Actor | null, ids: readonly string[], now: Date = new Date()): Promise<number> {
  const me = own(actor);
  const unique = [...new Set(ids)];
  if (unique.length === 0) return 0;
  return prisma.$transaction(async (tx) => {
    const mine = await tx.notification.count({ where: { id: { in: unique }, userId: me.userId } });
    if (mine !== unique.length) throw new UserFacingError(NOT_YOURS_MESSAGE);
    const { count } = await tx.notification.updateMany({ where: { id: { in: unique }, userId: me.userId, readAt: null }, data: { readAt: now } });
    return count;
  });
}

/** "Đánh dấu tất cả đã đọc". */
export async function markAllRead(prisma: PrismaClient, actor: Actor | null, now: Date = new Date()): Promise<number> {
  const me = own(actor);
  const { count } = await prisma.notification.updateMany({ where: { userId: me.userId, readAt: null }, data: { readAt: now } });
  return count;
}

/**
 * Opening a notification: marks it read and gives the page it links to; null when it is not the
 * actor's (or does not exist) — the caller answers "not found", never saying whose it is.
 */
export async function openNotification(prisma: PrismaClient, actor: Actor | null, id: string, now: Date = new Date()): Promise<string | null> {
  const me = own(actor);
  const rows = await prisma.$queryRaw<{ link: string }[]>`
    UPDATE "Notification" SET "readAt" = COALESCE("readAt", ${now.toISOString()}::timestamptz)
     WHERE "id" = ${id}::uuid AND "userId" = ${me.userId}::uuid
    RETURNING "link"`;
  return rows[0]?.link ?? null;
}

/** The kinds a person can receive (the inbox filter, the e-mail choices), from what they may do. */
export function audiencesOf(actor: Actor): Audience[] {
  const audiences: Audience[] = [];
  if (unitScope(actor, "unit.update")) audiences.push("officers");
  if (unitScope(actor, "dossier.review")) audiences.push("reviewers");
  return audiences;
}

export function kindsFor(actor: Actor): InboxKind[] {
  return kindsForAudience(audiencesOf(actor));
}
