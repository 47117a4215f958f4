/**
 * Server time of the registry's units list (issue 10 §1: "fast at 5,000 units, the search runs in
 * the database") on a real PostgreSQL holding a province-sized dataset: `listRegistryUnits`, the
 * use-case the page calls (authorization, count + one page through Prisma), for typical queries:
 * no search, a diacritics-free search with a filter and a sort, a one-letter search matching most
 * rows, and a search that matches nothing. Warm-up 5, then 50 measured runs of each, interleaved.
 * Goal: p95 well under 100 ms.
 *
 *   PG_TEST_STATE=/tmp/antt-pg-bench scripts/pg-test-server.sh start 55496
 *   DATABASE_URL=postgresql://antt@127.0.0.1:55496/antt npm run seed:scale -- --reset
 *   DATABASE_URL=postgresql://antt@127.0.0.1:55496/antt npm run bench:registry [-- --explain]
 */
import { cpus, loadavg } from "node:os";
import { parseArgs } from "node:util";
import type { Actor } from "../lib/auth/actor";
import { openDatabase } from "../lib/db/client";
import { databaseConfig } from "../lib/db/config";
import { migrate } from "../lib/db/prepare";
import { listRegistryUnits } from "../lib/registry/units";
import { unitListFiltersSchema } from "../lib/registry/unit-schemas";
import { likeContains } from "../lib/registry/search-text";
import { percentile, runMain } from "./bench-support";

const ADMIN: Actor = { userId: "00000000-0000-4000-8000-000000000000", username: "bench", fullName: "Benchmark", role: "ADMIN", unitId: null, areaId: null, reviewerLevel: null, authorityId: null };
const P95_GOAL_MS = 100;


async function main(): Promise<number> {
  const { values } = parseArgs({ options: { runs: { type: "string", default: "50" }, warmup: { type: "string", default: "5" }, explain: { type: "boolean", default: false } } });
  const config = databaseConfig();
  if (config.kind !== "postgres") {
    console.error("bench:registry measures a real PostgreSQL server: set DATABASE_URL (see the header of scripts/bench-registry.ts).");
    return 2;
  }
  const db = openDatabase(config);
  try {
    await migrate(db);
    const units = await db.prisma.unit.count();
    if (units < 5_000) {
      console.error(`The database holds ${units} units; the goal is about 5,000+. Run: DATABASE_URL=… npm run seed:scale -- --reset`);
      return 2;
    }
    const commune = await db.prisma.administrativeArea.findFirstOrThrow({ where: { level: "COMMUNE" }, orderBy: { code: "asc" }, select: { id: true } });
    const cases = {
      "page 1, by code": {},
      "q='thon', KDC, by commune, page 2": { q: "thon", kind: "KDC", sort: "commune", page: "2" },
      "q='d' (most rows), by name desc, page 5": { q: "d", sort: "name", dir: "desc", page: "5" },
      "q='lao cai', one commune, all states": { q: "lao cai", communeId: commune.id, status: "all" },
      "q='khong co dau vet' (no match)": { q: "khong co dau vet" },
    } as const;
    const parsed = Object.entries(cases).map(([name, raw]) => [name, unitListFiltersSchema.parse(raw)] as const);
    for (let i = 0; i < Number(values.warmup); i++) for (const [, f] of parsed) await listRegistryUnits(db.prisma, ADMIN, f);
    const times = new Map<string, number[]>(parsed.map(([n]) => [n, []]));
    const totals = new Map<string, number>();
    for (let i = 0; i < Number(values.runs); i++) {
      for (const [name, f] of parsed) {
        const start = performance.now();
        const result = await listRegistryUnits(db.prisma, ADMIN, f);
        times.get(name)!.push(performance.now() - start);
        totals.set(name, result.total);
      }
    }
    console.log(`Units: ${units}; ${cpus().length} cores, load ${loadavg().map((l) => l.toFixed(1)).join(" ")}; ${values.runs} runs each`);
    let worst = 0;
    for (const [name, list] of times) {
      const sorted = [...list].sort((a, b) => a - b);
      worst = Math.max(worst, percentile(sorted, 95));
      console.log(`  ${name.padEnd(42)} matches ${String(totals.get(name)).padStart(5)}  p50 ${percentile(sorted, 50).toFixed(1)} ms  p95 ${percentile(sorted, 95).toFixed(1)} ms`);
    }
    if (values.explain) {
      const plan = await db.prisma.$queryRawUnsafe<{ "QUERY PLAN": string }[]>(
        `EXPLAIN ANALYZE SELECT u.id, u.code, u.name FROM "Unit" u JOIN "AdministrativeArea" a ON a.id = u."communeId" WHERE u."searchText" LIKE $1 AND u.kind = 'KDC' AND u."isActive" ORDER BY a.name, u.code LIMIT 50 OFFSET 50`,
        `%${likeContains("thon")}%`,
      );
      console.log(plan.map((r) => r["QUERY PLAN"]).join("\n"));
    }
    console.log(worst < P95_GOAL_MS ? `OK: worst p95 ${worst.toFixed(1)} ms < ${P95_GOAL_MS} ms` : `SLOW: worst p95 ${worst.toFixed(1)} ms ≥ ${P95_GOAL_MS} ms`);
    return worst < P95_GOAL_MS ? 0 : 1;
  } finally {
    await db.close();
  }
}

runMain(main);
