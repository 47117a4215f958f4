/**
 * Reading an uploaded list at the edge: the bytes of a .xlsx (exceljs) or .csv (csv-parse) file
 * → the header row and the data rows with their Excel row numbers. The type is decided by the
 * content (`file-type`), not the name, and every file this cannot read faithfully is refused
 * with a Vietnamese message, before anything is compared or written: not a spreadsheet, a renamed
 * file, a corrupt or password-protected workbook, too large, too many rows, formulas, merged cells.
 */
import ExcelJS from "exceljs";
import { fileTypeFromBuffer } from "file-type";
import { parse as parseCsv } from "csv-parse/sync";
import type { Cell } from "./cells";
import { MAX_IMPORT_UPLOAD_BYTES } from "./import-rules";
import type { SheetData } from "./sheet";

export const MAX_IMPORT_BYTES = MAX_IMPORT_UPLOAD_BYTES;
export const MAX_IMPORT_ROWS = 100_000;

export type ReadResult = { ok: true; sheet: SheetData; format: "xlsx" | "csv" } | { ok: false; message: string };

export const IMPORT_MESSAGES = {
  empty: "Tệp rỗng; vui lòng chọn tệp có dữ liệu.",
  tooLarge: `Tệp lớn hơn ${MAX_IMPORT_BYTES / 1024 / 1024} MB; vui lòng chia thành nhiều tệp nhỏ hơn.`,
  tooManyRows: `Tệp có hơn ${MAX_IMPORT_ROWS.toLocaleString("vi-VN")} dòng dữ liệu; vui lòng chia thành nhiều tệp nhỏ hơn.`,
  extension: "Chỉ nhận tệp Excel (.xlsx) hoặc CSV (.csv).",
  notXlsx: "Nội dung tệp không phải bảng tính Excel (.xlsx); có thể tệp đã bị đổi tên. Vui lòng mở tệp bằng Excel và lưu lại dạng .xlsx.",
  protected: "Tệp được đặt mật khẩu hoặc là định dạng Excel cũ (.xls); vui lòng bỏ mật khẩu và lưu lại dạng Excel Workbook (.xlsx).",
  corrupt: "Tệp Excel bị hỏng, không đọc được; vui lòng mở bằng Excel, lưu lại rồi tải lên lại.",
  noSheet: "Tệp không có trang tính nào.",
  notCsv: "Nội dung tệp không phải văn bản CSV; có thể tệp đã bị đổi tên.",
  notUtf8: "Tệp CSV phải được lưu với bảng mã UTF-8 (trong Excel: “CSV UTF-8 (Comma delimited)”).",
  badCsv: (detail: string) => `Tệp CSV không đúng định dạng (${detail}); vui lòng kiểm tra dấu ngoặc kép và dấu phân cách.`,
  formula: (address: string) => `Ô ${address} chứa công thức; vui lòng thay công thức bằng giá trị (Sao chép → Dán giá trị) rồi tải lên lại.`,
  cellError: (address: string) => `Ô ${address} chứa giá trị lỗi của Excel; vui lòng sửa rồi tải lên lại.`,
  mergedHeader: (range: string) => `Dòng tiêu đề có ô gộp (${range}); vui lòng bỏ gộp ô để mỗi cột có một tiêu đề.`,
  merged: (range: string) => `Tệp có ô gộp (${range}); vui lòng bỏ gộp ô để mỗi ô có giá trị riêng.`,
} as const;

const fail = (message: string): ReadResult => ({ ok: false, message });

export function extensionOf(fileName: string): string {
  const dot = fileName.lastIndexOf(".");
  return dot < 0 ? "" : fileName.slice(dot + 1).toLowerCase();
}

/** Reads the sheet named `sheetName` (else the first) of a .xlsx, or the rows of a .csv. */
export async function readSpreadsheet(bytes: Uint8Array, fileName: string, sheetName: string): Promise<ReadResult> {
  if (bytes.byteLength === 0) return fail(IMPORT_MESSAGES.empty);
  if (bytes.byteLength > MAX_IMPORT_BYTES) return fail(IMPORT_MESSAGES.tooLarge);
  const extension = extensionOf(fileName);
  if (extension !== "xlsx" && extension !== "csv") return fail(IMPORT_MESSAGES.extension);
  const detected = await fileTypeFromBuffer(bytes);
  if (extension === "csv") return detected ? fail(IMPORT_MESSAGES.notCsv) : readCsv(bytes);
  // An encrypted .xlsx is an OLE2 compound file holding the encrypted package, as is a .xls.
  if (detected?.ext === "cfb") return fail(IMPORT_MESSAGES.protected);
  if (detected?.ext !== "xlsx") return fail(detected?.ext === "zip" ? IMPORT_MESSAGES.corrupt : IMPORT_MESSAGES.notXlsx);
  return readXlsx(bytes, sheetName);
}

