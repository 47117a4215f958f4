/**
 * The units import without I/O: a read sheet → typed rows and problems (`parseUnitRows`), then,
 * against the units, communes and authorities that exist, what the import would do
 * (`planUnitImport`): rows to add, to update, to leave, and every problem by row and column.
 * Rows are matched to units by code, so the same file imported twice changes nothing the second time.
 */
import type { ExclusionReason, ResidentialAreaType, Sector, UnitKind, EducationLevel } from "@/lib/generated/prisma/enums";
import { ReferenceIndex, refMessage, type Reference } from "./references";
import { parseSheet, type ImportProblem, type SheetData } from "./sheet";
import { changedColumns, planByCode, type CellProblem, type ListImportPlan, type Planned } from "./plan-by-code";
import { UNIT_COLUMNS, UNIT_DEFAULTS, unitHeaderOf, type UnitColumnKey, type UnitForSheet, type UnitSheetRow } from "./unit-columns";

export { ReferenceIndex, refMessage, type Reference };

export type ParsedUnits = { rows: { rowNumber: number; values: UnitSheetRow }[]; problems: ImportProblem[] };

export function parseUnitRows(sheet: SheetData): ParsedUnits {
  return parseSheet<UnitSheetRow>(UNIT_COLUMNS, sheet);
}

export type ExistingUnit = UnitForSheet & { id: string; communeId: string; managingAuthorityId: string };
export type ImportContext = { units: readonly ExistingUnit[]; communes: readonly Reference[]; authorities: readonly Reference[] };

/** The columns of a unit that an import writes. */
export type UnitValues = {
  code: string;
  name: string;
  kind: UnitKind;
  communeId: string;
  managingAuthorityId: string;
  sector: Sector | null;
  residentialAreaType: ResidentialAreaType | null;
  educationLevel: EducationLevel | null;
  exclusionReason: ExclusionReason | null;
  hasPartyOrganisation: boolean;
  hasSecurityForce: boolean;
  address: string | null;
  isActive: boolean;
};

export type PlannedUnit = Planned<UnitValues>;
export type UnitImportPlan = ListImportPlan<UnitValues>;

const COMPARED: readonly (keyof UnitValues & UnitColumnKey)[] = [
  "name",
  "kind",
  "sector",
  "residentialAreaType",
  "educationLevel",
  "exclusionReason",
  "hasPartyOrganisation",
  "hasSecurityForce",
  "address",
  "isActive",
];

function unitChangedColumns(values: UnitValues, existing: ExistingUnit): string[] {
  const changed = changedColumns(values, existing, COMPARED.map((key) => [key, unitHeaderOf(key)] as const));
  if (values.communeId !== existing.communeId) changed.push(unitHeaderOf("commune"));
  if (values.managingAuthorityId !== existing.managingAuthorityId) changed.push(unitHeaderOf("authority"));
  return changed;
}

export function planUnitImport(parsed: ParsedUnits, context: ImportContext): UnitImportPlan {
  const communes = new ReferenceIndex(context.communes);
  const authorities = new ReferenceIndex(context.authorities);
  return planByCode<UnitSheetRow, UnitValues, ExistingUnit>({
    parsed,
    columns: UNIT_COLUMNS,
    existing: context.units,
    codeHeader: unitHeaderOf("code"),
    nameHeader: unitHeaderOf("name"),
    noun: "đơn vị",
    scopeText: "trong cùng xã, phường",
    nameScope: (v) => v.communeId,
    existingNameScope: (u) => u.communeId,
    changed: unitChangedColumns,
    resolve(row, existingUnit) {
      const commune = communes.find(row.commune);
      const authority = authorities.find(row.authority);
      const problems: CellProblem[] = [];
      if (typeof commune === "string") problems.push({ column: unitHeaderOf("commune"), message: refMessage("xã, phường", row.commune, commune) });
      if (typeof authority === "string") problems.push({ column: unitHeaderOf("authority"), message: refMessage("cơ quan quản lý", row.authority, authority) });
      if (typeof commune === "string" || typeof authority === "string") return { problems };
      // As in the registry's unit form: a deactivated commune or authority may stay a unit's
      // reference (its history), but no unit may newly be put under one.
      if (commune.isActive === false && existingUnit?.communeId !== commune.id) problems.push({ column: unitHeaderOf("commune"), message: `Xã, phường “${row.commune}” đã ngừng hoạt động; không thể chuyển hoặc thêm đơn vị vào đây.` });
      if (authority.isActive === false && existingUnit?.managingAuthorityId !== authority.id) problems.push({ column: unitHeaderOf("authority"), message: `Cơ quan quản lý “${row.authority}” đã ngừng hoạt động; không thể giao thêm đơn vị cho cơ quan này.` });
      if (problems.length) return { problems };
      return {
        values: {
          code: row.code,
          name: row.name,
          kind: row.kind,
          communeId: commune.id,
          managingAuthorityId: authority.id,
          sector: row.sector,
          residentialAreaType: row.residentialAreaType,
          educationLevel: row.educationLevel,
          exclusionReason: row.exclusionReason,
          hasPartyOrganisation: row.hasPartyOrganisation ?? UNIT_DEFAULTS.hasPartyOrganisation,
          hasSecurityForce: row.hasSecurityForce ?? UNIT_DEFAULTS.hasSecurityForce,
          address: row.address || null,
          isActive: row.isActive ?? UNIT_DEFAULTS.isActive,
        },
      };
    },
  });
}
