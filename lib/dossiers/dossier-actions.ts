/**
 * Use-cases of the yearly dossier before the decision: registration, self-assessment start,
 * per-criterion review, return, proposal, refusal. Each runs in one transaction through
 * transitionDossier (permission → transition table → optimistic update → audit).
 */
import type { PrismaClient, Prisma } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/permissions";
import { recordAudit } from "@/lib/audit/record-audit";
import { EXCLUSION_REASON_LABELS } from "@/lib/domain/vocabulary";
import { dossierFactsOf } from "@/lib/registry/placement-rules";
import { UserFacingError } from "@/lib/validation/action-result";
import { deadlinesFor, isLate } from "@/lib/workflow/deadlines";
import { loadCycleCalendar } from "@/lib/rules/cycle-calendar-store";
import type { z } from "zod";
import { criterionReviewSchema, dossierVersionSchema, refusalSchema, type RegistrationInput } from "./dossier-schemas";
import { assertCriterionOfDossier } from "./evidence-files";
import { readFrozenCriteria } from "@/lib/rules/provincial-criteria";

/** Is this code one of the province's extra criteria the dossier froze in this round? */
async function isFrozenExtraCriterion(tx: Prisma.TransactionClient, dossierId: string, round: number, code: string): Promise<boolean> {
  const snapshot = await tx.dossierSnapshot.findUnique({ where: { dossierId_round: { dossierId, round } }, select: { extraCriteria: true } });
  return snapshot !== null && readFrozenCriteria(snapshot.extraCriteria).some((c) => c.code === code);
}
import { loadDossier, STALE_MESSAGE, transitionDossier } from "./dossier-transition";
import { todayInVietnam } from "@/lib/domain/vietnam-today";
import { REVIEWING_STATES, TRANSITIONS } from "@/lib/workflow/transitions";
import { unjudgedCriteria } from "@/lib/workflow/review-round";
import { loadRoundStanding } from "./review-round";
import { findCriterion } from "./self-assessment-questions";
import { notify } from "@/lib/notifications/notify";

/** The facts every notification about this dossier carries (lib/notifications/catalogue.ts). */
const noticeFacts = (d: { id: string; unitId: string; year: number; reviewRound: number; unit: { name: string } }) => ({
  dossierId: d.id,
  unitId: d.unitId,
  unitName: d.unit.name,
  year: d.year,
  round: d.reviewRound,
});

const date = (iso: string | undefined) => (iso ? new Date(`${iso}T00:00:00.000Z`) : null);

async function dossierOrThrow(tx: Prisma.TransactionClient, dossierId: string) {
  const dossier = await loadDossier(tx, dossierId);
  if (!dossier) throw new UserFacingError("Hồ sơ không tồn tại.");
  return dossier;
}

/** Đăng ký phấn đấu (quý I). Accepted after 31/3 too, but marked late. */
export async function registerDossier(prisma: PrismaClient, actor: Actor | null, input: RegistrationInput, now: Date = new Date()) {
  return prisma.$transaction(async (tx) => {
    const unit = await tx.unit.findUnique({
      where: { id: input.unitId },
      select: { id: true, kind: true, communeId: true, managingAuthorityId: true, sector: true, hasPartyOrganisation: true, exclusionReason: true },
    });
    if (!unit) throw new UserFacingError("Đơn vị không tồn tại.");
    authorize(actor, { action: "unit.update", unit });
    if (unit.exclusionReason) throw new UserFacingError(`Đơn vị không thuộc diện đăng ký: ${EXCLUSION_REASON_LABELS[unit.exclusionReason]}.`);
    const dossier = await tx.dossier.upsert({
      where: { unitId_year: { unitId: unit.id, year: input.year } },
      // The dossier freezes what it is about (ADR 0009); a NOT_REGISTERED dossier being registered
      // now takes the unit's facts of today.
      create: { unitId: unit.id, year: input.year, ...dossierFactsOf(unit) },
      update: {},
    });
    const registeredOn = input.registeredOn ?? todayInVietnam(now);
    const late = isLate(registeredOn, deadlinesFor(unit.kind, await loadCycleCalendar(tx, input.year)).registration);
    await transitionDossier(tx, {
      actor,
      dossier,
      unit,
      action: "REGISTER",
      expectedVersion: dossier.version,
      facts: {
        requiresPartyResolution: unit.hasPartyOrganisation,
        requiresPlan: unit.kind !== "KDC",
        hasPartyResolution: !!input.partyResolutionRef,
        hasPlan: !!input.planRef,
        hasCommitment: !!input.commitmentRef,
      },
      data: {
        registeredOn: date(registeredOn),
        registrationLate: late,
        partyResolutionRef: input.partyResolutionRef ?? null,
        partyResolutionOn: date(input.partyResolutionOn),
        planRef: input.planRef ?? null,
        planOn: date(input.planOn),
        commitmentRef: input.commitmentRef ?? null,
        commitmentOn: date(input.commitmentOn),
        ...(input.planTargets ? { planTargets: input.planTargets as Prisma.InputJsonValue } : {}),
      },
    });
    return { dossierId: dossier.id, late };
  });
}

