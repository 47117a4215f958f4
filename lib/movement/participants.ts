/**
 * Participants of the movement that are not TT124 units (issue 14 §1, ADR 0030): provincial
 * departments (sở, ban, ngành) and the Front and mass organisations. Administrators add, edit,
 * deactivate and reactivate them (never delete: evaluations and awards refer to them); leaders
 * read. Each change at the row's `version`, with its audit event in the same transaction.
 */
import { Prisma, type PrismaClient } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/permissions";
import { recordAudit } from "@/lib/audit/record-audit";
import { UserFacingError } from "@/lib/validation/action-result";
import type { ParticipantInput } from "./sheet-schemas";

type Tx = Prisma.TransactionClient;

const STALE = "Thành phần tham gia vừa được người khác thay đổi; vui lòng tải lại trang rồi thử lại.";
const DUPLICATE_CODE = "Mã đã được dùng cho một thành phần tham gia khác (kể cả đã ngừng hoạt động).";

const fields = { id: true, code: true, name: true, group: true, authorityId: true, isActive: true, version: true } as const;

export async function listParticipants(prisma: PrismaClient, actor: Actor | null) {
  authorize(actor, { action: "movementParticipants.read" });
  return prisma.movementParticipant.findMany({
    orderBy: [{ isActive: "desc" }, { group: "asc" }, { name: "asc" }, { code: "asc" }],
    select: { ...fields, authority: { select: { name: true } } },
  });
}

export async function getParticipant(prisma: PrismaClient, actor: Actor | null, participantId: string) {
  authorize(actor, { action: "movementParticipants.read" });
  return prisma.movementParticipant.findUnique({ where: { id: participantId }, select: { ...fields, authority: { select: { name: true } } } });
}

/** Authorities a participant may be linked to: the active sở, ban, ngành (plus its current one). */
export async function participantAuthorityOptions(prisma: PrismaClient, actor: Actor | null, currentId?: string | null) {
  authorize(actor, { action: "movementParticipants.read" });
  return prisma.authority.findMany({
    where: { kind: "SO_NGANH", OR: [{ isActive: true }, ...(currentId ? [{ id: currentId }] : [])] },
    orderBy: { name: "asc" },
    select: { id: true, name: true },
  });
}

async function checkAuthority(tx: Tx, authorityId: string | null, currentId?: string | null) {
  if (!authorityId || authorityId === currentId) return;
  const a = await tx.authority.findUnique({ where: { id: authorityId }, select: { kind: true, isActive: true } });
  if (!a) throw new UserFacingError("Cơ quan được chọn không tồn tại.", "authorityId");
  if (a.kind !== "SO_NGANH") throw new UserFacingError("Chỉ liên kết được với cơ quan loại sở, ban, ngành.", "authorityId");
  if (!a.isActive) throw new UserFacingError("Cơ quan được chọn đã ngừng hoạt động.", "authorityId");
}

function duplicateCode(error: unknown): never {
  if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") throw new UserFacingError(DUPLICATE_CODE, "code");
  throw error;
}

export async function createParticipant(prisma: PrismaClient, actor: Actor | null, input: ParticipantInput) {
  authorize(actor, { action: "movementParticipants.manage" });
  try {
    return await prisma.$transaction(async (tx) => {
      await checkAuthority(tx, input.authorityId);
      const created = await tx.movementParticipant.create({ data: input, select: fields });
      await recordAudit(tx, { actor, action: "registry.participant.created", entityType: "MovementParticipant", entityId: created.id, after: created });
      return created;
    });
  } catch (error) {
    duplicateCode(error);
  }
}

async function atVersion(tx: Tx, participantId: string, version: number) {
  const before = await tx.movementParticipant.findUnique({ where: { id: participantId }, select: fields });
  if (!before) throw new UserFacingError("Thành phần tham gia không tồn tại.");
  if (before.version !== version) throw new UserFacingError(STALE);
  return before;
}

async function writeAtVersion(tx: Tx, participantId: string, version: number, data: Prisma.MovementParticipantUncheckedUpdateManyInput) {
  const { count } = await tx.movementParticipant.updateMany({ where: { id: participantId, version }, data: { ...data, version: { increment: 1 } } });
  if (count !== 1) throw new UserFacingError(STALE);
  return tx.movementParticipant.findUniqueOrThrow({ where: { id: participantId }, select: fields });
}

export async function updateParticipant(prisma: PrismaClient, actor: Actor | null, input: ParticipantInput & { participantId: string; version: number }) {
  authorize(actor, { action: "movementParticipants.manage" });
  try {
    return await prisma.$transaction(async (tx) => {
      const before = await atVersion(tx, input.participantId, input.version);
      await checkAuthority(tx, input.authorityId, before.authorityId);
      // The group says which sheet scores it: a participant already evaluated keeps its group.
      if (input.group !== before.group && (await tx.movementEvaluation.count({ where: { participantId: before.id } })) > 0) {
        throw new UserFacingError("Thành phần này đã có kết quả chấm điểm phong trào nên không đổi nhóm được.", "group");
      }
      const after = await writeAtVersion(tx, before.id, input.version, { code: input.code, name: input.name, group: input.group, authorityId: input.authorityId });
      await recordAudit(tx, { actor, action: "registry.participant.updated", entityType: "MovementParticipant", entityId: after.id, before, after });
      return after;
    });
  } catch (error) {
    duplicateCode(error);
  }
}

export async function setParticipantActive(prisma: PrismaClient, actor: Actor | null, input: { participantId: string; version: number; active: boolean; reason: string }) {
  authorize(actor, { action: "movementParticipants.manage" });
  return prisma.$transaction(async (tx) => {
    const before = await atVersion(tx, input.participantId, input.version);
    if (before.isActive === input.active) throw new UserFacingError(input.active ? "Thành phần này đang hoạt động." : "Thành phần này đã ngừng hoạt động từ trước.");
    const after = await writeAtVersion(tx, before.id, input.version, { isActive: input.active });
    await recordAudit(tx, {
      actor,
      action: input.active ? "registry.participant.reactivated" : "registry.participant.deactivated",
      entityType: "MovementParticipant",
      entityId: after.id,
      before: { isActive: before.isActive, version: before.version },
      after: { isActive: after.isActive, version: after.version },
      meta: { reason: input.reason },
    });
    return after;
  });
}
