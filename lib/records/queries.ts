/**
 * Read use-cases of the records screens. Each one authorizes `unit.read` on the unit (officers,
 * reviewers covering it, leaders, admins); it returns null for an unknown unit and throws
 * ForbiddenError outside the actor's scope. What the actor may change is returned alongside, so
 * pages show edit controls only to those the write use-cases would accept.
 */
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/auth/actor";
import { can, unitScopeWhere } from "@/lib/auth/permissions";
import { evaluationWindow, formatDateVi } from "@/lib/criteria/window";
import type { UnitKind } from "@/lib/domain/vocabulary";
import { canRecordPoliceIncident, loadUnitForRead, type RecordsUnit } from "./unit-access";
import { dateOnly } from "@/lib/validation/input-rules";
import { subUnitShare } from "./sub-unit-share";

/** The evaluation window of the unit's kind for a year (Đ8 k2): discipline and incidents are listed by it. */
export function recordsWindow(kind: UnitKind, year: number) {
  const w = evaluationWindow(kind === "CQ" || kind === "DN" ? "CQDN" : kind, year);
  return { from: dateOnly(w.from), to: dateOnly(w.to), text: `${formatDateVi(w.from)}–${formatDateVi(w.to)}` };
}

async function context(prisma: PrismaClient, actor: Actor | null, unitId: string, year: number) {
  const unit = await loadUnitForRead(prisma, actor, unitId);
  if (!unit) return null;
  return {
    unit,
    year,
    window: recordsWindow(unit.kind, year),
    canEdit: can(actor, { action: "unit.update", unit }),
    canRecordPolice: canRecordPoliceIncident(actor, unit),
  };
}

export type RecordsContext = NonNullable<Awaited<ReturnType<typeof context>>>;

const inWindow = (w: { from: Date; to: Date }) => ({ gte: w.from, lte: w.to });

export async function getRecordsOverview(prisma: PrismaClient, actor: Actor | null, unitId: string, year: number) {
  const ctx = await context(prisma, actor, unitId, year);
  if (!ctx) return null;
  const { unit, window } = ctx;
  const [subUnits, facts, discipline, incidents, models, residentialAreas] = await Promise.all([
    prisma.subUnit.findMany({ where: { unitId, isActive: true }, select: { eligibleForRating: true, isSecurityForce: true, isActive: true, results: { where: { year }, select: { result: true } } } }),
    prisma.unitYearFacts.findUnique({ where: { unitId_year: { unitId, year } }, select: { updatedAt: true } }),
    prisma.disciplineRecord.count({ where: { unitId, decidedOn: inWindow(window) } }),
    prisma.incident.groupBy({ by: ["source"], where: { unitId, occurredOn: inWindow(window) }, _count: { _all: true } }),
    prisma.movementModel.findMany({ where: { unitId, year }, select: { isEffective: true } }),
    // A commune's own page lists its residential areas the actor may open.
    unit.kind === "XA"
      ? prisma.unit.findMany({ where: { AND: [unitScopeWhere(actor), { communeId: unit.communeId, kind: "KDC" }] }, orderBy: { name: "asc" }, select: { id: true, name: true } })
      : Promise.resolve([]),
  ]);
  const count = (source: "POLICE_RECORDED" | "UNIT_DECLARED") => incidents.find((i) => i.source === source)?._count._all ?? 0;
  return {
    ...ctx,
    share: subUnitShare(subUnits.map((s) => ({ ...s, result: s.results[0]?.result ?? null }))),
    subUnitCount: subUnits.length,
    factsUpdatedAt: facts?.updatedAt ?? null,
    disciplineCount: discipline,
    policeIncidents: count("POLICE_RECORDED"),
    declaredIncidents: count("UNIT_DECLARED"),
    modelCount: models.length,
    effectiveModelCount: models.filter((m) => m.isEffective).length,
    residentialAreas,
  };
}

export async function getSubUnitsPage(prisma: PrismaClient, actor: Actor | null, unitId: string, year: number) {
  const ctx = await context(prisma, actor, unitId, year);
  if (!ctx) return null;
  const rows = await prisma.subUnit.findMany({
    where: { unitId },
    orderBy: [{ isActive: "desc" }, { name: "asc" }],
    select: {
      id: true,
      name: true,
      kind: true,
      eligibleForRating: true,
      isSecurityForce: true,
      isActive: true,
      results: { where: { year }, select: { result: true, decisionRef: true } },
      _count: { select: { results: true, people: true } },
    },
  });
  const subUnits = rows.map(({ results, _count, ...s }) => ({
    ...s,
    result: results[0]?.result ?? null,
    decisionRef: results[0]?.decisionRef ?? null,
    deletable: _count.results === 0 && _count.people === 0,
  }));
  return { ...ctx, subUnits, share: subUnitShare(subUnits) };
}

