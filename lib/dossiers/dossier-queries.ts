/** Read models of a unit's yearly dossier, scoped by the permission function. */
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/permissions";
import { availableActions } from "@/lib/workflow/transitions";
import { deadlinesFor } from "@/lib/workflow/deadlines";
import { performersFor } from "./dossier-transition";
import { loadCompetenceTable } from "@/lib/rules/competence-store";

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
  const rule = (await loadCompetenceTable(prisma, year))[unit.kind];
  return {
    unit,
    dossier,
    state,
    performers,
    actions: unit.exclusionReason ? [] : availableActions(state, performers),
    deadlines: deadlinesFor(unit.kind, year, rule),
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
    select: { id: true, at: true, actorUsername: true, action: true, before: true, after: true, meta: true },
  });
}
