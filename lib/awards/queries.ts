/**
 * Reads of the commendations (issue 14 §3): the proposals of a year, one proposal with its
 * nominees and their records, the candidates for it, a unit's awards over the years.
 */
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { AwardKind } from "@/lib/generated/prisma/enums";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/permissions";
import { AWARD_LEVEL } from "./kinds";
import { checkCandidate, type CandidateCheck } from "./rules";
import { EMPTY_RECORD, parseRecord, type NomineeRecord } from "./record";
import { loadRecords, subjectKey, subjectOf } from "./record-queries";

export async function listProposals(prisma: PrismaClient, actor: Actor | null, year: number) {
  authorize(actor, { action: "commendation.read" });
  return prisma.commendationProposal.findMany({
    where: { year },
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    select: {
      id: true,
      year: true,
      awardKind: true,
      title: true,
      state: true,
      submissionNumber: true,
      submittedOn: true,
      createdAt: true,
      decision: { select: { number: true, issuedOn: true } },
      _count: { select: { nominees: true } },
    },
  });
}

export type NomineeView = {
  id: string;
  kind: "UNIT" | "PARTICIPANT" | "INDIVIDUAL";
  displayName: string;
  fullName: string | null;
  jobTitle: string | null;
  workplace: string | null;
  unitId: string | null;
  achievement: string;
  tt124Unit: boolean;
  /** Frozen on submission; computed now for a draft. */
  record: NomineeRecord;
  recordFrozen: boolean;
};

export async function getProposal(prisma: PrismaClient, actor: Actor | null, proposalId: string) {
  authorize(actor, { action: "commendation.read" });
  const p = await prisma.commendationProposal.findUnique({
    where: { id: proposalId },
    include: {
      decision: { include: { authority: { select: { name: true } } } },
      nominees: {
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        include: { workUnit: { select: { name: true } }, workParticipant: { select: { name: true } }, award: { select: { id: true } } },
      },
    },
  });
  if (!p) return null;
  const live = p.state === "DRAFT" ? await loadRecords(prisma, p.nominees.flatMap(subjectOf), p.year) : new Map<string, NomineeRecord>();
  const nominees: NomineeView[] = p.nominees.map((n) => {
    const frozen = parseRecord(n.record);
    return {
      id: n.id,
      kind: n.unitId ? "UNIT" : n.participantId ? "PARTICIPANT" : "INDIVIDUAL",
      displayName: n.displayName,
      fullName: n.fullName,
      jobTitle: n.jobTitle,
      workplace: n.workUnit?.name ?? n.workParticipant?.name ?? null,
      unitId: n.unitId ?? n.workUnitId,
      achievement: n.achievement,
      tt124Unit: Boolean(n.unitId),
      record: frozen ?? (n.fullName ? EMPTY_RECORD : (live.get(subjectKey(n)) ?? EMPTY_RECORD)),
      recordFrozen: frozen !== null,
    };
  });
  return { ...p, nominees };
}
export type ProposalDetail = NonNullable<Awaited<ReturnType<typeof getProposal>>>;

export type Candidate = {
  unitId: string | null;
  participantId: string | null;
  name: string;
  where: string;
  className: string;
  reviewedTotal: string | null;
  record: NomineeRecord;
  check: CandidateCheck;
  /** Already in a proposal (not withdrawn) of this kind and year. */
  proposed: boolean;
};

/**
 * The collectives classified in the proposal's year, each with its record and whether it meets the
 * rule of the award kind; candidates first. A read for the provincial police preparing a proposal.
 */
export async function listCandidates(prisma: PrismaClient, actor: Actor | null, input: { year: number; awardKind: AwardKind }): Promise<Candidate[]> {
  authorize(actor, { action: "commendation.read" });
  const evaluations = await prisma.movementEvaluation.findMany({
    where: { year: input.year, state: "CLASSIFIED", classRank: { not: null } },
    select: {
      unitId: true,
      participantId: true,
      className: true,
      classRank: true,
      reviewedTotal: true,
      unit: { select: { name: true, commune: { select: { name: true } } } },
      participant: { select: { name: true } },
    },
    orderBy: [{ classRank: "asc" }, { reviewedTotal: "desc" }, { id: "asc" }],
    take: 2000,
  });
  const subjects = evaluations.flatMap(subjectOf);
  const [records, proposed] = await Promise.all([
    loadRecords(prisma, subjects, input.year),
    prisma.commendationNominee.findMany({
      where: { proposal: { year: input.year, awardKind: input.awardKind, state: { not: "WITHDRAWN" } }, fullName: null },
      select: { unitId: true, participantId: true },
    }),
  ]);
  const proposedKeys = new Set(proposed.map(subjectKey));
  const candidates = evaluations.map((e) => {
    const record = records.get(subjectKey(e)) ?? EMPTY_RECORD;
    return {
      unitId: e.unitId,
      participantId: e.participantId,
      name: e.unit?.name ?? e.participant?.name ?? "",
      where: e.unit ? e.unit.commune.name : "Tập thể tham gia phong trào",
      className: e.className ?? "",
      reviewedTotal: e.reviewedTotal ? e.reviewedTotal.toFixed(2) : null,
      record,
      check: checkCandidate(input.awardKind, input.year, record, { tt124Unit: Boolean(e.unitId) }),
      proposed: proposedKeys.has(subjectKey(e)),
    };
  });
  return [...candidates.filter((c) => c.check.eligible), ...candidates.filter((c) => !c.check.eligible)];
}

/** The authorities that can give this award kind in the product (numbered decisions). */
export async function decisionAuthorities(prisma: PrismaClient, kind: AwardKind) {
  const level = AWARD_LEVEL[kind];
  if (level === "NATIONAL") return [];
  return prisma.authority.findMany({
    where: { isActive: true, ...(level === "PROVINCE" ? { kind: "UBND_TINH" as const } : {}) },
    orderBy: [{ kind: "asc" }, { name: "asc" }],
    select: { id: true, name: true, kind: true, documentSymbol: true },
    take: 500,
  });
}

/** Workplaces an individual can be named with: participants and the units that are not KDC. */
export async function workplaceOptions(prisma: PrismaClient) {
  const [units, participants] = await Promise.all([
    prisma.unit.findMany({ where: { isActive: true, kind: { not: "KDC" } }, select: { id: true, name: true }, orderBy: [{ name: "asc" }, { id: "asc" }], take: 1000 }),
    prisma.movementParticipant.findMany({ where: { isActive: true }, select: { id: true, name: true }, orderBy: [{ name: "asc" }, { id: "asc" }] }),
  ]);
  return { units, participants };
}

/**
 * A unit's awards over the years (its page's "Khen thưởng"), newest first: the unit's own and those
 * of individuals working there. Whoever may read the unit reads them: its officers see only their
 * own unit's awards.
 */
export async function unitAwards(prisma: PrismaClient, actor: Actor | null, unit: { id: string; kind: import("@/lib/generated/prisma/enums").UnitKind; communeId: string }) {
  authorize(actor, { action: "unit.read", unit });
  return prisma.award.findMany({
    where: { unitId: unit.id },
    orderBy: [{ year: "desc" }, { createdAt: "desc" }, { id: "asc" }],
    select: {
      id: true,
      year: true,
      kind: true,
      nominee: { select: { fullName: true, jobTitle: true, achievement: true } },
      decision: { select: { number: true, issuedOn: true, issuerName: true } },
    },
    take: 200,
  });
}
