/**
 * The sub-units list as a workbook (exceljs), in the one format the import reads: the template
 * (no rows) and the export (every sub-unit with its result for a chosen year) are the same sheet,
 * so export → edit → import round-trips. Sheets: "Đơn vị trực thuộc" (a bold, frozen header;
 * drop-downs; unit codes and decision numbers as text), "Hướng dẫn", and a hidden "Danh mục"
 * holding the drop-downs' values. Also the problems workbook: the uploaded rows with each bad cell
 * filled red and carrying its message as a comment.
 *
 * Kept apart from unit-workbook.ts on purpose (the units pipeline is being generalised on another
 * branch); the layout and styling follow it.
 */
import ExcelJS from "exceljs";
import { cellText, type Cell } from "./cells";
import { MAX_IMPORT_BYTES, MAX_IMPORT_ROWS } from "./read-workbook";
import type { ImportProblem, SheetData } from "./sheet";
import { SUB_UNIT_COLUMNS, SUB_UNIT_SHEET_NAME, type SubUnitColumnKey } from "./sub-unit-columns";

const INSTRUCTIONS_SHEET_NAME = "Hướng dẫn";
const LISTS_SHEET_NAME = "Danh mục";
const PROBLEMS_SHEET_NAME = "Lỗi";
const TEMPLATE_ROWS = 2000;
const HEADER_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFDCE6F1" } };
const BAD_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFC7CE" } };
const TEXT_COLUMNS: readonly SubUnitColumnKey[] = ["unitCode", "name", "decisionRef"];

export type SubUnitWorkbookInput = {
  rows: readonly Record<SubUnitColumnKey, string>[];
  /** Codes of the active units that declare sub-units: the "Mã đơn vị" drop-down. */
  unitCodes: readonly string[];
  /** The exported year, named in the instructions (null: the template). */
  year: number | null;
};

const columnLetter = (index: number) => {
  let n = index + 1;
  let s = "";
  while (n > 0) {
    s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
};

/** One range rule instead of thousands of per-cell ones (see unit-workbook.ts for why the cast). */
const rangeValidations = (sheet: ExcelJS.Worksheet) => (sheet as unknown as { dataValidations: { add(range: string, v: ExcelJS.DataValidation): void } }).dataValidations;

async function toBytes(workbook: ExcelJS.Workbook): Promise<Uint8Array<ArrayBuffer>> {
  return new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
}

export async function buildSubUnitWorkbook(input: SubUnitWorkbookInput): Promise<Uint8Array<ArrayBuffer>> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "ANTT";
  const sheet = workbook.addWorksheet(SUB_UNIT_SHEET_NAME, { views: [{ state: "frozen", ySplit: 1 }] });
  // Codes and decision numbers as text: "007" and "12/QĐ" stay as written.
  sheet.columns = SUB_UNIT_COLUMNS.map((c) => ({ key: c.key, width: c.width, style: TEXT_COLUMNS.includes(c.key) ? { numFmt: "@" } : {} }));
  const header = sheet.addRow(SUB_UNIT_COLUMNS.map((c) => c.header));
  header.font = { bold: true };
  header.eachCell((cell) => (cell.fill = HEADER_FILL));
  for (const row of input.rows) sheet.addRow(SUB_UNIT_COLUMNS.map((c) => row[c.key]));

  const lists = workbook.addWorksheet(LISTS_SHEET_NAME, { state: "hidden" });
  const lastRow = input.rows.length + 1 + TEMPLATE_ROWS;
  SUB_UNIT_COLUMNS.forEach((column, index) => {
    const values = column.key === "unitCode" ? input.unitCodes : "choices" in column ? column.choices : null;
    if (!values || values.length === 0) return;
    const letter = columnLetter(index);
    lists.getCell(`${letter}1`).value = column.header;
    values.forEach((v, i) => (lists.getCell(`${letter}${i + 2}`).value = v));
    rangeValidations(sheet).add(`${letter}2:${letter}${lastRow}`, {
      type: "list",
      allowBlank: !column.required,
      formulae: [`'${LISTS_SHEET_NAME}'!$${letter}$2:$${letter}$${values.length + 1}`],
      // A warning for unit codes: the list holds active units only, and a code is checked on upload anyway.
      errorStyle: column.key === "unitCode" ? "warning" : "stop",
      showErrorMessage: true,
      errorTitle: column.header,
      error: "Giá trị không có trong danh sách.",
    });
  });

  const help = workbook.addWorksheet(INSTRUCTIONS_SHEET_NAME);
  help.columns = [{ width: 26 }, { width: 12 }, { width: 110 }];
  const lines: string[] = [
    "Hướng dẫn nhập danh sách đơn vị trực thuộc (phòng, ban, tổ, đội, khoa…) và kết quả thi đua",
    input.year === null ? "" : `Tệp này là danh sách hiện có, kèm kết quả thi đua năm ${input.year}.`,
    `• Nhập dữ liệu ở trang “${SUB_UNIT_SHEET_NAME}”, mỗi đơn vị trực thuộc một dòng, từ dòng 2. Không đổi, thêm hay xóa cột; không gộp ô; không dùng công thức.`,
    "• Chỉ cơ quan, doanh nghiệp và cơ sở giáo dục có đơn vị trực thuộc. “Mã đơn vị” là mã trong danh mục đơn vị (danh sách thả xuống có các đơn vị đang hoạt động).",
    "• Mỗi dòng được đối chiếu theo “Mã đơn vị” và “Tên đơn vị trực thuộc” (không phân biệt chữ hoa, chữ thường và dấu): đã có thì cập nhật, chưa có thì thêm mới. Đơn vị trực thuộc không có trong tệp được giữ nguyên; muốn đổi tên, hãy sửa trên màn hình danh mục.",
    "• “Kết quả thi đua” ghi cho “Năm” cùng dòng; để trống thì kết quả năm đó (nếu có) được giữ nguyên. Chỉ ghi kết quả cho đơn vị trực thuộc đang theo dõi và được xếp loại thi đua.",
    `• Có thể lưu dạng Excel (.xlsx) hoặc “CSV UTF-8”. Tối đa ${MAX_IMPORT_BYTES / 1024 / 1024} MB và ${MAX_IMPORT_ROWS.toLocaleString("vi-VN")} dòng.`,
    "• Sau khi tải lên, hệ thống hiển thị bản xem trước (số dòng thêm mới, cập nhật, giữ nguyên và mọi lỗi theo dòng, cột). Chưa có gì được ghi cho đến khi bấm “Ghi dữ liệu”; có lỗi thì không ghi dòng nào.",
    "",
  ];
  for (const line of lines) help.addRow([line]);
  help.getRow(1).font = { bold: true, size: 14 };
  const table = help.addRow(["Cột", "Bắt buộc", "Cách ghi"]);
  table.font = { bold: true };
  table.eachCell((cell) => (cell.fill = HEADER_FILL));
  for (const c of SUB_UNIT_COLUMNS) help.addRow([c.header, c.required ? "Có" : "Không", c.help]).getCell(3).alignment = { wrapText: true, vertical: "top" };
  return toBytes(workbook);
}

/**
 * The uploaded sheet back, as read, with the cells of every problem filled red and commented
 * (a problem of a missing column marks nothing: it is listed in the "Lỗi" sheet, as all are).
 */
export async function buildSubUnitProblemsWorkbook(sheet: SheetData, problems: readonly ImportProblem[]): Promise<Uint8Array<ArrayBuffer>> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "ANTT";
  const data = workbook.addWorksheet(SUB_UNIT_SHEET_NAME, { views: [{ state: "frozen", ySplit: 1 }] });
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
