/**
 * The sub-units list as a workbook, in the one format the import reads: the generic list workbook
 * (list-workbook.ts) with the sub-units' columns and help. The template (no rows) and the export
 * (every sub-unit with its result for a chosen year) are the same sheet, so export → edit →
 * import round-trips. Also the problems workbook.
 */
import { buildListWorkbook, buildProblemsWorkbook, type ListSheetSpec } from "./list-workbook";
import type { ImportProblem, SheetData } from "./sheet";
import { SUB_UNIT_COLUMNS, SUB_UNIT_SHEET_NAME, type SubUnitColumnKey } from "./sub-unit-columns";

export const SUB_UNIT_SHEET_SPEC: ListSheetSpec = {
  sheetName: SUB_UNIT_SHEET_NAME,
  columns: SUB_UNIT_COLUMNS,
  title: "Hướng dẫn nhập danh sách đơn vị trực thuộc (phòng, ban, tổ, đội, khoa…) và kết quả thi đua",
  noun: "đơn vị trực thuộc",
  codeHeader: "Mã đơn vị",
  matchLine:
    "• Mỗi dòng được đối chiếu theo “Mã đơn vị” và “Tên đơn vị trực thuộc” (không phân biệt chữ hoa, chữ thường và dấu): đã có thì cập nhật, chưa có thì thêm mới. Đơn vị trực thuộc không có trong tệp được giữ nguyên; muốn đổi tên, hãy sửa trên màn hình danh mục.",
  lines: [
    "• Chỉ cơ quan, doanh nghiệp và cơ sở giáo dục có đơn vị trực thuộc. “Mã đơn vị” là mã trong danh mục đơn vị (danh sách thả xuống có các đơn vị đang hoạt động).",
    "• “Kết quả thi đua” ghi cho “Năm” cùng dòng; để trống thì kết quả năm đó (nếu có) được giữ nguyên. Chỉ ghi kết quả cho đơn vị trực thuộc đang theo dõi và được xếp loại thi đua.",
  ],
  // Unit codes and decision numbers as text: "007" and "12/QĐ" stay as written.
  textColumns: ["unitCode", "name", "decisionRef"],
};

export type SubUnitWorkbookInput = {
  rows: readonly Record<SubUnitColumnKey, string>[];
  /** Codes of the active units that declare sub-units: the "Mã đơn vị" drop-down. */
  unitCodes: readonly string[];
  /** The exported year, named in the instructions (null: the template). */
  year: number | null;
};

export function buildSubUnitWorkbook(input: SubUnitWorkbookInput): Promise<Uint8Array<ArrayBuffer>> {
  return buildListWorkbook(SUB_UNIT_SHEET_SPEC, {
    rows: input.rows,
    choices: { unitCodes: input.unitCodes },
    preface: input.year === null ? undefined : `Tệp này là danh sách hiện có, kèm kết quả thi đua năm ${input.year}.`,
  });
}

export function buildSubUnitProblemsWorkbook(sheet: SheetData, problems: readonly ImportProblem[]): Promise<Uint8Array<ArrayBuffer>> {
  return buildProblemsWorkbook(sheet, problems, SUB_UNIT_SHEET_NAME);
}
