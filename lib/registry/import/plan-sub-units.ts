/**
 * The sub-units import without I/O: a read sheet → typed rows and problems (`parseSubUnitRows`),
 * then, against the units, sub-units and results that exist, what the import would do
 * (`planSubUnitImport`): rows to add, to update, to leave, and every problem by row and column.
 *
 * Matching key (ADR 0012-sub-unit-import-matching): a row is the sub-unit of the unit with that
 * code whose name is the same ignoring case, diacritics and spacing (`foldName`), so a file typed
 * without diacritics or in other capitals updates the sub-unit instead of adding a near-twin that
 * would count twice in the 70 % share. When a unit already holds two sub-units whose names fold
 * alike (the database key is the exact name), the exact name decides, else the row is refused.
 */
import type { EmulationResult, SubUnitKind, UnitKind } from "@/lib/generated/prisma/enums";
import { UNIT_KIND_LABELS } from "@/lib/domain/vocabulary";
import { foldName } from "./cells";
import { parseSheet, sortProblems, type ImportProblem, type SheetData } from "./sheet";
import { SUB_UNIT_COLUMNS, SUB_UNIT_DEFAULTS, subUnitHeaderOf, type SubUnitSheetRow } from "./sub-unit-columns";

export type ParsedSubUnits = { rows: { rowNumber: number; values: SubUnitSheetRow }[]; problems: ImportProblem[] };

export function parseSubUnitRows(sheet: SheetData): ParsedSubUnits {
  return parseSheet<SubUnitSheetRow>(SUB_UNIT_COLUMNS, sheet);
}

export type SubUnitImportUnit = { id: string; code: string; kind: UnitKind; isActive: boolean };
export type ExistingSubUnit = { id: string; unitId: string; name: string; kind: SubUnitKind; eligibleForRating: boolean; isSecurityForce: boolean; isActive: boolean };
export type ExistingResult = { subUnitId: string; year: number; result: EmulationResult; decisionRef: string | null };
export type SubUnitImportContext = {
  units: readonly SubUnitImportUnit[];
  subUnits: readonly ExistingSubUnit[];
  /** The results of the years the file names (at least); others are never compared. */
  results: readonly ExistingResult[];
  /** Unit kinds that declare sub-units (CQ, DN, CSGD). */
  kindsWithSubUnits: readonly UnitKind[];
  /** The years a result may be given for, inclusive. */
  minYear: number;
  maxYear: number;
};

export type SubUnitValues = { unitId: string; name: string; kind: SubUnitKind; eligibleForRating: boolean; isSecurityForce: boolean; isActive: boolean };
export type ResultValues = { year: number; result: EmulationResult; decisionRef: string | null };

export type PlannedSubUnit = {
  rowNumber: number;
  unitCode: string;
  values: SubUnitValues;
  existingId: string | null;
  /** Headers of the sub-unit's columns that change (empty for an add). */
  changed: string[];
  /** The year's result to write, when it is new or differs from the stored one. */
  result: ResultValues | null;
};
export type SubUnitImportPlan = { add: PlannedSubUnit[]; update: PlannedSubUnit[]; unchanged: PlannedSubUnit[]; problems: ImportProblem[] };

const COMPARED = ["name", "kind", "eligibleForRating", "isSecurityForce", "isActive"] as const;

/** The unit's sub-units by folded name. */
function indexSubUnits(subUnits: readonly ExistingSubUnit[]): Map<string, ExistingSubUnit[]> {
  const index = new Map<string, ExistingSubUnit[]>();
  for (const s of subUnits) {
    const key = `${s.unitId}|${foldName(s.name)}`;
    index.set(key, [...(index.get(key) ?? []), s]);
  }
  return index;
}

