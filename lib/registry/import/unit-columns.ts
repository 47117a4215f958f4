/**
 * The units list as a sheet: its columns in the template's order, the Vietnamese labels of the
 * closed lists, and a unit as one row of the export (the same format the import reads, so
 * export → edit → import round-trips).
 */
import type { ExclusionReason, ResidentialAreaType, Sector, UnitKind, EducationLevel } from "@/lib/generated/prisma/enums";
import { EDUCATION_LEVEL_LABELS, EXCLUSION_REASON_LABELS, UNIT_KIND_LABELS } from "@/lib/domain/vocabulary";
import { SECTOR_LABELS } from "@/lib/reports/exports/labels";
import { NO, YES, parseChoice, parseText, parseYesNo, type Cell, type Converted } from "./cells";
import type { ColumnDefinition } from "./sheet";

/**
 * Kinds of residential area (thôn, bản, tổ dân phố …). Not in lib/domain/vocabulary.ts yet;
 * a Record over the Prisma enum, so a new kind fails type checking until it has a label here.
 */
export const RESIDENTIAL_AREA_TYPE_LABELS: Record<ResidentialAreaType, string> = {
  THON: "Thôn",
  BAN: "Bản",
  TO_DAN_PHO: "Tổ dân phố",
  KHU_PHO: "Khu phố",
  LANG: "Làng",
};

export const UNIT_SHEET_NAME = "Đơn vị";
export const UNIT_CODE_MAX = 50;
export const UNIT_NAME_MAX = 300;
export const UNIT_ADDRESS_MAX = 500;

/** One row as read, before the commune and the authority are looked up (they are text here). */
export type UnitSheetRow = {
  code: string;
  name: string;
  kind: UnitKind;
  commune: string;
  authority: string;
  sector: Sector | null;
  residentialAreaType: ResidentialAreaType | null;
  educationLevel: EducationLevel | null;
  exclusionReason: ExclusionReason | null;
  /** null: left blank, i.e. the default (see UNIT_DEFAULTS). */
  hasPartyOrganisation: boolean | null;
  hasSecurityForce: boolean | null;
  address: string | null;
  isActive: boolean | null;
};

/** What a blank yes/no cell means, for new and existing units alike (the database defaults). */
export const UNIT_DEFAULTS = { hasPartyOrganisation: true, hasSecurityForce: false, isActive: true } as const;

const code = (cell: Cell): Converted<string> => {
  const text = parseText(cell, UNIT_CODE_MAX);
  if (text.ok && /\s/u.test(text.value)) return { ok: false, message: "Mã đơn vị không được chứa khoảng trắng." };
  return text;
};

const labelsOf = (labels: Record<string, string>) => Object.values(labels);

