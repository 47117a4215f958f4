/**
 * The maintained figures (ADR 0025): rebuilding them from the base tables, and checking them
 * against a full recomputation — the statements the dashboard ran before (`liveDashboardStatements`)
 * are the oracle. Used by `npm run figures:rebuild` and the equivalence test; no request path.
 */
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { dashboardStatements, figureYears, liveDashboardStatements, type DashboardStatements } from "./dashboard-queries";
import type { DashboardFilters } from "./dashboard-types";

export type RebuildSummary = { fromYear: number; toYear: number; unitFigureRows: number; incidentFigureRows: number; ms: number };

/**
 * Recomputes every figure from the base tables in ONE statement (so one transaction), after
 * locking the figure tables: writers wait, none is lost (see the migration). Optionally moves
 * the range of years held.
 */
export async function rebuildFigures(prisma: PrismaClient, range: { fromYear?: number; toYear?: number } = {}): Promise<RebuildSummary> {
  const { fromYear, toYear } = range;
  for (const y of [fromYear, toYear]) {
    if (y !== undefined && (!Number.isInteger(y) || y < 2000 || y > 2100)) throw new RangeError(`Năm không hợp lệ: ${y}`);
  }
  const started = performance.now();
  await prisma.$executeRaw`SELECT "figures_rebuild"(${fromYear ?? null}::int, ${toYear ?? null}::int)`;
  const ms = performance.now() - started;
  const years = await figureYears(prisma);
  const [counts] = await prisma.$queryRaw<{ u: number; i: number }[]>`
    SELECT (SELECT count(*) FROM "UnitFigure")::int AS u, (SELECT count(*) FROM "IncidentFigure")::int AS i`;
  return { fromYear: years!.fromYear, toYear: years!.toYear, unitFigureRows: Number(counts!.u), incidentFigureRows: Number(counts!.i), ms };
}

type Rows = Record<string, unknown>[];

/** Rows made comparable: numbers as numbers, sorted by their JSON. */
function normalise(rows: Rows): string[] {
  return rows
    .map((r) => JSON.stringify(Object.fromEntries(Object.keys(r).sort().map((k) => [k, typeof r[k] === "bigint" ? Number(r[k]) : r[k]]))))
    .sort();
}

async function run(prisma: PrismaClient, s: DashboardStatements): Promise<Record<keyof DashboardStatements, string[]>> {
  const q = (sql: Prisma.Sql) => prisma.$queryRaw<Rows>(sql).then(normalise);
  return { headline: await q(s.headline), communes: await q(s.communes), incidents: await q(s.incidents), trend: await q(s.trend) };
}

/**
 * Where the dashboard read from the maintained figures differs from the same dashboard counted
 * from the base tables, for each filter set: one line per differing statement (empty = equal).
 */
export async function figuresDifferences(prisma: PrismaClient, filterSets: DashboardFilters[]): Promise<string[]> {
  const range = await figureYears(prisma);
  const problems: string[] = [];
  for (const filters of filterSets) {
    const [maintained, live] = [await run(prisma, dashboardStatements(filters, range)), await run(prisma, liveDashboardStatements(filters))];
    for (const key of Object.keys(live) as (keyof DashboardStatements)[]) {
      const a = maintained[key];
      const b = live[key];
      if (a.join("\n") === b.join("\n")) continue;
      const onlyMaintained = a.filter((x) => !b.includes(x)).slice(0, 3);
      const onlyLive = b.filter((x) => !a.includes(x)).slice(0, 3);
      problems.push(`${JSON.stringify(filters)} ${key}: maintained ${JSON.stringify(onlyMaintained)} ≠ recomputed ${JSON.stringify(onlyLive)}`);
    }
  }
  return problems;
}

/** The maintained rows themselves (zero buckets left out), e.g. to compare before and after a rebuild. */
export async function figureRows(prisma: PrismaClient): Promise<{ units: string[]; communes: string[]; province: string[]; incidents: string[] }> {
  const units = await prisma.$queryRaw<Rows>`
    SELECT "year", "communeId"::text, "kind"::text, "sector"::text, "excluded", "state"::text, "returned", "late", "units" FROM "UnitFigure" WHERE "units" <> 0`;
  const communes = await prisma.$queryRaw<Rows>`
    SELECT "year", "communeId"::text, "kdc", "cq", "dn", "csgd", "eligible", "registered", "recognised" FROM "CommuneFigure"
    WHERE ("kdc", "cq", "dn", "csgd", "eligible", "registered", "recognised") IS DISTINCT FROM (0, 0, 0, 0, 0, 0, 0)`;
  const province = await prisma.$queryRaw<Rows>`
    SELECT "year", "kind"::text, "sector"::text, "excluded", "state"::text, "returned", "late", "units" FROM "ProvinceFigure" WHERE "units" <> 0`;
  const incidents = await prisma.$queryRaw<Rows>`
    SELECT "year", "communeId"::text, "code"::text, "unitKind"::text, "unitSector"::text, "incidents" FROM "IncidentFigure" WHERE "incidents" <> 0`;
  return { units: normalise(units), communes: normalise(communes), province: normalise(province), incidents: normalise(incidents) };
}
