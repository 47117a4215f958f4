/**
 * Scoring sheets of the movement as data (issue 14 §1, ADR 0030): the administrators create a
 * sheet for a year and group (or copy the group's previous sheet as a draft), write its lines and
 * classes, and publish it. Every change bumps the sheet's `version` (the lines and classes are
 * edited at the sheet's version, so two admins never overwrite each other) and writes an audit
 * event with what it read before and after, in the same transaction.
 *
 * Frozen: once an evaluation against the sheet left DRAFT (submitted, returned or classified) the
 * sheet is never changed again, so what a unit submitted and what the reviewer classified read
 * the same sheet. The version bump comes first in each transaction: it locks the sheet's row, so
 * a submission that locks the row too (SELECT … FOR SHARE) is ordered with the edit.
 */
import { Prisma, type PrismaClient } from "@/lib/generated/prisma/client";
import type { MovementGroup } from "@/lib/generated/prisma/enums";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/permissions";
import { recordAudit } from "@/lib/audit/record-audit";
import type { AuditAction } from "@/lib/audit/audit-actions";
import { UserFacingError } from "@/lib/validation/action-result";
import { SCORED_GROUPS, type ScoredGroup } from "./groups";
import { classesProblems, fromHundredths, maxTotal, toHundredths, type SheetClass, type SheetLine } from "./classification";
import { FROZEN_MESSAGE, copiedTitle, defaultClasses, moveInOrder, prefillKeyProblem, publishProblems, type SheetStatusView } from "./sheet-rules";
import type { ClassInput, CreateSheetInput, LineInput, UpdateSheetInput } from "./sheet-schemas";

type Db = PrismaClient | Prisma.TransactionClient;
type Tx = Prisma.TransactionClient;

const STALE = "Bảng chấm điểm vừa được người khác thay đổi; vui lòng tải lại trang rồi thử lại.";
const NOT_FOUND = "Bảng chấm điểm không còn tồn tại.";

/** Decimal(6,2) as an exact string for Prisma, from a number of points. */
const decimal = (points: number) => (toHundredths(points) / 100).toFixed(2);
const points = (d: Prisma.Decimal | number | string) => fromHundredths(toHundredths(Number(d)));

// ───────────── Reading ─────────────

/** A sheet is frozen once any evaluation against it left DRAFT. */
async function isFrozen(db: Db, sheetId: string): Promise<boolean> {
  return (await db.movementEvaluation.count({ where: { sheetId, state: { not: "DRAFT" } } })) > 0;
}

export type SheetLineView = {
  id: string;
  code: string;
  position: number;
  section: string | null;
  text: string;
  maxPoints: number;
  evidenceHint: string | null;
  prefillKey: string | null;
};
export type SheetClassView = SheetClass & { id: string };

function lineView(c: { id: string; code: string; position: number; section: string | null; text: string; maxPoints: Prisma.Decimal; evidenceHint: string | null; prefillKey: string | null }): SheetLineView {
  return { id: c.id, code: c.code, position: c.position, section: c.section, text: c.text, maxPoints: points(c.maxPoints), evidenceHint: c.evidenceHint, prefillKey: c.prefillKey };
}
function classView(c: { id: string; rank: number; code: string; name: string; minPoints: Prisma.Decimal; requiresRecognition: boolean }): SheetClassView {
  return { id: c.id, rank: c.rank, code: c.code, name: c.name, minPoints: points(c.minPoints), requiresRecognition: c.requiresRecognition };
}
const sheetLines = (lines: readonly SheetLineView[]): SheetLine[] => lines.map((l) => ({ criterionId: l.id, code: l.code, maxPoints: l.maxPoints }));

