/**
 * Any registry list as a workbook (exceljs), in the one format its import reads: the template (no
 * rows) and the export (every record) are the same sheet, so export → edit → import round-trips.
 * Sheets: the list's data sheet (a bold, frozen header; drop-downs for closed lists; codes as text
 * so leading zeros stay), "Hướng dẫn" (how to fill each column), and a hidden "Danh mục" holding
 * the drop-downs' values. Also the problems workbook: the uploaded rows with each bad cell filled
 * red and carrying its message as a comment. A list is its columns and a few lines of help
 * (`ListSheetSpec`); every list (units, communes, authorities, sub-units, accounts) shares
 * everything else here.
 */
import ExcelJS from "exceljs";
import { cellText, type Cell } from "./cells";
import { MAX_IMPORT_BYTES, MAX_IMPORT_ROWS } from "./read-workbook";
import type { AnyColumn, DynamicChoices, ImportProblem, SheetData } from "./sheet";

export const XLSX_MIME_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
export const INSTRUCTIONS_SHEET_NAME = "Hướng dẫn";
export const LISTS_SHEET_NAME = "Danh mục";
export const PROBLEMS_SHEET_NAME = "Lỗi";

/** What differs between lists' workbooks. */
export type ListSheetSpec = {
  sheetName: string;
  columns: readonly AnyColumn[];
  /** First line of the instructions sheet, e.g. "Hướng dẫn nhập danh sách đơn vị". */
  title: string;
  /** One record in words, for "mỗi đơn vị một dòng". */
  noun: string;
  /** The key column's header, by which rows are matched. */
  codeHeader: string;
  /**
   * How rows are matched to records, replacing the default bullet ("matched by <codeHeader>: a
   * known code updates, a new one adds"), for lists matched otherwise (sub-units, accounts).
   */
  matchLine?: string;
  /** Lines of help about this list only (how its references are written…). */
  lines: readonly string[];
  /** Columns kept as text so "007" or "12/QĐ" stay as written (default: the "code" column). */
  textColumns?: readonly string[];
};

export type ListWorkbookInput = {
  rows: readonly Record<string, string>[];
  /** The values of the drop-downs filled from the database. */
  choices: Partial<Record<DynamicChoices, readonly string[]>>;
  /** A second line under the title (e.g. which year an export holds). */
  preface?: string;
};

/** Rows below the header that carry the drop-downs in the template (an export: its rows and as many again). */
const TEMPLATE_ROWS = 2000;
const HEADER_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFDCE6F1" } };
const BAD_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFC7CE" } };

