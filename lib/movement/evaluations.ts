/**
 * The movement's yearly evaluation (issue 14 §2, ADR 0030): open with the product's suggestions,
 * self-score, submit, review per line, return, classify. Every change: permission → workflow
 * table (lib/movement/evaluation-workflow.ts) → optimistic update on `version` → audit event and
 * notifications, in one transaction.
 */
import { Prisma, type PrismaClient } from "@/lib/generated/prisma/client";
import type { MovementEvaluationState } from "@/lib/generated/prisma/enums";
import type { Actor } from "@/lib/auth/actor";
import { can, ForbiddenError, type UnitRef } from "@/lib/auth/permissions";
import { recordAudit } from "@/lib/audit/record-audit";
import type { AuditAction } from "@/lib/audit/audit-actions";
import { notify } from "@/lib/notifications/notify";
import type { NotificationEvent } from "@/lib/notifications/catalogue";
import { UserFacingError } from "@/lib/validation/action-result";
import { todayInVietnam } from "@/lib/domain/vietnam-today";
import { classificationDeadline, GROUP_OF_UNIT_KIND, MOVEMENT_GROUP_LABEL } from "./groups";
import { classify, formatPoints, scoreProblems, toHundredths, totalPoints, type SheetClass, type SheetLine } from "./classification";
import { recognisedFromDossierState, suggestions, type PrefillSuggestion } from "./prefill";
import { loadPrefillFacts } from "./prefill-facts";
import { checkMovementTransition, reviewerMayReview, scorerEditableLines, submitActionFrom, type MovementAction, type MovementSide } from "./evaluation-workflow";

export const EVALUATION_STALE_MESSAGE = "Phiếu chấm điểm vừa được người khác cập nhật. Vui lòng tải lại trang để xem nội dung mới nhất.";
export const EVALUATION_NOT_FOUND = "Phiếu chấm điểm không tồn tại.";

type Tx = Prisma.TransactionClient;

/** The stored prefill of a score row ({points, reason, known, key}); null for a line without one. */
export type StoredPrefill = PrefillSuggestion & { key: string };

export function storedPrefill(value: Prisma.JsonValue | null): StoredPrefill | null {
  if (!value || typeof value !== "object" || Array.isArray(value)) return null;
  const v = value as Record<string, unknown>;
  if (typeof v.points !== "number" || typeof v.reason !== "string" || typeof v.known !== "boolean") return null;
  return { points: v.points, reason: v.reason, known: v.known, key: typeof v.key === "string" ? v.key : "" };
}

const num = (d: Prisma.Decimal | null | undefined): number | null => (d === null || d === undefined ? null : Number(d));

// ───────────── Loading and sides ─────────────

const evaluationInclude = {
  unit: { select: { id: true, kind: true, communeId: true, name: true } },
  participant: { select: { id: true, name: true, group: true } },
  sheet: {
    select: {
      id: true,
      year: true,
      group: true,
      title: true,
      source: true,
      provisional: true,
      criteria: { orderBy: { position: "asc" }, select: { id: true, code: true, position: true, section: true, text: true, maxPoints: true, evidenceHint: true, prefillKey: true } },
      classes: { orderBy: { rank: "asc" }, select: { rank: true, code: true, name: true, minPoints: true, requiresRecognition: true } },
    },
  },
  scores: true,
  evidenceFiles: { where: { removedAt: null }, orderBy: { createdAt: "asc" }, select: { id: true, criterionId: true, fileName: true, sizeBytes: true } },
} as const satisfies Prisma.MovementEvaluationInclude;

export type LoadedEvaluation = Prisma.MovementEvaluationGetPayload<{ include: typeof evaluationInclude }>;

export async function loadEvaluation(tx: Tx | PrismaClient, evaluationId: string): Promise<LoadedEvaluation | null> {
  return tx.movementEvaluation.findUnique({ where: { id: evaluationId }, include: evaluationInclude });
}

/** The sides the actor holds on this evaluation: from the permission function, never from the role. */
export function sidesOn(actor: Actor | null, subject: { unit: UnitRef | null }): MovementSide[] {
  if (subject.unit) {
    const sides: MovementSide[] = [];
    if (can(actor, { action: "movement.score", unit: subject.unit })) sides.push("SCORER");
    if (can(actor, { action: "movement.review", unit: subject.unit })) sides.push("REVIEWER");
    return sides;
  }
  // A participant has no accounts: the provincial police score on its behalf and review.
  return can(actor, { action: "movement.participants" }) ? ["SCORER", "REVIEWER"] : [];
}

