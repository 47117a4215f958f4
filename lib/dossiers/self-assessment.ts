/**
 * Self-assessment: the officer's declarations and explanations per criterion, the live verdict
 * and readiness from recorded data, and submission, which freezes a snapshot of facts, verdicts,
 * answers and evidence hashes for the reviewer.
 */
import { notify } from "@/lib/notifications/notify";
import { z } from "zod";
import type { PrismaClient, Prisma } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/permissions";
import { recordAudit } from "@/lib/audit/record-audit";
import { UserFacingError } from "@/lib/validation/action-result";
import { CONTROL_CHARACTER_MESSAGE, criterionIdField, hasControlCharacters, INVALID_CHOICE, savedVersionField } from "@/lib/validation/input-rules";
import { deadlinesFor } from "@/lib/workflow/deadlines";
import { loadCycleCalendar } from "@/lib/rules/cycle-calendar-store";
import type { EvaluationResult, UnitInput } from "@/lib/criteria";
import { CriteriaInputError, evaluateUnitFromDatabase } from "./criteria-input";
import { criteriaForKind, declarationsSchema, questionsFor, type Declarations } from "./self-assessment-questions";
import { assertCriterionEditable, editableCriteria } from "./evidence-files";
import { loadDossier, performersFor, STALE_MESSAGE, transitionDossier } from "./dossier-transition";
import { actionLabel, offers, OFFICER_EDITABLE_STATES } from "@/lib/workflow/transitions";
import { loadRoundStanding } from "./review-round";
import { extraFactsFor, readExtraAnswers, readFrozenCriteria, toEngineCriterion, type ExtraAnswers, type ProvincialCriterionView } from "@/lib/rules/provincial-criteria";
import { freezeApplicableCriteria, loadApplicableCriteria } from "@/lib/rules/provincial-criteria-store";
import { todayInVietnam } from "@/lib/domain/vietnam-today";

export const criterionAnswerSchema = z.object({
  dossierId: z.uuid("Mã hồ sơ không hợp lệ."),
  version: savedVersionField,
  criterionId: criterionIdField,
  /** Có / Không per question of this criterion; "" = not answered yet. Keys are checked by the use-case. */
  declarations: z
    .record(z.string().max(80, INVALID_CHOICE), z.union([z.enum(["true", "false", ""]), z.boolean()], { error: INVALID_CHOICE }), { error: INVALID_CHOICE })
    .default({}),
  explanation: z
    .string({ error: CONTROL_CHARACTER_MESSAGE })
    .trim()
    .max(4000, "Giải trình tối đa 4000 ký tự.")
    // Stored in a JSON snapshot too, where PostgreSQL refuses NUL outright (an HTTP 500).
    .refine((v) => !hasControlCharacters(v), CONTROL_CHARACTER_MESSAGE)
    .transform((v) => (v === "" ? null : v))
    .nullable()
    .default(null),
});

/** Snapshot of one submission round, as stored in DossierSnapshot. */
export type SnapshotAnswers = { declarations: Declarations; explanations: Record<string, string> };
export type SnapshotEvidence = { id: string; criterionId: string; fileName: string; sha256: string; sizeBytes: number }[];

function unitContext(unit: { educationLevel: string | null }) {
  return unit.educationLevel ? { educationLevels: [unit.educationLevel] as never } : {};
}

/** Criteria not yet complete: an applicable question unanswered, or neither evidence nor explanation. */
export function incompleteCriteria(args: {
  kind: Parameters<typeof criteriaForKind>[0];
  year: number;
  educationLevel: string | null;
  declarations: Declarations;
  explanations: Record<string, string>;
  evidenceCriteria: Set<string>;
}): string[] {
  const questions = questionsFor(args.kind, unitContext({ educationLevel: args.educationLevel }));
  return criteriaForKind(args.kind, args.year)
    .filter((c) => {
      const unanswered = questions.some((q) => q.criterionId === c.id && q.applies && args.declarations[q.key] === undefined);
      const supported = args.evidenceCriteria.has(c.id) || !!args.explanations[c.id]?.trim();
      return unanswered || !supported;
    })
    .map((c) => c.id);
}