export async function getYearFactsPage(prisma: PrismaClient, actor: Actor | null, unitId: string, year: number) {
  const ctx = await context(prisma, actor, unitId, year);
  if (!ctx) return null;
  const [facts, previous] = await Promise.all([
    prisma.unitYearFacts.findUnique({ where: { unitId_year: { unitId, year } } }),
    prisma.unitYearFacts.findUnique({ where: { unitId_year: { unitId, year: year - 1 } } }),
  ]);
  return { ...ctx, facts, previous };
}

const personSelect = { id: true, fullName: true, personnelType: true, position: true, isSecurityForceMember: true, subUnitId: true, subUnit: { select: { name: true } } } as const;

/** Discipline decided within the year's evaluation window, with what the form's selects need. */
export async function getDisciplinePage(prisma: PrismaClient, actor: Actor | null, unitId: string, year: number) {
  const ctx = await context(prisma, actor, unitId, year);
  if (!ctx) return null;
  const [records, people, subUnits] = await Promise.all([
    prisma.disciplineRecord.findMany({
      where: { unitId, decidedOn: inWindow(ctx.window) },
      orderBy: [{ decidedOn: "desc" }, { createdAt: "desc" }],
      select: { id: true, level: true, decidedOn: true, decisionRef: true, reason: true, forSocialEvil: true, person: { select: personSelect } },
    }),
    ctx.canEdit ? prisma.person.findMany({ where: { unitId }, orderBy: { fullName: "asc" }, select: personSelect }) : Promise.resolve([]),
    ctx.canEdit ? subUnitOptions(prisma, unitId) : Promise.resolve([]),
  ]);
  return { ...ctx, records, people, subUnits };
}

function subUnitOptions(prisma: PrismaClient, unitId: string, includeId?: string | null) {
  return prisma.subUnit.findMany({
    where: { unitId, OR: [{ isActive: true }, ...(includeId ? [{ id: includeId }] : [])] },
    orderBy: { name: "asc" },
    select: { id: true, name: true },
  });
}

export async function getDisciplineRecord(prisma: PrismaClient, actor: Actor | null, unitId: string, recordId: string, year: number) {
  const ctx = await context(prisma, actor, unitId, year);
  if (!ctx) return null;
  const record = await prisma.disciplineRecord.findFirst({
    where: { id: recordId, unitId },
    select: { id: true, level: true, decidedOn: true, decisionRef: true, reason: true, forSocialEvil: true, person: { select: personSelect } },
  });
  if (!record) return null;
  const subUnits = await subUnitOptions(prisma, unitId, record.person.subUnitId);
  return { ...ctx, record, subUnits };
}

const incidentSelect = {
  id: true,
  code: true,
  occurredOn: true,
  title: true,
  description: true,
  severity: true,
  forceMajeure: true,
  detectedTimely: true,
  mitigated: true,
  reportedImmediately: true,
  personRole: true,
  personBasis: true,
  disciplineLevel: true,
  source: true,
  version: true,
  updatedAt: true,
} as const;

/** The unit's incidents within the year's evaluation window, police-recorded and declared. */
export async function getIncidentsPage(prisma: PrismaClient, actor: Actor | null, unitId: string, year: number) {
  const ctx = await context(prisma, actor, unitId, year);
  if (!ctx) return null;
  const incidents = await prisma.incident.findMany({
    where: { unitId, occurredOn: inWindow(ctx.window) },
    orderBy: [{ occurredOn: "desc" }, { createdAt: "desc" }],
    select: incidentSelect,
  });
  return { ...ctx, incidents };
}

export async function getIncident(prisma: PrismaClient, actor: Actor | null, unitId: string, incidentId: string, year: number) {
  const ctx = await context(prisma, actor, unitId, year);
  if (!ctx) return null;
  const incident = await prisma.incident.findFirst({ where: { id: incidentId, unitId }, select: incidentSelect });
  if (!incident) return null;
  return { ...ctx, incident };
}

export async function getModelsPage(prisma: PrismaClient, actor: Actor | null, unitId: string, year: number) {
  const ctx = await context(prisma, actor, unitId, year);
  if (!ctx) return null;
  const models = await prisma.movementModel.findMany({
    where: { unitId, year },
    orderBy: [{ name: "asc" }],
    select: { id: true, name: true, description: true, startedOn: true, isEffective: true, year: true },
  });
  return { ...ctx, models };
}

export type { RecordsUnit };
