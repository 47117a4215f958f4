/**
 * One way to page every long list (decisions, review queue, units, audit log, users): keyset
 * paging driven by the URL (ADR 0024-keyset-paging).
 *
 * A page is asked for as "the rows after row X" (`?after=<id>`) or "the rows before row X"
 * (`?before=<id>`), never as "skip N rows": the database starts reading at X on an index instead
 * of reading and throwing away every row before it, so page 800 costs what page 1 costs. The
 * cursor is the boundary row's id (short, validated as an id, never trusted for anything but a
 * lookup within the actor's scope); the query reads that row's sort key and continues from it.
 * `from` (1-based position of the page's first row) only labels the page ("Hiển thị 51–100"); a
 * wrong value in a hand-made URL mislabels, it never changes what is shown.
 *
 * Pure: builds Prisma `where`/`orderBy` objects and interprets rows; the use-case runs the queries.
 */
import { z } from "zod";
import { formatNumber } from "@/lib/format";

export const DEFAULT_PAGE_SIZE = 50;

/** Above this many rows a list says "hơn 10.000" instead of counting on (ADR 0024-keyset-paging). */
export const TOTAL_CAP = 10_000;

/** What the URL asks for: which page, as a boundary row id and a direction. */
export type PageRequest = {
  /** Rows after this row (the next page). Wins over `before` when both are given. */
  after?: string;
  /** Rows before this row (the previous page). */
  before?: string;
  /** 1-based position of the first row of the page asked for (a label only). */
  from?: number;
};

const POSITION_MAX = 100_000_000;

/**
 * The page fields of a list's searchParams schema. `id` validates the cursor (a uuid, or digits
 * for a bigint id); a bad value drops only itself, so a mangled link opens the first page.
 */
export function pageSearchFields<T extends z.ZodType<string>>(id: T) {
  return {
    after: id.optional().catch(undefined),
    before: id.optional().catch(undefined),
    from: z.coerce.number().int().min(1).max(POSITION_MAX).optional().catch(undefined),
  };
}

export const uuidCursor = z.uuid();
export const bigintCursor = z.string().regex(/^\d{1,18}$/);

/** One column of a list's sort order, the last being unique (the id) so the order is total. */
export type KeysetColumn<Row> = {
  /** Where the field sits in Prisma's where/orderBy, e.g. ["commune", "name"]. */
  path: readonly string[];
  dir: "asc" | "desc";
  /** The row's value of this column (compared by the database, in its own collation). */
  value: (row: Row) => unknown;
  /**
   * For an enum column, its values in declaration order (the order PostgreSQL sorts them in):
   * Prisma compares enums only for equality, so "after X" becomes "one of the values after X".
   */
  enumValues?: readonly string[];
};

type Op = "gt" | "lt";

function nest(path: readonly string[], leaf: unknown): Record<string, unknown> {
  return path.reduceRight<unknown>((inner, key) => ({ [key]: inner }), leaf) as Record<string, unknown>;
}

function compare<Row>(column: KeysetColumn<Row>, op: Op | "gte" | "lte" | "equals", value: unknown): Record<string, unknown> {
  if (column.enumValues && op !== "equals") {
    const index = column.enumValues.indexOf(String(value));
    if (index < 0) throw new Error(`Unknown enum value in keyset: ${String(value)}`);
    const values =
      op === "gt" ? column.enumValues.slice(index + 1) : op === "gte" ? column.enumValues.slice(index) : op === "lt" ? column.enumValues.slice(0, index) : column.enumValues.slice(0, index + 1);
    return nest(column.path, { in: [...values] });
  }
  return nest(column.path, { [op]: value });
}

/**
 * Rows strictly after (`forward`) or before `boundary` in the order `columns`, as a Prisma where:
 * (a > x) OR (a = x AND b > y) OR …, under a leading "a ≥ x" so the database can start its index
 * scan at x instead of filtering from the first row.
 */
export function keysetWhere<Row>(columns: readonly KeysetColumn<Row>[], boundary: Row, forward: boolean): Record<string, unknown> {
  const opFor = (c: KeysetColumn<Row>): Op => ((c.dir === "asc") === forward ? "gt" : "lt");
  const branches = columns.map((column, i) => ({
    AND: [...columns.slice(0, i).map((c) => compare(c, "equals", c.value(boundary))), compare(column, opFor(column), column.value(boundary))],
  }));
  const first = columns[0]!;
  return { AND: [compare(first, opFor(first) === "gt" ? "gte" : "lte", first.value(boundary)), { OR: branches }] };
}

/** The list's order (forward), or its reverse to read the rows before a boundary. */
export function keysetOrderBy<Row>(columns: readonly KeysetColumn<Row>[], forward: boolean): Record<string, unknown>[] {
  return columns.map((c) => nest(c.path, (c.dir === "asc") === forward ? "asc" : "desc"));
}

export type Page<Row> = {
  rows: Row[];
  /** 1-based position of rows[0] in the whole list. */
  from: number;
  size: number;
  /** Cursor for the previous page (`?before=`), when there is one. */
  before: string | null;
  /** Cursor for the next page (`?after=`), when there is one. */
  after: string | null;
};

/**
 * One page of a list. `boundary(id)` reads the cursor row's sort key within the actor's scope
 * (null when it is gone or out of scope: the first page is shown); `fetch` runs the list's own
 * query with the keyset where/orderBy added and `take` rows.
 */
