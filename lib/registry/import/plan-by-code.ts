/**
 * What every list's import does with its read rows, without I/O: rows are matched to records by
 * code (so the same file twice changes nothing), a code twice in the file is a problem, each row
 * is resolved by the list (references looked up, list rules checked), and no two records may share
 * a name (folded: case, diacritics and spacing ignored) within a scope the list chooses (a commune
 * for units, the province for communes, an area for authorities) in the state after the import:
 * the file's rows against each other and against the records the file does not mention.
 */
import { foldName } from "./cells";
import { sortProblems, type AnyColumn, type ImportProblem } from "./sheet";

export type Planned<V> = { rowNumber: number; values: V; existingId: string | null; changed: string[] };
export type ListImportPlan<V> = { add: Planned<V>[]; update: Planned<V>[]; unchanged: Planned<V>[]; problems: ImportProblem[] };

export type CellProblem = { column: string; message: string };

export type PlanByCode<R extends { code: string }, V extends { code: string; name: string }, E extends { id: string; code: string; name: string }> = {
  parsed: { rows: { rowNumber: number; values: R }[]; problems: ImportProblem[] };
  columns: readonly AnyColumn[];
  existing: readonly E[];
  /** Header of the code column; also the subject of "… trùng với dòng n". */
  codeHeader: string;
  nameHeader: string;
  /** The record's values, or the problems of its row (a row with problems is not planned). */
  resolve(row: R, existing: E | undefined): { values: V } | { problems: CellProblem[] };
  /** Headers of the columns whose value the row changes. */
  changed(values: V, existing: E): string[];
  /** Names are unique within a scope: the key of a planned row's and of an existing record's. */
  nameScope(values: V): string;
  existingNameScope(existing: E): string;
  /** e.g. "đơn vị" in "trùng với đơn vị mã “X” đã có". */
  noun: string;
  /** e.g. "trong cùng xã, phường". */
  scopeText: string;
};

export function planByCode<R extends { code: string }, V extends { code: string; name: string }, E extends { id: string; code: string; name: string }>(
  input: PlanByCode<R, V, E>,
): ListImportPlan<V> {
  const problems = [...input.parsed.problems];
  const existingByCode = new Map(input.existing.map((e) => [e.code, e]));
  const firstRowOfCode = new Map<string, number>();
  const planned: Planned<V>[] = [];

  for (const { rowNumber, values: row } of input.parsed.rows) {
    const seen = firstRowOfCode.get(row.code);
    if (seen !== undefined) {
      problems.push({ row: rowNumber, column: input.codeHeader, message: `${input.codeHeader} “${row.code}” trùng với dòng ${seen}.` });
      continue;
    }
    firstRowOfCode.set(row.code, rowNumber);
    const existing = existingByCode.get(row.code);
    const resolved = input.resolve(row, existing);
    if ("problems" in resolved) {
      for (const p of resolved.problems) problems.push({ row: rowNumber, ...p });
      continue;
    }
    planned.push({ rowNumber, values: resolved.values, existingId: existing?.id ?? null, changed: existing ? input.changed(resolved.values, existing) : [] });
  }

  // A record keeps its name unless a planned row renames it (a row with problems renames nothing:
  // its record's name still counts, so the preview shows every clash at once).
  const plannedCodes = new Set(planned.map((p) => p.values.code));
  const owner = new Map<string, { code: string; rowNumber: number | null }>();
  for (const e of input.existing) if (!plannedCodes.has(e.code)) owner.set(`${input.existingNameScope(e)}|${foldName(e.name)}`, { code: e.code, rowNumber: null });
  const accepted: Planned<V>[] = [];
  for (const p of planned) {
    const key = `${input.nameScope(p.values)}|${foldName(p.values.name)}`;
    const other = owner.get(key);
    if (other) {
      const where = other.rowNumber === null ? `${input.noun} mã “${other.code}” đã có` : `dòng ${other.rowNumber}`;
      problems.push({ row: p.rowNumber, column: input.nameHeader, message: `Tên “${p.values.name}” trùng với ${where} ${input.scopeText} (không phân biệt chữ hoa, chữ thường và dấu).` });
      continue;
    }
    owner.set(key, { code: p.values.code, rowNumber: p.rowNumber });
    accepted.push(p);
  }

  return {
    add: accepted.filter((p) => p.existingId === null),
    update: accepted.filter((p) => p.existingId !== null && p.changed.length > 0),
    unchanged: accepted.filter((p) => p.existingId !== null && p.changed.length === 0),
    problems: sortProblems(problems, input.columns),
  };
}

/** Headers of the columns (by key, same key in values and record) whose values differ. */
export function changedColumns<V, E>(values: V, existing: E, compared: readonly (readonly [keyof V & keyof E, string])[]): string[] {
  return compared.filter(([key]) => ((values[key] ?? null) as unknown) !== ((existing[key] ?? null) as unknown)).map(([, header]) => header);
}