async function loadSheet(db: Db, sheetId: string) {
  const sheet = await db.scoringSheet.findUnique({
    where: { id: sheetId },
    include: { criteria: { orderBy: { position: "asc" } }, classes: { orderBy: { rank: "asc" } } },
  });
  if (!sheet) return null;
  const lines = sheet.criteria.map(lineView);
  const classes = sheet.classes.map(classView);
  const { criteria: _c, classes: _k, ...rest } = sheet;
  return { ...rest, lines, classes, maxTotal: maxTotal(sheetLines(lines)) };
}
export type SheetDetail = NonNullable<Awaited<ReturnType<typeof loadSheet>>> & { frozen: boolean; evaluations: number };

export async function getScoringSheet(prisma: PrismaClient, actor: Actor | null, sheetId: string): Promise<SheetDetail | null> {
  authorize(actor, { action: "movementSheets.read" });
  const sheet = await loadSheet(prisma, sheetId);
  if (!sheet) return null;
  const [frozen, evaluations] = await Promise.all([isFrozen(prisma, sheetId), prisma.movementEvaluation.count({ where: { sheetId } })]);
  return { ...sheet, frozen, evaluations };
}

export type SheetRow = {
  group: ScoredGroup;
  sheet: { id: string; title: string; status: SheetStatusView; provisional: boolean; lines: number; maxTotal: number; classes: number } | null;
  /** The year of the group's latest earlier sheet, which may be copied into this year. */
  copyFrom: number | null;
};

/** One row per scored group for a year (ADR 0030), with the sheet's state when there is one. */
export async function listScoringSheets(prisma: PrismaClient, actor: Actor | null, year: number): Promise<SheetRow[]> {
  authorize(actor, { action: "movementSheets.read" });
  const [sheets, earlier, frozen] = await Promise.all([
    prisma.scoringSheet.findMany({
      where: { year },
      select: { id: true, group: true, title: true, status: true, provisional: true, criteria: { select: { maxPoints: true } }, _count: { select: { classes: true } } },
    }),
    prisma.scoringSheet.groupBy({ by: ["group"], where: { year: { lt: year } }, _max: { year: true } }),
    prisma.movementEvaluation.groupBy({ by: ["sheetId"], where: { year, state: { not: "DRAFT" } } }),
  ]);
  const frozenIds = new Set(frozen.map((f) => f.sheetId));
  return SCORED_GROUPS.map((group) => {
    const s = sheets.find((x) => x.group === group);
    const copyFrom = earlier.find((e) => e.group === group)?._max.year ?? null;
    if (!s) return { group, sheet: null, copyFrom };
    const status: SheetStatusView = frozenIds.has(s.id) ? "FROZEN" : s.status;
    const total = fromHundredths(s.criteria.reduce((h, c) => h + toHundredths(Number(c.maxPoints)), 0));
    return { group, sheet: { id: s.id, title: s.title, status, provisional: s.provisional, lines: s.criteria.length, maxTotal: total, classes: s._count.classes }, copyFrom };
  });
}

/** The years the sheets page offers: every year with a sheet, and this year and the next. */
export async function sheetYears(prisma: PrismaClient, actor: Actor | null, currentYear: number): Promise<number[]> {
  authorize(actor, { action: "movementSheets.read" });
  const rows = await prisma.scoringSheet.findMany({ distinct: ["year"], select: { year: true } });
  return [...new Set([...rows.map((r) => r.year), currentYear, currentYear + 1])].sort((a, b) => b - a);
}

// ───────────── Changing ─────────────

function sheetAudit(s: { title: string; source: string; provisional: boolean; status: string; version: number }) {
  return { title: s.title, source: s.source, provisional: s.provisional, status: s.status, version: s.version };
}

/**
 * Takes the sheet at the version the form read: bumps it (locking its row for the rest of the
 * transaction), then refuses a frozen sheet. Returns the sheet as it was before.
 */
async function takeSheet(tx: Tx, actor: Actor, sheetId: string, version: number) {
  const before = await loadSheet(tx, sheetId);
  if (!before) throw new UserFacingError(NOT_FOUND);
  const { count } = await tx.scoringSheet.updateMany({ where: { id: sheetId, version }, data: { version: { increment: 1 }, updatedById: actor.userId } });
  if (count !== 1) throw new UserFacingError(STALE);
  if (await isFrozen(tx, sheetId)) throw new UserFacingError(FROZEN_MESSAGE);
  return before;
}

