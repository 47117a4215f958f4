/**
 * The accounts list as a workbook, in the one format the import reads: the generic list workbook
 * (lib/registry/import/list-workbook.ts) with the accounts' columns and help. The template (no
 * rows) and the export (every non-admin account) are the same sheet. Also the problems workbook.
 * (The list of one-time passwords handed over is bulk-accounts.ts's.)
 */
import { buildListWorkbook, buildProblemsWorkbook, type ListSheetSpec } from "@/lib/registry/import/list-workbook";
import type { ImportProblem, SheetData } from "@/lib/registry/import/sheet";
import { ROLE_LABELS } from "@/lib/auth/actor";
import { ACCOUNT_COLUMNS, ACCOUNT_SHEET_NAME, type AccountColumnKey } from "./account-columns";

export const ACCOUNT_SHEET_SPEC: ListSheetSpec = {
  sheetName: ACCOUNT_SHEET_NAME,
  columns: ACCOUNT_COLUMNS,
  title: "Hướng dẫn nhập danh sách tài khoản",
  noun: "tài khoản",
  codeHeader: "Tên đăng nhập",
  matchLine:
    "• Mỗi dòng được đối chiếu theo “Tên đăng nhập”: tên đã có thì cập nhật họ tên, vai trò, phạm vi, trạng thái của tài khoản đó (mật khẩu giữ nguyên); tên mới thì tạo tài khoản với mật khẩu dùng một lần, hiển thị một lần sau khi ghi. Tài khoản không có trong tệp được giữ nguyên.",
  lines: [
    "• Đổi vai trò, phạm vi hoặc trạng thái của một tài khoản sẽ đăng xuất tài khoản đó trên mọi thiết bị.",
    `• Không thể tạo, sửa hay cấp vai trò “${ROLE_LABELS.ADMIN}” bằng tệp.`,
  ],
  textColumns: ["username", "unitCode", "communeCode"],
};

export type AccountWorkbookInput = { rows: readonly Record<AccountColumnKey, string>[]; communeCodes: readonly string[] };

export function buildAccountWorkbook(input: AccountWorkbookInput): Promise<Uint8Array<ArrayBuffer>> {
  return buildListWorkbook(ACCOUNT_SHEET_SPEC, { rows: input.rows, choices: { communeCodes: input.communeCodes } });
}

export function buildAccountProblemsWorkbook(sheet: SheetData, problems: readonly ImportProblem[]): Promise<Uint8Array<ArrayBuffer>> {
  return buildProblemsWorkbook(sheet, problems, ACCOUNT_SHEET_NAME);
}
