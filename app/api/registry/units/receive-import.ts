/** The units list on the generic import route (../receive-list-import.ts). */
import type { Actor } from "@/lib/auth/actor";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { commitUnitImport, previewUnitImport, unitImportProblemsWorkbook } from "@/lib/registry/import-units";
import { listWorkbookDownload, receiveListImport, type ImportDeps } from "../receive-list-import";

export { xlsxAttachment, type ImportDeps } from "../receive-list-import";

export function receiveUnitImport(request: Request, deps: ImportDeps): Promise<Response> {
  return receiveListImport(request, deps, {
    preview: previewUnitImport,
    commit: commitUnitImport,
    problems: unitImportProblemsWorkbook,
    problemsName: { ascii: "loi-nhap-don-vi.xlsx", utf8: "Lỗi nhập đơn vị.xlsx" },
  });
}

/** GET the template or the export: 401 without a session, 403 unless `registry.import`. */
export function unitWorkbookDownload(deps: ImportDeps, withUnits: boolean, build: (prisma: PrismaClient, actor: Actor) => Promise<Uint8Array<ArrayBuffer>>): Promise<Response> {
  const name = withUnits ? { ascii: "danh-sach-don-vi.xlsx", utf8: "Danh sách đơn vị.xlsx" } : { ascii: "mau-nhap-don-vi.xlsx", utf8: "Mẫu nhập đơn vị.xlsx" };
  return listWorkbookDownload(deps, name, build);
}
