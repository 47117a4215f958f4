/** The communes and authorities lists on the generic import route (receive-list-import.ts). */
import {
  authorityImportProblemsWorkbook,
  authorityWorkbook,
  commitAuthorityImport,
  commitCommuneImport,
  communeImportProblemsWorkbook,
  communeWorkbook,
  previewAuthorityImport,
  previewCommuneImport,
} from "@/lib/registry/import-areas";
import { listWorkbookDownload, receiveListImport, type ImportDeps } from "./receive-list-import";

export function receiveCommuneImport(request: Request, deps: ImportDeps): Promise<Response> {
  return receiveListImport(request, deps, {
    preview: previewCommuneImport,
    commit: commitCommuneImport,
    problems: communeImportProblemsWorkbook,
    problemsName: { ascii: "loi-nhap-xa-phuong.xlsx", utf8: "Lỗi nhập xã, phường.xlsx" },
  });
}

export function receiveAuthorityImport(request: Request, deps: ImportDeps): Promise<Response> {
  return receiveListImport(request, deps, {
    preview: previewAuthorityImport,
    commit: commitAuthorityImport,
    problems: authorityImportProblemsWorkbook,
    problemsName: { ascii: "loi-nhap-co-quan.xlsx", utf8: "Lỗi nhập cơ quan.xlsx" },
  });
}

/** The template (no rows) or the export (every commune). */
export function communeWorkbookDownload(deps: ImportDeps, withRows: boolean): Promise<Response> {
  const name = withRows ? { ascii: "danh-sach-xa-phuong.xlsx", utf8: "Danh sách xã, phường.xlsx" } : { ascii: "mau-nhap-xa-phuong.xlsx", utf8: "Mẫu nhập xã, phường.xlsx" };
  return listWorkbookDownload(deps, name, (prisma, actor) => communeWorkbook(prisma, actor, withRows));
}

/** The template (no rows) or the export (every authority). */
export function authorityWorkbookDownload(deps: ImportDeps, withRows: boolean): Promise<Response> {
  const name = withRows ? { ascii: "danh-sach-co-quan.xlsx", utf8: "Danh sách cơ quan.xlsx" } : { ascii: "mau-nhap-co-quan.xlsx", utf8: "Mẫu nhập cơ quan.xlsx" };
  return listWorkbookDownload(deps, name, (prisma, actor) => authorityWorkbook(prisma, actor, withRows));
}
