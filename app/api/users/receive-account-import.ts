/**
 * The accounts list (ADR 0010) on the generic import route (../registry/receive-list-import.ts),
 * with the accounts' permission, `user.manage` (ADMIN only). The commit's answer carries one-time
 * passwords: the route never caches (Cache-Control: no-store).
 */
import { accountImportProblemsWorkbook, accountWorkbook, commitAccountImport, previewAccountImport } from "@/lib/users/import-accounts";
import { listWorkbookDownload, receiveListImport, type ImportDeps } from "../registry/receive-list-import";

export type AccountImportDeps = ImportDeps;

export function receiveAccountImport(request: Request, deps: ImportDeps): Promise<Response> {
  return receiveListImport(request, deps, {
    permission: "user.manage",
    preview: previewAccountImport,
    commit: commitAccountImport,
    problems: accountImportProblemsWorkbook,
    problemsName: { ascii: "loi-nhap-tai-khoan.xlsx", utf8: "Lỗi nhập tài khoản.xlsx" },
  });
}

/** GET the template or the export: 401 without a session, 403 unless `user.manage`. */
export function accountWorkbookDownload(deps: ImportDeps, withAccounts: boolean): Promise<Response> {
  const name = withAccounts ? { ascii: "danh-sach-tai-khoan.xlsx", utf8: "Danh sách tài khoản.xlsx" } : { ascii: "mau-nhap-tai-khoan.xlsx", utf8: "Mẫu nhập tài khoản.xlsx" };
  return listWorkbookDownload(deps, name, (prisma, actor) => accountWorkbook(prisma, actor, withAccounts), "user.manage");
}