export async function startSelfAssessment(prisma: PrismaClient, actor: Actor | null, input: z.output<typeof dossierVersionSchema>) {
  return prisma.$transaction(async (tx) => {
    const dossier = await dossierOrThrow(tx, input.dossierId);
    return transitionDossier(tx, { actor, dossier, unit: dossier.unit, action: "START_SELF_ASSESSMENT", expectedVersion: input.version });
  });
}

/** Flags of the current round, for the return/propose guards. */
async function currentFlags(tx: Prisma.TransactionClient, dossierId: string, round: number) {
  const rows = await tx.criterionReview.findMany({ where: { dossierId, round, status: "FLAGGED" }, orderBy: { criterionId: "asc" } });
  return rows.map((r) => ({ criterionId: r.criterionId, comment: r.comment }));
}

/**
 * Before a verdict is written: the dossier must be in a reviewing state (transition table); the
 * first verdict takes it from SUBMITTED to UNDER_REVIEW, later ones bump its version, so two
 * reviewers editing the same dossier cannot overwrite each other.
 */
async function enterReview(tx: Prisma.TransactionClient, actor: Actor, dossier: Awaited<ReturnType<typeof dossierOrThrow>>, version: number) {
  if (!REVIEWING_STATES.includes(dossier.state)) throw new UserFacingError("Chỉ thẩm định được hồ sơ đã nộp hoặc đang thẩm định.");
  if (TRANSITIONS.START_REVIEW.from.includes(dossier.state)) {
    await transitionDossier(tx, { actor, dossier, unit: dossier.unit, action: "START_REVIEW", expectedVersion: version });
  } else {
    const { count } = await tx.dossier.updateMany({ where: { id: dossier.id, version, state: dossier.state }, data: { version: { increment: 1 } } });
    if (count !== 1) throw new UserFacingError(STALE_MESSAGE);
  }
}

/**
 * A reviewer's finding on one criterion of the current round. The first finding takes the
 * dossier from SUBMITTED to UNDER_REVIEW. Bumps the dossier version, so two reviewers editing
 * the same dossier cannot overwrite each other.
 */
export async function reviewCriterion(prisma: PrismaClient, actor: Actor | null, input: z.output<typeof criterionReviewSchema>) {
  return prisma.$transaction(async (tx) => {
    const dossier = await dossierOrThrow(tx, input.dossierId);
    authorize(actor, { action: "dossier.review", unit: dossier.unit });
    // Before anything moves: a criterion outside the unit kind's rule set, and not one of the
    // province's extra criteria frozen with this round, must not start the review.
    if (!(await isFrozenExtraCriterion(tx, dossier.id, dossier.reviewRound, input.criterionId))) assertCriterionOfDossier(dossier, input.criterionId);
    if (input.status === "FLAGGED" && !input.comment) throw new UserFacingError("Vui lòng ghi rõ nội dung cần bổ sung.", "comment");
    await enterReview(tx, actor, dossier, input.version);
    const key = { dossierId_round_criterionId: { dossierId: dossier.id, round: dossier.reviewRound, criterionId: input.criterionId } };
    const before = await tx.criterionReview.findUnique({ where: key });
    const after = await tx.criterionReview.upsert({
      where: key,
      create: { dossierId: dossier.id, round: dossier.reviewRound, criterionId: input.criterionId, status: input.status, comment: input.comment ?? null, reviewerId: actor.userId },
      update: { status: input.status, comment: input.comment ?? null, reviewerId: actor.userId },
    });
    await recordAudit(tx, {
      actor,
      action: "dossier.criterion_reviewed",
      entityType: "CriterionReview",
      entityId: after.id,
      unitId: dossier.unitId,
      before: before && { status: before.status, comment: before.comment },
      after: { criterionId: after.criterionId, round: after.round, status: after.status, comment: after.comment },
    });
    return { version: input.version + 1 };
  });
}

