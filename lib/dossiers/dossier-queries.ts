/** Read models of a unit's yearly dossier, scoped by the permission function. */
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/permissions";
import { availableActions } from "@/lib/workflow/transitions";
import { deadlinesFor } from "@/lib/workflow/deadlines";
import { loadCycleCalendar } from "@/lib/rules/cycle-calendar-store";
import { performersFor } from "./dossier-transition";
import { loadCompetenceTable } from "@/lib/rules/competence-store";
import { readFrozenCriteria } from "@/lib/rules/provincial-criteria";
import { loadApplicableCriteria } from "@/lib/rules/provincial-criteria-store";
import { criteriaForKind } from "./self-assessment-questions";
import { describeHistoryEvent, type HistoryRow } from "./history-rows";

export async function getDossierOverview(prisma: PrismaClient, actor: Actor | null, unitId: string, year: number) {
  const unit = await prisma.unit.findUnique({
    where: { id: unitId },
    select: { id: true, name: true, kind: true, communeId: true, hasPartyOrganisation: true, exclusionReason: true, commune: { select: { name: true } }, managingAuthority: { select: { name: true } } },
  });
  if (!unit) return null;
  authorize(actor, { action: "unit.read", unit });
  const dossier = await prisma.dossier.findUnique({
    where: { unitId_year: { unitId, year } },
    include: { decision: { select: { id: true, number: true, issuedOn: true } } },
  });
  const performers = performersFor(actor, unit);
  const state = dossier?.state ?? "NOT_REGISTERED";
  const [table, calendar] = await Promise.all([loadCompetenceTable(prisma, year), loadCycleCalendar(prisma, year)]);
  const rule = table[unit.kind];
  return {
    unit,
    dossier,
    state,
    performers,
    actions: unit.exclusionReason ? [] : availableActions(state, performers),
    deadlines: deadlinesFor(unit.kind, calendar, rule),
    /** Who reviews and who decides this year (competence table). */
    competence: rule,
  };
}

/**
 * The dossier's history from the audit log: its own transitions and the changes to its evidence,
 * answers and reviews. A unit sees its own dossier's history only, never the global log.
 */
export async function getDossierHistory(prisma: PrismaClient, actor: Actor | null, dossierId: string) {
  const dossier = await prisma.dossier.findUnique({ where: { id: dossierId }, include: { unit: { select: { id: true, kind: true, communeId: true } } } });
  if (!dossier) return null;
  authorize(actor, { action: "unit.read", unit: dossier.unit });
  return prisma.auditEvent.findMany({
    where: {
      unitId: dossier.unitId,
      OR: [{ entityType: "Dossier", entityId: dossierId }, { after: { path: ["dossierId"], equals: dossierId } }, { entityType: "CriterionReview", entityId: { in: (await prisma.criterionReview.findMany({ where: { dossierId }, select: { id: true } })).map((r) => r.id) } }],
    },
    orderBy: { id: "asc" },
    select: { id: true, at: true, actorId: true, actorUsername: true, action: true, before: true, after: true, meta: true },
  });
}

/**
 * The dossier's history as rows people read: the criterion each event changed (code and short
 * title) and the full name of who did it.
 */
export async function getDossierHistoryRows(prisma: PrismaClient, actor: Actor | null, dossierId: string): Promise<HistoryRow[]> {
  const events = await getDossierHistory(prisma, actor, dossierId);
  if (!events || events.length === 0) return [];
  const dossier = await prisma.dossier.findUniqueOrThrow({ where: { id: dossierId }, select: { kind: true, year: true } });
  const titles = new Map<string, string>(criteriaForKind(dossier.kind, dossier.year).map((c) => [c.id, c.title]));
  // The province's extra criteria as frozen with each round, and those that apply now.
  const snapshots = await prisma.dossierSnapshot.findMany({ where: { dossierId }, select: { extraCriteria: true } });
  for (const c of [...snapshots.flatMap((s) => readFrozenCriteria(s.extraCriteria)), ...(await loadApplicableCriteria(prisma, dossier.kind, dossier.year))]) {
    if (!titles.has(c.code)) titles.set(c.code, c.title);
  }
  const actorIds = [...new Set(events.map((e) => e.actorId).filter((id): id is string => !!id))];
  const users = actorIds.length ? await prisma.user.findMany({ where: { id: { in: actorIds } }, select: { id: true, fullName: true } }) : [];
  const names = new Map(users.map((u) => [u.id, u.fullName]));
  return events.map((e) => describeHistoryEvent(e, titles, names));
}