export const UNIT_COLUMNS = [
  { key: "code", header: "Mã đơn vị", required: true, width: 16, parse: code, help: `Bắt buộc, duy nhất trong toàn tỉnh, tối đa ${UNIT_CODE_MAX} ký tự, không có khoảng trắng. Dòng có mã đã có sẽ cập nhật đơn vị đó; mã mới sẽ thêm đơn vị mới.` },
  { key: "name", header: "Tên đơn vị", required: true, width: 40, parse: (c: Cell) => parseText(c, UNIT_NAME_MAX), help: `Bắt buộc, tối đa ${UNIT_NAME_MAX} ký tự. Trong một xã, phường không được có hai đơn vị trùng tên (không phân biệt hoa thường, dấu).` },
  { key: "kind", header: "Loại đơn vị", required: true, width: 22, choices: labelsOf(UNIT_KIND_LABELS), parse: (c: Cell) => parseChoice(c, UNIT_KIND_LABELS), help: "Bắt buộc, chọn trong danh sách." },
  { key: "commune", header: "Xã, phường", required: true, width: 26, choices: "communes", parse: (c: Cell) => parseText(c, UNIT_NAME_MAX), help: "Bắt buộc: ghi tên (chọn trong danh sách) hoặc mã của xã, phường, đặc khu. Tên được so không phân biệt hoa thường, dấu; nếu hai xã cùng tên, ghi mã." },
  { key: "authority", header: "Cơ quan quản lý", required: true, width: 30, choices: "authorities", parse: (c: Cell) => parseText(c, UNIT_NAME_MAX), help: "Bắt buộc: ghi tên (chọn trong danh sách) hoặc mã của cơ quan quản lý; như cột “Xã, phường”." },
  { key: "sector", header: "Lĩnh vực", required: false, width: 30, choices: labelsOf(SECTOR_LABELS), parse: (c: Cell) => parseChoice(c, SECTOR_LABELS), help: "Không bắt buộc, chọn trong danh sách." },
  { key: "residentialAreaType", header: "Loại khu dân cư", required: false, width: 16, choices: labelsOf(RESIDENTIAL_AREA_TYPE_LABELS), parse: (c: Cell) => parseChoice(c, RESIDENTIAL_AREA_TYPE_LABELS), help: "Không bắt buộc (dành cho khu dân cư), chọn trong danh sách." },
  { key: "educationLevel", header: "Cấp học", required: false, width: 22, choices: labelsOf(EDUCATION_LEVEL_LABELS), parse: (c: Cell) => parseChoice(c, EDUCATION_LEVEL_LABELS), help: "Không bắt buộc (dành cho cơ sở giáo dục), chọn trong danh sách." },
  { key: "exclusionReason", header: "Lý do không thuộc diện", required: false, width: 34, choices: labelsOf(EXCLUSION_REASON_LABELS), parse: (c: Cell) => parseChoice(c, EXCLUSION_REASON_LABELS), help: "Chỉ ghi khi đơn vị không thuộc diện đánh giá (Điều 1 khoản 2 điểm b); để trống là thuộc diện." },
  { key: "hasPartyOrganisation", header: "Có tổ chức Đảng", required: false, width: 14, choices: [YES, NO], parse: parseYesNo, help: `“${YES}” hoặc “${NO}”; để trống là “${YES}”.` },
  { key: "hasSecurityForce", header: "Có lực lượng bảo vệ", required: false, width: 14, choices: [YES, NO], parse: parseYesNo, help: `“${YES}” hoặc “${NO}”; để trống là “${NO}”.` },
  { key: "address", header: "Địa chỉ", required: false, width: 40, parse: (c: Cell) => parseText(c, UNIT_ADDRESS_MAX), help: `Không bắt buộc, tối đa ${UNIT_ADDRESS_MAX} ký tự.` },
  { key: "isActive", header: "Đang theo dõi", required: false, width: 14, choices: [YES, NO], parse: parseYesNo, help: `“${YES}” hoặc “${NO}” (ngừng theo dõi); để trống là “${YES}”.` },
] as const satisfies readonly ColumnDefinition<unknown>[];

export type UnitColumnKey = (typeof UNIT_COLUMNS)[number]["key"];
export const UNIT_HEADERS = UNIT_COLUMNS.map((c) => c.header);
export const unitHeaderOf = (key: UnitColumnKey) => UNIT_COLUMNS.find((c) => c.key === key)!.header;

/** A unit as the export writes it: labels for closed lists, the commune and authority as their reference text. */
export type UnitForSheet = {
  code: string;
  name: string;
  kind: UnitKind;
  sector: Sector | null;
  residentialAreaType: ResidentialAreaType | null;
  educationLevel: EducationLevel | null;
  exclusionReason: ExclusionReason | null;
  hasPartyOrganisation: boolean;
  hasSecurityForce: boolean;
  address: string | null;
  isActive: boolean;
};

export function unitSheetCells(unit: UnitForSheet, communeText: string, authorityText: string): Record<UnitColumnKey, string> {
  return {
    code: unit.code,
    name: unit.name,
    kind: UNIT_KIND_LABELS[unit.kind],
    commune: communeText,
    authority: authorityText,
    sector: unit.sector ? SECTOR_LABELS[unit.sector] : "",
    residentialAreaType: unit.residentialAreaType ? RESIDENTIAL_AREA_TYPE_LABELS[unit.residentialAreaType] : "",
    educationLevel: unit.educationLevel ? EDUCATION_LEVEL_LABELS[unit.educationLevel] : "",
    exclusionReason: unit.exclusionReason ? EXCLUSION_REASON_LABELS[unit.exclusionReason] : "",
    hasPartyOrganisation: unit.hasPartyOrganisation ? YES : NO,
    hasSecurityForce: unit.hasSecurityForce ? YES : NO,
    address: unit.address ?? "",
    isActive: unit.isActive ? YES : NO,
  };
}
