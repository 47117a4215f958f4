/**
 * The accounts list as a workbook (exceljs), in the one format the import reads: the template
 * (no rows) and the export (every non-admin account) are the same sheet. Sheets: "Tài khoản"
 * (bold frozen header, drop-downs for roles, reviewer levels, states and commune codes, codes as
 * text), "Hướng dẫn", a hidden "Danh mục" with the drop-downs' values. Also the problems workbook
 * (bad cells red, with the message as a comment) and the list of one-time passwords.
 *
 * Written apart from the units' workbook (lib/registry/import/unit-workbook.ts) on purpose: that
 * file is being generalised for communes and authorities in parallel; the two can merge later.
 */
import ExcelJS from "exceljs";
import { cellText, type Cell } from "@/lib/registry/import/cells";
import { MAX_IMPORT_BYTES, MAX_IMPORT_ROWS } from "@/lib/registry/import/read-workbook";
import type { ImportProblem, SheetData } from "@/lib/registry/import/sheet";
import { ROLE_LABELS } from "@/lib/auth/actor";
import { ACCOUNT_COLUMNS, ACCOUNT_SHEET_NAME, type AccountColumnKey } from "./account-columns";

const LISTS_SHEET_NAME = "Danh mục";
const INSTRUCTIONS_SHEET_NAME = "Hướng dẫn";
const PROBLEMS_SHEET_NAME = "Lỗi";
const TEMPLATE_ROWS = 2000;
const HEADER_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFDCE6F1" } };
const BAD_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFC7CE" } };
const TEXT_COLUMNS = new Set<AccountColumnKey>(["username", "unitCode", "communeCode"]);

