/** The reviewer's work queue: dossiers awaiting review within their competence, with filters. */
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import type { UnitKind } from "@/lib/generated/prisma/enums";
import type { Actor } from "@/lib/auth/actor";
import { authorize, reviewScopeWhere } from "@/lib/auth/permissions";
import { UNIT_KINDS } from "@/lib/domain/vocabulary";
import { AWAITING_REVIEW_STATES, type DossierState } from "@/lib/workflow/dossier-states";
import { loadCompetenceTable } from "@/lib/rules/competence-store";
import { decisionDeadlineOf } from "@/lib/rules/competence";
import { todayInVietnam } from "@/lib/domain/vietnam-today";
import { cappedTotal, DEFAULT_PAGE_SIZE, keysetPage, type KeysetColumn, type PageRequest } from "@/lib/paging/keyset";

export type ReviewQueueFilters = {
  communeId?: string;
  kind?: UnitKind;
  state?: DossierState;
  /** "OVERDUE": the decision deadline has passed; "ON_TIME": it has not. */
  deadline?: "OVERDUE" | "ON_TIME";
};

/** States a reviewer may filter the queue by: awaiting review, plus what they sent back or proposed. */
export const QUEUE_STATES: readonly DossierState[] = ["SUBMITTED", "UNDER_REVIEW", "RETURNED", "PROPOSED"];

const queueSelect = {
  id: true,
  state: true,
  submittedAt: true,
  submissionLate: true,
  reviewRound: true,
  unit: { select: { id: true, name: true, kind: true, commune: { select: { id: true, name: true } } } },
} as const;
type QueueRow = Prisma.DossierGetPayload<{ select: typeof queueSelect }>;

/**
 * Oldest submission first, then id: the order "Hồ sơ tiếp theo" follows (nextInQueue in
 * lib/dossiers/review-queries.ts, ADR 0018). Every dossier in a queue state has been submitted,
 * so submittedAt is never null here.
 */
const QUEUE_ORDER: readonly KeysetColumn<QueueRow>[] = [
  { path: ["submittedAt"], dir: "asc", value: (d) => d.submittedAt },
  { path: ["id"], dir: "asc", value: (d) => d.id },
];

export const QUEUE_PAGE_SIZE = DEFAULT_PAGE_SIZE;

/**
 * One page of the reviewer's queue (ADR 0024-keyset-paging), with capped counts of the whole
 * filtered queue and of its overdue part for the header.
 */
export async function reviewQueue(prisma: PrismaClient, actor: Actor | null, year: number, filters: ReviewQueueFilters & PageRequest = {}, now: Date = new Date()) {
  authorize(actor, { action: "reviewQueue.read" });
  const today = todayInVietnam(now);
  // The decision deadline depends only on the unit kind and the year (the competence row governing
  // it), so the deadline filter becomes a kind filter and stays in the query.
  const table = await loadCompetenceTable(prisma, year);
  const overdueKinds = UNIT_KINDS.filter((k) => decisionDeadlineOf(table[k], year) < today);
  const deadlineKinds = filters.deadline === "OVERDUE" ? overdueKinds : filters.deadline === "ON_TIME" ? UNIT_KINDS.filter((k) => !overdueKinds.includes(k)) : undefined;
  const scope = reviewScopeWhere(actor);
  const where: Prisma.DossierWhereInput = {
    year,
    state: filters.state ? filters.state : { in: [...AWAITING_REVIEW_STATES] },
    unit: {
      AND: [
        scope,
        filters.communeId ? { communeId: filters.communeId } : {},
        filters.kind ? { kind: filters.kind } : {},
        deadlineKinds ? { kind: { in: [...deadlineKinds] } } : {},
      ],
    },
  };
  // Overdue: awaiting review (not sent back or proposed) and of a kind whose deadline has passed.
  const overdueWhere: Prisma.DossierWhereInput = { AND: [where, { state: { in: [...AWAITING_REVIEW_STATES] }, unit: { kind: { in: [...overdueKinds] } } }] };
  const [total, overdue, page] = await Promise.all([
    cappedTotal((take) => prisma.dossier.count({ where, take })),
    overdueKinds.length ? cappedTotal((take) => prisma.dossier.count({ where: overdueWhere, take })) : { count: 0, capped: false },
    keysetPage<QueueRow>({
      request: filters,
      size: QUEUE_PAGE_SIZE,
      columns: QUEUE_ORDER,
      // Within the reviewer's competence and year, whatever its state now: a dossier just
      // reviewed off the queue still marks where the next page starts.
      boundary: (id) => prisma.dossier.findFirst({ where: { id, year, unit: scope }, select: queueSelect }),
      fetch: ({ where: after, orderBy, take }) =>
        prisma.dossier.findMany({ where: { AND: [where, after as Prisma.DossierWhereInput] }, orderBy: orderBy as Prisma.DossierOrderByWithRelationInput[], take, select: queueSelect }),
    }),
  ]);
  const rows = page.rows.map((d) => {
    const deadline = decisionDeadlineOf(table[d.unit.kind], year);
    return { ...d, decisionDeadline: deadline, overdue: deadline < today && (AWAITING_REVIEW_STATES as readonly string[]).includes(d.state) };
  });
  return { rows, page, total, overdue };
}
