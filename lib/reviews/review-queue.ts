/** The reviewer's work queue: dossiers awaiting review within their competence, with filters. */
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { UnitKind } from "@/lib/generated/prisma/enums";
import type { Actor } from "@/lib/auth/actor";
import { authorize, reviewScopeWhere } from "@/lib/auth/permissions";
import { UNIT_KINDS } from "@/lib/domain/vocabulary";
import { AWAITING_REVIEW_STATES, type DossierState } from "@/lib/workflow/dossier-states";
import { deadlinesFor } from "@/lib/workflow/deadlines";
import { loadCompetenceTable } from "@/lib/rules/competence-store";
import { todayInVietnam } from "@/lib/domain/vietnam-today";

export type ReviewQueueFilters = {
  communeId?: string;
  kind?: UnitKind;
  state?: DossierState;
  /** "OVERDUE": the decision deadline has passed; "ON_TIME": it has not. */
  deadline?: "OVERDUE" | "ON_TIME";
};

/** States a reviewer may filter the queue by: awaiting review, plus what they sent back or proposed. */
export const QUEUE_STATES: readonly DossierState[] = ["SUBMITTED", "UNDER_REVIEW", "RETURNED", "PROPOSED"];

export async function reviewQueue(prisma: PrismaClient, actor: Actor | null, year: number, filters: ReviewQueueFilters = {}, now: Date = new Date()) {
  authorize(actor, { action: "reviewQueue.read" });
  const today = todayInVietnam(now);
  // The decision deadline depends only on the unit kind and the year (the competence row governing
  // it), so the deadline filter becomes a kind filter and stays in the query.
  const table = await loadCompetenceTable(prisma, year);
  const overdueKinds = UNIT_KINDS.filter((k) => deadlinesFor(k, year, table[k]).decision < today);
  const deadlineKinds = filters.deadline === "OVERDUE" ? overdueKinds : filters.deadline === "ON_TIME" ? UNIT_KINDS.filter((k) => !overdueKinds.includes(k)) : undefined;
  const rows = await prisma.dossier.findMany({
    where: {
      year,
      state: filters.state ? filters.state : { in: [...AWAITING_REVIEW_STATES] },
      unit: {
        AND: [
          reviewScopeWhere(actor),
          filters.communeId ? { communeId: filters.communeId } : {},
          filters.kind ? { kind: filters.kind } : {},
          deadlineKinds ? { kind: { in: [...deadlineKinds] } } : {},
        ],
      },
    },
    orderBy: [{ submittedAt: "asc" }],
    take: 500,
    select: {
      id: true,
      state: true,
      submittedAt: true,
      submissionLate: true,
      reviewRound: true,
      unit: { select: { id: true, name: true, kind: true, commune: { select: { id: true, name: true } } } },
    },
  });
  return rows.map((d) => {
    const deadline = deadlinesFor(d.unit.kind, year, table[d.unit.kind]).decision;
    return { ...d, decisionDeadline: deadline, overdue: deadline < today && (AWAITING_REVIEW_STATES as readonly string[]).includes(d.state) };
  });
}