const columnLetter = (index: number) => {
  let n = index + 1;
  let s = "";
  while (n > 0) {
    s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
};

// One range rule instead of thousands of per-cell rules (see unit-workbook.ts for the cast).
const rangeValidations = (sheet: ExcelJS.Worksheet) => (sheet as unknown as { dataValidations: { add(range: string, v: ExcelJS.DataValidation): void } }).dataValidations;

async function toBytes(workbook: ExcelJS.Workbook): Promise<Uint8Array<ArrayBuffer>> {
  return new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
}

export type AccountWorkbookInput = { rows: readonly Record<AccountColumnKey, string>[]; communeCodes: readonly string[] };

export async function buildAccountWorkbook(input: AccountWorkbookInput): Promise<Uint8Array<ArrayBuffer>> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "ANTT";
  const sheet = workbook.addWorksheet(ACCOUNT_SHEET_NAME, { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = ACCOUNT_COLUMNS.map((c) => ({ key: c.key, width: c.width, style: TEXT_COLUMNS.has(c.key) ? { numFmt: "@" } : {} }));
  const header = sheet.addRow(ACCOUNT_COLUMNS.map((c) => c.header));
  header.font = { bold: true };
  header.eachCell((cell) => (cell.fill = HEADER_FILL));
  for (const row of input.rows) sheet.addRow(ACCOUNT_COLUMNS.map((c) => row[c.key]));

  const lists = workbook.addWorksheet(LISTS_SHEET_NAME, { state: "hidden" });
  const lastRow = input.rows.length + 1 + TEMPLATE_ROWS;
  ACCOUNT_COLUMNS.forEach((column, index) => {
    const values: readonly string[] = column.key === "communeCode" ? input.communeCodes : "choices" in column ? column.choices : [];
    if (values.length === 0) return;
    const letter = columnLetter(index);
    lists.getCell(`${letter}1`).value = column.header;
    values.forEach((v, i) => (lists.getCell(`${letter}${i + 2}`).value = v));
    rangeValidations(sheet).add(`${letter}2:${letter}${lastRow}`, {
      type: "list",
      allowBlank: !column.required,
      formulae: [`'${LISTS_SHEET_NAME}'!$${letter}$2:$${letter}$${values.length + 1}`],
      errorStyle: "stop",
      showErrorMessage: true,
      errorTitle: column.header,
      error: "Giá trị không có trong danh sách.",
    });
  });

  const help = workbook.addWorksheet(INSTRUCTIONS_SHEET_NAME);
  help.columns = [{ width: 26 }, { width: 12 }, { width: 110 }];
  const lines = [
    "Hướng dẫn nhập danh sách tài khoản",
    "",
    `• Nhập dữ liệu ở trang “${ACCOUNT_SHEET_NAME}”, mỗi tài khoản một dòng, từ dòng 2. Không đổi, thêm hay xóa cột; không gộp ô; không dùng công thức.`,
    "• Mỗi dòng được đối chiếu theo “Tên đăng nhập”: tên đã có thì cập nhật họ tên, vai trò, phạm vi, trạng thái của tài khoản đó (mật khẩu giữ nguyên); tên mới thì tạo tài khoản với mật khẩu dùng một lần, hiển thị một lần sau khi ghi. Tài khoản không có trong tệp được giữ nguyên.",
    "• Đổi vai trò, phạm vi hoặc trạng thái của một tài khoản sẽ đăng xuất tài khoản đó trên mọi thiết bị.",
    `• Không thể tạo, sửa hay cấp vai trò “${ROLE_LABELS.ADMIN}” bằng tệp.`,
    `• Có thể lưu dạng Excel (.xlsx) hoặc “CSV UTF-8”. Tối đa ${MAX_IMPORT_BYTES / 1024 / 1024} MB và ${MAX_IMPORT_ROWS.toLocaleString("vi-VN")} dòng.`,
    "• Sau khi tải lên, hệ thống hiển thị bản xem trước (số tài khoản thêm mới, cập nhật, giữ nguyên và mọi lỗi theo dòng, cột). Chưa có gì được ghi cho đến khi bấm “Ghi dữ liệu”; có lỗi thì không ghi dòng nào.",
    "",
  ];
  for (const line of lines) help.addRow([line]);
  help.getRow(1).font = { bold: true, size: 14 };
  const table = help.addRow(["Cột", "Bắt buộc", "Cách ghi"]);
  table.font = { bold: true };
  table.eachCell((cell) => (cell.fill = HEADER_FILL));
  for (const c of ACCOUNT_COLUMNS) help.addRow([c.header, c.required ? "Có" : "Không", c.help]).getCell(3).alignment = { wrapText: true, vertical: "top" };
  return toBytes(workbook);
}

/** The uploaded sheet back, as read, with each bad cell filled red and commented; every problem listed in "Lỗi". */
export async function buildAccountProblemsWorkbook(sheet: SheetData, problems: readonly ImportProblem[]): Promise<Uint8Array<ArrayBuffer>> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "ANTT";
  const data = workbook.addWorksheet(ACCOUNT_SHEET_NAME, { views: [{ state: "frozen", ySplit: 1 }] });
  const headerTexts = sheet.headers.map(cellText);
  data.columns = headerTexts.map(() => ({ width: 22 }));
  const write = (rowNumber: number, cells: readonly Cell[]) => {
    const row = data.getRow(rowNumber);
    cells.forEach((cell, i) => (row.getCell(i + 1).value = cellText(cell) === "" ? null : cellText(cell)));
  };
  write(1, sheet.headers);
  data.getRow(1).font = { bold: true };
  for (const row of sheet.rows) write(row.rowNumber, row.cells);
  const columnOf = new Map(headerTexts.map((h, i) => [h.toLowerCase(), i + 1]));
  const messages = new Map<string, string[]>();
  for (const p of problems) {
    const col = p.column === null ? undefined : columnOf.get(p.column.toLowerCase());
    if (p.row === null || col === undefined) continue;
    const address = `${columnLetter(col - 1)}${p.row}`;
    messages.set(address, [...(messages.get(address) ?? []), p.message]);
  }
  for (const [address, list] of messages) {
    const cell = data.getCell(address);
    cell.fill = BAD_FILL;
    cell.note = list.join("\n");
  }
  const list = workbook.addWorksheet(PROBLEMS_SHEET_NAME);
  list.columns = [{ header: "Dòng", width: 8 }, { header: "Cột", width: 26 }, { header: "Lỗi", width: 100 }];
  list.getRow(1).font = { bold: true };
  for (const p of problems) list.addRow([p.row ?? "", p.column ?? "", p.message]);
  return toBytes(workbook);
}
