/**
 * The provincial police's report to UBND tỉnh (plan 195 §VI.6, before 20/11; issue 14 §4): built
 * from `provinceMovementFigures`, kept as built (ProvinceMovementReport.figures) so every later
 * download prints the same figures, and numbered once sent. Building and numbering are the
 * provincial police's (`movementReport.province`); reading and downloading, province-wide readers'.
 */
import type { PrismaClient, Prisma } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/permissions";
import { recordAudit } from "@/lib/audit/record-audit";
import { todayInVietnam } from "@/lib/domain/vietnam-today";
import { STALE_MESSAGE } from "@/lib/records/unit-access";
import { UserFacingError } from "@/lib/validation/action-result";
import { dateOnly, isoOf } from "@/lib/validation/input-rules";
import { REPORT_PLACE, reportIssuedOn } from "@/lib/reports/year-end-report-queries";
import { awardCountsSource } from "./award-counts";
import { provinceMovementFigures, type ProvinceMovementFigures } from "./report-figures";
import { buildProvinceMovementReportDocx, provinceMovementReportFileName } from "./exports/province-report-docx";
import { buildProvinceMovementXlsx } from "./exports/movement-xlsx";
import type { ProvinceReportSentInput } from "./report-schemas";

const NOT_FOUND = "Báo cáo của tỉnh không tồn tại.";

/** The figures of the year as the page shows them (live; the same function the build stores). */
export async function provinceReportFigures(prisma: PrismaClient, actor: Actor | null, year: number): Promise<ProvinceMovementFigures> {
  authorize(actor, { action: "province.read" });
  return provinceMovementFigures(prisma, year, { awards: awardCountsSource });
}

export async function buildProvinceReport(prisma: PrismaClient, actor: Actor | null, year: number, now: Date = new Date()) {
  authorize(actor, { action: "movementReport.province" });
  const figures = await provinceMovementFigures(prisma, year, { awards: awardCountsSource, now });
  return prisma.$transaction(async (tx) => {
    const row = await tx.provinceMovementReport.create({
      data: { year, builtAt: now, builtById: actor.userId, figures: figures as unknown as Prisma.InputJsonValue },
      select: { id: true, year: true, builtAt: true, version: true },
    });
    await recordAudit(tx, { actor, action: "movementReport.provinceBuilt", entityType: "ProvinceMovementReport", entityId: row.id, after: { year, builtAt: row.builtAt }, meta: { figures } });
    return { id: row.id, version: row.version };
  });
}

export async function markProvinceReportSent(prisma: PrismaClient, actor: Actor | null, input: ProvinceReportSentInput) {
  authorize(actor, { action: "movementReport.province" });
  return prisma.$transaction(async (tx) => {
    const before = await tx.provinceMovementReport.findUnique({ where: { id: input.reportId }, select: { id: true, year: true, number: true, sentOn: true, version: true } });
    if (!before) throw new UserFacingError(NOT_FOUND);
    if (before.version !== input.version) throw new UserFacingError(STALE_MESSAGE);
    const after = await tx.provinceMovementReport.update({
      where: { id: before.id, version: before.version },
      data: { number: input.number, sentOn: dateOnly(input.sentOn), version: { increment: 1 } },
      select: { id: true, year: true, number: true, sentOn: true, version: true },
    });
    await recordAudit(tx, { actor, action: "movementReport.provinceSent", entityType: "ProvinceMovementReport", entityId: after.id, before, after });
    return { id: after.id, version: after.version };
  });
}

/** The builds of a year, newest first. */
export async function listProvinceReports(prisma: PrismaClient, actor: Actor | null, year: number) {
  authorize(actor, { action: "province.read" });
  const rows = await prisma.provinceMovementReport.findMany({
    where: { year },
    orderBy: [{ builtAt: "desc" }, { id: "desc" }],
    take: 20,
    select: { id: true, year: true, builtAt: true, builtById: true, number: true, sentOn: true, version: true },
  });
  const users = await prisma.user.findMany({ where: { id: { in: rows.flatMap((r) => (r.builtById ? [r.builtById] : [])) } }, select: { id: true, fullName: true } });
  const names = new Map(users.map((u) => [u.id, u.fullName]));
  return rows.map((r) => ({ ...r, builtBy: r.builtById ? (names.get(r.builtById) ?? "") : "", sentOn: r.sentOn ? isoOf(r.sentOn) : null }));
}

export type MovementReportFile = { bytes: Uint8Array<ArrayBuffer>; contentType: string; asciiName: string; utf8Name: string };

export const DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
export const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** A built report as .docx or .xlsx, from its stored figures; null when there is no such build. */
export async function provinceReportFile(prisma: PrismaClient, actor: Actor | null, id: string, format: "docx" | "xlsx", today: string = todayInVietnam()): Promise<MovementReportFile | null> {
  authorize(actor, { action: "province.read" });
  const row = await prisma.provinceMovementReport.findUnique({ where: { id }, select: { year: true, figures: true, number: true, sentOn: true } });
  if (!row) return null;
  const figures = row.figures as unknown as ProvinceMovementFigures;
  if (format === "xlsx") {
    return { bytes: await buildProvinceMovementXlsx(figures), contentType: XLSX_TYPE, asciiName: provinceMovementReportFileName(row.year, "xlsx"), utf8Name: `Báo cáo phong trào năm ${row.year}.xlsx` };
  }
  const bytes = await buildProvinceMovementReportDocx({
    figures,
    issuedOn: row.sentOn ? isoOf(row.sentOn) : reportIssuedOn(row.year, today),
    place: REPORT_PLACE,
    number: row.number,
  });
  return { bytes, contentType: DOCX_TYPE, asciiName: provinceMovementReportFileName(row.year, "docx"), utf8Name: `Báo cáo phong trào năm ${row.year}.docx` };
}