async function audit(tx: Tx, actor: Actor, action: AuditAction, sheetId: string, before: unknown, after: unknown, meta?: unknown) {
  await recordAudit(tx, { actor, action, entityType: "ScoringSheet", entityId: sheetId, before, after, meta });
}

function duplicateSheet(error: unknown): never {
  if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
    throw new UserFacingError("Nhóm này đã có bảng chấm điểm của năm đó; hãy mở bảng đã có để sửa.");
  }
  throw error;
}

const classRows = (classes: readonly ClassInput[]) =>
  classes.map((c, i) => ({ rank: i + 1, code: c.code, name: c.name, minPoints: decimal(c.minPoints), requiresRecognition: c.requiresRecognition }));

/** A blank draft for (year, group), with the default classes and no lines. */
export async function createScoringSheet(prisma: PrismaClient, actor: Actor | null, input: CreateSheetInput) {
  authorize(actor, { action: "movementSheets.manage" });
  try {
    return await prisma.$transaction(async (tx) => {
      const created = await tx.scoringSheet.create({
        data: {
          year: input.year,
          group: input.group,
          title: input.title,
          source: input.source,
          provisional: input.provisional,
          updatedById: actor.userId,
          classes: { create: classRows(defaultClasses(input.group)) },
        },
      });
      await audit(tx, actor, "rules.sheet.created", created.id, null, { year: created.year, group: created.group, ...sheetAudit(created) });
      return created;
    });
  } catch (error) {
    duplicateSheet(error);
  }
}

/** Copies the group's latest sheet before `year` (lines and classes) into `year`, as a draft. */
export async function copyScoringSheet(prisma: PrismaClient, actor: Actor | null, input: { year: number; group: ScoredGroup }) {
  authorize(actor, { action: "movementSheets.manage" });
  try {
    return await prisma.$transaction(async (tx) => {
      const from = await tx.scoringSheet.findFirst({
        where: { group: input.group, year: { lt: input.year } },
        orderBy: { year: "desc" },
        include: { criteria: { orderBy: { position: "asc" } }, classes: { orderBy: { rank: "asc" } } },
      });
      if (!from) throw new UserFacingError("Nhóm này chưa có bảng chấm điểm của năm trước để sao chép.");
      const created = await tx.scoringSheet.create({
        data: {
          year: input.year,
          group: input.group,
          title: copiedTitle(from.title, from.year, input.year),
          source: from.source,
          provisional: from.provisional,
          status: "DRAFT",
          updatedById: actor.userId,
          criteria: {
            create: from.criteria.map((c) => ({ code: c.code, position: c.position, section: c.section, text: c.text, maxPoints: c.maxPoints, evidenceHint: c.evidenceHint, prefillKey: c.prefillKey })),
          },
          classes: { create: from.classes.map((c) => ({ rank: c.rank, code: c.code, name: c.name, minPoints: c.minPoints, requiresRecognition: c.requiresRecognition })) },
        },
      });
      await audit(tx, actor, "rules.sheet.copied", created.id, null, { year: created.year, group: created.group, ...sheetAudit(created) }, { fromSheetId: from.id, fromYear: from.year, lines: from.criteria.length });
      return created;
    });
  } catch (error) {
    duplicateSheet(error);
  }
}

export async function updateScoringSheet(prisma: PrismaClient, actor: Actor | null, input: UpdateSheetInput) {
  authorize(actor, { action: "movementSheets.manage" });
  return prisma.$transaction(async (tx) => {
    const before = await takeSheet(tx, actor, input.sheetId, input.version);
    const after = await tx.scoringSheet.update({ where: { id: input.sheetId }, data: { title: input.title, source: input.source, provisional: input.provisional } });
    await audit(tx, actor, "rules.sheet.updated", after.id, sheetAudit(before), sheetAudit(after));
    return after;
  });
}

