/**
 * Loading the competence table for the use-cases (once per use-case), and the admin's changes to
 * it: add a row effective from a date, remove a row that has never been applied. Rows that may
 * govern a year with an issued decision are never changed (lib/rules/competence.ts `isApplied`).
 */
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import type { CompetenceRule } from "@/lib/generated/prisma/client";
import type { UnitKind } from "@/lib/generated/prisma/enums";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/permissions";
import { recordAudit } from "@/lib/audit/record-audit";
import { UserFacingError } from "@/lib/validation/action-result";
import { UNIT_KINDS, UNIT_KIND_LABELS } from "@/lib/domain/vocabulary";
import {
  COMPETENCE_REVIEWER_LABELS,
  DECIDER_KIND_LABELS,
  competenceTableFor,
  earliestNewEffectiveFrom,
  formatIsoDate,
  isApplied,
  type CompetenceRow,
  type CompetenceTable,
  type DeciderKind,
} from "./competence";
import type { CompetenceRuleInput } from "./rule-schemas";

type Db = PrismaClient | Prisma.TransactionClient;

/**
 * Serialises a change of the table with the issuing of decisions: issuing takes it shared, a
 * change exclusive, so a row cannot be added for a year while a decision of that year commits.
 * (A new row is an INSERT: no existing row lock would conflict with it.)
 */
const COMPETENCE_LOCK_KEY = 424_001;
export async function lockCompetenceShared(tx: Prisma.TransactionClient) {
  await tx.$queryRaw`SELECT pg_advisory_xact_lock_shared(${COMPETENCE_LOCK_KEY}::bigint)::text`;
}
async function lockCompetenceExclusive(tx: Prisma.TransactionClient) {
  await tx.$queryRaw`SELECT pg_advisory_xact_lock(${COMPETENCE_LOCK_KEY}::bigint)::text`;
}

export function toCompetenceRow(r: CompetenceRule): CompetenceRow {
  return {
    id: r.id,
    unitKind: r.unitKind,
    effectiveFrom: r.effectiveFrom.toISOString().slice(0, 10),
    reviewerLevel: r.reviewerLevel,
    // Rows are validated on the way in; a seeded row naming another kind is taken as UBND tỉnh's.
    deciderKind: r.deciderKind === "UBND_XA" ? "UBND_XA" : "UBND_TINH",
    decisionDeadlineMonth: r.decisionDeadlineMonth,
    decisionDeadlineDay: r.decisionDeadlineDay,
    provisional: r.provisional,
    note: r.note,
  };
}

export async function loadCompetenceRows(db: Db): Promise<CompetenceRow[]> {
  const rows = await db.competenceRule.findMany({ orderBy: [{ unitKind: "asc" }, { effectiveFrom: "asc" }] });
  return rows.map(toCompetenceRow);
}

/** The table governing one evaluation year (one query). */
export async function loadCompetenceTable(db: Db, year: number): Promise<CompetenceTable> {
  return competenceTableFor(await loadCompetenceRows(db), year);
}

/** Per unit kind, the latest evaluation year with an issued decision for a unit of that kind. */
export async function lastDecidedYears(db: Db): Promise<Record<UnitKind, number | null>> {
  const rows = await db.$queryRaw<{ kind: UnitKind; year: number }[]>`
    SELECT u."kind"::text AS "kind", MAX(d."year")::int AS "year"
    FROM "Dossier" d JOIN "Unit" u ON u."id" = d."unitId"
    WHERE d."decisionId" IS NOT NULL
    GROUP BY u."kind"`;
  const out = Object.fromEntries(UNIT_KINDS.map((k) => [k, null])) as Record<UnitKind, number | null>;
  for (const r of rows) out[r.kind] = Number(r.year);
  return out;
}

export type CompetenceAdminRow = CompetenceRow & { id: string; applied: boolean; createdAt: Date };