async function loadAnswers(db: Prisma.TransactionClient | PrismaClient, dossierId: string, declarationsJson: unknown) {
  const [answers, evidence] = await Promise.all([
    db.criterionAnswer.findMany({ where: { dossierId } }),
    db.evidenceFile.findMany({ where: { dossierId, removedAt: null }, orderBy: { createdAt: "asc" } }),
  ]);
  const declarations = declarationsSchema.catch({}).parse(declarationsJson ?? {});
  const explanations = Object.fromEntries(answers.filter((a) => a.explanation).map((a) => [a.criterionId, a.explanation!]));
  return { declarations, explanations, evidence };
}

/** Everything the self-assessment screen shows. Readable by whoever may read the unit. */
export async function getSelfAssessment(prisma: PrismaClient, actor: Actor | null, dossierId: string) {
  const dossier = await prisma.dossier.findUnique({
    where: { id: dossierId },
    include: { unit: { select: { id: true, name: true, kind: true, communeId: true, educationLevel: true, commune: { select: { name: true } } } } },
  });
  if (!dossier) return null;
  authorize(actor, { action: "unit.read", unit: dossier.unit });
  const { declarations, explanations, evidence } = await loadAnswers(prisma, dossier.id, dossier.declarations);
  const extraCriteria = await extraCriteriaOfDossier(prisma, dossier);
  const extraAnswers = readExtraAnswers(dossier.extraAnswers);
  let evaluation: { input: UnitInput; result: EvaluationResult } | null = null;
  let evaluationError: string | null = null;
  try {
    evaluation = await evaluateUnitFromDatabase(prisma, dossier.unitId, dossier.year, { extraCriteria: extraCriteria.map(toEngineCriterion) });
  } catch (error) {
    if (!(error instanceof CriteriaInputError)) throw error;
    evaluationError = error.message;
  }
  const editable = await prisma.$transaction((tx) => editableCriteria(tx, dossier));
  const reviews = await prisma.criterionReview.findMany({ where: { dossierId, round: dossier.reviewRound }, orderBy: { criterionId: "asc" } });
  const evidenceCriteria = new Set(evidence.map((e) => e.criterionId));
  // Criteria the reviewer agreed with (this round or carried from an earlier one): locked for the unit.
  const { standing } = dossier.reviewRound > 0 ? await loadRoundStanding(prisma, dossier) : { standing: [] };
  const performers = performersFor(actor, dossier.unit);
  return {
    standing,
    performers,
    submit: { offered: offers(dossier.state, performers, "SUBMIT"), label: actionLabel("SUBMIT", dossier.state) },
    dossier,
    criteria: criteriaForKind(dossier.unit.kind, dossier.year),
    questions: questionsFor(dossier.unit.kind, unitContext(dossier.unit)),
    declarations,
    explanations,
    evidence,
    reviews,
    editable,
    evaluation,
    evaluationError,
    extraCriteria,
    extraAnswers,
    incomplete: [
      ...incompleteCriteria({ kind: dossier.unit.kind, year: dossier.year, educationLevel: dossier.unit.educationLevel, declarations, explanations, evidenceCriteria }),
      ...unansweredExtra(extraCriteria, extraAnswers),
    ],
  };
}

/**
 * The province's extra criteria of a dossier: while the officer may still answer, those that apply
 * now; once submitted and not sent back, the copy frozen with the latest round.
 */
export async function extraCriteriaOfDossier(
  db: PrismaClient | Prisma.TransactionClient,
  dossier: { id: string; state: string; year: number; reviewRound: number; unit: { kind: Parameters<typeof loadApplicableCriteria>[1] } },
): Promise<ProvincialCriterionView[]> {
  if ((OFFICER_EDITABLE_STATES as readonly string[]).includes(dossier.state) || dossier.reviewRound === 0) {
    return loadApplicableCriteria(db, dossier.unit.kind, dossier.year);
  }
  const snapshot = await db.dossierSnapshot.findUnique({ where: { dossierId_round: { dossierId: dossier.id, round: dossier.reviewRound } }, select: { extraCriteria: true } });
  return snapshot ? readFrozenCriteria(snapshot.extraCriteria) : loadApplicableCriteria(db, dossier.unit.kind, dossier.year);
}

/** Extra criteria not answered yet (by code), listed with the incomplete national criteria. */
export function unansweredExtra(criteria: readonly ProvincialCriterionView[], answers: ExtraAnswers): string[] {
  const facts = extraFactsFor(criteria, answers);
  return criteria.filter((c) => !(c.code in facts)).map((c) => c.code);
}

