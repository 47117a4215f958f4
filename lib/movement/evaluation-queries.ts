/**
 * Reads of the movement's evaluations (issue 14 §2): the unit's page, the review page, the
 * reviewer's queue, the participants' list, and `classifiedEvaluations` — the small typed read
 * API the other parts of issue 14 (commendations, reports, dashboard) build on.
 */
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import type { MovementEvaluationState, MovementGroup } from "@/lib/generated/prisma/enums";
import type { Actor } from "@/lib/auth/actor";
import { can, ForbiddenError, unitScopeWhere } from "@/lib/auth/permissions";
import { UserFacingError } from "@/lib/validation/action-result";
import { keysetPage, type PageRequest } from "@/lib/paging/keyset";
import { GROUP_OF_UNIT_KIND, PARTICIPANT_GROUPS } from "./groups";
import { classify, maxTotal, totalPoints } from "./classification";
import { allowedMovementActions, scorerEditableLines, type MovementAction, type MovementSide } from "./evaluation-workflow";
import { EVALUATION_NOT_FOUND, loadEvaluation, mayRead, sheetClassesOf, sheetLinesOf, sidesOn, storedPrefill, type LoadedEvaluation, type StoredPrefill } from "./evaluations";
import { recognisedFromDossierState } from "./prefill";

type Db = PrismaClient | Prisma.TransactionClient;
const num = (d: Prisma.Decimal | null | undefined): number | null => (d === null || d === undefined ? null : Number(d));

export type EvaluationLineView = {
  criterionId: string;
  code: string;
  section: string | null;
  text: string;
  maxPoints: number;
  evidenceHint: string | null;
  prefill: StoredPrefill | null;
  selfPoints: number | null;
  explanation: string | null;
  reviewedPoints: number | null;
  reviewComment: string | null;
  flagged: boolean;
  /** The scorer may change this line now. */
  editable: boolean;
  /** Evidence attached to the line (download: /api/movement/evidence/{id}). */
  files: { id: string; fileName: string; sizeBytes: number }[];
};

export type EvaluationView = {
  id: string;
  year: number;
  group: MovementGroup;
  state: MovementEvaluationState;
  version: number;
  subject: { kind: "unit"; id: string; name: string } | { kind: "participant"; id: string; name: string };
  sheet: { title: string; source: string; provisional: boolean; maxTotal: number };
  classes: { rank: number; code: string; name: string; minPoints: number; requiresRecognition: boolean }[];
  lines: EvaluationLineView[];
  selfTotal: number;
  reviewedTotal: number | null;
  /** The reviewed total so far (reviewed score, else self score) — what classification would use. */
  provisionalReviewedTotal: number;
  recognisedUnderTt124: boolean | null;
  classCode: string | null;
  className: string | null;
  submittedAt: Date | null;
  submissionLate: boolean;
  reviewRound: number;
  returnReason: string | null;
  classifiedAt: Date | null;
  sides: MovementSide[];
  actions: MovementAction[];
};

async function toView(db: Db, actor: Actor | null, ev: LoadedEvaluation): Promise<EvaluationView> {
  const sides = sidesOn(actor, ev);
  const editable = sides.includes("SCORER") ? scorerEditableLines(ev.state, ev.scores.filter((s) => s.flagged).map((s) => s.criterionId)) : new Set<string>();
  const byCriterion = new Map(ev.scores.map((s) => [s.criterionId, s]));
  const lines = ev.sheet.criteria.map((c) => {
    const s = byCriterion.get(c.id);
    return {
      criterionId: c.id,
      code: c.code,
      section: c.section,
      text: c.text,
      maxPoints: Number(c.maxPoints),
      evidenceHint: c.evidenceHint,
      prefill: storedPrefill(s?.prefill ?? null),
      selfPoints: num(s?.selfPoints),
      explanation: s?.explanation ?? null,
      reviewedPoints: num(s?.reviewedPoints),
      reviewComment: s?.reviewComment ?? null,
      flagged: s?.flagged ?? false,
      editable: editable === "ALL" || editable.has(c.id),
      files: ev.evidenceFiles.filter((f) => f.criterionId === c.id).map((f) => ({ id: f.id, fileName: f.fileName, sizeBytes: f.sizeBytes })),
    };
  });
  let recognised: boolean | null = null;
  if (ev.unit) {
    const d = await db.dossier.findUnique({ where: { unitId_year: { unitId: ev.unit.id, year: ev.year } }, select: { state: true } });
    recognised = recognisedFromDossierState(d?.state);
  }
  const sheetLines = sheetLinesOf(ev);
  return {
    id: ev.id,
    year: ev.year,
    group: ev.group,
    state: ev.state,
    version: ev.version,
    subject: ev.unit ? { kind: "unit", id: ev.unit.id, name: ev.unit.name } : { kind: "participant", id: ev.participant!.id, name: ev.participant!.name },
    sheet: { title: ev.sheet.title, source: ev.sheet.source, provisional: ev.sheet.provisional, maxTotal: maxTotal(sheetLines) },
    classes: sheetClassesOf(ev),
    lines,
    selfTotal: totalPoints(sheetLines, new Map(lines.map((l) => [l.criterionId, l.selfPoints]))),
    reviewedTotal: num(ev.reviewedTotal),
    provisionalReviewedTotal: totalPoints(sheetLines, new Map(lines.map((l) => [l.criterionId, l.reviewedPoints ?? l.selfPoints]))),
    recognisedUnderTt124: recognised,
    classCode: ev.classCode,
    className: ev.className,
    submittedAt: ev.submittedAt,
    submissionLate: ev.submissionLate,
    reviewRound: ev.reviewRound,
    returnReason: ev.returnReason,
    classifiedAt: ev.classifiedAt,
    sides,
    actions: allowedMovementActions(ev.state, sides),
  };
}

