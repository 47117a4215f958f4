/**
 * The communes and authorities imports without I/O: a read sheet → typed rows and problems, then,
 * against what exists, rows to add, update or leave and every problem by row and column (the
 * shared matching by code and name rules are in plan-by-code.ts). The registry's own rules hold
 * here as in its forms: a commune or an authority that still has active units is not deactivated,
 * and no authority is newly put in a deactivated area.
 */
import type { AuthorityKind, CommuneKind } from "@/lib/domain/vocabulary";
import { changedColumns, planByCode, type CellProblem, type ListImportPlan } from "./plan-by-code";
import { ReferenceIndex, refMessage, type Reference } from "./references";
import { parseSheet, type ImportProblem, type SheetData } from "./sheet";
import {
  AUTHORITY_COLUMNS,
  COMMUNE_COLUMNS,
  authorityHeaderOf,
  communeHeaderOf,
  type AuthorityColumnKey,
  type AuthoritySheetRow,
  type CommuneColumnKey,
  type CommuneSheetRow,
} from "./area-columns";

type Parsed<R> = { rows: { rowNumber: number; values: R }[]; problems: ImportProblem[] };

/** What a blank "Đang hoạt động" means, for new and existing records alike (as units' "Đang theo dõi"). */
const ACTIVE_BY_DEFAULT = true;

export const NO_PROVINCE_MESSAGE = "Chưa có tỉnh trong danh mục địa bàn; không thể thêm xã, phường.";

// ───────────── Communes ─────────────

export type CommuneValues = { code: string; name: string; communeKind: CommuneKind; isActive: boolean };
export type ExistingCommune = { id: string; code: string; name: string; communeKind: CommuneKind | null; isActive: boolean; activeUnits: number };
/** `otherAreaCodes`: codes of the areas that are not communes (the province), which a commune may not take. */
export type CommuneImportContext = { communes: readonly ExistingCommune[]; provinceId: string | null; otherAreaCodes?: readonly string[] };
export type CommuneImportPlan = ListImportPlan<CommuneValues>;

export const parseCommuneRows = (sheet: SheetData): Parsed<CommuneSheetRow> => parseSheet<CommuneSheetRow>(COMMUNE_COLUMNS, sheet);

const COMMUNE_COMPARED = (["name", "communeKind", "isActive"] as const satisfies readonly CommuneColumnKey[]).map((key) => [key, communeHeaderOf(key)] as const);

export function planCommuneImport(parsed: Parsed<CommuneSheetRow>, context: CommuneImportContext): CommuneImportPlan {
  const otherCodes = new Set(context.otherAreaCodes ?? []);
  const plan = planByCode<CommuneSheetRow, CommuneValues, ExistingCommune>({
    parsed,
    columns: COMMUNE_COLUMNS,
    existing: context.communes,
    codeHeader: communeHeaderOf("code"),
    nameHeader: communeHeaderOf("name"),
    noun: "xã, phường",
    scopeText: "trong tỉnh",
    // Since 1/7/2025 every commune sits directly under the one province.
    nameScope: () => "",
    existingNameScope: () => "",
    changed: (values, existing) => changedColumns(values, existing, COMMUNE_COMPARED),
    resolve(row, existing) {
      // Codes are unique across all areas: the province's code is taken.
      if (otherCodes.has(row.code)) return { problems: [{ column: communeHeaderOf("code"), message: `Mã “${row.code}” đã được dùng cho tỉnh; vui lòng dùng mã khác.` }] };
      const values: CommuneValues = { code: row.code, name: row.name, communeKind: row.communeKind, isActive: row.isActive ?? ACTIVE_BY_DEFAULT };
      const problem = deactivationProblem(existing, values.isActive, communeHeaderOf("isActive"), (n) => `${existing!.name} còn ${n} đơn vị đang hoạt động. Hãy chuyển các đơn vị sang xã, phường khác hoặc ngừng hoạt động chúng trước.`);
      return problem ? { problems: [problem] } : { values };
    },
  });
  if (plan.add.length > 0 && context.provinceId === null) plan.problems.unshift({ row: null, column: null, message: NO_PROVINCE_MESSAGE });
  return plan;
}

/** As the registry's "Ngừng hoạt động" button: refused while active units still refer to the record. */
function deactivationProblem(existing: { isActive: boolean; activeUnits: number } | undefined, isActive: boolean, column: string, detail: (n: number) => string): CellProblem | null {
  if (!existing || !existing.isActive || isActive || existing.activeUnits === 0) return null;
  return { column, message: `Không thể ngừng hoạt động: ${detail(existing.activeUnits)}` };
}

// ───────────── Authorities ─────────────

export type AuthorityValues = { code: string; name: string; kind: AuthorityKind; documentSymbol: string; placeName: string; areaId: string | null; isActive: boolean };
export type ExistingAuthority = AuthorityValues & { id: string; activeUnits: number };
/** `areas`: the province and the communes, as an authority's "Địa bàn" may name them. */
export type AuthorityImportContext = { authorities: readonly ExistingAuthority[]; areas: readonly Reference[] };
export type AuthorityImportPlan = ListImportPlan<AuthorityValues>;

export const parseAuthorityRows = (sheet: SheetData): Parsed<AuthoritySheetRow> => parseSheet<AuthoritySheetRow>(AUTHORITY_COLUMNS, sheet);

const AUTHORITY_COMPARED = [
  ...(["name", "kind", "documentSymbol", "placeName", "isActive"] as const satisfies readonly AuthorityColumnKey[]).map((key) => [key, authorityHeaderOf(key)] as const),
  ["areaId", authorityHeaderOf("area")] as const,
];

export function planAuthorityImport(parsed: Parsed<AuthoritySheetRow>, context: AuthorityImportContext): AuthorityImportPlan {
  const areas = new ReferenceIndex(context.areas);
  const areaHeader = authorityHeaderOf("area");
  return planByCode<AuthoritySheetRow, AuthorityValues, ExistingAuthority>({
    parsed,
    columns: AUTHORITY_COLUMNS,
    existing: context.authorities,
    codeHeader: authorityHeaderOf("code"),
    nameHeader: authorityHeaderOf("name"),
    noun: "cơ quan",
    scopeText: "trong cùng địa bàn",
    nameScope: (v) => v.areaId ?? "",
    existingNameScope: (a) => a.areaId ?? "",
    changed: (values, existing) => changedColumns(values, existing, AUTHORITY_COMPARED),
    resolve(row, existing) {
      let areaId: string | null = null;
      if (row.area) {
        const area = areas.find(row.area);
        if (typeof area === "string") return { problems: [{ column: areaHeader, message: refMessage("địa bàn", row.area, area) }] };
        // As the authority form: a deactivated area may stay an authority's (its history), but
        // no authority is newly put in one.
        if (area.isActive === false && existing?.areaId !== area.id) return { problems: [{ column: areaHeader, message: `Địa bàn “${row.area}” đã ngừng hoạt động; không thể đặt cơ quan vào địa bàn này.` }] };
        areaId = area.id;
      }
      const values: AuthorityValues = { code: row.code, name: row.name, kind: row.kind, documentSymbol: row.documentSymbol, placeName: row.placeName, areaId, isActive: row.isActive ?? ACTIVE_BY_DEFAULT };
      const problem = deactivationProblem(existing, values.isActive, authorityHeaderOf("isActive"), (n) => `${existing!.name} còn quản lý ${n} đơn vị đang hoạt động. Hãy chuyển các đơn vị sang cơ quan khác trước.`);
      return problem ? { problems: [problem] } : { values };
    },
  });
}