/**
 * A published sheet is in use: after a change to its lines it must still be publishable (one line
 * at least, the classes within the new maximum), or units would score on a sheet that cannot classify.
 */
async function checkStillPublishable(tx: Tx, sheetId: string, status: string) {
  if (status !== "PUBLISHED") return;
  const after = (await loadSheet(tx, sheetId))!;
  const problems = publishProblems(sheetLines(after.lines), after.classes);
  if (problems.length > 0) throw new UserFacingError(`Bảng đã công bố phải luôn dùng được: ${problems.join(" ")}`);
}

async function checkLine(tx: Tx, sheet: { id: string; group: MovementGroup }, line: LineInput, criterionId: string | null) {
  const problem = prefillKeyProblem(sheet.group, line.prefillKey);
  if (problem) throw new UserFacingError(problem, "prefillKey");
  const same = await tx.scoringCriterion.findFirst({ where: { sheetId: sheet.id, code: line.code, ...(criterionId ? { id: { not: criterionId } } : {}) }, select: { id: true } });
  if (same) throw new UserFacingError(`Mã tiêu chí “${line.code}” đã có trong bảng này.`, "code");
}

const lineData = (l: LineInput) => ({ code: l.code, section: l.section, text: l.text, maxPoints: decimal(l.maxPoints), evidenceHint: l.evidenceHint, prefillKey: l.prefillKey });

export async function addSheetLine(prisma: PrismaClient, actor: Actor | null, input: LineInput & { sheetId: string; version: number }) {
  authorize(actor, { action: "movementSheets.manage" });
  return prisma.$transaction(async (tx) => {
    const before = await takeSheet(tx, actor, input.sheetId, input.version);
    await checkLine(tx, before, input, null);
    const position = (before.lines.at(-1)?.position ?? 0) + 1;
    const created = await tx.scoringCriterion.create({ data: { sheetId: before.id, position, ...lineData(input) } });
    await checkStillPublishable(tx, before.id, before.status);
    await audit(tx, actor, "rules.sheet.line_added", before.id, null, lineView(created), { version: before.version + 1 });
    return { id: created.id, version: before.version + 1 };
  });
}

export async function updateSheetLine(prisma: PrismaClient, actor: Actor | null, input: LineInput & { sheetId: string; version: number; criterionId: string }) {
  authorize(actor, { action: "movementSheets.manage" });
  return prisma.$transaction(async (tx) => {
    const before = await takeSheet(tx, actor, input.sheetId, input.version);
    const old = before.lines.find((l) => l.id === input.criterionId);
    if (!old) throw new UserFacingError("Tiêu chí không còn trong bảng chấm điểm này.");
    await checkLine(tx, before, input, old.id);
    const updated = await tx.scoringCriterion.update({ where: { id: old.id }, data: lineData(input) });
    await checkStillPublishable(tx, before.id, before.status);
    await audit(tx, actor, "rules.sheet.line_updated", before.id, old, lineView(updated), { version: before.version + 1 });
    return { id: updated.id, version: before.version + 1 };
  });
}

/**
 * Removes a line nobody has scored yet. Once an evaluation (even a draft) holds a score or evidence
 * for it, removing it would silently drop a unit's work: set its points or text instead.
 */
export async function removeSheetLine(prisma: PrismaClient, actor: Actor | null, input: { sheetId: string; version: number; criterionId: string }) {
  authorize(actor, { action: "movementSheets.manage" });
  return prisma.$transaction(async (tx) => {
    const before = await takeSheet(tx, actor, input.sheetId, input.version);
    const old = before.lines.find((l) => l.id === input.criterionId);
    if (!old) throw new UserFacingError("Tiêu chí không còn trong bảng chấm điểm này.");
    const [scores, files] = await Promise.all([
      tx.movementScore.count({ where: { criterionId: old.id } }),
      tx.movementEvidenceFile.count({ where: { criterionId: old.id } }),
    ]);
    if (scores + files > 0) throw new UserFacingError(`Đã có đơn vị chấm điểm hoặc gửi minh chứng cho tiêu chí ${old.code} nên không xóa được; hãy sửa nội dung hoặc điểm của tiêu chí.`);
    await tx.scoringCriterion.delete({ where: { id: old.id } });
    await checkStillPublishable(tx, before.id, before.status);
    await audit(tx, actor, "rules.sheet.line_removed", before.id, old, null, { version: before.version + 1 });
    return { version: before.version + 1 };
  });
}

