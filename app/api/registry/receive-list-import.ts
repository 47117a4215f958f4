/**
 * POST /api/registry/<list>/import?mode=preview|commit|problems&fileName=…[&sha256=…] with the
 * file's bytes as the body, as evidence uploads do (ADR 0006, 0007): the origin, the declared
 * length, the parameters, the session and the permission are checked before a byte is read; then
 * the body is read up to 50 MB and no further. Preview and commit answer an ActionResult-shaped
 * JSON; "problems" answers the problems workbook. One handler for every list (units, communes,
 * authorities, sub-units, accounts): a list brings its three use-cases, its permission and its
 * file names.
 */
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { declaredLength, isCrossOrigin, readAtMost } from "@/lib/http/limited-body";
import type { ImportFile, ImportOutcome, ImportPermission } from "@/lib/registry/import-list";
import { IMPORT_NO_FILE_MESSAGE, IMPORT_TOO_LARGE_MESSAGE, MAX_IMPORT_UPLOAD_BYTES, importUploadSchema } from "@/lib/registry/import/import-rules";
import { XLSX_MIME_TYPE } from "@/lib/registry/import/list-workbook";
import { fieldErrorsOf, INVALID_INPUT_MESSAGE } from "@/lib/validation/action-result";
import { FORBIDDEN_MESSAGE } from "@/lib/validation/run-action";

export type ImportDeps = { prisma: PrismaClient; loadActor: () => Promise<Actor | null> };

/** A file name to download as: ASCII for old clients, UTF-8 (Vietnamese) for the others. */
export type DownloadName = { ascii: string; utf8: string };

export type ListImportHandlers = {
  /** Default: `registry.import`. */
  permission?: ImportPermission;
  preview(prisma: PrismaClient, actor: Actor, file: ImportFile): Promise<ImportOutcome<unknown, string>>;
  commit(prisma: PrismaClient, actor: Actor, file: ImportFile, sha256: string): Promise<ImportOutcome<unknown, string>>;
  problems(prisma: PrismaClient, actor: Actor, file: ImportFile): Promise<ImportOutcome<Uint8Array<ArrayBuffer>, string>>;
  problemsName: DownloadName;
};

const json = (body: unknown, status: number, extra: Record<string, string> = {}) =>
  Response.json(body, { status, headers: { "Cache-Control": "no-store", ...extra } });

// The connection is closed after a 413 so Node does not drain the rest of an oversized body.
const tooLarge = () => json({ ok: false, message: IMPORT_TOO_LARGE_MESSAGE }, 413, { Connection: "close" });

export function xlsxAttachment(bytes: Uint8Array<ArrayBuffer>, asciiName: string, utf8Name: string): Response {
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

export async function receiveListImport(request: Request, deps: ImportDeps, handlers: ListImportHandlers): Promise<Response> {
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
  if (!can(actor, { action: handlers.permission ?? "registry.import" })) return json({ ok: false, message: FORBIDDEN_MESSAGE }, 403);

  const bytes = await readAtMost(request.body, MAX_IMPORT_UPLOAD_BYTES);
  if (bytes === "too-large") return tooLarge();
  const file = { bytes, fileName: parsed.data.fileName };
  switch (parsed.data.mode) {
    case "preview": {
      const outcome = await handlers.preview(deps.prisma, actor, file);
      return json(outcome, outcome.ok ? 200 : 422);
    }
    case "commit": {
      const outcome = await handlers.commit(deps.prisma, actor, file, parsed.data.sha256!);
      return json(outcome, outcome.ok ? 200 : 422);
    }
    case "problems": {
      const outcome = await handlers.problems(deps.prisma, actor, file);
      return outcome.ok ? xlsxAttachment(outcome.data, handlers.problemsName.ascii, handlers.problemsName.utf8) : json(outcome, 422);
    }
  }
}

export const textResponse = (body: string, status: number) => new Response(body, { status, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "private, no-store" } });

/**
 * GET a list's template or export: 401 without a session, 403 without the list's permission
 * (default `registry.import`). `build` may answer a Response of its own (a bad parameter).
 */
export async function listWorkbookDownload(
  deps: ImportDeps,
  name: DownloadName,
  build: (prisma: PrismaClient, actor: Actor) => Promise<Uint8Array<ArrayBuffer> | Response>,
  permission: ImportPermission = "registry.import",
): Promise<Response> {
  const actor = await deps.loadActor();
  if (!actor) return textResponse("Vui lòng đăng nhập.", 401);
  if (!can(actor, { action: permission })) return textResponse(FORBIDDEN_MESSAGE, 403);
  const built = await build(deps.prisma, actor);
  return built instanceof Response ? built : xlsxAttachment(built, name.ascii, name.utf8);
}
