/**
 * Server time of the leadership dashboard on a real PostgreSQL holding a province-sized dataset:
 * `getDashboard` (the use-case: authorization, Prisma, reading the figures' range, mapping,
 * sorting) against its raw-SQL twin (the same four statements through a plain `pg` pool), for the
 * default filters and for one commune. Warm-up 5, then 50 measured runs of each, interleaved so
 * load on the machine hits both alike. Goal (issue 12 §1, figures maintained by triggers):
 * p95 < 30 ms and ≤ 2× the raw SQL. `--live` measures the statements over the base tables instead
 * (what the dashboard ran before the figures were maintained), for before/after comparisons.
 *
 *   PG_TEST_STATE=/tmp/antt-pg-bench scripts/pg-test-server.sh start 55496
 *   DATABASE_URL=postgresql://antt@127.0.0.1:55496/antt npm run seed:scale -- --reset
 *   DATABASE_URL=postgresql://antt@127.0.0.1:55496/antt npm run bench:dashboard
 *   PG_TEST_STATE=/tmp/antt-pg-bench scripts/pg-test-server.sh stop
 *
 * Options: --runs 50 --warmup 5 --year 2026 --explain (EXPLAIN ANALYZE each statement once) --live.
 * An empty database is migrated and seeded with the default scale dataset first.
 */
import { cpus, loadavg } from "node:os";
import { parseArgs } from "node:util";
import pg from "pg";
import type { Actor } from "../lib/auth/actor";
import { openDatabase } from "../lib/db/client";
import { databaseConfig } from "../lib/db/config";
import { migrate } from "../lib/db/prepare";
import { figureYears, getCommuneDrilldown, getDashboard, liveDashboardStatements } from "../lib/reports/dashboard-queries";
import { dashboardAggregatesRawSql, dashboardSqlStrings } from "../lib/reports/dashboard-queries.raw";
import type { DashboardFilters } from "../lib/reports/dashboard-types";
import { DEFAULT_SCALE_OPTIONS, seedScaleProvince } from "../prisma/seed/scale-province";
import { percentile, timeMs, timePaired, runMain } from "./bench-support";

const LEADER: Actor = { userId: "00000000-0000-4000-8000-000000000000", username: "bench", fullName: "Benchmark", role: "LEADER", unitId: null, areaId: null, reviewerLevel: null, authorityId: null };
const P95_GOAL_MS = 30;
const RATIO_GOAL = 2;



