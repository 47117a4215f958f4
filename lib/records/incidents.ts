/**
 * Incidents of the must-not-happen catalogue (domain spec §3) for a unit.
 *
 * Who may write depends on the source, which the server decides from the actor, never from the
 * form: an officer of the unit declares UNIT_DECLARED incidents; a police reviewer whose scope
 * covers the unit records POLICE_RECORDED ones. Each side can change only its own source, so an
 * officer can never edit or delete what the police recorded. Updates and deletes use the
 * `version` column (optimistic concurrency).
 */
import type { PrismaClient, Prisma } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/auth/actor";
import { ForbiddenError } from "@/lib/auth/permissions";
import { recordAudit } from "@/lib/audit/record-audit";
import { UserFacingError } from "@/lib/validation/action-result";
import { UNIT_KIND_LABELS, type IncidentSource } from "@/lib/domain/vocabulary";
import { authorizePoliceIncident, loadUnitForWrite, recordsPoliceIncidents, STALE_MESSAGE, UNIT_NOT_FOUND, unitRefSelect, type RecordsUnit } from "./unit-access";
import { dateOnly } from "@/lib/validation/input-rules";
import { incidentCodesFor, type CreateIncidentInput, type DeleteIncidentInput, type UpdateIncidentInput } from "./incident-schemas";

const incidentFields = {
  id: true,
  unitId: true,
  communeId: true,
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
  recordedById: true,
  version: true,
} as const;

const INCIDENT_NOT_FOUND = "Vụ việc không tồn tại hoặc không thuộc đơn vị này.";

/**
 * The unit and the source this actor writes: officers of the unit → UNIT_DECLARED, police
 * reviewers covering the unit → POLICE_RECORDED, anyone else → ForbiddenError.
 */
async function unitAndSource(prisma: Pick<PrismaClient, "unit">, actor: Actor | null, unitId: string): Promise<{ unit: RecordsUnit; source: IncidentSource }> {
  if (recordsPoliceIncidents(actor)) {
    const unit = await prisma.unit.findUnique({ where: { id: unitId }, select: unitRefSelect });
    if (!unit) throw new UserFacingError(UNIT_NOT_FOUND);
    authorizePoliceIncident(actor, unit);
    return { unit, source: "POLICE_RECORDED" };
  }
  return { unit: await loadUnitForWrite(prisma, actor, unitId), source: "UNIT_DECLARED" };
}

function requireCodeForKind(unit: RecordsUnit, code: CreateIncidentInput["code"]) {
  if (!incidentCodesFor(unit.kind).some((e) => e.code === code)) {
    throw new UserFacingError(`Loại vụ việc này không thuộc tiêu chí của ${UNIT_KIND_LABELS[unit.kind].toLowerCase()}.`, "code");
  }
}

function incidentData(input: CreateIncidentInput) {
  return {
    code: input.code,
    occurredOn: dateOnly(input.occurredOn),
    title: input.title,
    description: input.description,
    severity: input.severity,
    forceMajeure: input.forceMajeure,
    detectedTimely: input.detectedTimely,
    mitigated: input.mitigated,
    reportedImmediately: input.reportedImmediately,
    personRole: input.personRole,
    personBasis: input.personBasis,
    disciplineLevel: input.disciplineLevel,
  };
}

/** The incident, if it belongs to the unit and was written by the actor's side. */
async function ownIncident(tx: Prisma.TransactionClient, unitId: string, incidentId: string, source: IncidentSource) {
  const incident = await tx.incident.findUnique({ where: { id: incidentId }, select: incidentFields });
  if (!incident || incident.unitId !== unitId) throw new UserFacingError(INCIDENT_NOT_FOUND);
  // An officer touching a police record (or a reviewer a unit's declaration) is refused outright.
  if (incident.source !== source) throw new ForbiddenError("unit.update");
  return incident;
}

export async function createIncident(prisma: PrismaClient, actor: Actor | null, input: CreateIncidentInput) {
  const { unit, source } = await unitAndSource(prisma, actor, input.unitId);
  requireCodeForKind(unit, input.code);
  return prisma.$transaction(async (tx) => {
    const created = await tx.incident.create({
      data: { unitId: unit.id, communeId: unit.communeId, source, recordedById: actor?.userId ?? null, ...incidentData(input) },
      select: incidentFields,
    });
    await recordAudit(tx, {
      actor,
      action: source === "POLICE_RECORDED" ? "records.incident.police_recorded" : "records.incident.declared",
      entityType: "Incident",
      entityId: created.id,
      unitId: unit.id,
      after: created,
    });
    return { id: created.id };
  });
}

export async function updateIncident(prisma: PrismaClient, actor: Actor | null, input: UpdateIncidentInput) {
  const { unit, source } = await unitAndSource(prisma, actor, input.unitId);
  requireCodeForKind(unit, input.code);
  return prisma.$transaction(async (tx) => {
    const before = await ownIncident(tx, unit.id, input.incidentId, source);
    if (before.version !== input.version) throw new UserFacingError(STALE_MESSAGE);
    const { count } = await tx.incident.updateMany({ where: { id: before.id, version: input.version }, data: { ...incidentData(input), version: { increment: 1 } } });
    if (count !== 1) throw new UserFacingError(STALE_MESSAGE);
    const after = await tx.incident.findUniqueOrThrow({ where: { id: before.id }, select: incidentFields });
    await recordAudit(tx, { actor, action: "records.incident.updated", entityType: "Incident", entityId: after.id, unitId: unit.id, before, after });
    return { id: after.id, version: after.version };
  });
}

export async function deleteIncident(prisma: PrismaClient, actor: Actor | null, input: DeleteIncidentInput) {
  const { unit, source } = await unitAndSource(prisma, actor, input.unitId);
  return prisma.$transaction(async (tx) => {
    const before = await ownIncident(tx, unit.id, input.incidentId, source);
    if (before.version !== input.version) throw new UserFacingError(STALE_MESSAGE);
    const { count } = await tx.incident.deleteMany({ where: { id: before.id, version: input.version } });
    if (count !== 1) throw new UserFacingError(STALE_MESSAGE);
    await recordAudit(tx, { actor, action: "records.incident.deleted", entityType: "Incident", entityId: before.id, unitId: unit.id, before });
    return { id: before.id };
  });
}
