/**
 * The plan 195/KH-UBND reports (issue 14 §4, ADR 0032-movement-reports): a unit's officers write and
 * submit their unit's yearly report (`unit.update`); the provincial police enter a participant's
 * report from its paper copy and may return a report (`movementReport.province`); province-wide
 * readers follow who has reported (`province.read`). Every change writes its audit event in the
 * same transaction; edits carry the version they were made on.
 */
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import type { MovementReportState } from "@/lib/generated/prisma/enums";
import type { Actor } from "@/lib/auth/actor";
import { authorize, can } from "@/lib/auth/permissions";
import { recordAudit } from "@/lib/audit/record-audit";
import { todayInVietnam } from "@/lib/domain/vietnam-today";
import { loadCycleCalendar } from "@/lib/rules/cycle-calendar-store";
import { loadUnitForRead, loadUnitForWrite, STALE_MESSAGE } from "@/lib/records/unit-access";
import { UserFacingError } from "@/lib/validation/action-result";
import { REPORT_COUNT_FIELDS, REPORT_TEXT_FIELDS, reportGroupOfKind, reportLate, reportsOnItsOwn, submitProblems } from "./report-rules";
import type { ParticipantReportInput, ReturnReportInput, UnitReportInput } from "./report-schemas";

export const reportSelect = {
  id: true,
  year: true,
  group: true,
  unitId: true,
  participantId: true,
  communeId: true,
  state: true,
  results: true,
  models: true,
  propaganda: true,
  difficulties: true,
  proposals: true,
  propagandaSessions: true,
  propagandaAttendees: true,
  modelsCount: true,
  tipsReceived: true,
  submittedAt: true,
  late: true,
  returnReason: true,
  returnedAt: true,
  version: true,
  updatedAt: true,
} as const satisfies Prisma.MovementReportSelect;
export type MovementReportRow = Prisma.MovementReportGetPayload<{ select: typeof reportSelect }>;

export const KDC_REPORTS_THROUGH_COMMUNE = "Khu dân cư báo cáo kết quả phong trào qua Ủy ban nhân dân xã, phường; không lập báo cáo riêng.";
const SUBMITTED_READ_ONLY = "Báo cáo đã gửi Công an tỉnh; chỉ sửa được khi Công an tỉnh trả lại.";
const REPORT_NOT_FOUND = "Báo cáo không tồn tại.";

type Content = Omit<UnitReportInput, "unitId">;

function contentData(input: Content) {
  return {
    ...Object.fromEntries(REPORT_TEXT_FIELDS.map((f) => [f, input[f]])),
    ...Object.fromEntries(REPORT_COUNT_FIELDS.map((f) => [f, input[f]])),
  } as Pick<Prisma.MovementReportUncheckedCreateInput, (typeof REPORT_TEXT_FIELDS)[number] | (typeof REPORT_COUNT_FIELDS)[number]>;
}

type Subject =
  | { kind: "unit"; unitId: string; communeId: string; group: Prisma.MovementReportUncheckedCreateInput["group"] }
  | { kind: "participant"; participantId: string; group: Prisma.MovementReportUncheckedCreateInput["group"] };

/**
 * Saves (and with intent "submit" sends) one report: creates it on the first save (version 0),
 * else updates it when the version matches. A SUBMITTED report is read-only until returned.
 */
async function writeReport(prisma: PrismaClient, actor: Actor, subject: Subject, input: Content, now: Date): Promise<{ id: string; version: number; state: MovementReportState }> {
  if (input.intent === "submit") {
    const problems = submitProblems(input);
    if (problems.length) throw new UserFacingError(problems[0]!.message, problems[0]!.field);
  }
  const calendar = await loadCycleCalendar(prisma, input.year);
  const submit = input.intent === "submit";
  const submittedFields = submit
    ? { state: "SUBMITTED" as const, submittedAt: now, submittedById: actor.userId, late: reportLate(todayInVietnam(now), calendar) }
    : {};
  const where = subject.kind === "unit" ? { year_unitId: { year: input.year, unitId: subject.unitId } } : { year_participantId: { year: input.year, participantId: subject.participantId } };
  return prisma.$transaction(async (tx) => {
    const before = await tx.movementReport.findUnique({ where, select: reportSelect });
    if ((before?.version ?? 0) !== input.version) throw new UserFacingError(STALE_MESSAGE);
    if (before?.state === "SUBMITTED") throw new UserFacingError(SUBMITTED_READ_ONLY);
    const data = { ...contentData(input), ...submittedFields, updatedById: actor.userId };
    const after = before
      ? // The version in the where: a concurrent save between the read and this write matches nothing.
        await tx.movementReport.update({ where: { id: before.id, version: before.version }, data: { ...data, version: { increment: 1 } }, select: reportSelect }).catch((error: unknown) => {
          if ((error as { code?: string }).code === "P2025") throw new UserFacingError(STALE_MESSAGE);
          throw error;
        })
      : await tx.movementReport.create({
          data: {
            year: input.year,
            group: subject.group,
            ...(subject.kind === "unit" ? { unitId: subject.unitId, communeId: subject.communeId } : { participantId: subject.participantId }),
            ...data,
          },
          select: reportSelect,
        });
    await recordAudit(tx, {
      actor,
      action: submit ? "movementReport.submitted" : "movementReport.saved",
      entityType: "MovementReport",
      entityId: after.id,
      unitId: after.unitId,
      before: before ?? undefined,
      after,
      meta: submit ? { late: after.late } : undefined,
    });
    return { id: after.id, version: after.version, state: after.state };
  });
}

