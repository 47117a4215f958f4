/**
 * The dashboard's downloads, shared by the route handlers and kept free of the request (session,
 * cookies) so integration tests run them against a real database with a demo actor:
 * `reportDownload(actor, build)` maps the outcome to HTTP like app/api/decisions does — 401 without
 * a session, 403 when `province.read` is refused (checked BEFORE any lookup, so a commune id's
 * existence is not disclosed), 404 for an unknown commune, 422 when the builders refuse the data
 * (their Vietnamese messages), 503 when the document workers are saturated, else the file as an
 * attachment (streamed when a worker writes it), or as progress lines for the dashboard's button.
 */
import { z } from "zod";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/auth/actor";
import { ForbiddenError, authorize } from "@/lib/auth/permissions";
import type { DashboardFilters } from "@/lib/reports/dashboard-types";
import { getCommuneDrilldown, getDashboard } from "@/lib/reports/dashboard-queries";
import { yearEndReportTask } from "@/lib/reports/year-end-report-queries";
import type { Database } from "@/lib/db/client";
import { DOCX_MIME_TYPE, XLSX_MIME_TYPE, buildDashboardXlsx, dashboardXlsxFileName, yearEndReportFileName } from "@/lib/reports/exports";
import { DocumentBusyError, streamDocument, type DocumentProgress } from "@/lib/documents/document-pool";

export type ReportFile = {
  /** The whole file, or its bytes as a worker writes them (lib/documents/document-pool.ts). */
  bytes: Uint8Array<ArrayBuffer> | ReadableStream<Uint8Array<ArrayBuffer>>;
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
  const headers: Record<string, string> = {
    "Content-Type": file.contentType,
    "Content-Disposition": `attachment; filename="${file.asciiName.replace(/["\\]/g, "")}"; filename*=UTF-8''${encodeURIComponent(file.utf8Name)}`,
    "X-Content-Type-Options": "nosniff",
    "Cache-Control": "private, no-store",
  };
  // A streamed file's length is known only at its end: chunked transfer.
  if (file.bytes instanceof Uint8Array) headers["Content-Length"] = String(file.bytes.byteLength);
  return new Response(file.bytes, { headers });
}

/** Reports how far a document's build has got (rows of its long tables written). */
export type ProgressListener = (progress: DocumentProgress) => void;

export const PROGRESS_CONTENT_TYPE = "application/x-ndjson; charset=utf-8";

/**
 * The download as progress lines, for the dashboard's button (`?progress=1`), in the same response
 * so no instance keeps a download's state for a later request: newline-delimited JSON,
 * `{"type":"progress","done":…,"total":…}` while the worker writes the tables, `{"type":"data","base64":…}`
 * with the file's bytes in order, then `{"type":"end","fileName":…,"contentType":…}` — or
 * `{"type":"error","message":…}` (Vietnamese) when the build fails after the answer started.
 * Refusals before the build starts (401, 403, 404, 422, 503) keep their status, as without progress.
 */
function progressResponse(file: ReportFile, lines: ReadableStreamDefaultController<Uint8Array>, body: ReadableStream<Uint8Array>): Response {
  const encoder = new TextEncoder();
  const send = (line: object) => lines.enqueue(encoder.encode(`${JSON.stringify(line)}\n`));
  void (async () => {
    try {
      const source = file.bytes instanceof Uint8Array ? new Response(file.bytes).body! : file.bytes;
      const reader = source.getReader();
      for (let read = await reader.read(); !read.done; read = await reader.read()) {
        const chunk = read.value;
        send({ type: "data", base64: Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength).toString("base64") });
      }
      send({ type: "end", fileName: file.utf8Name, contentType: file.contentType });
    } catch (error) {
      console.error("Report build failed:", error);
      send({ type: "error", message: "lỗi máy chủ trong lúc tạo tệp. Vui lòng thử lại sau." });
    }
    lines.close();
  })();
  return new Response(body, { headers: { "Content-Type": PROGRESS_CONTENT_TYPE, "X-Content-Type-Options": "nosniff", "Cache-Control": "private, no-store" } });
}

/**
 * Runs `build` for `actor` and answers with the file or the status that explains why not; with
 * `withProgress`, as progress lines (`progressResponse`).
 */
export async function reportDownload(
  actor: Actor | null,
  build: (actor: Actor, onProgress?: ProgressListener) => Promise<ReportFile | null>,
  withProgress = false,
): Promise<Response> {
  if (!actor) return text("Vui lòng đăng nhập.", 401);
  let lines: ReadableStreamDefaultController<Uint8Array> | undefined;
  const body = withProgress ? new ReadableStream<Uint8Array>({ start: (controller) => void (lines = controller) }) : undefined;
  try {
    authorize(actor, { action: "province.read" });
    const file = await build(
      actor,
      lines && ((progress) => lines!.enqueue(new TextEncoder().encode(`${JSON.stringify({ type: "progress", ...progress })}\n`))),
    );
    if (!file) return text(NO_COMMUNE, 404);
    return lines && body ? progressResponse(file, lines, body) : fileResponse(file);
  } catch (error) {
    if (error instanceof ForbiddenError) return text("Bạn không có quyền tải số liệu tổng hợp toàn tỉnh.", 403);
    if (error instanceof z.ZodError) return text(`Không tạo được tệp từ số liệu: ${error.issues.map((i) => i.message).join(" ")}`, 422);
    if (error instanceof DocumentBusyError) {
      const response = text("Máy chủ đang tạo nhiều văn bản cùng lúc. Vui lòng thử lại sau ít phút.", 503);
      response.headers.set("Retry-After", "30");
      return response;
    }
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

/**
 * The year-end report to the People's Committee, as a draft for the leader to number and sign: the
 * figures read here, the unit lists by the worker itself on PostgreSQL, the .docx written by a
 * document worker and streamed (ADR 0021 and its addendum). Rejects with the
 * builder's `z.ZodError` before any byte is sent when the data cannot make a report.
 */
export async function yearEndDocxFile(db: Pick<Database, "prisma" | "config">, actor: Actor, year: number, onProgress?: ProgressListener): Promise<ReportFile> {
  const { input, lists } = await yearEndReportTask(db.prisma, db.config.kind === "postgres" ? db.config.url : null, actor, year);
  const { stream } = await streamDocument({ kind: "year-end-report", input, lists, sort: true }, onProgress);
  return { bytes: stream, contentType: DOCX_MIME_TYPE, asciiName: yearEndReportFileName(year), utf8Name: `Báo cáo kết quả ANTT năm ${year}.docx` };
}
