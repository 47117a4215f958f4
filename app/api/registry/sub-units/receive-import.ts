/**
 * POST /api/registry/sub-units/import?mode=preview|commit|problems&fileName=…[&sha256=…] with the
 * file's bytes as the body, and the template and export downloads: the units import's edge
 * (app/api/registry/units/receive-import.ts, ADR 0008) for the sub-units list. The origin, the
 * declared length, the parameters, the session and `registry.import` are checked before a byte is
 * read; the body is read up to 50 MB and no further.
 */
import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { currentEvaluationYear } from "@/lib/domain/evaluation-year";
import { declaredLength, isCrossOrigin, readAtMost } from "@/lib/http/limited-body";
import { commitSubUnitImport, maxSubUnitYear, previewSubUnitImport, subUnitImportProblemsWorkbook, subUnitWorkbook } from "@/lib/registry/import-sub-units";
import { IMPORT_NO_FILE_MESSAGE, IMPORT_TOO_LARGE_MESSAGE, MAX_IMPORT_UPLOAD_BYTES, importUploadSchema } from "@/lib/registry/import/import-rules";
import { fieldErrorsOf, INVALID_INPUT_MESSAGE } from "@/lib/validation/action-result";
import { MIN_YEAR } from "@/lib/validation/input-rules";
import { FORBIDDEN_MESSAGE } from "@/lib/validation/run-action";

export type SubUnitImportDeps = { prisma: PrismaClient; loadActor: () => Promise<Actor | null> };

const XLSX_MIME_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

const json = (body: unknown, status: number, extra: Record<string, string> = {}) =>
  Response.json(body, { status, headers: { "Cache-Control": "no-store", ...extra } });

// The connection is closed after a 413 so Node does not drain the rest of an oversized body.
const tooLarge = () => json({ ok: false, message: IMPORT_TOO_LARGE_MESSAGE }, 413, { Connection: "close" });

function attachment(bytes: Uint8Array<ArrayBuffer>, asciiName: string, utf8Name: string): Response {
  return new Response(bytes, {
    headers: {
      "Content-Type": XLSX_MIME_TYPE,
      "Content-Length": String(bytes.byteLength),
      "Content-Disposition": `attachment; filename="${asciiName}"; filename*=UTF-8''${encodeURIComponent(utf8Name)}`,
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "private, no-store",
    },
  });
}

export async function receiveSubUnitImport(request: Request, deps: SubUnitImportDeps): Promise<Response> {
  if (isCrossOrigin(request.headers)) return json({ ok: false, message: FORBIDDEN_MESSAGE }, 403);
  const length = declaredLength(request.headers, MAX_IMPORT_UPLOAD_BYTES);
  if (length === "too-large") return tooLarge();
  if (length === "invalid") return json({ ok: false, message: INVALID_INPUT_MESSAGE }, 400);
  if (length === 0) return json({ ok: false, message: IMPORT_NO_FILE_MESSAGE }, 400);

  const url = new URL(request.url);
  const parsed = importUploadSchema.safeParse({
    mode: url.searchParams.get("mode") ?? "",
    fileName: url.searchParams.get("fileName") ?? "",
    sha256: url.searchParams.get("sha256") ?? undefined,
  });
  if (!parsed.success) return json({ ok: false, message: INVALID_INPUT_MESSAGE, fieldErrors: fieldErrorsOf(parsed.error) }, 400);
  const actor = await deps.loadActor();
  if (!actor) return json({ ok: false, message: "Phiên đăng nhập đã hết hạn; vui lòng đăng nhập lại." }, 401);
  if (!can(actor, { action: "registry.import" })) return json({ ok: false, message: FORBIDDEN_MESSAGE }, 403);

  const bytes = await readAtMost(request.body, MAX_IMPORT_UPLOAD_BYTES);
  if (bytes === "too-large") return tooLarge();
  const file = { bytes, fileName: parsed.data.fileName };
  switch (parsed.data.mode) {
    case "preview": {
      const outcome = await previewSubUnitImport(deps.prisma, actor, file);
      return json(outcome, outcome.ok ? 200 : 422);
    }
    case "commit": {
      const outcome = await commitSubUnitImport(deps.prisma, actor, file, parsed.data.sha256!);
      return json(outcome, outcome.ok ? 200 : 422);
    }
    case "problems": {
      const outcome = await subUnitImportProblemsWorkbook(deps.prisma, actor, file);
      return outcome.ok ? attachment(outcome.data, "loi-nhap-don-vi-truc-thuoc.xlsx", "Lỗi nhập đơn vị trực thuộc.xlsx") : json(outcome, 422);
    }
  }
}

const text = (body: string, status: number) => new Response(body, { status, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "private, no-store" } });

/**
 * GET the template (`withRows` false) or the export of ?year= (default: the current evaluation
 * year): 401 without a session, 403 unless `registry.import`, 400 for a year out of range.
 */
export async function subUnitWorkbookDownload(request: Request, deps: SubUnitImportDeps, withRows: boolean): Promise<Response> {
  const actor = await deps.loadActor();
  if (!actor) return text("Vui lòng đăng nhập.", 401);
  if (!can(actor, { action: "registry.import" })) return text(FORBIDDEN_MESSAGE, 403);
  if (!withRows) return attachment(await subUnitWorkbook(deps.prisma, actor, null), "mau-nhap-don-vi-truc-thuoc.xlsx", "Mẫu nhập đơn vị trực thuộc.xlsx");
  const param = new URL(request.url).searchParams.get("year");
  const year = z.coerce.number().int().min(MIN_YEAR).max(maxSubUnitYear()).safeParse(param ?? currentEvaluationYear());
  if (!year.success) return text(`Năm không hợp lệ; vui lòng chọn năm từ ${MIN_YEAR} đến ${maxSubUnitYear()}.`, 400);
  return attachment(await subUnitWorkbook(deps.prisma, actor, year.data), `don-vi-truc-thuoc-${year.data}.xlsx`, `Đơn vị trực thuộc năm ${year.data}.xlsx`);
}
