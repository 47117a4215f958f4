/**
 * The dashboard's downloads, shared by the route handlers and kept free of the request (session,
 * cookies) so integration tests run them against a real database with a demo actor:
 * `reportDownload(actor, build)` maps the outcome to HTTP like app/api/decisions does — 401 without
 * a session, 403 when `province.read` is refused (checked BEFORE any lookup, so a commune id's
 * existence is not disclosed), 404 for an unknown commune, 422 when the builders refuse the data
 * (their Vietnamese messages), else the file as an attachment.
 */
import { z } from "zod";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/auth/actor";
import { ForbiddenError, authorize } from "@/lib/auth/permissions";
import type { DashboardFilters } from "@/lib/reports/dashboard-types";
import { getCommuneDrilldown, getDashboard } from "@/lib/reports/dashboard-queries";
import { yearEndReportInput } from "@/lib/reports/year-end-report-queries";
import { DOCX_MIME_TYPE, XLSX_MIME_TYPE, buildDashboardXlsx, buildYearEndReportDocx, dashboardXlsxFileName, yearEndReportFileName } from "@/lib/reports/exports";

export type ReportFile = {
  bytes: Uint8Array<ArrayBuffer>;
  contentType: string;
  /** ASCII, for `filename=`. */
  asciiName: string;
  /** Vietnamese, for `filename*=` (RFC 5987). */
  utf8Name: string;
};

const text = (body: string, status: number) =>
  new Response(body, { status, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "private, no-store" } });

const NO_COMMUNE = "Không tìm thấy xã, phường.";

/** Characters a file name cannot hold on Windows, replaced; Vietnamese letters kept. */
function safeName(name: string): string {
  return name.normalize("NFC").replace(/[\\/:*?"<>|\u0000-\u001f]+/gu, "-").trim().slice(0, 150);
}

/** The file as an attachment: ASCII `filename` for old clients, the Vietnamese one in `filename*`. */
export function fileResponse(file: ReportFile): Response {
  return new Response(file.bytes, {
    headers: {
      "Content-Type": file.contentType,
      "Content-Length": String(file.bytes.byteLength),
      "Content-Disposition": `attachment; filename="${file.asciiName.replace(/["\\]/g, "")}"; filename*=UTF-8''${encodeURIComponent(file.utf8Name)}`,
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "private, no-store",
    },
  });
}

/** Runs `build` for `actor` and answers with the file or the status that explains why not. */
export async function reportDownload(actor: Actor | null, build: (actor: Actor) => Promise<ReportFile | null>): Promise<Response> {
  if (!actor) return text("Vui lòng đăng nhập.", 401);
  try {
    authorize(actor, { action: "province.read" });
    const file = await build(actor);
    return file ? fileResponse(file) : text(NO_COMMUNE, 404);
  } catch (error) {
    if (error instanceof ForbiddenError) return text("Bạn không có quyền tải số liệu tổng hợp toàn tỉnh.", 403);
    if (error instanceof z.ZodError) return text(`Không tạo được tệp từ số liệu: ${error.issues.map((i) => i.message).join(" ")}`, 422);
    throw error;
  }
}

/** The commune's name, or null when the id is not a commune. */
async function communeName(prisma: PrismaClient, communeId: string): Promise<string | null> {
  const area = await prisma.administrativeArea.findFirst({ where: { id: communeId, level: "COMMUNE" }, select: { name: true } });
  return area?.name ?? null;
}

/**
 * The dashboard workbook for the filters; with a commune, its units too (the "Đơn vị" sheet).
 * Null when the commune does not exist.
 */
export async function dashboardXlsxFile(prisma: PrismaClient, actor: Actor, filters: DashboardFilters): Promise<ReportFile | null> {
  authorize(actor, { action: "province.read" });
  const name = filters.communeId ? await communeName(prisma, filters.communeId) : undefined;
  if (name === null) return null;
  const [data, units] = await Promise.all([
    getDashboard(prisma, actor, filters),
    filters.communeId ? getCommuneDrilldown(prisma, actor, { year: filters.year, communeId: filters.communeId, kind: filters.kind, sector: filters.sector }) : Promise.resolve(null),
  ]);
  const bytes = await buildDashboardXlsx(data, name && units ? { drilldown: { communeName: name, units } } : {});
  return {
    bytes,
    contentType: XLSX_MIME_TYPE,
    asciiName: dashboardXlsxFileName(filters.year, name),
    utf8Name: `Tổng hợp ANTT năm ${filters.year}${name ? ` - ${safeName(name)}` : ""}.xlsx`,
  };
}

/** The year-end report to the People's Committee, as a draft for the leader to number and sign. */
export async function yearEndDocxFile(prisma: PrismaClient, actor: Actor, year: number): Promise<ReportFile> {
  const input = await yearEndReportInput(prisma, actor, year);
  const bytes = await buildYearEndReportDocx(input);
  return { bytes, contentType: DOCX_MIME_TYPE, asciiName: yearEndReportFileName(year), utf8Name: `Báo cáo kết quả ANTT năm ${year}.docx` };
}