/** The class a total would reach on these classes (the page's running estimate). */
export function classReached(view: Pick<EvaluationView, "classes" | "recognisedUnderTt124">, total: number) {
  return classify(total, view.classes, view.recognisedUnderTt124);
}

/**
 * The unit's movement page: the unit, whether the actor may score it, the group's published sheet
 * of the year (or none) and the evaluation when opened.
 */
export async function unitMovementPage(prisma: PrismaClient, actor: Actor | null, input: { unitId: string; year: number }) {
  const unit = await prisma.unit.findUnique({ where: { id: input.unitId }, select: { id: true, kind: true, communeId: true, name: true, isActive: true } });
  // No such unit: the page's 404; a unit out of scope: its 403.
  if (!unit) return null;
  if (!can(actor, { action: "unit.read", unit })) throw new ForbiddenError("unit.read");
  const group = GROUP_OF_UNIT_KIND[unit.kind];
  const mayScore = can(actor, { action: "movement.score", unit });
  const row = await prisma.movementEvaluation.findUnique({ where: { year_unitId: { year: input.year, unitId: unit.id } }, select: { id: true } });
  const ev = row ? await loadEvaluation(prisma, row.id) : null;
  const sheet = await prisma.scoringSheet.findUnique({ where: { year_group: { year: input.year, group } }, select: { id: true, status: true, title: true } });
  return {
    unit,
    group,
    mayScore,
    sheetPublished: sheet?.status === "PUBLISHED",
    evaluation: ev ? await toView(prisma, actor, ev) : null,
  };
}

/** One evaluation for its review page (either side may read it; readers of the unit too). */
export async function evaluationForReview(prisma: PrismaClient, actor: Actor | null, evaluationId: string): Promise<EvaluationView> {
  const ev = await loadEvaluation(prisma, evaluationId);
  if (!ev) throw new UserFacingError(EVALUATION_NOT_FOUND);
  if (!mayRead(actor, ev)) throw new ForbiddenError("movement.review");
  return toView(prisma, actor, ev);
}

// ───────────── The reviewer's queue ─────────────

export type QueueFilters = { year: number; group?: MovementGroup; state?: MovementEvaluationState };
export type QueueRow = {
  id: string;
  subjectName: string;
  unitId: string | null;
  participantId: string | null;
  communeName: string | null;
  group: MovementGroup;
  state: MovementEvaluationState;
  selfTotal: number | null;
  reviewedTotal: number | null;
  className: string | null;
  submittedAt: Date | null;
  submissionLate: boolean;
  reviewRound: number;
};

/** The evaluations a reviewer may review: units in their "movement.review" scope, and participants for the provincial police. */
export function reviewQueueWhere(actor: Actor | null, filters: QueueFilters): Prisma.MovementEvaluationWhereInput {
  const subjects: Prisma.MovementEvaluationWhereInput[] = [{ unit: unitScopeWhere(actor, "movement.review") }];
  if (can(actor, { action: "movement.participants" })) subjects.push({ participantId: { not: null } });
  return {
    year: filters.year,
    ...(filters.group ? { group: filters.group } : {}),
    // Drafts are the scorer's business; a participant's draft is the provincial police's own work.
    ...(filters.state ? { state: filters.state } : { state: { not: "DRAFT" } }),
    OR: subjects,
  };
}

const queueSelect = {
  id: true,
  unitId: true,
  participantId: true,
  group: true,
  state: true,
  selfTotal: true,
  reviewedTotal: true,
  className: true,
  submittedAt: true,
  submissionLate: true,
  reviewRound: true,
  updatedAt: true,
  unit: { select: { name: true, commune: { select: { name: true } } } },
  participant: { select: { name: true } },
} as const satisfies Prisma.MovementEvaluationSelect;

