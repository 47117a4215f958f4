/**
 * The units list as a workbook: the generic list workbook (list-workbook.ts) with the units'
 * columns and the lines of help about how communes and authorities are named.
 */
import { buildListWorkbook, buildProblemsWorkbook as buildListProblemsWorkbook, type ListSheetSpec } from "./list-workbook";
import type { ImportProblem, SheetData } from "./sheet";
import { UNIT_COLUMNS, UNIT_SHEET_NAME, type UnitColumnKey } from "./unit-columns";

export { XLSX_MIME_TYPE, INSTRUCTIONS_SHEET_NAME, LISTS_SHEET_NAME, PROBLEMS_SHEET_NAME } from "./list-workbook";

export const UNIT_SHEET_SPEC: ListSheetSpec = {
  sheetName: UNIT_SHEET_NAME,
  columns: UNIT_COLUMNS,
  title: "Hướng dẫn nhập danh sách đơn vị",
  noun: "đơn vị",
  codeHeader: "Mã đơn vị",
  lines: [
    "• “Xã, phường” và “Cơ quan quản lý” ghi theo tên (chọn trong danh sách thả xuống) hoặc theo mã. Tên được so không phân biệt chữ hoa, chữ thường và dấu; nếu có hai nơi cùng tên thì phải ghi mã.",
  ],
};

export type UnitWorkbookInput = { rows: readonly Record<UnitColumnKey, string>[]; communes: readonly string[]; authorities: readonly string[] };

export function buildUnitWorkbook(input: UnitWorkbookInput): Promise<Uint8Array<ArrayBuffer>> {
  return buildListWorkbook(UNIT_SHEET_SPEC, { rows: input.rows, choices: { communes: input.communes, authorities: input.authorities } });
}

/** The problems workbook of a units file (its data sheet is named as the units sheet). */
export function buildProblemsWorkbook(sheet: SheetData, problems: readonly ImportProblem[]): Promise<Uint8Array<ArrayBuffer>> {
  return buildListProblemsWorkbook(sheet, problems, UNIT_SHEET_NAME);
}