export function planSubUnitImport(parsed: ParsedSubUnits, context: SubUnitImportContext): SubUnitImportPlan {
  const problems = [...parsed.problems];
  const header = subUnitHeaderOf;
  const unitsByCode = new Map(context.units.map((u) => [u.code, u]));
  const existingByKey = indexSubUnits(context.subUnits);
  const resultOf = new Map(context.results.map((r) => [`${r.subUnitId}|${r.year}`, r]));
  const firstRowOfKey = new Map<string, number>();
  const planned: PlannedSubUnit[] = [];

  for (const { rowNumber, values: row } of parsed.rows) {
    const problem = (column: Parameters<typeof header>[0], message: string) => problems.push({ row: rowNumber, column: header(column), message });
    const unit = unitsByCode.get(row.unitCode);
    if (!unit) {
      problem("unitCode", `Không tìm thấy đơn vị mã “${row.unitCode}” trong danh mục đơn vị.`);
      continue;
    }
    if (!context.kindsWithSubUnits.includes(unit.kind)) {
      problem("unitCode", `Đơn vị mã “${row.unitCode}” là ${UNIT_KIND_LABELS[unit.kind].toLowerCase()}, không khai báo đơn vị trực thuộc.`);
      continue;
    }
    const key = `${unit.id}|${foldName(row.name)}`;
    const seen = firstRowOfKey.get(key);
    if (seen !== undefined) {
      problem("name", `Đơn vị trực thuộc “${row.name}” của đơn vị mã “${row.unitCode}” trùng với dòng ${seen} (không phân biệt chữ hoa, chữ thường và dấu).`);
      continue;
    }
    firstRowOfKey.set(key, rowNumber);

    const candidates = existingByKey.get(key) ?? [];
    const existing = candidates.length === 1 ? candidates[0]! : candidates.find((c) => c.name === row.name);
    if (candidates.length > 1 && !existing) {
      problem("name", `Đơn vị mã “${row.unitCode}” có nhiều đơn vị trực thuộc cùng tên “${row.name}” (khác nhau chữ hoa, chữ thường hoặc dấu); vui lòng ghi đúng tên như trong danh mục.`);
      continue;
    }

    let rowOk = true;
    if (row.year !== null && (row.year < context.minYear || row.year > context.maxYear)) {
      problem("year", `Năm ${row.year} nằm ngoài khoảng cho phép (từ ${context.minYear} đến ${context.maxYear}).`);
      rowOk = false;
    }
    if (row.result !== null && row.year === null) {
      problem("year", "Thiếu năm của kết quả thi đua.");
      rowOk = false;
    }
    if (row.decisionRef !== null && row.result === null) {
      problem("decisionRef", "Số quyết định chỉ ghi khi có kết quả thi đua.");
      rowOk = false;
    }
    if (!rowOk) continue;

    const values: SubUnitValues = {
      unitId: unit.id,
      name: row.name,
      kind: row.kind,
      eligibleForRating: row.eligibleForRating ?? SUB_UNIT_DEFAULTS.eligibleForRating,
      isSecurityForce: row.isSecurityForce ?? SUB_UNIT_DEFAULTS.isSecurityForce,
      isActive: row.isActive ?? SUB_UNIT_DEFAULTS.isActive,
    };
    const changed = existing ? COMPARED.filter((k) => values[k] !== existing[k]).map((k) => header(k)) : [];

    // A blank result leaves the year's stored result as it is; a given one is written when it differs.
    let result: ResultValues | null = null;
    if (row.result !== null && row.year !== null) {
      const stored = existing ? resultOf.get(`${existing.id}|${row.year}`) : undefined;
      if (!stored || stored.result !== row.result || (stored.decisionRef ?? null) !== (row.decisionRef ?? null)) {
        result = { year: row.year, result: row.result, decisionRef: row.decisionRef };
        // As on the screens: only an active sub-unit in the emulation is rated. A result already
        // stored (say, before the sub-unit left the emulation) is not held against the row.
        if (!values.eligibleForRating) {
          problem("result", `Đơn vị trực thuộc “${row.name}” không thuộc diện xếp loại thi đua (cột “${header("eligibleForRating")}” là “Không”) nên không ghi kết quả.`);
          rowOk = false;
        } else if (!values.isActive) {
          problem("result", `Đơn vị trực thuộc “${row.name}” đã ngừng theo dõi (cột “${header("isActive")}” là “Không”) nên không ghi kết quả.`);
          rowOk = false;
        }
      }
    }
    const changes = !existing || changed.length > 0 || result !== null;
    // A deactivated unit's sub-units stay as they were (its history): only a row that changes nothing passes.
    if (changes && !unit.isActive) {
      problem("unitCode", `Đơn vị mã “${row.unitCode}” đã ngừng hoạt động; không thể thêm hoặc thay đổi đơn vị trực thuộc của đơn vị này.`);
      rowOk = false;
    }
    if (!rowOk) continue;
    planned.push({ rowNumber, unitCode: row.unitCode, values, existingId: existing?.id ?? null, changed, result });
  }

  return {
    add: planned.filter((p) => p.existingId === null),
    update: planned.filter((p) => p.existingId !== null && (p.changed.length > 0 || p.result !== null)),
    unchanged: planned.filter((p) => p.existingId !== null && p.changed.length === 0 && p.result === null),
    problems: sortProblems(problems, SUB_UNIT_COLUMNS),
  };
}

/** The years a parsed file gives results for (the use-case loads only those years' results). */
export function yearsOf(parsed: ParsedSubUnits): number[] {
  return [...new Set(parsed.rows.map((r) => r.values.year).filter((y): y is number => y !== null))];
}
