/**
 * Sub-units (phòng, ban, tổ, đội, khoa…) in the registry administration: an administrator
 * creates, edits, deactivates and reactivates a unit's sub-units and sets their emulation result
 * for a year; a leader reads them. The rules (kinds that have sub-units, a name once per unit,
 * delete only a sub-unit nothing refers to, no result for a deactivated one, the audit events)
 * are the records use-cases' (lib/records/sub-units.ts), run with a loader that asks the
 * permission function for "registry.manage" instead of "unit.update".
 */
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/permissions";
import { UserFacingError } from "@/lib/validation/action-result";
import { subUnitShare } from "@/lib/records/sub-unit-share";
import { KINDS_WITH_SUB_UNITS, UNIT_NOT_FOUND, unitRefSelect, type RecordsUnit } from "@/lib/records/unit-access";
import {
  createSubUnitWith,
  deleteSubUnitWith,
  setSubUnitActiveWith,
  setSubUnitResultWith,
  updateSubUnitWith,
  type SubUnitUnitLoader,
} from "@/lib/records/sub-units";

export const UNIT_INACTIVE_FOR_SUB_UNITS = "Đơn vị đã ngừng hoạt động; hãy cho đơn vị hoạt động trở lại trước khi thay đổi đơn vị trực thuộc.";

/**
 * The unit for an administrator's change. A deactivated unit's sub-units stay as they were (its
 * history), as the import refuses them too: reactivate the unit first.
 */
export const loadUnitForRegistry: SubUnitUnitLoader = async (prisma, actor, unitId): Promise<RecordsUnit> => {
  authorize(actor, { action: "registry.manage" });
  const unit = await prisma.unit.findUnique({ where: { id: unitId }, select: { ...unitRefSelect, isActive: true } });
  if (!unit) throw new UserFacingError(UNIT_NOT_FOUND);
  if (!unit.isActive) throw new UserFacingError(UNIT_INACTIVE_FOR_SUB_UNITS);
  return unit;
};

export const createRegistrySubUnit = createSubUnitWith(loadUnitForRegistry);
export const updateRegistrySubUnit = updateSubUnitWith(loadUnitForRegistry);
export const setRegistrySubUnitActive = setSubUnitActiveWith(loadUnitForRegistry);
export const deleteRegistrySubUnit = deleteSubUnitWith(loadUnitForRegistry);
export const setRegistrySubUnitResult = setSubUnitResultWith(loadUnitForRegistry);

/**
 * The unit's sub-units with their result for the year and the 70 % share, for the registry page;
 * null for a unit whose kind has no sub-units. `canEdit`: the actor is an administrator and the
 * unit is active.
 */
export async function getRegistrySubUnits(prisma: PrismaClient, actor: Actor | null, unit: { id: string; kind: RecordsUnit["kind"] }, year: number) {
  authorize(actor, { action: "registry.read" });
  if (!KINDS_WITH_SUB_UNITS.includes(unit.kind)) return null;
  const rows = await prisma.subUnit.findMany({
    where: { unitId: unit.id },
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
  return { subUnits, share: subUnitShare(subUnits) };
}