async function readXlsx(bytes: Uint8Array, sheetName: string): Promise<ReadResult> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ArrayBuffer);
  } catch {
    return fail(IMPORT_MESSAGES.corrupt);
  }
  const sheet = workbook.getWorksheet(sheetName) ?? workbook.worksheets[0];
  if (!sheet) return fail(IMPORT_MESSAGES.noSheet);
  if (sheet.actualRowCount - 1 > MAX_IMPORT_ROWS) return fail(IMPORT_MESSAGES.tooManyRows);

  const merges: string[] = (sheet.model as { merges?: string[] }).merges ?? [];
  const headerMerge = merges.find((range) => /^[A-Z]+1(:|$)/.test(range));
  if (headerMerge) return fail(IMPORT_MESSAGES.mergedHeader(headerMerge));
  if (merges[0]) return fail(IMPORT_MESSAGES.merged(merges[0]));

  const width = sheet.columnCount;
  let headers: Cell[] = [];
  const rows: SheetData["rows"] = [];
  let problem: string | null = null;
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    if (problem) return;
    const cells: Cell[] = [];
    for (let c = 1; c <= width; c++) {
      const cell = row.getCell(c);
      const value = cellValue(cell.value);
      if (value === FORMULA) problem = IMPORT_MESSAGES.formula(cell.address);
      else if (value === ERROR) problem = IMPORT_MESSAGES.cellError(cell.address);
      else cells.push(value);
      if (problem) return;
    }
    if (rowNumber === 1) headers = cells;
    else rows.push({ rowNumber, cells });
  });
  if (problem) return fail(problem);
  return { ok: true, format: "xlsx", sheet: { headers, rows } };
}

const FORMULA = Symbol("formula");
const ERROR = Symbol("error");

/** exceljs's value of a cell as plain data; rich text and hyperlinks as their text. */
function cellValue(value: ExcelJS.CellValue): Cell | typeof FORMULA | typeof ERROR {
  if (value === null || value === undefined) return null;
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean" || value instanceof Date) return value;
  if (typeof value === "object") {
    if ("formula" in value || "sharedFormula" in value) return FORMULA;
    if ("error" in value) return ERROR;
    if ("richText" in value) return value.richText.map((r) => r.text).join("");
    if ("text" in value) return String((value as { text: unknown }).text);
  }
  return String(value);
}

function readCsv(bytes: Uint8Array): ReadResult {
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return fail(IMPORT_MESSAGES.notUtf8);
  }
  if (text.includes("\u0000")) return fail(IMPORT_MESSAGES.notCsv);
  text = text.replace(/^\uFEFF/u, ""); // Excel writes a byte-order mark at the start of "CSV UTF-8".
  let records: string[][];
  try {
    records = parseCsv(text, { delimiter: csvDelimiter(text), relax_column_count: true, skip_empty_lines: false, to: MAX_IMPORT_ROWS + 2 }) as string[][];
  } catch (error) {
    return fail(IMPORT_MESSAGES.badCsv(csvErrorDetail(error)));
  }
  if (records.length === 0) return fail(IMPORT_MESSAGES.empty);
  if (records.length - 1 > MAX_IMPORT_ROWS) return fail(IMPORT_MESSAGES.tooManyRows);
  const [headers = [], ...data] = records;
  return { ok: true, format: "csv", sheet: { headers, rows: data.map((cells, i) => ({ rowNumber: i + 2, cells })) } };
}

/**
 * The separator of the header line: Excel writes ";" where the list separator is ";" (a comma as
 * the decimal mark, e.g. Vietnamese regional settings) and "," elsewhere. Counted outside quotes,
 * since a header such as "Xã, phường" holds a comma.
 */
export function csvDelimiter(text: string): string {
  const counts = new Map<string, number>([[",", 0], [";", 0], ["\t", 0]]);
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === "\n" || ch === "\r")) break;
    else if (!quoted && counts.has(ch)) counts.set(ch, counts.get(ch)! + 1);
  }
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]![0];
}

function csvErrorDetail(error: unknown): string {
  const line = (error as { lines?: number }).lines;
  return line ? `dòng ${line}` : "không đọc được";
}
