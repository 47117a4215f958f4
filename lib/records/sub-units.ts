/**
 * Sub-units (phòng, ban, tổ, đội, khoa…) of an agency, enterprise or school and their yearly
 * emulation results: what CQDN-4/5 and CSGD-5/6 count. Officers of the unit only; every change
 * is one transaction with its audit event. A sub-unit that has results is never deleted, only
 * deactivated, so past years keep their figures.
 */
import { Prisma, type PrismaClient } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record-audit";
import { UserFacingError } from "@/lib/validation/action-result";
import { UNIT_KIND_LABELS } from "@/lib/domain/vocabulary";
import { KINDS_WITH_SUB_UNITS, loadUnitForWrite, type RecordsUnit } from "./unit-access";
import type { CreateSubUnitInput, SubUnitResultInput, UpdateSubUnitInput } from "./sub-unit-schemas";

const subUnitFields = { id: true, unitId: true, name: true, kind: true, eligibleForRating: true, isSecurityForce: true, isActive: true } as const;

const DUPLICATE_NAME = "Đơn vị đã có một đơn vị trực thuộc cùng tên (kể cả đơn vị đã ngừng hoạt động).";
const SUB_UNIT_NOT_FOUND = "Đơn vị trực thuộc không tồn tại hoặc không thuộc đơn vị này.";

function requireSubUnitKind(unit: RecordsUnit) {
  if (!KINDS_WITH_SUB_UNITS.includes(unit.kind)) {
    throw new UserFacingError(`${UNIT_KIND_LABELS[unit.kind]} không khai báo phòng, ban, tổ trực thuộc.`);
  }
}

function duplicateName(error: unknown): never {
  if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") throw new UserFacingError(DUPLICATE_NAME, "name");
  throw error;
}

type Tx = Prisma.TransactionClient;

/**
 * How a use-case loads the unit it acts on and checks the actor: the records side lets the
 * unit's officers write (`loadUnitForWrite`); the registry administration (lib/registry/sub-units.ts)
 * passes its own loader that asks "registry.manage". The rules below are the same for both.
 */
export type SubUnitUnitLoader = (prisma: PrismaClient, actor: Actor | null, unitId: string) => Promise<RecordsUnit>;

/** The sub-unit, only if it belongs to the unit (an id from another unit is refused the same as an unknown one). */
async function ownSubUnit(tx: Tx, unitId: string, subUnitId: string, field?: string) {
  const subUnit = await tx.subUnit.findUnique({ where: { id: subUnitId }, select: subUnitFields });
  if (!subUnit || subUnit.unitId !== unitId) throw new UserFacingError(SUB_UNIT_NOT_FOUND, field);
  return subUnit;
}

export const createSubUnit = createSubUnitWith(loadUnitForWrite);

export function createSubUnitWith(loadUnit: SubUnitUnitLoader) {
  return async (prisma: PrismaClient, actor: Actor | null, input: CreateSubUnitInput) => {
    const unit = await loadUnit(prisma, actor, input.unitId);
    requireSubUnitKind(unit);
    try {
      return await prisma.$transaction(async (tx) => {
        const created = await tx.subUnit.create({
          data: { unitId: unit.id, name: input.name, kind: input.kind, eligibleForRating: input.eligibleForRating, isSecurityForce: input.isSecurityForce },
          select: subUnitFields,
        });
        await recordAudit(tx, { actor, action: "records.subunit.created", entityType: "SubUnit", entityId: created.id, unitId: unit.id, after: created });
        return created;
      });
    } catch (error) {
      duplicateName(error);
    }
  };
}

/** Rename, change kind, mark eligible-for-rating or security force. */
export const updateSubUnit = updateSubUnitWith(loadUnitForWrite);

export function updateSubUnitWith(loadUnit: SubUnitUnitLoader) {
  return async (prisma: PrismaClient, actor: Actor | null, input: UpdateSubUnitInput) => {
    const unit = await loadUnit(prisma, actor, input.unitId);
    requireSubUnitKind(unit);
    try {
      return await prisma.$transaction(async (tx) => {
        const before = await ownSubUnit(tx, unit.id, input.subUnitId);
        const after = await tx.subUnit.update({
          where: { id: before.id },
          data: { name: input.name, kind: input.kind, eligibleForRating: input.eligibleForRating, isSecurityForce: input.isSecurityForce },
          select: subUnitFields,
        });
        await recordAudit(tx, { actor, action: "records.subunit.updated", entityType: "SubUnit", entityId: after.id, unitId: unit.id, before, after });
        return after;
      });
    } catch (error) {
      duplicateName(error);
    }
  };
}