export async function movementReviewQueue(prisma: PrismaClient, actor: Actor | null, filters: QueueFilters, request: PageRequest, size = 50) {
  if (!can(actor, { action: "movement.reviewQueue" })) throw new ForbiddenError("movement.reviewQueue");
  const where = reviewQueueWhere(actor, filters);
  type Row = Prisma.MovementEvaluationGetPayload<{ select: typeof queueSelect }>;
  const page = await keysetPage<Row>({
    request,
    size,
    columns: [
      { path: ["updatedAt"], dir: "desc", value: (r) => r.updatedAt },
      { path: ["id"], dir: "asc", value: (r) => r.id },
    ],
    boundary: (id) => prisma.movementEvaluation.findFirst({ where: { AND: [where, { id }] }, select: queueSelect }),
    fetch: ({ where: keyset, orderBy, take }) => prisma.movementEvaluation.findMany({ where: { AND: [where, keyset] }, orderBy, take, select: queueSelect }),
  });
  const total = await prisma.movementEvaluation.count({ where });
  return {
    total,
    page: {
      ...page,
      rows: page.rows.map(
        (r): QueueRow => ({
          id: r.id,
          subjectName: r.unit?.name ?? r.participant?.name ?? "",
          unitId: r.unitId,
          participantId: r.participantId,
          communeName: r.unit?.commune.name ?? null,
          group: r.group,
          state: r.state,
          selfTotal: num(r.selfTotal),
          reviewedTotal: num(r.reviewedTotal),
          className: r.className,
          submittedAt: r.submittedAt,
          submissionLate: r.submissionLate,
          reviewRound: r.reviewRound,
        }),
      ),
    },
  };
}

// ───────────── Participants ─────────────

/** The active participants with their evaluation of the year, for the provincial police. */
export async function participantsWithEvaluations(prisma: PrismaClient, actor: Actor | null, year: number) {
  if (!can(actor, { action: "movement.participants" })) throw new ForbiddenError("movement.participants");
  const rows = await prisma.movementParticipant.findMany({
    where: { isActive: true, group: { in: [...PARTICIPANT_GROUPS] } },
    orderBy: [{ group: "asc" }, { name: "asc" }],
    select: { id: true, code: true, name: true, group: true, evaluations: { where: { year }, select: { id: true, state: true, selfTotal: true, reviewedTotal: true, className: true } } },
  });
  return rows.map((p) => ({
    id: p.id,
    code: p.code,
    name: p.name,
    group: p.group,
    evaluation: p.evaluations[0] ? { ...p.evaluations[0], selfTotal: num(p.evaluations[0].selfTotal), reviewedTotal: num(p.evaluations[0].reviewedTotal) } : null,
  }));
}

// ───────────── The read API for the other parts of issue 14 ─────────────

export type ClassifiedEvaluation = {
  evaluationId: string;
  year: number;
  group: MovementGroup;
  subject: { kind: "unit"; unitId: string; name: string } | { kind: "participant"; participantId: string; name: string };
  /** The commune frozen when the evaluation was opened (null for participants). */
  communeId: string | null;
  reviewedTotal: number;
  /** The class reached, as it read when classified; null when the total reached no class. */
  class: { code: string; name: string; rank: number } | null;
  classifiedAt: Date;
};

/**
 * Every classified evaluation of the year, best class first then by name. No permission check:
 * callers (reports, commendations, dashboard) check their own; it reads nothing a leader may not.
 */
export async function classifiedEvaluations(db: Db, year: number): Promise<ClassifiedEvaluation[]> {
  const rows = await db.movementEvaluation.findMany({
    where: { year, state: "CLASSIFIED" },
    select: {
      id: true,
      year: true,
      group: true,
      unitId: true,
      participantId: true,
      communeId: true,
      reviewedTotal: true,
      classCode: true,
      className: true,
      classRank: true,
      classifiedAt: true,
      unit: { select: { name: true } },
      participant: { select: { name: true } },
    },
  });
  return rows
    .map(
      (r): ClassifiedEvaluation => ({
        evaluationId: r.id,
        year: r.year,
        group: r.group,
        subject: r.unitId ? { kind: "unit", unitId: r.unitId, name: r.unit!.name } : { kind: "participant", participantId: r.participantId!, name: r.participant!.name },
        communeId: r.communeId,
        reviewedTotal: num(r.reviewedTotal) ?? 0,
        class: r.classCode && r.className && r.classRank !== null ? { code: r.classCode, name: r.className, rank: r.classRank } : null,
        classifiedAt: r.classifiedAt!,
      }),
    )
    .sort((a, b) => (a.class?.rank ?? 1e9) - (b.class?.rank ?? 1e9) || a.subject.name.localeCompare(b.subject.name, "vi"));
}
