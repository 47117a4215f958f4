/**
 * Discipline records of a unit's people (CQDN-4/5, CSGD-4/5/6, KDC-5, XA-3). The form carries
 * the person too: a new person is created, or the chosen/recorded person is updated. Deleting a
 * record is a state change like any other: audited with its before image.
 */
import type { PrismaClient, Prisma } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record-audit";
import { UserFacingError } from "@/lib/validation/action-result";
import { DISCIPLINE_LADDERS, DISCIPLINE_LEVEL_LABELS, PERSONNEL_TYPE_LABELS } from "@/lib/domain/vocabulary";
import { loadUnitForWrite } from "./unit-access";
import { dateOnly } from "@/lib/validation/input-rules";
import type { CreateDisciplineInput, UpdateDisciplineInput } from "./discipline-schemas";

type Tx = Prisma.TransactionClient;

const personFields = { id: true, unitId: true, fullName: true, personnelType: true, position: true, isSecurityForceMember: true, subUnitId: true } as const;
const recordFields = { id: true, personId: true, unitId: true, level: true, decidedOn: true, decisionRef: true, reason: true, forSocialEvil: true } as const;

const RECORD_NOT_FOUND = "Quyết định kỷ luật không tồn tại hoặc không thuộc đơn vị này.";

async function checkSubUnit(tx: Tx, unitId: string, subUnitId: string | null) {
  if (!subUnitId) return;
  const subUnit = await tx.subUnit.findUnique({ where: { id: subUnitId }, select: { unitId: true } });
  if (!subUnit || subUnit.unitId !== unitId) throw new UserFacingError("Đơn vị trực thuộc không tồn tại hoặc không thuộc đơn vị này.", "subUnitId");
}

function personData(input: CreateDisciplineInput | UpdateDisciplineInput) {
  return {
    fullName: input.fullName,
    personnelType: input.personnelType,
    position: input.position,
    isSecurityForceMember: input.isSecurityForceMember,
    subUnitId: input.subUnitId,
  };
}

function recordData(input: CreateDisciplineInput | UpdateDisciplineInput) {
  return { level: input.level, decidedOn: dateOnly(input.decidedOn), decisionRef: input.decisionRef, reason: input.reason, forSocialEvil: input.forSocialEvil };
}

/**
 * Updating an existing person: their other records must still fit the ladder of the new type,
 * otherwise the change would leave a record with a level the person's type does not have.
 */
async function updatePerson(tx: Tx, unitId: string, personId: string, input: CreateDisciplineInput | UpdateDisciplineInput, exceptRecordId?: string) {
  const before = await tx.person.findUnique({ where: { id: personId }, select: personFields });
  if (!before || before.unitId !== unitId) throw new UserFacingError("Người được chọn không tồn tại hoặc không thuộc đơn vị này.", "personId");
  if (before.personnelType !== input.personnelType) {
    const others = await tx.disciplineRecord.findMany({ where: { personId, ...(exceptRecordId ? { id: { not: exceptRecordId } } : {}) }, select: { level: true } });
    const misfit = others.find((r) => !DISCIPLINE_LADDERS[input.personnelType].includes(r.level));
    if (misfit) {
      throw new UserFacingError(
        `Người này còn quyết định kỷ luật hình thức “${DISCIPLINE_LEVEL_LABELS[misfit.level]}”, không áp dụng cho đối tượng “${PERSONNEL_TYPE_LABELS[input.personnelType]}”.`,
        "personnelType",
      );
    }
  }
  const after = await tx.person.update({ where: { id: personId }, data: personData(input), select: personFields });
  return { before, after };
}

export async function createDisciplineRecord(prisma: PrismaClient, actor: Actor | null, input: CreateDisciplineInput) {
  const unit = await loadUnitForWrite(prisma, actor, input.unitId);
  return prisma.$transaction(async (tx) => {
    await checkSubUnit(tx, unit.id, input.subUnitId);
    let person;
    let personBefore = null;
    if (input.personId) {
      const changed = await updatePerson(tx, unit.id, input.personId, input);
      person = changed.after;
      personBefore = changed.before;
    } else {
      person = await tx.person.create({ data: { unitId: unit.id, ...personData(input) }, select: personFields });
    }
    const record = await tx.disciplineRecord.create({
      data: { personId: person.id, unitId: unit.id, createdById: actor?.userId ?? null, ...recordData(input) },
      select: recordFields,
    });
    await recordAudit(tx, {
      actor,
      action: "records.discipline.created",
      entityType: "DisciplineRecord",
      entityId: record.id,
      unitId: unit.id,
      before: personBefore ? { person: personBefore } : null,
      after: { ...record, person },
    });
    return { id: record.id };
  });
}

export async function updateDisciplineRecord(prisma: PrismaClient, actor: Actor | null, input: UpdateDisciplineInput) {
  const unit = await loadUnitForWrite(prisma, actor, input.unitId);
  return prisma.$transaction(async (tx) => {
    const before = await tx.disciplineRecord.findUnique({ where: { id: input.recordId }, select: recordFields });
    if (!before || before.unitId !== unit.id) throw new UserFacingError(RECORD_NOT_FOUND);
    await checkSubUnit(tx, unit.id, input.subUnitId);
    const person = await updatePerson(tx, unit.id, before.personId, input, before.id);
    const after = await tx.disciplineRecord.update({ where: { id: before.id }, data: recordData(input), select: recordFields });
    await recordAudit(tx, {
      actor,
      action: "records.discipline.updated",
      entityType: "DisciplineRecord",
      entityId: after.id,
      unitId: unit.id,
      before: { ...before, person: person.before },
      after: { ...after, person: person.after },
    });
    return { id: after.id };
  });
}

/** Removes the record; the person stays (they may have other records or a role in the unit). */
export async function deleteDisciplineRecord(prisma: PrismaClient, actor: Actor | null, input: { unitId: string; recordId: string }) {
  const unit = await loadUnitForWrite(prisma, actor, input.unitId);
  return prisma.$transaction(async (tx) => {
    const before = await tx.disciplineRecord.findUnique({ where: { id: input.recordId }, select: { ...recordFields, person: { select: personFields } } });
    if (!before || before.unitId !== unit.id) throw new UserFacingError(RECORD_NOT_FOUND);
    await tx.disciplineRecord.delete({ where: { id: before.id } });
    await recordAudit(tx, { actor, action: "records.discipline.deleted", entityType: "DisciplineRecord", entityId: before.id, unitId: unit.id, before });
    return { id: before.id };
  });
}