/** The admin list: every row by kind and date, each marked applied or not. */
export async function listCompetenceRules(prisma: PrismaClient, actor: Actor | null) {
  authorize(actor, { action: "rules.read" });
  const [rows, decided] = await Promise.all([prisma.competenceRule.findMany({ orderBy: [{ unitKind: "asc" }, { effectiveFrom: "desc" }] }), lastDecidedYears(prisma)]);
  const out: CompetenceAdminRow[] = rows.map((r) => {
    const row = toCompetenceRow(r);
    return { ...row, id: r.id, createdAt: r.createdAt, applied: isApplied(row, decided[r.unitKind]) };
  });
  out.sort((a, b) => UNIT_KINDS.indexOf(a.unitKind) - UNIT_KINDS.indexOf(b.unitKind) || (a.effectiveFrom < b.effectiveFrom ? 1 : -1));
  const earliest = Object.fromEntries(UNIT_KINDS.map((k) => [k, earliestNewEffectiveFrom(decided[k])])) as Record<UnitKind, string | null>;
  return { rows: out, lastDecided: decided, earliest };
}

function auditShape(r: CompetenceRow) {
  return {
    unitKind: r.unitKind,
    effectiveFrom: r.effectiveFrom,
    reviewerLevel: r.reviewerLevel,
    deciderKind: r.deciderKind,
    decisionDeadline: `${r.decisionDeadlineDay}/${r.decisionDeadlineMonth}`,
    provisional: r.provisional,
    note: r.note,
  };
}

/** Adds a row effective from a date; refused if it would govern a year already decided. */
export async function createCompetenceRule(prisma: PrismaClient, actor: Actor | null, input: CompetenceRuleInput) {
  authorize(actor, { action: "rules.manage" });
  return prisma.$transaction(async (tx) => {
    await lockCompetenceExclusive(tx);
    const decided = await lastDecidedYears(tx);
    const earliest = earliestNewEffectiveFrom(decided[input.unitKind]);
    if (earliest !== null && input.effectiveFrom < earliest) {
      throw new UserFacingError(
        `Đã có quyết định công nhận ${UNIT_KIND_LABELS[input.unitKind].toLowerCase()} năm ${decided[input.unitKind]}: dòng mới phải có hiệu lực từ ngày ${formatIsoDate(earliest)} trở đi, để không thay đổi quy định của năm đã quyết định.`,
        "effectiveFrom",
      );
    }
    const effectiveFrom = new Date(`${input.effectiveFrom}T00:00:00.000Z`);
    const clash = await tx.competenceRule.findUnique({ where: { unitKind_effectiveFrom: { unitKind: input.unitKind, effectiveFrom } } });
    if (clash) throw new UserFacingError(`Đã có một dòng cho ${UNIT_KIND_LABELS[input.unitKind].toLowerCase()} có hiệu lực từ ngày ${formatIsoDate(input.effectiveFrom)}.`, "effectiveFrom");
    const created = await tx.competenceRule.create({
      data: {
        unitKind: input.unitKind,
        effectiveFrom,
        reviewerLevel: input.reviewerLevel,
        deciderKind: input.deciderKind,
        decisionDeadlineMonth: input.decisionDeadlineMonth,
        decisionDeadlineDay: input.decisionDeadlineDay,
        provisional: input.provisional,
        note: input.note,
        createdById: actor.userId,
      },
    });
    await recordAudit(tx, {
      actor,
      action: "rules.competence.created",
      entityType: "CompetenceRule",
      entityId: created.id,
      after: {
        ...auditShape(toCompetenceRow(created)),
        reviewerLabel: COMPETENCE_REVIEWER_LABELS[created.reviewerLevel],
        deciderLabel: DECIDER_KIND_LABELS[created.deciderKind as DeciderKind],
      },
    });
    return created;
  });
}

/** Removes a row entered by mistake, only while it has never been applied to a decided year. */
export async function deleteCompetenceRule(prisma: PrismaClient, actor: Actor | null, id: string) {
  authorize(actor, { action: "rules.manage" });
  return prisma.$transaction(async (tx) => {
    await lockCompetenceExclusive(tx);
    const rule = await tx.competenceRule.findUnique({ where: { id } });
    if (!rule) throw new UserFacingError("Dòng quy định không còn tồn tại.");
    const row = toCompetenceRow(rule);
    const decided = await lastDecidedYears(tx);
    if (isApplied(row, decided[rule.unitKind])) {
      throw new UserFacingError("Dòng này đã được áp dụng cho năm đã có quyết định công nhận, không được xóa. Hãy thêm dòng mới có hiệu lực từ ngày sau.");
    }
    await tx.competenceRule.delete({ where: { id } });
    await recordAudit(tx, { actor, action: "rules.competence.deleted", entityType: "CompetenceRule", entityId: id, before: auditShape(row) });
  });
}


