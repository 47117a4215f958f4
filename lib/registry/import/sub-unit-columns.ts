/**
 * The sub-units list as a sheet (issue 10 §3): one row per sub-unit of a unit (phòng, ban, tổ,
 * đội, khoa…) with, optionally, its emulation result (kết quả thi đua) for a year. Its columns in
 * the template's order, and a sub-unit as one row of the export (the same format the import
 * reads, so export → edit → import round-trips). Pure, and safe in the browser (no server imports).
 */
import type { EmulationResult, SubUnitKind } from "@/lib/generated/prisma/enums";
import { EMULATION_RESULT_LABELS } from "@/lib/domain/vocabulary";
import { SUB_UNIT_KIND_LABELS } from "@/lib/records/sub-unit-schemas";
import { NO, YES, cellText, parseChoice, parseText, parseYesNo, type Cell, type Converted } from "./cells";
import type { ColumnDefinition } from "./sheet";

export const SUB_UNIT_SHEET_NAME = "Đơn vị trực thuộc";
export const SUB_UNIT_NAME_MIN = 2;
export const SUB_UNIT_NAME_MAX = 150;
export const DECISION_REF_MAX = 100;
const UNIT_CODE_MAX = 50;

export const SUB_UNITS_IMPORT_PATH = "/api/registry/sub-units/import";
export const SUB_UNITS_TEMPLATE_PATH = "/api/registry/sub-units/template";
export const SUB_UNITS_EXPORT_PATH = "/api/registry/sub-units/export";

/** One row as read, before the unit is looked up (its code is text here). */
export type SubUnitSheetRow = {
  unitCode: string;
  name: string;
  kind: SubUnitKind;
  /** null: left blank, i.e. the default (see SUB_UNIT_DEFAULTS). */
  eligibleForRating: boolean | null;
  isSecurityForce: boolean | null;
  year: number | null;
  result: EmulationResult | null;
  decisionRef: string | null;
  isActive: boolean | null;
};

/** What a blank yes/no cell means, for new and existing sub-units alike (the database defaults). */
export const SUB_UNIT_DEFAULTS = { eligibleForRating: true, isSecurityForce: false, isActive: true } as const;

const unitCode = (cell: Cell): Converted<string> => {
  const text = parseText(cell, UNIT_CODE_MAX);
  if (text.ok && /\s/u.test(text.value)) return { ok: false, message: "Mã đơn vị không được chứa khoảng trắng." };
  return text;
};

const name = (cell: Cell): Converted<string> => {
  const text = parseText(cell, SUB_UNIT_NAME_MAX);
  if (text.ok && text.value.length < SUB_UNIT_NAME_MIN) return { ok: false, message: `Tên cần từ ${SUB_UNIT_NAME_MIN} ký tự.` };
  return text;
};

/** A four-digit year; whether it is one the application rates (from 2022 to next year) is the plan's check. */
const year = (cell: Cell): Converted<number> => {
  const text = cellText(cell);
  return /^\d{4}$/.test(text) ? { ok: true, value: Number(text) } : { ok: false, message: `Năm “${text}” không hợp lệ; vui lòng ghi năm bằng 4 chữ số, ví dụ 2026.` };
};

export const SUB_UNIT_COLUMNS = [
  { key: "unitCode", header: "Mã đơn vị", required: true, width: 16, choices: "unitCodes", parse: unitCode, help: "Bắt buộc: mã của đơn vị (cơ quan, doanh nghiệp, cơ sở giáo dục) có đơn vị trực thuộc này, như trong danh mục đơn vị." },
  { key: "name", header: "Tên đơn vị trực thuộc", required: true, width: 40, parse: name, help: `Bắt buộc, từ ${SUB_UNIT_NAME_MIN} đến ${SUB_UNIT_NAME_MAX} ký tự. Mỗi dòng được đối chiếu theo “Mã đơn vị” và tên này, không phân biệt chữ hoa, chữ thường và dấu: tên đã có thì cập nhật, tên mới thì thêm mới.` },
  { key: "kind", header: "Loại", required: true, width: 16, choices: Object.values(SUB_UNIT_KIND_LABELS), parse: (c: Cell) => parseChoice(c, SUB_UNIT_KIND_LABELS), help: "Bắt buộc, chọn trong danh sách (Phòng, Ban, Tổ, Đội, Khoa…)." },
  { key: "eligibleForRating", header: "Được xếp loại thi đua", required: false, width: 16, choices: [YES, NO], parse: parseYesNo, help: `“${YES}” hoặc “${NO}”; để trống là “${YES}”. Đơn vị trực thuộc “${NO}” không tính vào tỷ lệ 70% và không được ghi kết quả thi đua.` },
  { key: "isSecurityForce", header: "Là lực lượng bảo vệ", required: false, width: 16, choices: [YES, NO], parse: parseYesNo, help: `“${YES}” hoặc “${NO}”; để trống là “${NO}”. Lực lượng bảo vệ của đơn vị được đánh giá riêng.` },
  { key: "year", header: "Năm", required: false, width: 8, parse: year, help: "Năm của kết quả thi đua (4 chữ số, từ 2022 đến năm sau năm hiện tại); bắt buộc khi có kết quả." },
  { key: "result", header: "Kết quả thi đua", required: false, width: 34, choices: Object.values(EMULATION_RESULT_LABELS), parse: (c: Cell) => parseChoice(c, EMULATION_RESULT_LABELS), help: "Chọn trong danh sách. Để trống thì kết quả của năm đó (nếu đã có) được giữ nguyên." },
  { key: "decisionRef", header: "Số quyết định", required: false, width: 20, parse: (c: Cell) => parseText(c, DECISION_REF_MAX), help: `Không bắt buộc, tối đa ${DECISION_REF_MAX} ký tự: số quyết định công nhận kết quả thi đua; chỉ ghi khi có kết quả.` },
  { key: "isActive", header: "Đang theo dõi", required: false, width: 14, choices: [YES, NO], parse: parseYesNo, help: `“${YES}” hoặc “${NO}” (ngừng theo dõi; kết quả các năm vẫn được giữ); để trống là “${YES}”.` },
] as const satisfies readonly ColumnDefinition<unknown>[];

export type SubUnitColumnKey = (typeof SUB_UNIT_COLUMNS)[number]["key"];
export const SUB_UNIT_HEADERS = SUB_UNIT_COLUMNS.map((c) => c.header);
export const subUnitHeaderOf = (key: SubUnitColumnKey) => SUB_UNIT_COLUMNS.find((c) => c.key === key)!.header;

/** A sub-unit as the export writes it, with its result for the exported year (if any). */
export type SubUnitForSheet = {
  unitCode: string;
  name: string;
  kind: SubUnitKind;
  eligibleForRating: boolean;
  isSecurityForce: boolean;
  isActive: boolean;
  result: { result: EmulationResult; decisionRef: string | null } | null;
};

export function subUnitSheetCells(subUnit: SubUnitForSheet, year: number): Record<SubUnitColumnKey, string> {
  return {
    unitCode: subUnit.unitCode,
    name: subUnit.name,
    kind: SUB_UNIT_KIND_LABELS[subUnit.kind],
    eligibleForRating: subUnit.eligibleForRating ? YES : NO,
    isSecurityForce: subUnit.isSecurityForce ? YES : NO,
    year: String(year),
    result: subUnit.result ? EMULATION_RESULT_LABELS[subUnit.result.result] : "",
    decisionRef: subUnit.result?.decisionRef ?? "",
    isActive: subUnit.isActive ? YES : NO,
  };
}