export const extraAnswerSchema = z.object({
  dossierId: z.uuid("Mã hồ sơ không hợp lệ."),
  version: savedVersionField,
  code: criterionIdField,
  /** "true" đạt, "false" chưa, "" not answered. */
  answer: z.union([z.enum(["true", "false", ""]), z.boolean()], { error: INVALID_CHOICE }),
});

/** Saves the officer's answer to one of the province's extra criteria. Bumps the dossier version. */
export async function saveExtraAnswer(prisma: PrismaClient, actor: Actor | null, input: z.output<typeof extraAnswerSchema>) {
  return prisma.$transaction(async (tx) => {
    const dossier = await loadDossier(tx, input.dossierId);
    if (!dossier) throw new UserFacingError("Hồ sơ không tồn tại.");
    authorize(actor, { action: "unit.update", unit: dossier.unit });
    if (!(OFFICER_EDITABLE_STATES as readonly string[]).includes(dossier.state)) throw new UserFacingError("Hồ sơ không ở trạng thái cho phép chỉnh sửa.");
    const applicable = await loadApplicableCriteria(tx, dossier.unit.kind, dossier.year);
    if (!applicable.some((c) => c.code === input.code)) throw new UserFacingError("Tiêu chí không thuộc các tiêu chí bổ sung của tỉnh áp dụng cho hồ sơ này.", "code");
    const editable = await editableCriteria(tx, dossier);
    if (editable !== "ALL" && !editable.has(input.code)) {
      throw new UserFacingError(`Hồ sơ đã được trả lại: chỉ được sửa các tiêu chí cán bộ thẩm định yêu cầu bổ sung (không gồm ${input.code}).`);
    }
    const before = readExtraAnswers(dossier.extraAnswers);
    const next: ExtraAnswers = { ...before };
    if (input.answer === "") delete next[input.code];
    else next[input.code] = input.answer === true || input.answer === "true";
    const { count } = await tx.dossier.updateMany({
      where: { id: dossier.id, version: input.version },
      data: { extraAnswers: next as Prisma.InputJsonValue, version: { increment: 1 } },
    });
    if (count !== 1) throw new UserFacingError(STALE_MESSAGE);
    await recordAudit(tx, {
      actor,
      action: "dossier.answers_saved",
      entityType: "CriterionAnswer",
      entityId: `${dossier.id}:${input.code}`,
      unitId: dossier.unitId,
      before: { extraAnswer: before[input.code] ?? null },
      after: { dossierId: dossier.id, criterionId: input.code, extraAnswer: next[input.code] ?? null },
    });
    return { version: input.version + 1 };
  });
}

/** Saves the answers of one criterion. Bumps the dossier version (optimistic concurrency). */
export async function saveCriterionAnswer(prisma: PrismaClient, actor: Actor | null, input: z.output<typeof criterionAnswerSchema>) {
  return prisma.$transaction(async (tx) => {
    const dossier = await loadDossier(tx, input.dossierId);
    if (!dossier) throw new UserFacingError("Hồ sơ không tồn tại.");
    authorize(actor, { action: "unit.update", unit: dossier.unit });
    await assertCriterionEditable(tx, dossier, input.criterionId);
    const unit = await tx.unit.findUniqueOrThrow({ where: { id: dossier.unitId }, select: { kind: true } });
    const allowedKeys = new Set(questionsFor(unit.kind).filter((q) => q.criterionId === input.criterionId).map((q) => q.key as string));
    const before = declarationsSchema.catch({}).parse(dossier.declarations ?? {});
    const next: Record<string, boolean> = { ...before };
    for (const [key, raw] of Object.entries(input.declarations)) {
      if (!allowedKeys.has(key)) throw new UserFacingError("Câu hỏi không thuộc tiêu chí này.");
      if (raw === "" ) delete next[key];
      else next[key] = raw === true || raw === "true";
    }
    const { count } = await tx.dossier.updateMany({
      where: { id: dossier.id, version: input.version },
      data: { declarations: next as Prisma.InputJsonValue, version: { increment: 1 } },
    });
    if (count !== 1) throw new UserFacingError(STALE_MESSAGE);
    const key = { dossierId_criterionId: { dossierId: dossier.id, criterionId: input.criterionId } };
    const previous = await tx.criterionAnswer.findUnique({ where: key });
    await tx.criterionAnswer.upsert({
      where: key,
      create: { dossierId: dossier.id, criterionId: input.criterionId, explanation: input.explanation, updatedById: actor.userId },
      update: { explanation: input.explanation, updatedById: actor.userId },
    });
    const pick = (d: Record<string, boolean>) => Object.fromEntries([...allowedKeys].filter((k) => k in d).map((k) => [k, d[k]]));
    await recordAudit(tx, {
      actor,
      action: "dossier.answers_saved",
      entityType: "CriterionAnswer",
      entityId: `${dossier.id}:${input.criterionId}`,
      unitId: dossier.unitId,
      before: { declarations: pick(before), explanation: previous?.explanation ?? null },
      after: { dossierId: dossier.id, criterionId: input.criterionId, declarations: pick(next), explanation: input.explanation },
    });
    return { version: input.version + 1 };
  });
}

