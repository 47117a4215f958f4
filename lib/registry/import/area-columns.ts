/**
 * The communes list (xã, phường, đặc khu) and the authorities list (UBND, Công an, sở…) as sheets:
 * their columns in the template's order and a record as one row of the export (the format the
 * import reads, so export → edit → import round-trips). Codes and names follow the registry's
 * forms (lib/registry/area-authority-schemas.ts), so a file can hold nothing a form would refuse.
 */
import { AUTHORITY_KIND_LABELS, COMMUNE_KIND_LABELS, type AuthorityKind, type CommuneKind } from "@/lib/domain/vocabulary";
import { NO, YES, parseChoice, parseText, parseYesNo, type Cell, type Converted } from "./cells";
import type { ColumnDefinition } from "./sheet";

export const COMMUNE_SHEET_NAME = "Xã, phường";
export const AUTHORITY_SHEET_NAME = "Cơ quan";
export const AREA_CODE_MAX = 40;
export const AREA_NAME_MAX = 200;
export const DOCUMENT_SYMBOL_MAX = 20;
export const PLACE_NAME_MAX = 60;

/** As the registry's forms write codes: "LCI-P01", "UBND-TINH", "SO-GDDT". */
const CODE_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._/-]*$/;

const code = (cell: Cell): Converted<string> => {
  const text = parseText(cell, AREA_CODE_MAX);
  if (text.ok && !CODE_PATTERN.test(text.value)) return { ok: false, message: "Mã chỉ gồm chữ không dấu, chữ số và các ký tự - _ . / (không có khoảng trắng)." };
  return text;
};

const name = (cell: Cell): Converted<string> => {
  const text = parseText(cell, AREA_NAME_MAX);
  if (text.ok && text.value.length < 2) return { ok: false, message: "Tên cần từ 2 ký tự." };
  return text;
};

const labelsOf = (labels: Record<string, string>) => Object.values(labels);
const activeHelp = `“${YES}” hoặc “${NO}” (ngừng hoạt động); để trống là “${YES}”. Không thể ngừng hoạt động nơi còn đơn vị đang hoạt động.`;

// ───────────── Communes ─────────────

export type CommuneSheetRow = { code: string; name: string; communeKind: CommuneKind; isActive: boolean | null };

export const COMMUNE_COLUMNS = [
  { key: "code", header: "Mã xã, phường", required: true, width: 16, parse: code, help: `Bắt buộc, duy nhất trong toàn tỉnh, tối đa ${AREA_CODE_MAX} ký tự: chữ không dấu, chữ số và - _ . /. Dòng có mã đã có sẽ cập nhật xã, phường đó; mã mới sẽ thêm mới.` },
  { key: "name", header: "Tên xã, phường", required: true, width: 36, parse: name, help: `Bắt buộc, 2 đến ${AREA_NAME_MAX} ký tự, ví dụ “Phường Lào Cai”. Trong tỉnh không được có hai xã, phường trùng tên (không phân biệt hoa thường, dấu).` },
  { key: "communeKind", header: "Loại", required: true, width: 14, choices: labelsOf(COMMUNE_KIND_LABELS), parse: (c: Cell) => parseChoice(c, COMMUNE_KIND_LABELS), help: "Bắt buộc: Xã, Phường hoặc Đặc khu (chọn trong danh sách)." },
  { key: "isActive", header: "Đang hoạt động", required: false, width: 16, choices: [YES, NO], parse: parseYesNo, help: activeHelp },
] as const satisfies readonly ColumnDefinition<unknown>[];

export type CommuneColumnKey = (typeof COMMUNE_COLUMNS)[number]["key"];
export const COMMUNE_HEADERS = COMMUNE_COLUMNS.map((c) => c.header);
export const communeHeaderOf = (key: CommuneColumnKey) => COMMUNE_COLUMNS.find((c) => c.key === key)!.header;

export type CommuneForSheet = { code: string; name: string; communeKind: CommuneKind | null; isActive: boolean };

export function communeSheetCells(commune: CommuneForSheet): Record<CommuneColumnKey, string> {
  return { code: commune.code, name: commune.name, communeKind: commune.communeKind ? COMMUNE_KIND_LABELS[commune.communeKind] : "", isActive: commune.isActive ? YES : NO };
}

// ───────────── Authorities ─────────────

export type AuthoritySheetRow = { code: string; name: string; kind: AuthorityKind; documentSymbol: string; placeName: string; area: string | null; isActive: boolean | null };

export const AUTHORITY_COLUMNS = [
  { key: "code", header: "Mã cơ quan", required: true, width: 16, parse: code, help: `Bắt buộc, duy nhất trong toàn tỉnh, tối đa ${AREA_CODE_MAX} ký tự: chữ không dấu, chữ số và - _ . /. Dòng có mã đã có sẽ cập nhật cơ quan đó; mã mới sẽ thêm mới.` },
  { key: "name", header: "Tên cơ quan", required: true, width: 40, parse: name, help: `Bắt buộc, 2 đến ${AREA_NAME_MAX} ký tự. Trong cùng một địa bàn không được có hai cơ quan trùng tên (không phân biệt hoa thường, dấu).` },
  { key: "kind", header: "Loại cơ quan", required: true, width: 34, choices: labelsOf(AUTHORITY_KIND_LABELS), parse: (c: Cell) => parseChoice(c, AUTHORITY_KIND_LABELS), help: "Bắt buộc, chọn trong danh sách." },
  { key: "documentSymbol", header: "Ký hiệu văn bản", required: true, width: 16, parse: (c: Cell) => parseText(c, DOCUMENT_SYMBOL_MAX), help: `Bắt buộc, tối đa ${DOCUMENT_SYMBOL_MAX} ký tự, ví dụ “UBND” trong số “15/QĐ-UBND”.` },
  { key: "placeName", header: "Địa danh", required: true, width: 18, parse: (c: Cell) => parseText(c, PLACE_NAME_MAX), help: `Bắt buộc, tối đa ${PLACE_NAME_MAX} ký tự: địa danh ghi trên văn bản, ví dụ “Lào Cai”.` },
  { key: "area", header: "Địa bàn", required: false, width: 30, choices: "areas", parse: (c: Cell) => parseText(c, AREA_NAME_MAX), help: "Tên (chọn trong danh sách) hoặc mã của tỉnh hoặc xã, phường, đặc khu nơi cơ quan đóng; để trống với cơ quan trung ương (Bộ Công an). Nhập danh sách xã, phường trước khi nhập cơ quan của xã." },
  { key: "isActive", header: "Đang hoạt động", required: false, width: 16, choices: [YES, NO], parse: parseYesNo, help: activeHelp },
] as const satisfies readonly ColumnDefinition<unknown>[];

export type AuthorityColumnKey = (typeof AUTHORITY_COLUMNS)[number]["key"];
export const AUTHORITY_HEADERS = AUTHORITY_COLUMNS.map((c) => c.header);
export const authorityHeaderOf = (key: AuthorityColumnKey) => AUTHORITY_COLUMNS.find((c) => c.key === key)!.header;

export type AuthorityForSheet = { code: string; name: string; kind: AuthorityKind; documentSymbol: string; placeName: string; isActive: boolean };

export function authoritySheetCells(authority: AuthorityForSheet, areaText: string): Record<AuthorityColumnKey, string> {
  return {
    code: authority.code,
    name: authority.name,
    kind: AUTHORITY_KIND_LABELS[authority.kind],
    documentSymbol: authority.documentSymbol,
    placeName: authority.placeName,
    area: areaText,
    isActive: authority.isActive ? YES : NO,
  };
}
