/**
 * The units import without I/O: a read sheet → typed rows and problems (`parseUnitRows`), then,
 * against the units, communes and authorities that exist, what the import would do
 * (`planUnitImport`): rows to add, to update, to leave, and every problem by row and column.
 * Rows are matched to units by code, so the same file imported twice changes nothing the second time.
 */
import type { ExclusionReason, ResidentialAreaType, Sector, UnitKind, EducationLevel } from "@/lib/generated/prisma/enums";
import { foldName } from "./cells";
import { parseSheet, sortProblems, type ImportProblem, type SheetData } from "./sheet";
import { UNIT_COLUMNS, UNIT_DEFAULTS, unitHeaderOf, type UnitColumnKey, type UnitForSheet, type UnitSheetRow } from "./unit-columns";

export type ParsedUnits = { rows: { rowNumber: number; values: UnitSheetRow }[]; problems: ImportProblem[] };

export function parseUnitRows(sheet: SheetData): ParsedUnits {
  return parseSheet<UnitSheetRow>(UNIT_COLUMNS, sheet);
}

/** A commune or an authority, as a sheet may name it. `isActive` false: deactivated in the registry. */
export type Reference = { id: string; code: string; name: string; isActive?: boolean };
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

export type PlannedUnit = { rowNumber: number; values: UnitValues; existingId: string | null; changed: string[] };
export type UnitImportPlan = { add: PlannedUnit[]; update: PlannedUnit[]; unchanged: PlannedUnit[]; problems: ImportProblem[] };

/**
 * Looks a reference up by code first, then by name (folded: case, diacritics and spacing
 * ignored). A name two of them share is ambiguous: the sheet must use the code.
 */
export class ReferenceIndex {
  private readonly byCode = new Map<string, Reference>();
  private readonly byName = new Map<string, Reference[]>();
  constructor(references: readonly Reference[]) {
    for (const r of references) {
      this.byCode.set(r.code, r);
      const key = foldName(r.name);
      this.byName.set(key, [...(this.byName.get(key) ?? []), r]);
    }
  }
  find(text: string): Reference | "unknown" | "ambiguous" {
    const byCode = this.byCode.get(text);
    if (byCode) return byCode;
    const named = this.byName.get(foldName(text)) ?? [];
    if (named.length === 1) return named[0]!;
    return named.length === 0 ? "unknown" : "ambiguous";
  }
  /** How the export names each reference (by id): its name, or its code when the name is shared. */
  texts(): Map<string, string> {
    const out = new Map<string, string>();
    for (const list of this.byName.values()) for (const r of list) out.set(r.id, list.length > 1 ? r.code : r.name);
    return out;
  }
}

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

function changedColumns(values: UnitValues, existing: ExistingUnit): string[] {
  const changed: string[] = [];
  for (const key of COMPARED) if ((values[key] ?? null) !== (existing[key] ?? null)) changed.push(unitHeaderOf(key));
  if (values.communeId !== existing.communeId) changed.push(unitHeaderOf("commune"));
  if (values.managingAuthorityId !== existing.managingAuthorityId) changed.push(unitHeaderOf("authority"));
  return changed;
}

const refMessage = (what: string, text: string, outcome: "unknown" | "ambiguous") =>
  outcome === "unknown"
    ? `Không tìm thấy ${what} “${text}” (theo mã hoặc tên).`
    : `Có nhiều ${what} cùng tên “${text}”; vui lòng ghi mã thay cho tên.`;

export function planUnitImport(parsed: ParsedUnits, context: ImportContext): UnitImportPlan {
  const problems = [...parsed.problems];
  const communes = new ReferenceIndex(context.communes);
  const authorities = new ReferenceIndex(context.authorities);
  const existingByCode = new Map(context.units.map((u) => [u.code, u]));
  const firstRowOfCode = new Map<string, number>();
  const planned: PlannedUnit[] = [];

  for (const { rowNumber, values: row } of parsed.rows) {
    const seen = firstRowOfCode.get(row.code);
    if (seen !== undefined) {
      problems.push({ row: rowNumber, column: unitHeaderOf("code"), message: `Mã đơn vị “${row.code}” trùng với dòng ${seen}.` });
      continue;
    }
    firstRowOfCode.set(row.code, rowNumber);
    const commune = communes.find(row.commune);
    const authority = authorities.find(row.authority);
    if (typeof commune === "string") problems.push({ row: rowNumber, column: unitHeaderOf("commune"), message: refMessage("xã, phường", row.commune, commune) });
    if (typeof authority === "string") problems.push({ row: rowNumber, column: unitHeaderOf("authority"), message: refMessage("cơ quan quản lý", row.authority, authority) });
    if (typeof commune === "string" || typeof authority === "string") continue;
    // As in the registry's unit form: a deactivated commune or authority may stay a unit's
    // reference (its history), but no unit may newly be put under one.
    const existingUnit = existingByCode.get(row.code);
    const inactive = [
      commune.isActive === false && existingUnit?.communeId !== commune.id && { column: unitHeaderOf("commune"), message: `Xã, phường “${row.commune}” đã ngừng hoạt động; không thể chuyển hoặc thêm đơn vị vào đây.` },
      authority.isActive === false && existingUnit?.managingAuthorityId !== authority.id && { column: unitHeaderOf("authority"), message: `Cơ quan quản lý “${row.authority}” đã ngừng hoạt động; không thể giao thêm đơn vị cho cơ quan này.` },
    ].filter((p) => p !== false);
    if (inactive.length) {
      for (const p of inactive) problems.push({ row: rowNumber, ...p });
      continue;
    }
    const values: UnitValues = {
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
    };
    const existing = existingByCode.get(row.code);
    planned.push({ rowNumber, values, existingId: existing?.id ?? null, changed: existing ? changedColumns(values, existing) : [] });
  }

  // The same name twice in one commune, in the state after the import: rows of the file against
  // each other, and against the units the file does not mention (which keep their names).
  const owner = new Map<string, { code: string; rowNumber: number | null }>();
  for (const u of context.units) if (!firstRowOfCode.has(u.code)) owner.set(`${u.communeId}|${foldName(u.name)}`, { code: u.code, rowNumber: null });
  const accepted: PlannedUnit[] = [];
  for (const p of planned) {
    const key = `${p.values.communeId}|${foldName(p.values.name)}`;
    const other = owner.get(key);
    if (other) {
      const where = other.rowNumber === null ? `đơn vị mã “${other.code}” đã có` : `dòng ${other.rowNumber}`;
      problems.push({ row: p.rowNumber, column: unitHeaderOf("name"), message: `Tên “${p.values.name}” trùng với ${where} trong cùng xã, phường (không phân biệt chữ hoa, chữ thường và dấu).` });
      continue;
    }
    owner.set(key, { code: p.values.code, rowNumber: p.rowNumber });
    accepted.push(p);
  }

  return {
    add: accepted.filter((p) => p.existingId === null),
    update: accepted.filter((p) => p.existingId !== null && p.changed.length > 0),
    unchanged: accepted.filter((p) => p.existingId !== null && p.changed.length === 0),
    problems: sortProblems(problems, UNIT_COLUMNS),
  };
}