/** A unit's officer saves or submits the unit's report of the year. */
export async function saveUnitReport(prisma: PrismaClient, actor: Actor | null, input: UnitReportInput, now: Date = new Date()) {
  const unit = await loadUnitForWrite(prisma, actor, input.unitId);
  if (!reportsOnItsOwn(unit.kind)) throw new UserFacingError(KDC_REPORTS_THROUGH_COMMUNE);
  return writeReport(prisma, actor!, { kind: "unit", unitId: unit.id, communeId: unit.communeId, group: reportGroupOfKind(unit.kind) }, input, now);
}

/** The provincial police enter (save or submit) a participant's report from its paper copy. */
export async function saveParticipantReport(prisma: PrismaClient, actor: Actor | null, input: ParticipantReportInput, now: Date = new Date()) {
  authorize(actor, { action: "movementReport.province" });
  const participant = await prisma.movementParticipant.findUnique({ where: { id: input.participantId }, select: { id: true, group: true, isActive: true } });
  if (!participant) throw new UserFacingError("Đối tượng tham gia phong trào không tồn tại.");
  return writeReport(prisma, actor, { kind: "participant", participantId: participant.id, group: participant.group }, input, now);
}

/** The provincial police send a submitted report back with a reason; the unit corrects and submits again. */
export async function returnReport(prisma: PrismaClient, actor: Actor | null, input: ReturnReportInput, now: Date = new Date()) {
  authorize(actor, { action: "movementReport.province" });
  return prisma.$transaction(async (tx) => {
    const before = await tx.movementReport.findUnique({ where: { id: input.reportId }, select: reportSelect });
    if (!before) throw new UserFacingError(REPORT_NOT_FOUND);
    if (before.version !== input.version) throw new UserFacingError(STALE_MESSAGE);
    if (before.state !== "SUBMITTED") throw new UserFacingError("Chỉ trả lại được báo cáo đã gửi.");
    const after = await tx.movementReport.update({
      where: { id: before.id, version: before.version },
      data: { state: "RETURNED", returnReason: input.reason, returnedAt: now, updatedById: actor.userId, version: { increment: 1 } },
      select: reportSelect,
    });
    await recordAudit(tx, { actor, action: "movementReport.returned", entityType: "MovementReport", entityId: after.id, unitId: after.unitId, before, after });
    return { id: after.id, version: after.version };
  });
}

/** The unit's report page: the unit, its report of the year (null before the first save), what the actor may do. */
export async function getUnitReportPage(prisma: PrismaClient, actor: Actor | null, unitId: string, year: number) {
  const unit = await loadUnitForRead(prisma, actor, unitId);
  if (!unit) return null;
  const [report, calendar] = await Promise.all([
    prisma.movementReport.findUnique({ where: { year_unitId: { year, unitId } }, select: reportSelect }),
    loadCycleCalendar(prisma, year),
  ]);
  const reports = reportsOnItsOwn(unit.kind);
  return {
    unit,
    reports,
    report,
    deadline: calendar.unitReportEnd,
    canEdit: reports && can(actor, { action: "unit.update", unit }) && report?.state !== "SUBMITTED",
    canReturn: report?.state === "SUBMITTED" && can(actor, { action: "movementReport.province" }),
  };
}

/** A participant's report page for the provincial police (and province-wide readers, read-only). */
export async function getParticipantReportPage(prisma: PrismaClient, actor: Actor | null, participantId: string, year: number) {
  authorize(actor, { action: "province.read" });
  const participant = await prisma.movementParticipant.findUnique({ where: { id: participantId }, select: { id: true, code: true, name: true, group: true, isActive: true } });
  if (!participant) return null;
  const [report, calendar] = await Promise.all([
    prisma.movementReport.findUnique({ where: { year_participantId: { year, participantId } }, select: reportSelect }),
    loadCycleCalendar(prisma, year),
  ]);
  const province = can(actor, { action: "movementReport.province" });
  return { participant, report, deadline: calendar.unitReportEnd, canEdit: province && report?.state !== "SUBMITTED", canReturn: province && report?.state === "SUBMITTED" };
}