export async function moveSheetLine(prisma: PrismaClient, actor: Actor | null, input: { sheetId: string; version: number; criterionId: string; direction: "up" | "down" }) {
  authorize(actor, { action: "movementSheets.manage" });
  return prisma.$transaction(async (tx) => {
    const before = await takeSheet(tx, actor, input.sheetId, input.version);
    const ids = before.lines.map((l) => l.id);
    if (!ids.includes(input.criterionId)) throw new UserFacingError("Tiêu chí không còn trong bảng chấm điểm này.");
    const order = moveInOrder(ids, input.criterionId, input.direction);
    // Positions are unique per sheet: park the lines out of the way, then number them 1..n.
    await tx.scoringCriterion.updateMany({ where: { sheetId: before.id }, data: { position: { increment: 100_000 } } });
    for (const [i, id] of order.entries()) await tx.scoringCriterion.update({ where: { id }, data: { position: i + 1 } });
    const code = (id: string) => before.lines.find((l) => l.id === id)!.code;
    await audit(tx, actor, "rules.sheet.line_moved", before.id, { order: ids.map(code) }, { order: order.map(code) }, { version: before.version + 1 });
    return { version: before.version + 1 };
  });
}

/** Replaces the classes (rank = order given), checked against the sheet's maximum (classesProblems). */
export async function saveSheetClasses(prisma: PrismaClient, actor: Actor | null, input: { sheetId: string; version: number; classes: ClassInput[] }) {
  authorize(actor, { action: "movementSheets.manage" });
  return prisma.$transaction(async (tx) => {
    const before = await takeSheet(tx, actor, input.sheetId, input.version);
    const ranked: SheetClass[] = input.classes.map((c, i) => ({ ...c, rank: i + 1 }));
    const problems = classesProblems(ranked, before.maxTotal);
    if (problems.length > 0) throw new UserFacingError(problems.map((p) => p.message).join(" "));
    await tx.scoringClass.deleteMany({ where: { sheetId: before.id } });
    await tx.scoringClass.createMany({ data: classRows(input.classes).map((c) => ({ ...c, sheetId: before.id })) });
    const strip = (c: SheetClass) => ({ rank: c.rank, code: c.code, name: c.name, minPoints: c.minPoints, requiresRecognition: c.requiresRecognition });
    await audit(tx, actor, "rules.sheet.classes_updated", before.id, { classes: before.classes.map(strip) }, { classes: ranked.map(strip) }, { version: before.version + 1, maxTotal: before.maxTotal });
    return { version: before.version + 1 };
  });
}

/** Offers the sheet to the units of its group for the year: one line at least, classes valid. */
export async function publishScoringSheet(prisma: PrismaClient, actor: Actor | null, input: { sheetId: string; version: number }, now: Date = new Date()) {
  authorize(actor, { action: "movementSheets.manage" });
  return prisma.$transaction(async (tx) => {
    const before = await takeSheet(tx, actor, input.sheetId, input.version);
    if (before.status === "PUBLISHED") throw new UserFacingError("Bảng chấm điểm đã được công bố từ trước.");
    const problems = publishProblems(sheetLines(before.lines), before.classes);
    if (problems.length > 0) throw new UserFacingError(`Chưa công bố được: ${problems.join(" ")}`);
    const after = await tx.scoringSheet.update({ where: { id: before.id }, data: { status: "PUBLISHED", publishedAt: now } });
    await audit(tx, actor, "rules.sheet.published", before.id, sheetAudit(before), sheetAudit(after), { lines: before.lines.length, maxTotal: before.maxTotal });
    return after;
  });
}
