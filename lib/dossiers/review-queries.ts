/** The reviewer's view of a submitted dossier: snapshot per criterion, findings, diff, mismatches. */
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/auth/actor";
import { can, ForbiddenError } from "@/lib/auth/permissions";
import { availableActions, guardReasons, mayJudgeCriteria } from "@/lib/workflow/transitions";
import { AWAITING_REVIEW_STATES } from "@/lib/workflow/dossier-states";
import { unjudgedCriteria } from "@/lib/workflow/review-round";
import { reviewScopeWhere } from "@/lib/auth/permissions";
import { loadRoundStanding } from "./review-round";
import { INCIDENT_CODE_LABELS, type UnitKind } from "@/lib/domain/vocabulary";
import { evaluationWindow } from "@/lib/criteria";
import { criteriaForKind, questionsFor } from "./self-assessment-questions";
import { diffSnapshots, type SnapshotView } from "./snapshot-diff";
import { performersFor } from "./dossier-transition";
import { evaluateUnitFromDatabase } from "./criteria-input";
import { readFrozenCriteria, toEngineCriterion } from "@/lib/rules/provincial-criteria";
import { loadApplicableCriteria } from "@/lib/rules/provincial-criteria-store";

export async function getReview(prisma: PrismaClient, actor: Actor | null, dossierId: string) {
  const found = await prisma.dossier.findUnique({
    where: { id: dossierId },
    include: {
      commune: { select: { name: true } },
      unit: { select: { id: true, name: true, kind: true, communeId: true, educationLevel: true, commune: { select: { name: true } } } },
    },
  });
  if (!found) return null;
  if (!can(actor, { action: "dossier.review", unit: found.unit }) && !can(actor, { action: "dossier.decide", unit: found.unit })) {
    throw new ForbiddenError("dossier.review");
  }
  // Who may review is decided on the unit as it is today (above); what is reviewed — the kind's
  // criteria, the commune shown — is what the dossier froze at registration (ADR 0009).
  const performers = performersFor(actor, found.unit);
  const dossier = { ...found, unit: { ...found.unit, kind: found.kind, communeId: found.communeId, commune: found.commune } };
  // Police-recorded incidents in the window the unit did not declare itself.
  const window = evaluationWindow(dossier.unit.kind === "KDC" ? "KDC" : "XA", dossier.year);
  // Once the dossier is authorised, its parts are read together: one after another they were
  // seven round trips, and under load each waited its turn again.
  const [rounds, incidents, reviews, { standing }, nextDossierId] = await Promise.all([
    snapshotsAndCriteria(prisma, dossier),
    prisma.incident.findMany({
      where: { unitId: dossier.unitId, occurredOn: { gte: new Date(`${window.from}T00:00:00Z`), lte: new Date(`${window.to}T00:00:00Z`) } },
      orderBy: { occurredOn: "asc" },
    }),
    prisma.criterionReview.findMany({ where: { dossierId }, orderBy: [{ round: "desc" }, { criterionId: "asc" }] }),
    loadRoundStanding(prisma, dossier),
    performers.includes("REVIEWER") ? nextInQueue(prisma, actor, dossier) : Promise.resolve(null),
  ]);
  const { current, previous, extraCriteria, live } = rounds;
  const view = (s: typeof current): SnapshotView | null => (s ? { result: s.result as never, answers: s.answers as never, evidence: s.evidence as never } : null);
  const currentView = view(current);
  const questions = questionsFor(dossier.unit.kind, dossier.unit.educationLevel ? { educationLevels: [dossier.unit.educationLevel as never] } : {});
  const questionsOf = (id: string) => questions.filter((q) => q.criterionId === id).map((q) => ({ key: q.key, question: q.question }));
  const previousView = view(previous);
  const diff = currentView && previousView ? diffSnapshots(previousView, currentView, questionsOf) : [];

  const declared = new Set(incidents.filter((i) => i.source === "UNIT_DECLARED").map((i) => `${i.code}:${i.occurredOn.toISOString().slice(0, 10)}`));
  const undeclaredPoliceIncidents = incidents
    .filter((i) => i.source === "POLICE_RECORDED" && !declared.has(`${i.code}:${i.occurredOn.toISOString().slice(0, 10)}`))
    .map((i) => ({ id: i.id, title: i.title, code: i.code, codeLabel: INCIDENT_CODE_LABELS[i.code], occurredOn: i.occurredOn }));

  const flagged = reviews.filter((r) => r.round === dossier.reviewRound && r.status === "FLAGGED").map((r) => ({ criterionId: r.criterionId, comment: r.comment }));
  // The same guards the server applies, so the button says why it cannot be used yet.
  const proposeBlockedBy = guardReasons("PROPOSE", { flaggedCriteria: flagged, unjudgedCriteria: unjudgedCriteria(standing) });
  return {
    dossier,
    criteria: criteriaForKind(dossier.unit.kind, dossier.year),
    extraCriteria,
    questionsOf,
    snapshot: currentView,
    snapshotAt: current?.submittedAt ?? null,
    live: live?.result ?? null,
    diff,
    previousRound: previous?.round ?? null,
    currentReviews: reviews.filter((r) => r.round === dossier.reviewRound),
    earlierReviews: reviews.filter((r) => r.round < dossier.reviewRound),
    undeclaredPoliceIncidents,
    actions: availableActions(dossier.state, performers),
    standing,
    judging: mayJudgeCriteria(dossier.state, performers),
    isReviewer: performers.includes("REVIEWER"),
    proposeBlockedBy,
    nextDossierId,
  };
}

/**
 * The snapshots of the round under review and the one before, the province's extra criteria the
 * reviewer judges (those frozen with the round; the rules in force for a dossier submitted before
 * snapshots existed, as the demo data's) and, for such a dossier, its result from live data.
 */
async function snapshotsAndCriteria(prisma: PrismaClient, dossier: { id: string; unitId: string; year: number; reviewRound: number; unit: { kind: UnitKind } }) {
  const snapshots = await prisma.dossierSnapshot.findMany({ where: { dossierId: dossier.id }, orderBy: { round: "desc" }, take: 2 });
  const current = snapshots.find((s) => s.round === dossier.reviewRound) ?? null;
  const previous = snapshots.find((s) => s.round === dossier.reviewRound - 1) ?? null;
  const extraCriteria = current ? readFrozenCriteria(current.extraCriteria) : await loadApplicableCriteria(prisma, dossier.unit.kind, dossier.year);
  const live = current ? null : await evaluateUnitFromDatabase(prisma, dossier.unitId, dossier.year, { extraCriteria: extraCriteria.map(toEngineCriterion) }).catch(() => null);
  return { current, previous, extraCriteria, live };
}

/**
 * The next dossier of the reviewer's queue after this one: the oldest submission awaiting review
 * within their competence, same year (the order of the queue on the home page).
 */
async function nextInQueue(prisma: PrismaClient, actor: Actor | null, dossier: { id: string; year: number }) {
  const next = await prisma.dossier.findFirst({
    where: { year: dossier.year, id: { not: dossier.id }, state: { in: [...AWAITING_REVIEW_STATES] }, unit: reviewScopeWhere(actor) },
    orderBy: [{ submittedAt: "asc" }, { id: "asc" }],
    select: { id: true },
  });
  return next?.id ?? null;
}