export async function returnDossier(prisma: PrismaClient, actor: Actor | null, input: z.output<typeof dossierVersionSchema>) {
  return prisma.$transaction(async (tx) => {
    const dossier = await dossierOrThrow(tx, input.dossierId);
    const flaggedCriteria = await currentFlags(tx, dossier.id, dossier.reviewRound);
    const to = await transitionDossier(tx, { actor, dossier, unit: dossier.unit, action: "RETURN", expectedVersion: input.version, facts: { flaggedCriteria }, meta: { flagged: flaggedCriteria } });
    const flagged = flaggedCriteria.map((f) => ({ code: f.criterionId, title: findCriterion(dossier.unit.kind, f.criterionId, dossier.year)?.title, comment: f.comment }));
    await notify(tx, [{ kind: "DOSSIER_RETURNED", ...noticeFacts(dossier), flagged }]);
    return to;
  });
}

/**
 * "Thống nhất các tiêu chí còn lại": the reviewer agrees, in one step, with every criterion of the
 * round that has no verdict yet (neither judged in this round nor carried forward). Verdicts
 * already given, flags included, are left as they are. One audit event names the criteria.
 */
export async function agreeRemainingCriteria(prisma: PrismaClient, actor: Actor | null, input: z.output<typeof dossierVersionSchema>) {
  return prisma.$transaction(async (tx) => {
    const dossier = await dossierOrThrow(tx, input.dossierId);
    authorize(actor, { action: "dossier.review", unit: dossier.unit });
    if (dossier.version !== input.version) throw new UserFacingError(STALE_MESSAGE);
    const { standing } = await loadRoundStanding(tx, dossier);
    const remaining = unjudgedCriteria(standing);
    if (remaining.length === 0) throw new UserFacingError("Mọi tiêu chí của lần nộp này đã có ý kiến thẩm định.");
    await enterReview(tx, actor, dossier, input.version);
    await tx.criterionReview.createMany({
      data: remaining.map((criterionId) => ({ dossierId: dossier.id, round: dossier.reviewRound, criterionId, status: "ACCEPTED" as const, comment: null, reviewerId: actor.userId })),
    });
    await recordAudit(tx, {
      actor,
      action: "dossier.criteria_agreed",
      entityType: "Dossier",
      entityId: dossier.id,
      unitId: dossier.unitId,
      after: { dossierId: dossier.id, round: dossier.reviewRound, status: "ACCEPTED", criterionIds: remaining },
    });
    return { version: input.version + 1, agreed: remaining };
  });
}

export async function proposeDossier(prisma: PrismaClient, actor: Actor | null, input: z.output<typeof dossierVersionSchema>, now: Date = new Date()) {
  return prisma.$transaction(async (tx) => {
    const dossier = await dossierOrThrow(tx, input.dossierId);
    const flaggedCriteria = await currentFlags(tx, dossier.id, dossier.reviewRound);
    const { standing } = await loadRoundStanding(tx, dossier);
    const facts = { flaggedCriteria, unjudgedCriteria: unjudgedCriteria(standing) };
    const to = await transitionDossier(tx, { actor, dossier, unit: dossier.unit, action: "PROPOSE", expectedVersion: input.version, facts, data: { proposedAt: now } });
    await notify(tx, [{ kind: "DOSSIER_PROPOSED", ...noticeFacts(dossier) }], now);
    return to;
  });
}

export async function refuseDossier(prisma: PrismaClient, actor: Actor | null, input: z.output<typeof refusalSchema>, now: Date = new Date()) {
  return prisma.$transaction(async (tx) => {
    const dossier = await dossierOrThrow(tx, input.dossierId);
    const to = await transitionDossier(tx, {
      actor,
      dossier,
      unit: dossier.unit,
      action: "REFUSE",
      expectedVersion: input.version,
      facts: { reason: input.reason },
      data: { refusalReason: input.reason, decidedAt: now },
    });
    await notify(tx, [{ kind: "DOSSIER_REFUSED", ...noticeFacts(dossier), reason: input.reason }], now);
    return to;
  });
}
