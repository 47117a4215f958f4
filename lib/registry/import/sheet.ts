/**
 * A list's sheet as columns: what a column is (Vietnamese header, required, drop-down values,
 * conversion) and the generic parse of a read sheet against a list of columns. Adding the
 * communes, authorities, sub-units or accounts lists is adding their column definitions; the
 * header checks, row numbering and problem reporting are here once.
 */
import { cellText, type Cell, type Converted } from "./cells";

/** One problem, where a person finds it in Excel: row as numbered there, column by its header. */
export type ImportProblem = { row: number | null; column: string | null; message: string };

/** A sheet as the readers hand it over: the header row and each non-empty row with its Excel number. */
export type SheetData = { headers: Cell[]; rows: { rowNumber: number; cells: Cell[] }[] };

/** Drop-downs whose values come from the database when the workbook is built. */
export type DynamicChoices = "communes" | "authorities" | "areas" | "unitCodes" | "communeCodes";

export type ColumnDefinition<V> = {
  key: string;
  header: string;
  required: boolean;
  /** The template's drop-down: fixed labels, or a list filled from the database when the template is built. */
  choices?: readonly string[] | DynamicChoices;
  /** One line of the instructions sheet. */
  help: string;
  width: number;
  /** The cell's value (blank cells of optional columns never reach it: they are null). */
  parse(cell: Cell): Converted<V>;
};

// The array of a list's columns, each with its own value type (erased here, restored by the list's row type).
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyColumn = ColumnDefinition<any>;

export const HEADER_ROW = 1;

export const missingValueMessage = (header: string) => `Thiếu giá trị bắt buộc ở cột “${header}”.`;

const headerKey = (text: string) => text.normalize("NFC").replace(/\s+/gu, " ").trim().toLowerCase();

/**
 * Rows of values keyed by column key; a cell that does not convert is a problem and its row is
 * kept out (the preview shows every problem; nothing is written while any remains). A header row
 * that is not exactly the list's columns (in any order) is a problem of the file, and no row is read.
 */
export function parseSheet<R>(columns: readonly AnyColumn[], sheet: SheetData): { rows: { rowNumber: number; values: R }[]; problems: ImportProblem[] } {
  const problems: ImportProblem[] = [];
  const position = new Map<string, number>();
  const known = new Map(columns.map((c) => [headerKey(c.header), c]));
  sheet.headers.forEach((cell, index) => {
    const text = cellText(cell);
    if (text === "") return;
    const column = known.get(headerKey(text));
    if (!column) problems.push({ row: HEADER_ROW, column: text, message: `Cột “${text}” không thuộc mẫu; vui lòng xóa cột này hoặc dùng tệp mẫu.` });
    else if (position.has(column.key)) problems.push({ row: HEADER_ROW, column: column.header, message: `Cột “${column.header}” xuất hiện hai lần.` });
    else position.set(column.key, index);
  });
  for (const column of columns) {
    if (!position.has(column.key)) problems.push({ row: HEADER_ROW, column: column.header, message: `Thiếu cột “${column.header}”; vui lòng dùng tệp mẫu.` });
  }
  if (problems.length > 0) return { rows: [], problems };

  // Data under no header is an extra column too (its values would silently be dropped).
  const used = new Set(position.values());
  const reported = new Set<number>();
  const rows: { rowNumber: number; values: R }[] = [];
  for (const { rowNumber, cells } of sheet.rows) {
    cells.forEach((cell, index) => {
      if (used.has(index) || reported.has(index) || cellText(cell) === "") return;
      reported.add(index);
      problems.push({ row: rowNumber, column: null, message: `Cột thứ ${index + 1} có dữ liệu nhưng không có tiêu đề; vui lòng xóa dữ liệu thừa hoặc dùng tệp mẫu.` });
    });
    if (cells.every((c) => cellText(c) === "")) continue;
    const values: Record<string, unknown> = {};
    let rowOk = true;
    for (const column of columns) {
      const cell = cells[position.get(column.key)!] ?? null;
      if (cellText(cell) === "") {
        if (column.required) {
          problems.push({ row: rowNumber, column: column.header, message: missingValueMessage(column.header) });
          rowOk = false;
        }
        values[column.key] = null;
        continue;
      }
      const converted = column.parse(cell);
      if (converted.ok) values[column.key] = converted.value;
      else {
        problems.push({ row: rowNumber, column: column.header, message: converted.message });
        rowOk = false;
      }
    }
    if (rowOk) rows.push({ rowNumber, values: values as R });
  }
  return { rows, problems };
}

/** Problems in reading order: file-level first, then by row, then by the column's place in the sheet. */
export function sortProblems(problems: ImportProblem[], columns: readonly AnyColumn[]): ImportProblem[] {
  const order = new Map(columns.map((c, i) => [c.header, i]));
  return [...problems].sort((a, b) => (a.row ?? 0) - (b.row ?? 0) || (order.get(a.column ?? "") ?? -1) - (order.get(b.column ?? "") ?? -1));
}
