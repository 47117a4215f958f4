/**
 * The province's extra criteria in the database: the admin's list, add, edit (only until a dossier
 * has frozen the criterion), retire (never delete), each audited; and what the dossier use-cases
 * load. A submitted dossier keeps its own frozen copy (DossierSnapshot.extraCriteria), so nothing
 * here ever changes a submitted dossier, its verdict or a decision.
 */
import type { Prisma, PrismaClient, ProvincialCriterion } from "@/lib/generated/prisma/client";
import type { UnitKind } from "@/lib/generated/prisma/enums";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/permissions";
import { recordAudit } from "@/lib/audit/record-audit";
import { UserFacingError } from "@/lib/validation/action-result";
import { applicableCriteria, freeze, type ProvincialCriterionView } from "./provincial-criteria";
import type { ProvincialCriterionInput } from "./rule-schemas";

type Db = PrismaClient | Prisma.TransactionClient;

const STALE = "Tiêu chí vừa được người khác thay đổi; vui lòng tải lại trang rồi thử lại.";

/** The criteria that apply to a unit kind in a year, as they read now (one query). */
export async function loadApplicableCriteria(db: Db, kind: UnitKind, year: number): Promise<ProvincialCriterionView[]> {
  const rows = await db.provincialCriterion.findMany({
    where: { retiredAt: null, unitKinds: { has: kind }, fromYear: { lte: year }, OR: [{ toYear: null }, { toYear: { gte: year } }] },
  });
  return applicableCriteria(rows, kind, year);
}

/**
 * At submission, inside its transaction: marks the applying criteria as used (from then on they
 * are never edited) and returns them as they are now. The UPDATE comes first so its row locks
 * order it with an admin's edit: an edit either committed before (and is what gets frozen) or
 * waits and then finds the criterion used.
 */
export async function freezeApplicableCriteria(tx: Prisma.TransactionClient, kind: UnitKind, year: number, now: Date): Promise<ProvincialCriterionView[]> {
  const where = { retiredAt: null, unitKinds: { has: kind }, fromYear: { lte: year }, OR: [{ toYear: null }, { toYear: { gte: year } }] } satisfies Prisma.ProvincialCriterionWhereInput;
  await tx.provincialCriterion.updateMany({ where: { ...where, firstUsedAt: null }, data: { firstUsedAt: now } });
  return applicableCriteria(await tx.provincialCriterion.findMany({ where }), kind, year);
}

export async function listProvincialCriteria(prisma: PrismaClient, actor: Actor | null) {
  authorize(actor, { action: "rules.read" });
  return prisma.provincialCriterion.findMany({ orderBy: [{ retiredAt: { sort: "asc", nulls: "first" } }, { code: "asc" }] });
}

export async function getProvincialCriterion(prisma: PrismaClient, actor: Actor | null, id: string) {
  authorize(actor, { action: "rules.read" });
  return prisma.provincialCriterion.findUnique({ where: { id } });
}

function auditShape(c: ProvincialCriterion) {
  return freeze(c);
}

function data(input: ProvincialCriterionInput) {
  return {
    code: input.code,
    title: input.title,
    unitKinds: input.unitKinds,
    fromYear: input.fromYear,
    toYear: input.toYear,
    description: input.description,
    evidenceExpected: input.evidenceExpected,
    legalBasis: input.legalBasis,
  };
}

export async function createProvincialCriterion(prisma: PrismaClient, actor: Actor | null, input: ProvincialCriterionInput) {
  authorize(actor, { action: "rules.manage" });
  return prisma.$transaction(async (tx) => {
    if (await tx.provincialCriterion.findUnique({ where: { code: input.code } })) {
      throw new UserFacingError(`Mã tiêu chí “${input.code}” đã được dùng; mỗi tiêu chí có một mã riêng, kể cả tiêu chí đã ngừng áp dụng.`, "code");
    }
    const created = await tx.provincialCriterion.create({ data: data(input) });
    await recordAudit(tx, { actor, action: "rules.criterion.created", entityType: "ProvincialCriterion", entityId: created.id, after: auditShape(created) });
    return created;
  });
}

/** Edits a criterion no dossier has frozen yet; a used one is retired and replaced instead. */
export async function updateProvincialCriterion(prisma: PrismaClient, actor: Actor | null, input: { criterionId: string; version: number; fields: ProvincialCriterionInput }) {
  authorize(actor, { action: "rules.manage" });
  return prisma.$transaction(async (tx) => {
    const before = await tx.provincialCriterion.findUnique({ where: { id: input.criterionId } });
    if (!before) throw new UserFacingError("Tiêu chí không còn tồn tại.");
    if (before.retiredAt) throw new UserFacingError("Tiêu chí đã ngừng áp dụng, không sửa được.");
    if (before.firstUsedAt) {
      throw new UserFacingError("Tiêu chí đã được áp dụng cho hồ sơ đã nộp nên không sửa được. Hãy ngừng áp dụng tiêu chí này và thêm tiêu chí mới với mã khác.");
    }
    if (input.fields.code !== before.code && (await tx.provincialCriterion.findUnique({ where: { code: input.fields.code } }))) {
      throw new UserFacingError(`Mã tiêu chí “${input.fields.code}” đã được dùng.`, "code");
    }
    // firstUsedAt: null in the WHERE: a submission that froze it meanwhile wins, and this edit is refused.
    const { count } = await tx.provincialCriterion.updateMany({
      where: { id: before.id, version: input.version, firstUsedAt: null, retiredAt: null },
      data: { ...data(input.fields), version: { increment: 1 } },
    });
    if (count !== 1) throw new UserFacingError(STALE);
    const after = await tx.provincialCriterion.findUniqueOrThrow({ where: { id: before.id } });
    await recordAudit(tx, { actor, action: "rules.criterion.updated", entityType: "ProvincialCriterion", entityId: before.id, before: auditShape(before), after: auditShape(after) });
    return after;
  });
}

/**
 * Retires a criterion: it stops applying to dossiers submitted from now on. Dossiers already
 * submitted keep their frozen copy and their verdict.
 */
export async function retireProvincialCriterion(prisma: PrismaClient, actor: Actor | null, input: { criterionId: string; version: number; reason: string }, now: Date = new Date()) {
  authorize(actor, { action: "rules.manage" });
  return prisma.$transaction(async (tx) => {
    const before = await tx.provincialCriterion.findUnique({ where: { id: input.criterionId } });
    if (!before) throw new UserFacingError("Tiêu chí không còn tồn tại.");
    if (before.retiredAt) throw new UserFacingError("Tiêu chí đã ngừng áp dụng từ trước.");
    const { count } = await tx.provincialCriterion.updateMany({ where: { id: before.id, version: input.version, retiredAt: null }, data: { retiredAt: now, version: { increment: 1 } } });
    if (count !== 1) throw new UserFacingError(STALE);
    await recordAudit(tx, {
      actor,
      action: "rules.criterion.retired",
      entityType: "ProvincialCriterion",
      entityId: before.id,
      before: auditShape(before),
      after: { code: before.code, retiredAt: now.toISOString(), reason: input.reason },
    });
  });
}
