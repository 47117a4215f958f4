/**
 * Movement models (mô hình phong trào toàn dân bảo vệ ANTQ) a unit runs in a year: XA-1, CQDN-1 e
 * and CSGD-1 need at least one effective model. Officers of the unit only.
 */
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record-audit";
import { UserFacingError } from "@/lib/validation/action-result";
import { loadUnitForWrite } from "./unit-access";
import { dateOnly } from "@/lib/validation/input-rules";
import type { CreateModelInput, UpdateModelInput } from "./movement-model-schemas";

const modelFields = { id: true, unitId: true, year: true, name: true, description: true, startedOn: true, isEffective: true } as const;
const MODEL_NOT_FOUND = "Mô hình không tồn tại hoặc không thuộc đơn vị này.";

function modelData(input: CreateModelInput) {
  return { year: input.year, name: input.name, description: input.description, startedOn: input.startedOn ? dateOnly(input.startedOn) : null, isEffective: input.isEffective };
}

export async function createMovementModel(prisma: PrismaClient, actor: Actor | null, input: CreateModelInput) {
  const unit = await loadUnitForWrite(prisma, actor, input.unitId);
  return prisma.$transaction(async (tx) => {
    const created = await tx.movementModel.create({ data: { unitId: unit.id, ...modelData(input) }, select: modelFields });
    await recordAudit(tx, { actor, action: "records.model.created", entityType: "MovementModel", entityId: created.id, unitId: unit.id, after: created });
    return { id: created.id };
  });
}

export async function updateMovementModel(prisma: PrismaClient, actor: Actor | null, input: UpdateModelInput) {
  const unit = await loadUnitForWrite(prisma, actor, input.unitId);
  return prisma.$transaction(async (tx) => {
    const before = await tx.movementModel.findUnique({ where: { id: input.modelId }, select: modelFields });
    if (!before || before.unitId !== unit.id) throw new UserFacingError(MODEL_NOT_FOUND);
    const after = await tx.movementModel.update({ where: { id: before.id }, data: modelData(input), select: modelFields });
    await recordAudit(tx, { actor, action: "records.model.updated", entityType: "MovementModel", entityId: after.id, unitId: unit.id, before, after });
    return { id: after.id };
  });
}

export async function deleteMovementModel(prisma: PrismaClient, actor: Actor | null, input: { unitId: string; modelId: string }) {
  const unit = await loadUnitForWrite(prisma, actor, input.unitId);
  return prisma.$transaction(async (tx) => {
    const before = await tx.movementModel.findUnique({ where: { id: input.modelId }, select: modelFields });
    if (!before || before.unitId !== unit.id) throw new UserFacingError(MODEL_NOT_FOUND);
    await tx.movementModel.delete({ where: { id: before.id } });
    await recordAudit(tx, { actor, action: "records.model.deleted", entityType: "MovementModel", entityId: before.id, unitId: unit.id, before });
    return { id: before.id };
  });
}