/** Submits (or resubmits) the dossier: evaluates, freezes a snapshot, moves to SUBMITTED. */
export async function submitDossier(prisma: PrismaClient, actor: Actor | null, input: { dossierId: string; version: number }, now: Date = new Date()) {
  return prisma.$transaction(
    async (tx) => {
      const dossier = await loadDossier(tx, input.dossierId);
      if (!dossier) throw new UserFacingError("Hồ sơ không tồn tại.");
      authorize(actor, { action: "unit.update", unit: dossier.unit });
      const unit = await tx.unit.findUniqueOrThrow({ where: { id: dossier.unitId }, select: { kind: true, educationLevel: true } });
      const { declarations, explanations, evidence } = await loadAnswers(tx, dossier.id, dossier.declarations);
      // The province's extra criteria as they read now are frozen with this round: a later edit
      // or retirement never reaches this dossier, its verdict or its decision.
      const extraCriteria = await freezeApplicableCriteria(tx, unit.kind, dossier.year, now);
      const incomplete = [
        ...incompleteCriteria({ kind: unit.kind, year: dossier.year, educationLevel: unit.educationLevel, declarations, explanations, evidenceCriteria: new Set(evidence.map((e) => e.criterionId)) }),
        ...unansweredExtra(extraCriteria, readExtraAnswers(dossier.extraAnswers)),
      ];
      let evaluation;
      try {
        evaluation = await evaluateUnitFromDatabase(tx, dossier.unitId, dossier.year, { extraCriteria: extraCriteria.map(toEngineCriterion) });
      } catch (error) {
        if (error instanceof CriteriaInputError) throw new UserFacingError(error.message);
        throw error;
      }
      const round = dossier.reviewRound + 1;
      const today = todayInVietnam(now);
      const calendar = await loadCycleCalendar(tx, dossier.year);
      await transitionDossier(tx, {
        actor,
        dossier,
        unit: dossier.unit,
        action: "SUBMIT",
        expectedVersion: input.version,
        facts: { incompleteCriteria: incomplete },
        data: { reviewRound: round, submittedAt: now, submissionLate: today > deadlinesFor(unit.kind, calendar).selfAssessment },
        meta: { round, overall: evaluation.result.overall },
      });
      // Now in the competent reviewers' queue (a resubmission too: round > 1).
      await notify(tx, [{ kind: "REVIEW_QUEUED", dossierId: dossier.id, unitId: dossier.unitId, unitName: dossier.unit.name, year: dossier.year, round }], now);
      const snapshotEvidence: SnapshotEvidence = evidence.map((e) => ({ id: e.id, criterionId: e.criterionId, fileName: e.fileName, sha256: e.sha256, sizeBytes: e.sizeBytes }));
      const answers: SnapshotAnswers = { declarations, explanations };
      await tx.dossierSnapshot.create({
        data: {
          dossierId: dossier.id,
          round,
          submittedAt: now,
          submittedById: actor.userId,
          input: evaluation.input as unknown as Prisma.InputJsonValue,
          result: evaluation.result as unknown as Prisma.InputJsonValue,
          answers: answers as unknown as Prisma.InputJsonValue,
          evidence: snapshotEvidence as unknown as Prisma.InputJsonValue,
          extraCriteria: extraCriteria as unknown as Prisma.InputJsonValue,
        },
      });
      return { round, overall: evaluation.result.overall };
    },
    { timeout: 60_000 },
  );
}
