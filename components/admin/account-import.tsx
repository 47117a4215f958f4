"use client";

/**
 * The import of the accounts list (ADR 0010) on the one import workbench; after the commit, the
 * new accounts' one-time passwords, shown once (printable list and workbook, as the bulk page does).
 */
import type { AccountImportResult } from "@/lib/users/import-accounts";
import { ACCOUNTS_IMPORT_PATH } from "@/lib/users/import/account-import-paths";
import { Button } from "@/components/ui/button";
import { DOWNLOAD_LINK_CLASS, ImportWorkbench, saveBlob, type ImportTexts } from "./import-workbench";

const TEXTS: ImportTexts = {
  fileLabel: "Tệp danh sách tài khoản (.xlsx hoặc .csv, tối đa 50 MB)",
  noun: "tài khoản",
  codeHeader: "Tên đăng nhập",
  nameHeader: "Họ và tên",
  importPath: ACCOUNTS_IMPORT_PATH,
  problemsFileName: "Lỗi nhập tài khoản.xlsx",
};

export function AccountImport({ templateUrl, exportUrl }: { templateUrl: string; exportUrl: string }) {
  return (
    <ImportWorkbench<AccountImportResult>
      texts={TEXTS}
      prepare={
        <>
          <p className="mt-1 text-sm text-slate-600">Dùng tệp mẫu (có danh sách chọn và trang hướng dẫn), hoặc tải danh sách tài khoản hiện có về, sửa rồi nhập lại. Tệp không có cột mật khẩu: tài khoản mới được cấp mật khẩu dùng một lần.</p>
          <div className="mt-3 flex flex-wrap gap-2">
            <a className={DOWNLOAD_LINK_CLASS} href={templateUrl} download>
              Tải tệp mẫu
            </a>
            <a className={DOWNLOAD_LINK_CLASS} href={exportUrl} download>
              Tải danh sách tài khoản hiện có
            </a>
          </div>
        </>
      }
      afterResult={(result) => <ImportedAccounts result={result} />}
    />
  );
}

/** The commit's outcome; the new accounts' one-time passwords exist only here, once. */
function ImportedAccounts({ result }: { result: AccountImportResult }) {
  const download = () => {
    if (!result.workbookBase64) return;
    const bytes = Uint8Array.from(atob(result.workbookBase64), (c) => c.charCodeAt(0));
    saveBlob(new Blob([bytes], { type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" }), "tai-khoan-moi.xlsx");
  };
  if (result.accounts.length === 0) return null;
  return (
    <section className="space-y-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm" aria-label="Tài khoản đã tạo">
      <p className="rounded-md bg-amber-50 p-3 text-sm text-amber-900 print:hidden">
        Mật khẩu dùng một lần chỉ hiển thị lần này: hãy in hoặc tải danh sách, giao riêng cho từng người. Người dùng phải đặt mật khẩu mới khi đăng nhập lần đầu.
      </p>
      <div className="flex gap-2 print:hidden">
        <Button type="button" onClick={download}>Tải danh sách (.xlsx)</Button>
        <Button type="button" variant="secondary" onClick={() => window.print()}>In</Button>
      </div>
      <table className="min-w-full text-sm" data-testid="import-issued">
        <thead className="bg-slate-50 text-left text-slate-600">
          <tr>
            <th className="px-3 py-2 font-medium">Tên đăng nhập</th>
            <th className="px-3 py-2 font-medium">Mật khẩu dùng một lần</th>
            <th className="px-3 py-2 font-medium">Họ và tên</th>
            <th className="px-3 py-2 font-medium">Phụ trách</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {result.accounts.map((a) => (
            <tr key={a.username}>
              <td className="px-3 py-2 font-mono text-xs">{a.username}</td>
              <td className="px-3 py-2 font-mono">{a.oneTimePassword}</td>
              <td className="px-3 py-2">{a.fullName}</td>
              <td className="px-3 py-2">{a.scopeName}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