/** Whether the actor may read the evaluation (either side, or a reader of the unit). */
export function mayRead(actor: Actor | null, ev: { unit: UnitRef | null }): boolean {
  if (sidesOn(actor, ev).length > 0) return true;
  return ev.unit ? can(actor, { action: "unit.read", unit: ev.unit }) : can(actor, { action: "province.read" });
}

export const sheetLinesOf = (ev: LoadedEvaluation): SheetLine[] => ev.sheet.criteria.map((c) => ({ criterionId: c.id, code: c.code, maxPoints: Number(c.maxPoints) }));
export const sheetClassesOf = (ev: LoadedEvaluation): SheetClass[] =>
  ev.sheet.classes.map((c) => ({ rank: c.rank, code: c.code, name: c.name, minPoints: Number(c.minPoints), requiresRecognition: c.requiresRecognition }));

function requireSide(actor: Actor | null, ev: LoadedEvaluation, side: MovementSide) {
  if (!sidesOn(actor, ev).includes(side)) {
    throw new ForbiddenError(ev.unit ? (side === "SCORER" ? "movement.score" : "movement.review") : "movement.participants");
  }
}

function checkVersion(ev: { version: number }, expected: number) {
  if (ev.version !== expected) throw new UserFacingError(EVALUATION_STALE_MESSAGE);
}

/** Bumps the version only if it is still the one read: a concurrent writer makes this fail, not overwrite. */
async function bump(tx: Tx, ev: { id: string; version: number }, data: Prisma.MovementEvaluationUncheckedUpdateManyInput) {
  const { count } = await tx.movementEvaluation.updateMany({ where: { id: ev.id, version: ev.version }, data: { ...data, version: ev.version + 1 } });
  if (count !== 1) throw new UserFacingError(EVALUATION_STALE_MESSAGE);
}

function audit(tx: Tx, actor: Actor | null, ev: LoadedEvaluation, action: AuditAction, before: unknown, after: unknown, meta?: unknown) {
  return recordAudit(tx, { actor, action, entityType: "MovementEvaluation", entityId: ev.id, unitId: ev.unitId, before, after, meta });
}

// ───────────── Opening ─────────────

function noSheetMessage(year: number, group: keyof typeof MOVEMENT_GROUP_LABEL) {
  return `Chưa có bảng chấm điểm phong trào năm ${year} cho nhóm “${MOVEMENT_GROUP_LABEL[group]}” được ban hành. Vui lòng liên hệ Công an tỉnh.`;
}

async function publishedSheet(tx: Tx, year: number, group: keyof typeof MOVEMENT_GROUP_LABEL) {
  const sheet = await tx.scoringSheet.findUnique({
    where: { year_group: { year, group } },
    select: { id: true, status: true, criteria: { orderBy: { position: "asc" }, select: { id: true, code: true, maxPoints: true, prefillKey: true } } },
  });
  if (!sheet || sheet.status !== "PUBLISHED") throw new UserFacingError(noSheetMessage(year, group));
  if (sheet.criteria.length === 0) throw new UserFacingError(noSheetMessage(year, group));
  return sheet;
}