export async function keysetPage<Row extends { id: unknown }>(options: {
  request: PageRequest;
  size?: number;
  columns: readonly KeysetColumn<Row>[];
  boundary: (id: string) => Promise<Row | null>;
  /**
   * Reads `take` rows from the boundary (exclusive) in the list's order (`forward`) or its
   * reverse. `where`/`orderBy` express that for Prisma; a list whose order Prisma cannot express
   * efficiently (a related table's column) writes its own SQL from `boundary` and `forward`.
   */
  fetch: (args: { where: Record<string, unknown>; orderBy: Record<string, unknown>[]; take: number; boundary: Row | null; forward: boolean }) => Promise<Row[]>;
}): Promise<Page<Row>> {
  const { request, columns } = options;
  const size = options.size ?? DEFAULT_PAGE_SIZE;
  const cursor = request.after ?? request.before;
  const forward = request.after !== undefined || request.before === undefined;
  const boundary = cursor !== undefined ? await options.boundary(cursor) : null;
  const read = (b: Row | null, fwd: boolean) => options.fetch({ where: b ? keysetWhere(columns, b, fwd) : {}, orderBy: keysetOrderBy(columns, fwd), take: size + 1, boundary: b, forward: fwd });
  const rows = await read(boundary, forward);
  // Nothing before the boundary any more (rows left the list): the first page, not an empty one.
  if (boundary && !forward && rows.length === 0) return pageOf(await read(null, true), { size, forward: true, hadBoundary: false, from: 1 });
  return pageOf(rows, { size, forward, hadBoundary: boundary !== null, from: boundary ? request.from : 1 });
}

/** Interprets the size + 1 rows read: trims the probe row, restores the order, places the page. */
export function pageOf<Row extends { id: unknown }>(
  read: Row[],
  { size, forward, hadBoundary, from }: { size: number; forward: boolean; hadBoundary: boolean; from: number | undefined },
): Page<Row> {
  const more = read.length > size;
  const rows = forward ? read.slice(0, size) : read.slice(0, size).reverse();
  const first = rows[0];
  const last = rows.at(-1);
  // Going back reached the start: whatever `from` said, this is row 1.
  const atStart = forward ? !hadBoundary : !more;
  const position = atStart ? 1 : Math.max(1, from ?? 1);
  return {
    rows,
    from: position,
    size,
    before: !atStart && first ? String(first.id) : null,
    after: (forward ? more : hadBoundary) && last ? String(last.id) : null,
  };
}

/**
 * One page of a list already in memory (a decision's annex: every row is needed anyway, to
 * authorise and to count, but only a page is rendered). Same cursors and links as `keysetPage`;
 * positions are exact, whatever `from` the URL says. An unknown cursor opens the first page.
 */
export function memoryPage<Row extends { id: unknown }>(all: readonly Row[], request: PageRequest, size = DEFAULT_PAGE_SIZE): Page<Row> {
  const cursor = request.after ?? request.before;
  const forward = request.after !== undefined || request.before === undefined;
  const at = cursor === undefined ? -1 : all.findIndex((r) => String(r.id) === cursor);
  const first = () => pageOf(all.slice(0, size + 1), { size, forward: true, hadBoundary: false, from: 1 });
  if (at < 0) return first();
  if (forward) return pageOf(all.slice(at + 1, at + 2 + size), { size, forward: true, hadBoundary: true, from: at + 2 });
  if (at === 0) return first();
  const start = Math.max(0, at - size - 1);
  return pageOf(all.slice(start, at).reverse(), { size, forward: false, hadBoundary: true, from: Math.max(1, at - size + 1) });
}

export type Total = { count: number; capped: boolean };

/**
 * How many rows the list holds, counting no further than `cap` (ADR 0024-keyset-paging): pass a
 * count that reads at most `take` rows (Prisma's `count({ where, take })`).
 */
export async function cappedTotal(count: (take: number) => Promise<number>, cap = TOTAL_CAP): Promise<Total> {
  const n = await count(cap + 1);
  return n > cap ? { count: cap, capped: true } : { count: n, capped: false };
}

/** "Hiển thị 51–100 trong số 1.234", "… trong số hơn 10.000"; "" for an empty list. */
export function rangeLabel(page: Pick<Page<unknown>, "from" | "rows">, total: Total | null): string {
  if (page.rows.length === 0) return "";
  const last = page.from + page.rows.length - 1;
  const range = `Hiển thị ${formatNumber(page.from)}–${formatNumber(last)}`;
  if (!total) return range;
  // A mislabelled `from` (a hand-made URL) must not print "101–150 trong số 120".
  const count = total.capped ? `hơn ${formatNumber(total.count)}` : formatNumber(Math.max(total.count, last));
  return `${range} trong số ${count}`;
}

/** Count text for a header: "1.234", "hơn 10.000". */
export function totalLabel(total: Total): string {
  return total.capped ? `hơn ${formatNumber(total.count)}` : formatNumber(total.count);
}

/**
 * The links of a pager: the list's own filters kept, the page fields replaced. `params` are the
 * filters as they appear in the URL (empty values dropped).
 */
export function pageHrefs(base: string, params: Record<string, string | number | undefined | null>, page: Page<unknown>) {
  const href = (extra: Record<string, string>) => {
    const search = new URLSearchParams();
    for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== "") search.set(k, String(v));
    for (const [k, v] of Object.entries(extra)) search.set(k, v);
    const text = search.toString();
    return text ? `${base}?${text}` : base;
  };
  return {
    first: page.before ? href({}) : null,
    previous: page.before ? href({ before: page.before, from: String(Math.max(1, page.from - page.size)) }) : null,
    next: page.after ? href({ after: page.after, from: String(page.from + page.rows.length) }) : null,
  };
}