/** Deactivate (it leaves the lists and the share) or reactivate a sub-unit; its results stay. */
export const setSubUnitActive = setSubUnitActiveWith(loadUnitForWrite);

export function setSubUnitActiveWith(loadUnit: SubUnitUnitLoader) {
  return async (prisma: PrismaClient, actor: Actor | null, input: { unitId: string; subUnitId: string; active: boolean }) => {
    const unit = await loadUnit(prisma, actor, input.unitId);
    return prisma.$transaction(async (tx) => {
      const before = await ownSubUnit(tx, unit.id, input.subUnitId);
      const after = await tx.subUnit.update({ where: { id: before.id }, data: { isActive: input.active }, select: subUnitFields });
      await recordAudit(tx, {
        actor,
        action: input.active ? "records.subunit.reactivated" : "records.subunit.deactivated",
        entityType: "SubUnit",
        entityId: after.id,
        unitId: unit.id,
        before,
        after,
      });
      return after;
    });
  };
}

/** Only a sub-unit entered by mistake (no result in any year, nobody attached) may be deleted. */
export const deleteSubUnit = deleteSubUnitWith(loadUnitForWrite);

export function deleteSubUnitWith(loadUnit: SubUnitUnitLoader) {
  return async (prisma: PrismaClient, actor: Actor | null, input: { unitId: string; subUnitId: string }) => {
    const unit = await loadUnit(prisma, actor, input.unitId);
    return prisma.$transaction(async (tx) => {
      const before = await ownSubUnit(tx, unit.id, input.subUnitId);
      const [results, people] = [await tx.subUnitYearResult.count({ where: { subUnitId: before.id } }), await tx.person.count({ where: { subUnitId: before.id } })];
      if (results > 0) throw new UserFacingError("Đơn vị trực thuộc đã có kết quả xếp loại nên không thể xóa; hãy chuyển sang “Ngừng hoạt động”.");
      if (people > 0) throw new UserFacingError("Đơn vị trực thuộc đang gắn với cá nhân trong hồ sơ kỷ luật nên không thể xóa; hãy chuyển sang “Ngừng hoạt động”.");
      await tx.subUnit.delete({ where: { id: before.id } });
      await recordAudit(tx, { actor, action: "records.subunit.deleted", entityType: "SubUnit", entityId: before.id, unitId: unit.id, before });
      return { id: before.id };
    });
  };
}

/** Set (or clear with null) the sub-unit's emulation result for the year. */
export const setSubUnitResult = setSubUnitResultWith(loadUnitForWrite);

export function setSubUnitResultWith(loadUnit: SubUnitUnitLoader) {
  return async (prisma: PrismaClient, actor: Actor | null, input: SubUnitResultInput) => {
    const unit = await loadUnit(prisma, actor, input.unitId);
    requireSubUnitKind(unit);
    return prisma.$transaction(async (tx) => {
      const subUnit = await ownSubUnit(tx, unit.id, input.subUnitId, "result");
      if (!subUnit.isActive) throw new UserFacingError("Đơn vị trực thuộc đã ngừng hoạt động; hãy kích hoạt lại trước khi xếp loại.", "result");
      const resultFields = { id: true, subUnitId: true, year: true, result: true, decisionRef: true } as const;
      const before = await tx.subUnitYearResult.findUnique({ where: { subUnitId_year: { subUnitId: subUnit.id, year: input.year } }, select: resultFields });
      if (input.result === null) {
        if (!before) return { result: null };
        await tx.subUnitYearResult.delete({ where: { id: before.id } });
        await recordAudit(tx, { actor, action: "records.subunit_result.cleared", entityType: "SubUnitYearResult", entityId: before.id, unitId: unit.id, before, meta: { subUnitName: subUnit.name } });
        return { result: null };
      }
      const decisionRef = input.decisionRef === undefined ? (before?.decisionRef ?? null) : input.decisionRef;
      const after = await tx.subUnitYearResult.upsert({
        where: { subUnitId_year: { subUnitId: subUnit.id, year: input.year } },
        create: { subUnitId: subUnit.id, year: input.year, result: input.result, decisionRef },
        update: { result: input.result, decisionRef },
        select: resultFields,
      });
      await recordAudit(tx, { actor, action: "records.subunit_result.set", entityType: "SubUnitYearResult", entityId: after.id, unitId: unit.id, before, after, meta: { subUnitName: subUnit.name } });
      return { result: after.result };
    });
  };
}