export const columnLetter = (index: number) => {
  let n = index + 1;
  let s = "";
  while (n > 0) {
    s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
};

/**
 * exceljs keeps a sheet's validations by address and writes a range address ("C2:C2001") as one
 * rule; its typings only know per-cell validation, hence the cast (one rule instead of thousands
 * of cells keeps the template small and quick to open).
 */
const rangeValidations = (sheet: ExcelJS.Worksheet) => (sheet as unknown as { dataValidations: { add(range: string, v: ExcelJS.DataValidation): void } }).dataValidations;

async function toBytes(workbook: ExcelJS.Workbook): Promise<Uint8Array<ArrayBuffer>> {
  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}

export async function buildListWorkbook(spec: ListSheetSpec, input: ListWorkbookInput): Promise<Uint8Array<ArrayBuffer>> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "ANTT";
  const sheet = workbook.addWorksheet(spec.sheetName, { views: [{ state: "frozen", ySplit: 1 }] });
  const textColumns = spec.textColumns ?? ["code"];
  sheet.columns = spec.columns.map((c) => ({ key: c.key, width: c.width, style: textColumns.includes(c.key) ? { numFmt: "@" } : {} }));
  const header = sheet.addRow(spec.columns.map((c) => c.header));
  header.font = { bold: true };
  header.eachCell((cell) => (cell.fill = HEADER_FILL));
  for (const row of input.rows) sheet.addRow(spec.columns.map((c) => row[c.key] ?? ""));

  const lists = workbook.addWorksheet(LISTS_SHEET_NAME, { state: "hidden" });
  const lastRow = input.rows.length + 1 + TEMPLATE_ROWS;
  spec.columns.forEach((column, index) => {
    if (column.choices === undefined) return;
    const dynamic = typeof column.choices === "string";
    const values = typeof column.choices === "string" ? (input.choices[column.choices] ?? []) : column.choices;
    const letter = columnLetter(index);
    lists.getCell(`${letter}1`).value = column.header;
    values.forEach((v, i) => (lists.getCell(`${letter}${i + 2}`).value = v));
    if (values.length === 0) return;
    rangeValidations(sheet).add(`${letter}2:${letter}${lastRow}`, {
      type: "list",
      allowBlank: !column.required,
      formulae: [`'${LISTS_SHEET_NAME}'!$${letter}$2:$${letter}$${values.length + 1}`],
      // A warning, not a stop: a reference may also be written by its code (or name), and is
      // checked on upload anyway; the drop-down holds only the active ones.
      errorStyle: dynamic ? "warning" : "stop",
      showErrorMessage: true,
      errorTitle: column.header,
      error: "Giá trị không có trong danh sách.",
    });
  });

  const help = workbook.addWorksheet(INSTRUCTIONS_SHEET_NAME);
  help.columns = [{ width: 26 }, { width: 12 }, { width: 110 }];
  const lines: string[] = [
    spec.title,
    input.preface ?? "",
    `• Nhập dữ liệu ở trang “${spec.sheetName}”, mỗi ${spec.noun} một dòng, từ dòng 2. Không đổi, thêm hay xóa cột; không gộp ô; không dùng công thức.`,
    spec.matchLine ?? `• Mỗi dòng được đối chiếu theo “${spec.codeHeader}”: mã đã có thì cập nhật ${spec.noun} đó, mã mới thì thêm ${spec.noun} mới. ${capitalise(spec.noun)} không có trong tệp được giữ nguyên.`,
    ...spec.lines,
    "• Ngày tháng (nếu có) ghi theo dạng ngày/tháng/năm (dd/MM/yyyy) hoặc định dạng ô kiểu Ngày của Excel.",
    `• Có thể lưu dạng Excel (.xlsx) hoặc “CSV UTF-8”. Tối đa ${MAX_IMPORT_BYTES / 1024 / 1024} MB và ${MAX_IMPORT_ROWS.toLocaleString("vi-VN")} dòng.`,
    `• Sau khi tải lên, hệ thống hiển thị bản xem trước (số ${spec.noun} thêm mới, cập nhật, giữ nguyên và mọi lỗi theo dòng, cột). Chưa có gì được ghi cho đến khi bấm “Ghi dữ liệu”; có lỗi thì không ghi dòng nào.`,
    "",
  ];
  for (const line of lines) help.addRow([line]);
  help.getRow(1).font = { bold: true, size: 14 };
  const table = help.addRow(["Cột", "Bắt buộc", "Cách ghi"]);
  table.font = { bold: true };
  table.eachCell((cell) => (cell.fill = HEADER_FILL));
  for (const c of spec.columns) help.addRow([c.header, c.required ? "Có" : "Không", c.help]).getCell(3).alignment = { wrapText: true, vertical: "top" };
  return toBytes(workbook);
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/**
 * The uploaded sheet back, as read, with the cells of every problem filled red and commented
 * (a problem of a missing column marks nothing: it is listed in the "Lỗi" sheet, as all are).
 */
export async function buildProblemsWorkbook(sheet: SheetData, problems: readonly ImportProblem[], sheetName: string): Promise<Uint8Array<ArrayBuffer>> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "ANTT";
  const data = workbook.addWorksheet(sheetName, { views: [{ state: "frozen", ySplit: 1 }] });
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