function isUniqueViolation(error: unknown) {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

/**
 * Opens the unit's evaluation of the year (idempotent: an existing one is returned). The group
 * comes from the unit's kind, the sheet is the group's published sheet of the year, the commune is
 * frozen from the unit, and each line gets the product's suggestion — pre-set as the self score
 * when the product knows the answer.
 */
export async function openUnitEvaluation(prisma: PrismaClient, actor: Actor | null, input: { unitId: string; year: number }): Promise<{ id: string; created: boolean }> {
  try {
    return await prisma.$transaction(async (tx) => {
      const unit = await tx.unit.findUnique({ where: { id: input.unitId }, select: { id: true, kind: true, communeId: true, name: true, isActive: true } });
      if (!unit) throw new UserFacingError("Đơn vị không tồn tại.");
      if (!can(actor, { action: "movement.score", unit })) throw new ForbiddenError("movement.score");
      const existing = await tx.movementEvaluation.findUnique({ where: { year_unitId: { year: input.year, unitId: unit.id } }, select: { id: true } });
      if (existing) return { id: existing.id, created: false };
      if (!unit.isActive) throw new UserFacingError("Đơn vị đã ngừng hoạt động, không mở phiếu chấm điểm mới.");
      const group = GROUP_OF_UNIT_KIND[unit.kind];
      const sheet = await publishedSheet(tx, input.year, group);
      const lines = sheet.criteria.map((c) => ({ criterionId: c.id, prefillKey: c.prefillKey, maxPoints: Number(c.maxPoints) }));
      const facts = await loadPrefillFacts(tx, unit, input.year);
      const suggested = suggestions(lines, facts);
      const ev = await tx.movementEvaluation.create({ data: { year: input.year, group, unitId: unit.id, communeId: unit.communeId, sheetId: sheet.id }, select: { id: true } });
      await tx.movementScore.createMany({
        data: sheet.criteria.map((c) => {
          const s = suggested.get(c.id);
          return {
            evaluationId: ev.id,
            criterionId: c.id,
            prefill: s ? ({ key: s.key, points: s.points, reason: s.reason, known: s.known } as Prisma.InputJsonValue) : Prisma.DbNull,
            selfPoints: s?.known ? s.points : null,
            updatedById: actor!.userId,
          };
        }),
      });
      const selfTotal = totalPoints(
        lines.map((l) => ({ criterionId: l.criterionId, code: "", maxPoints: l.maxPoints })),
        new Map([...suggested].filter(([, s]) => s.known).map(([id, s]) => [id, s.points])),
      );
      await tx.movementEvaluation.update({ where: { id: ev.id }, data: { selfTotal } });
      await recordAudit(tx, {
        actor,
        action: "movementEvaluation.opened",
        entityType: "MovementEvaluation",
        entityId: ev.id,
        unitId: unit.id,
        after: { year: input.year, group, sheetId: sheet.id, communeId: unit.communeId, prefilled: [...suggested.values()].filter((s) => s.known).length },
      });
      return { id: ev.id, created: true };
    });
  } catch (error) {
    // Two officers opening at once: the second finds the first's evaluation.
    if (isUniqueViolation(error)) {
      const ev = await prisma.movementEvaluation.findUniqueOrThrow({ where: { year_unitId: { year: input.year, unitId: input.unitId } }, select: { id: true } });
      return { id: ev.id, created: false };
    }
    throw error;
  }
}

/** Opens a participant's evaluation (the provincial police score it from the participant's paper report). */
export async function openParticipantEvaluation(prisma: PrismaClient, actor: Actor | null, input: { participantId: string; year: number }): Promise<{ id: string; created: boolean }> {
  if (!can(actor, { action: "movement.participants" })) throw new ForbiddenError("movement.participants");
  try {
    return await prisma.$transaction(async (tx) => {
      const p = await tx.movementParticipant.findUnique({ where: { id: input.participantId }, select: { id: true, group: true, isActive: true } });
      if (!p) throw new UserFacingError("Đơn vị tham gia phong trào không tồn tại.");
      const existing = await tx.movementEvaluation.findUnique({ where: { year_participantId: { year: input.year, participantId: p.id } }, select: { id: true } });
      if (existing) return { id: existing.id, created: false };
      if (!p.isActive) throw new UserFacingError("Đơn vị tham gia phong trào đã ngừng theo dõi.");
      const sheet = await publishedSheet(tx, input.year, p.group);
      const ev = await tx.movementEvaluation.create({ data: { year: input.year, group: p.group, participantId: p.id, sheetId: sheet.id }, select: { id: true } });
      // The product holds no data about participants: no suggestions.
      await tx.movementScore.createMany({ data: sheet.criteria.map((c) => ({ evaluationId: ev.id, criterionId: c.id, updatedById: actor!.userId })) });
      await recordAudit(tx, { actor, action: "movementEvaluation.opened", entityType: "MovementEvaluation", entityId: ev.id, after: { year: input.year, group: p.group, sheetId: sheet.id, participantId: p.id } });
      return { id: ev.id, created: true };
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      const ev = await prisma.movementEvaluation.findUniqueOrThrow({ where: { year_participantId: { year: input.year, participantId: input.participantId } }, select: { id: true } });
      return { id: ev.id, created: false };
    }
    throw error;
  }
}

// ───────────── Self scores ─────────────

export type SelfScoreLine = { criterionId: string; selfPoints: number | null; explanation: string | null };

/**
 * The messages of self scores against the sheet and the suggestions: out of range, and a score
 * that differs from what the product knows without an explanation. `complete` also asks every
 * line to be scored (submission).
 */
export function selfScoreProblems(ev: LoadedEvaluation, values: ReadonlyMap<string, { points: number | null; explanation: string | null }>, complete: boolean): string[] {
  const lines = sheetLinesOf(ev);
  const points = new Map([...values].map(([id, v]) => [id, v.points]));
  const problems = scoreProblems(lines, points)
    .filter((p) => complete || (points.get(p.criterionId) ?? null) !== null)
    .map((p) => p.message);
  const byCriterion = new Map(ev.scores.map((s) => [s.criterionId, s]));
  for (const line of lines) {
    const v = values.get(line.criterionId);
    const prefill = storedPrefill(byCriterion.get(line.criterionId)?.prefill ?? null);
    if (v && v.points !== null && prefill?.known && toHundredths(v.points) !== toHundredths(prefill.points) && !v.explanation?.trim()) {
      problems.push(`Tiêu chí ${line.code}: điểm tự chấm (${formatPoints(v.points)}) khác điểm gợi ý từ dữ liệu (${formatPoints(prefill.points)}), vui lòng ghi giải trình.`);
    }
  }
  return problems;
}

function currentSelfValues(ev: LoadedEvaluation) {
  return new Map(ev.scores.map((s) => [s.criterionId, { points: num(s.selfPoints), explanation: s.explanation }]));
}

/** Saves self scores and explanations (a draft may be incomplete; values given must be valid). */
export async function saveSelfScores(prisma: PrismaClient, actor: Actor | null, input: { evaluationId: string; version: number; lines: readonly SelfScoreLine[] }) {
  return prisma.$transaction(async (tx) => {
    const ev = await loadEvaluation(tx, input.evaluationId);
    if (!ev) throw new UserFacingError(EVALUATION_NOT_FOUND);
    requireSide(actor, ev, "SCORER");
    checkVersion(ev, input.version);
    const flagged = ev.scores.filter((s) => s.flagged).map((s) => s.criterionId);
    const editable = scorerEditableLines(ev.state, flagged);
    if (editable !== "ALL" && editable.size === 0) throw new UserFacingError("Phiếu chấm điểm đã gửi, không sửa được điểm tự chấm.");
    const byCriterion = new Map(ev.scores.map((s) => [s.criterionId, s]));
    const codeOf = new Map(ev.sheet.criteria.map((c) => [c.id, c.code]));
    const values = currentSelfValues(ev);
    const changed: { code: string; before: unknown; after: unknown }[] = [];
    for (const line of input.lines) {
      const row = byCriterion.get(line.criterionId);
      if (!row) throw new UserFacingError("Tiêu chí không thuộc bảng chấm điểm của phiếu này.", "criterionId");
      const explanation = line.explanation?.trim() || null;
      const same = num(row.selfPoints) === line.selfPoints && (row.explanation ?? null) === explanation;
      if (same) continue;
      if (editable !== "ALL" && !editable.has(line.criterionId)) {
        throw new UserFacingError(`Phiếu đã được trả lại: chỉ được chấm lại các tiêu chí cán bộ thẩm định yêu cầu (không gồm ${codeOf.get(line.criterionId)}).`);
      }
      values.set(line.criterionId, { points: line.selfPoints, explanation });
      changed.push({ code: codeOf.get(line.criterionId)!, before: { selfPoints: num(row.selfPoints), explanation: row.explanation }, after: { selfPoints: line.selfPoints, explanation } });
    }
    const problems = selfScoreProblems(ev, values, false);
    if (problems.length > 0) throw new UserFacingError(problems.join(" "));
    if (changed.length === 0) return { version: ev.version, selfTotal: num(ev.selfTotal) };
    for (const line of input.lines) {
      const v = values.get(line.criterionId)!;
      const row = byCriterion.get(line.criterionId)!;
      if (num(row.selfPoints) === v.points && (row.explanation ?? null) === v.explanation) continue;
      await tx.movementScore.update({ where: { id: row.id }, data: { selfPoints: v.points, explanation: v.explanation, updatedById: actor!.userId } });
    }
    const selfTotal = totalPoints(sheetLinesOf(ev), new Map([...values].map(([id, v]) => [id, v.points])));
    await bump(tx, ev, { selfTotal });
    await audit(tx, actor, ev, "movementEvaluation.scores_saved", { selfTotal: num(ev.selfTotal) }, { selfTotal, lines: changed });
    return { version: ev.version + 1, selfTotal };
  });
}

// ───────────── Submission ─────────────

/** After the group's classification deadline of the year (a whole day in Việt Nam counts). */
export function isLateSubmission(group: LoadedEvaluation["group"], year: number, now: Date): boolean {
  return todayInVietnam(now) > classificationDeadline(group, year);
}

function snapshotOf(ev: LoadedEvaluation, round: number, selfTotal: number) {
  return {
    round,
    selfTotal,
    sheet: {
      id: ev.sheet.id,
      title: ev.sheet.title,
      source: ev.sheet.source,
      provisional: ev.sheet.provisional,
      criteria: ev.sheet.criteria.map((c) => ({ id: c.id, code: c.code, section: c.section, text: c.text, maxPoints: Number(c.maxPoints), prefillKey: c.prefillKey })),
      classes: sheetClassesOf(ev),
    },
    scores: ev.scores.map((s) => ({ criterionId: s.criterionId, selfPoints: num(s.selfPoints), explanation: s.explanation, prefill: s.prefill })),
  };
}

function unitEvent(ev: LoadedEvaluation) {
  return ev.unit ? { evaluationId: ev.id, unitId: ev.unit.id, unitName: ev.unit.name, year: ev.year } : null;
}

/** Submits (or resubmits after a return): every line scored, late after the group's deadline, snapshot kept. */
export async function submitEvaluation(prisma: PrismaClient, actor: Actor | null, input: { evaluationId: string; version: number }, now: Date = new Date()) {
  return prisma.$transaction(async (tx) => {
    // The sheet's row first, shared: an edit of the sheet (which updates that row before checking
    // the freeze, lib/movement/scoring-sheets.ts) either commits before this reads the lines, or
    // waits for this submission and then finds the sheet frozen — never a snapshot of stale lines.
    await tx.$queryRaw`SELECT 1 FROM "ScoringSheet" WHERE "id" = (SELECT "sheetId" FROM "MovementEvaluation" WHERE "id" = ${input.evaluationId}::uuid) FOR SHARE`;
    const ev = await loadEvaluation(tx, input.evaluationId);
    if (!ev) throw new UserFacingError(EVALUATION_NOT_FOUND);
    requireSide(actor, ev, "SCORER");
    checkVersion(ev, input.version);
    const action = submitActionFrom(ev.state) ?? "SUBMIT";
    const check = checkMovementTransition(action, ev.state, sidesOn(actor, ev));
    if (!check.allowed) throw new UserFacingError(check.reason);
    const values = currentSelfValues(ev);
    const problems = selfScoreProblems(ev, values, true);
    if (problems.length > 0) throw new UserFacingError(problems.join(" "));
    const selfTotal = totalPoints(sheetLinesOf(ev), new Map([...values].map(([id, v]) => [id, v.points])));
    const round = ev.reviewRound + 1;
    const late = isLateSubmission(ev.group, ev.year, now);
    // A resubmission starts a clean review: the flags were answered; the flagged lines' reviewed scores follow the new self scores.
    if (action === "RESUBMIT") {
      await tx.movementScore.updateMany({ where: { evaluationId: ev.id, flagged: true }, data: { flagged: false, reviewedPoints: null } });
    }
    await bump(tx, ev, {
      state: check.to,
      selfTotal,
      submittedAt: now,
      submissionLate: late,
      reviewRound: round,
      submittedSnapshot: snapshotOf(ev, round, selfTotal) as unknown as Prisma.InputJsonValue,
    });
    await audit(tx, actor, ev, action === "SUBMIT" ? "movementEvaluation.submit" : "movementEvaluation.resubmit", { state: ev.state }, { state: check.to, selfTotal, round, late });
    const facts = unitEvent(ev);
    if (facts) await notify(tx, [{ kind: "MOVEMENT_SUBMITTED", ...facts, round }], now);
    return { version: ev.version + 1, late, selfTotal };
  });
}

// ───────────── Review ─────────────

export type ReviewLine = { criterionId: string; reviewedPoints: number | null; comment: string | null; flagged: boolean };

async function applyReview(tx: Tx, actor: Actor | null, ev: LoadedEvaluation, lines: readonly ReviewLine[]) {
  const byCriterion = new Map(ev.scores.map((s) => [s.criterionId, s]));
  const sheetLines = sheetLinesOf(ev);
  const given = new Map(lines.filter((l) => l.reviewedPoints !== null).map((l) => [l.criterionId, l.reviewedPoints]));
  const problems = scoreProblems(sheetLines, given)
    .filter((p) => given.has(p.criterionId))
    .map((p) => p.message.replace("điểm", "điểm thẩm định"));
  if (problems.length > 0) throw new UserFacingError(problems.join(" "));
  const codeOf = new Map(ev.sheet.criteria.map((c) => [c.id, c.code]));
  const changed: { code: string; before: unknown; after: unknown }[] = [];
  for (const line of lines) {
    const row = byCriterion.get(line.criterionId);
    if (!row) throw new UserFacingError("Tiêu chí không thuộc bảng chấm điểm của phiếu này.", "criterionId");
    const comment = line.comment?.trim() || null;
    if (line.flagged && !comment) throw new UserFacingError(`Tiêu chí ${codeOf.get(line.criterionId)}: vui lòng ghi nhận xét cho tiêu chí yêu cầu chấm lại.`);
    const before = { reviewedPoints: num(row.reviewedPoints), reviewComment: row.reviewComment, flagged: row.flagged };
    const after = { reviewedPoints: line.reviewedPoints, reviewComment: comment, flagged: line.flagged };
    if (before.reviewedPoints === after.reviewedPoints && before.reviewComment === after.reviewComment && before.flagged === after.flagged) continue;
    await tx.movementScore.update({ where: { id: row.id }, data: { ...after, updatedById: actor!.userId } });
    row.reviewedPoints = line.reviewedPoints === null ? null : new Prisma.Decimal(line.reviewedPoints);
    row.reviewComment = comment;
    row.flagged = line.flagged;
    changed.push({ code: codeOf.get(line.criterionId)!, before, after });
  }
  return changed;
}

function requireReviewable(actor: Actor | null, ev: LoadedEvaluation | null, version: number): asserts ev is LoadedEvaluation {
  if (!ev) throw new UserFacingError(EVALUATION_NOT_FOUND);
  requireSide(actor, ev, "REVIEWER");
  checkVersion(ev, version);
  if (!reviewerMayReview(ev.state)) throw new UserFacingError("Phiếu chấm điểm không ở trạng thái chờ thẩm định.");
}

/** Saves the reviewer's adjusted scores, comments and flags (the reviewed score defaults to the self score). */
export async function saveReview(prisma: PrismaClient, actor: Actor | null, input: { evaluationId: string; version: number; lines: readonly ReviewLine[] }) {
  return prisma.$transaction(async (tx) => {
    const ev = await loadEvaluation(tx, input.evaluationId);
    requireReviewable(actor, ev, input.version);
    const changed = await applyReview(tx, actor, ev, input.lines);
    if (changed.length === 0) return { version: ev.version };
    await bump(tx, ev, {});
    await audit(tx, actor, ev, "movementEvaluation.reviewed", null, { lines: changed });
    return { version: ev.version + 1 };
  });
}

async function transition(tx: Tx, actor: Actor | null, ev: LoadedEvaluation, action: MovementAction): Promise<MovementEvaluationState> {
  const check = checkMovementTransition(action, ev.state, sidesOn(actor, ev));
  if (!check.allowed) throw new UserFacingError(check.reason);
  return check.to;
}

/** Returns the evaluation to its scorer: needs at least one flagged line or a reason. */
export async function returnEvaluation(prisma: PrismaClient, actor: Actor | null, input: { evaluationId: string; version: number; reason: string | null; lines?: readonly ReviewLine[] }, now: Date = new Date()) {
  return prisma.$transaction(async (tx) => {
    const ev = await loadEvaluation(tx, input.evaluationId);
    requireReviewable(actor, ev, input.version);
    const to = await transition(tx, actor, ev, "RETURN");
    const changed = input.lines ? await applyReview(tx, actor, ev, input.lines) : [];
    const reason = input.reason?.trim() || null;
    const flagged = ev.scores.filter((s) => s.flagged);
    if (flagged.length === 0 && !reason) throw new UserFacingError("Vui lòng đánh dấu ít nhất một tiêu chí cần chấm lại hoặc ghi lý do trả lại.", "reason");
    await bump(tx, ev, { state: to, returnReason: reason });
    const criteria = new Map(ev.sheet.criteria.map((c) => [c.id, c]));
    const flaggedList = flagged.map((s) => ({ code: criteria.get(s.criterionId)!.code, comment: s.reviewComment }));
    await audit(tx, actor, ev, "movementEvaluation.return", { state: ev.state }, { state: to, reason, flagged: flaggedList.map((f) => f.code), round: ev.reviewRound, lines: changed });
    const facts = unitEvent(ev);
    if (facts) await notify(tx, [{ kind: "MOVEMENT_RETURNED", ...facts, round: ev.reviewRound, reason, flagged: flaggedList }], now);
    return { version: ev.version + 1 };
  });
}

/**
 * Classifies: the reviewed total (each line's reviewed score, else its self score) against the
 * sheet's classes, with the unit's TT124 recognition of the year for the classes that need it
 * (null for a participant). The class is stored as it reads now.
 */
export async function classifyEvaluation(prisma: PrismaClient, actor: Actor | null, input: { evaluationId: string; version: number; lines?: readonly ReviewLine[] }, now: Date = new Date()) {
  return prisma.$transaction(async (tx) => {
    const ev = await loadEvaluation(tx, input.evaluationId);
    requireReviewable(actor, ev, input.version);
    const to = await transition(tx, actor, ev, "CLASSIFY");
    const changed = input.lines ? await applyReview(tx, actor, ev, input.lines) : [];
    if (ev.scores.some((s) => s.flagged)) throw new UserFacingError("Còn tiêu chí được đánh dấu cần chấm lại: hãy bỏ đánh dấu hoặc trả lại phiếu cho đơn vị.");
    const reviewed = new Map(ev.scores.map((s) => [s.criterionId, num(s.reviewedPoints) ?? num(s.selfPoints)]));
    const problems = scoreProblems(sheetLinesOf(ev), reviewed);
    if (problems.length > 0) throw new UserFacingError(problems.map((p) => p.message).join(" "));
    // Every line gets its final reviewed score, so the record reads without the default rule.
    for (const s of ev.scores) if (s.reviewedPoints === null) await tx.movementScore.update({ where: { id: s.id }, data: { reviewedPoints: s.selfPoints } });
    const reviewedTotal = totalPoints(sheetLinesOf(ev), reviewed);
    let recognised: boolean | null = null;
    if (ev.unit) {
      const dossier = await tx.dossier.findUnique({ where: { unitId_year: { unitId: ev.unit.id, year: ev.year } }, select: { state: true } });
      recognised = recognisedFromDossierState(dossier?.state);
    }
    const result = classify(reviewedTotal, sheetClassesOf(ev), recognised);
    await bump(tx, ev, {
      state: to,
      reviewedTotal,
      classCode: result?.code ?? null,
      className: result?.name ?? null,
      classRank: result?.rank ?? null,
      classifiedAt: now,
      classifiedById: actor!.userId,
    });
    await audit(tx, actor, ev, "movementEvaluation.classify", { state: ev.state }, { state: to, reviewedTotal, classCode: result?.code ?? null, className: result?.name ?? null, recognisedUnderTt124: recognised, lines: changed });
    const facts = unitEvent(ev);
    if (facts) await notify(tx, [{ kind: "MOVEMENT_CLASSIFIED", ...facts, className: result?.name ?? null, total: formatPoints(reviewedTotal) }] satisfies NotificationEvent[], now);
    return { version: ev.version + 1, reviewedTotal, classCode: result?.code ?? null, className: result?.name ?? null };
  });
}
