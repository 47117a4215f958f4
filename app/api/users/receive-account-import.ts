/**
 * POST /api/users/import?mode=preview|commit|problems&fileName=…[&sha256=…] with the file's bytes
 * as the body, and GET of the template and the export: the units import's checks (ADR 0006, 0008)
 * with the accounts' permission, `user.manage` (ADMIN only). Origin, declared length, parameters,
 * session and permission are refused before a byte is read; the body is read up to 50 MB.
 * The commit's answer carries one-time passwords: never cached.
 */
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { declaredLength, isCrossOrigin, readAtMost } from "@/lib/http/limited-body";
import { accountImportProblemsWorkbook, accountWorkbook, commitAccountImport, previewAccountImport } from "@/lib/users/import-accounts";
import { IMPORT_NO_FILE_MESSAGE, IMPORT_TOO_LARGE_MESSAGE, MAX_IMPORT_UPLOAD_BYTES, importUploadSchema } from "@/lib/registry/import/import-rules";
import { fieldErrorsOf, INVALID_INPUT_MESSAGE } from "@/lib/validation/action-result";
import { FORBIDDEN_MESSAGE } from "@/lib/validation/run-action";

export type AccountImportDeps = { prisma: PrismaClient; loadActor: () => Promise<Actor | null> };

const XLSX_MIME_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

const json = (body: unknown, status: number, extra: Record<string, string> = {}) =>
  Response.json(body, { status, headers: { "Cache-Control": "no-store", ...extra } });

const tooLarge = () => json({ ok: false, message: IMPORT_TOO_LARGE_MESSAGE }, 413, { Connection: "close" });

function xlsxAttachment(bytes: Uint8Array<ArrayBuffer>, asciiName: string, utf8Name: string): Response {
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

export async function receiveAccountImport(request: Request, deps: AccountImportDeps): Promise<Response> {
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
  if (!can(actor, { action: "user.manage" })) return json({ ok: false, message: FORBIDDEN_MESSAGE }, 403);

  const bytes = await readAtMost(request.body, MAX_IMPORT_UPLOAD_BYTES);
  if (bytes === "too-large") return tooLarge();
  const file = { bytes, fileName: parsed.data.fileName };
  switch (parsed.data.mode) {
    case "preview": {
      const outcome = await previewAccountImport(deps.prisma, actor, file);
      return json(outcome, outcome.ok ? 200 : 422);
    }
    case "commit": {
      const outcome = await commitAccountImport(deps.prisma, actor, file, parsed.data.sha256!);
      return json(outcome, outcome.ok ? 200 : 422);
    }
    case "problems": {
      const outcome = await accountImportProblemsWorkbook(deps.prisma, actor, file);
      return outcome.ok ? xlsxAttachment(outcome.data, "loi-nhap-tai-khoan.xlsx", "Lỗi nhập tài khoản.xlsx") : json(outcome, 422);
    }
  }
}

/** GET the template or the export: 401 without a session, 403 unless `user.manage`. */
export async function accountWorkbookDownload(deps: AccountImportDeps, withAccounts: boolean): Promise<Response> {
  const text = (body: string, status: number) => new Response(body, { status, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "private, no-store" } });
  const actor = await deps.loadActor();
  if (!actor) return text("Vui lòng đăng nhập.", 401);
  if (!can(actor, { action: "user.manage" })) return text(FORBIDDEN_MESSAGE, 403);
  const bytes = await accountWorkbook(deps.prisma, actor, withAccounts);
  return withAccounts ? xlsxAttachment(bytes, "danh-sach-tai-khoan.xlsx", "Danh sách tài khoản.xlsx") : xlsxAttachment(bytes, "mau-nhap-tai-khoan.xlsx", "Mẫu nhập tài khoản.xlsx");
}