async function main(): Promise<number> {
  const { values } = parseArgs({
    options: { runs: { type: "string", default: "50" }, warmup: { type: "string", default: "5" }, year: { type: "string" }, explain: { type: "boolean", default: false }, live: { type: "boolean", default: false } },
  });
  const runs = Number(values.runs);
  const warmup = Number(values.warmup);
  const config = databaseConfig();
  if (config.kind !== "postgres") {
    console.error(
      "bench:dashboard measures a real PostgreSQL server, not the embedded PGlite: set DATABASE_URL.\n" +
        "  PG_TEST_STATE=/tmp/antt-pg-bench scripts/pg-test-server.sh start 55496\n" +
        "  DATABASE_URL=postgresql://antt@127.0.0.1:55496/antt npm run bench:dashboard",
    );
    return 2;
  }

  const db = openDatabase(config);
  const pool = new pg.Pool({ connectionString: config.url, max: 10 });
  try {
    await migrate(db);
    const units = await db.prisma.unit.count();
    if (units === 0) {
      console.log("Empty database: loading the default scale dataset (npm run seed:scale)…");
      const started = performance.now();
      const summary = await seedScaleProvince(db, DEFAULT_SCALE_OPTIONS);
      console.log(`  ${summary.inserted} rows in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    } else if (units < 1_000) {
      console.error(`The database holds only ${units} units: not a province-sized dataset. Run: DATABASE_URL=… npm run seed:scale -- --reset`);
      return 2;
    }
    const year = values.year ? Number(values.year) : ((await db.prisma.dossier.aggregate({ _max: { year: true } }))._max.year ?? DEFAULT_SCALE_OPTIONS.year);

    const [counts] = await db.prisma.$queryRaw<{ units: number; dossiers: number; communes: number; incidents: number }[]>`
      SELECT (SELECT count(*) FROM "Unit")::int AS units, (SELECT count(*) FROM "Dossier")::int AS dossiers,
             (SELECT count(*) FROM "AdministrativeArea" WHERE level = 'COMMUNE')::int AS communes, (SELECT count(*) FROM "Incident")::int AS incidents`;
    // The commune with the most units: the heaviest drill-down.
    const [busiest] = await db.prisma.$queryRaw<{ id: string; name: string; n: number }[]>`
      SELECT a.id::text AS id, a.name, count(u.id)::int AS n FROM "AdministrativeArea" a JOIN "Unit" u ON u."communeId" = a.id
      GROUP BY a.id, a.name ORDER BY n DESC, a.name LIMIT 1`;
    const version = (await pool.query<{ server_version: string }>("SHOW server_version")).rows[0]!.server_version;
    console.log(
      `PostgreSQL ${version} at ${new URL(config.url).host}; ${counts!.communes} communes, ${counts!.units} units, ${counts!.dossiers} dossiers, ${counts!.incidents} incidents; year ${year}; ` +
        `${cpus().length} CPU, load ${loadavg().map((l) => l.toFixed(2)).join(" ")}; warm-up ${warmup}, ${runs} measured runs each.`,
    );

    // The raw twin reads the range once; the use-case reads it on every call (part of its cost).
    // --live: no range, so every statement is the live one over the base tables.
    const range = values.live ? null : await figureYears(db.prisma);
    console.log(values.live ? "Mode: --live (statements over the base tables, as before issue 12)." : `Mode: maintained figures (years ${range?.fromYear}–${range?.toYear}).`);
    const dashboard = values.live
      ? async (filters: DashboardFilters) => {
          const s = liveDashboardStatements(filters);
          await Promise.all([db.prisma.$queryRaw(s.headline), db.prisma.$queryRaw(s.communes), db.prisma.$queryRaw(s.incidents), db.prisma.$queryRaw(s.trend)]);
        }
      : (filters: DashboardFilters) => getDashboard(db.prisma, LEADER, filters);

    const scenarios: { label: string; filters: DashboardFilters }[] = [
      { label: "province", filters: { year } },
      { label: `commune ${busiest!.name} (${busiest!.n} units)`, filters: { year, communeId: busiest!.id } },
    ];

    if (values.explain) {
      for (const s of scenarios) {
        for (const [name, q] of Object.entries(dashboardSqlStrings(s.filters, range))) {
          const plan = await pool.query(`EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) ${q.text}`, q.values);
          console.log(`\n── ${s.label} / ${name}\n${plan.rows.map((r) => r["QUERY PLAN"]).join("\n")}`);
        }
      }
      console.log("");
    }

    let missed = false;
    for (const s of scenarios) {
      const { useCase, raw } = await timePaired(
        () => dashboard(s.filters),
        () => dashboardAggregatesRawSql(pool, s.filters, range),
        warmup,
        runs,
      );
      const u50 = percentile(useCase, 50), u95 = percentile(useCase, 95), r50 = percentile(raw, 50), r95 = percentile(raw, 95);
      const ratio = u95 / r95;
      const ok = u95 < P95_GOAL_MS && ratio <= RATIO_GOAL;
      missed ||= !ok;
      console.log(`[${s.label}] dashboard (use-case) p50 ${u50.toFixed(1)} ms p95 ${u95.toFixed(1)} ms | raw SQL p50 ${r50.toFixed(1)} ms p95 ${r95.toFixed(1)} ms | ratio p95 ${ratio.toFixed(2)}× ${ok ? "✓" : `✗ goal: p95 < ${P95_GOAL_MS} ms and ≤ ${RATIO_GOAL}×`}`);
    }

    // The drill-down of the busiest commune, for the record (one statement).
    const drill: number[] = [];
    for (let i = 0; i < warmup + runs; i++) {
      const t = await timeMs(() => getCommuneDrilldown(db.prisma, LEADER, { year, communeId: busiest!.id }));
      if (i >= warmup) drill.push(t);
    }
    drill.sort((x, y) => x - y);
    console.log(`[drill-down ${busiest!.name}] p50 ${percentile(drill, 50).toFixed(1)} ms p95 ${percentile(drill, 95).toFixed(1)} ms`);
    return missed ? 1 : 0;
  } finally {
    await pool.end();
    await db.close();
  }
}

runMain(main);
