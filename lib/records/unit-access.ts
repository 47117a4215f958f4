/**
 * How the records use-cases load the unit they act on and check the actor against it.
 * Deny by default: every write goes through `loadUnitForWrite` (officers of the unit only) or,
 * for police-recorded incidents, `canRecordPoliceIncident`.
 */
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/auth/actor";
import { authorize, can, ForbiddenError, unitScope, type UnitRef } from "@/lib/auth/permissions";
import { UserFacingError } from "@/lib/validation/action-result";
import type { UnitKind } from "@/lib/domain/vocabulary";

export const unitRefSelect = {
  id: true,
  kind: true,
  communeId: true,
  name: true,
  exclusionReason: true,
  hasSecurityForce: true,
  commune: { select: { name: true } },
} as const satisfies Prisma.UnitSelect;

export type RecordsUnit = Prisma.UnitGetPayload<{ select: typeof unitRefSelect }>;

export const UNIT_NOT_FOUND = "Đơn vị không tồn tại.";
export const STALE_MESSAGE = "Dữ liệu đã được người khác cập nhật, vui lòng tải lại trang.";

/**
 * A police reviewer whose scope covers the unit may put an incident on record for it
 * (source POLICE_RECORDED); the permission function decides ("incident.recordPolice").
 */
export function canRecordPoliceIncident(actor: Actor | null, unit: UnitRef): boolean {
  return can(actor, { action: "incident.recordPolice", unit });
}

export function authorizePoliceIncident(actor: Actor | null, unit: UnitRef): asserts actor is Actor {
  authorize(actor, { action: "incident.recordPolice", unit });
}

/** Does the actor write incidents on the police side (for some unit)? Then it never declares them. */
export function recordsPoliceIncidents(actor: Actor | null): actor is Actor {
  return unitScope(actor, "incident.recordPolice") !== null;
}

type Reader = Pick<PrismaClient, "unit">;

/** The unit for a write by an officer of that unit; refuses everyone else. */
export async function loadUnitForWrite(prisma: Reader, actor: Actor | null, unitId: string): Promise<RecordsUnit> {
  // Deny before touching the database when the actor may update no unit at all.
  if (!unitScope(actor, "unit.update")) throw new ForbiddenError("unit.update");
  const unit = await prisma.unit.findUnique({ where: { id: unitId }, select: unitRefSelect });
  if (!unit) throw new UserFacingError(UNIT_NOT_FOUND);
  authorize(actor, { action: "unit.update", unit });
  return unit;
}

/** The unit for a read; null when it does not exist, ForbiddenError when outside the actor's scope. */
export async function loadUnitForRead(prisma: Reader, actor: Actor | null, unitId: string): Promise<RecordsUnit | null> {
  const unit = await prisma.unit.findUnique({ where: { id: unitId }, select: unitRefSelect });
  if (!unit) return null;
  authorize(actor, { action: "unit.read", unit });
  return unit;
}

/** Kinds whose criteria count sub-units (CQDN-5, CSGD-6) and their security force (CQDN-4, CSGD-5). */
export const KINDS_WITH_SUB_UNITS: readonly UnitKind[] = ["CQ", "DN", "CSGD"];
