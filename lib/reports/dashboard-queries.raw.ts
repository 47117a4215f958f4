/**
 * The raw-SQL twin of `getDashboard`, for the benchmark (scripts/bench-dashboard.ts): the same
 * four aggregate statements — the very text `dashboardStatements` builds, with `$1…$n`
 * placeholders and their values — run as plain SQL strings through a `pg` client (or
 * `prisma.$queryRawUnsafe`), with no authorization, no Prisma query engine and no mapping.
 * Sharing the text guarantees the benchmark compares like with like; what it measures is the
 * use-case's own cost on top of the database's.
 */
import type { DashboardFilters } from "./dashboard-types";
import { dashboardStatements, type FigureYears } from "./dashboard-queries";

/** Something that runs a SQL string with positional parameters and returns rows. */
export type RawSqlRunner =
  | { query(text: string, values?: unknown[]): Promise<{ rows: Record<string, unknown>[] }> }
  | ((text: string, ...values: unknown[]) => Promise<unknown>);

export type RawDashboardRows = {
  headline: Record<string, unknown>[];
  communes: Record<string, unknown>[];
  incidents: Record<string, unknown>[];
  trend: Record<string, unknown>[];
};

/**
 * The four statements as plain `{ text, values }`, e.g. to EXPLAIN them. `range` is the figures'
 * years (`figureYears`), read once by the caller: the use-case reads it on every call.
 */
export function dashboardSqlStrings(filters: DashboardFilters, range: FigureYears): Record<keyof RawDashboardRows, { text: string; values: unknown[] }> {
  const s = dashboardStatements(filters, range);
  const plain = (q: { text: string; values: unknown[] }) => ({ text: q.text, values: [...q.values] });
  return { headline: plain(s.headline), communes: plain(s.communes), incidents: plain(s.incidents), trend: plain(s.trend) };
}

/**
 * Runs the dashboard's aggregates as raw SQL. With a pool (or `$queryRawUnsafe`) the four run in
 * parallel like the use-case; a single `pg.Client` queues them on its one connection.
 */
export async function dashboardAggregatesRawSql(runner: RawSqlRunner, filters: DashboardFilters, range: FigureYears): Promise<RawDashboardRows> {
  const sql = dashboardSqlStrings(filters, range);
  const run = async (q: { text: string; values: unknown[] }): Promise<Record<string, unknown>[]> => {
    if (typeof runner === "function") return (await runner(q.text, ...q.values)) as Record<string, unknown>[];
    return (await runner.query(q.text, q.values)).rows;
  };
  const [headline, communes, incidents, trend] = await Promise.all([run(sql.headline), run(sql.communes), run(sql.incidents), run(sql.trend)]);
  return { headline, communes, incidents, trend };
}
