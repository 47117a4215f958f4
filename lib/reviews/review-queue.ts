/** The reviewer's work queue: dossiers awaiting review within their competence. */
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/auth/actor";
import { authorize, reviewScopeWhere } from "@/lib/auth/permissions";
import { AWAITING_REVIEW_STATES } from "@/lib/workflow/dossier-states";

export async function reviewQueue(prisma: PrismaClient, actor: Actor | null, year: number) {
  authorize(actor, { action: "reviewQueue.read" });
  return prisma.dossier.findMany({
    where: { year, state: { in: [...AWAITING_REVIEW_STATES] }, unit: reviewScopeWhere(actor) },
    orderBy: [{ submittedAt: "asc" }],
    take: 200,
    select: {
      id: true,
      state: true,
      submittedAt: true,
      reviewRound: true,
      unit: { select: { id: true, name: true, kind: true, commune: { select: { name: true } } } },
    },
  });
}
