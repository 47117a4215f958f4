/**
 * Time of the whole reminder scan (`scanReminders`, lib/reminders/scan.ts) on a real PostgreSQL
 * holding a province-sized dataset (issue 13 §4: < 2 s for a 5,000-unit province), for the days of
 * the cycle on which the most people hear something:
 *   - 17/03 of a year nobody has registered for yet (every unit pending: the heaviest day),
 *   - the day after the KDC self-assessment deadline, 3 days before the decision deadline,
 *   - a Monday (the provincial reviewers' digest).
 * Warm-up 3, then 20 measured runs of each; p50/p95 and the intents produced are printed. Beside
 * it, the whole daily run (lib/reminders/reminder-run.ts): the scan plus its notifications written
 * in one transaction — rolled back here, so every run writes them all again.
 *
 *   PG_TEST_STATE=/tmp/antt-pg-bench scripts/pg-test-server.sh start 55496
 *   DATABASE_URL=postgresql://antt@127.0.0.1:55496/antt npm run seed:scale -- --reset
 *   DATABASE_URL=postgresql://antt@127.0.0.1:55496/antt npm run bench:reminders
 *   PG_TEST_STATE=/tmp/antt-pg-bench scripts/pg-test-server.sh stop
 *
 * The scale dataset has no accounts: the first run adds, once, an officer for every unit, an
 * officer and a police reviewer for every commune and five provincial reviewers ("bench-rem-…").
 * Options: --runs 20 --warmup 3 --year 2026 (the seeded year; the heaviest day uses year + 1).
 */
import { cpus, loadavg } from "node:os";
import { parseArgs } from "node:util";
import { openDatabase } from "../lib/db/client";
import { databaseConfig } from "../lib/db/config";
import { migrate } from "../lib/db/prepare";
import { scanReminders } from "../lib/reminders/scan";
import { reminderRow } from "../lib/reminders/reminder-run";
import { insertNotifications } from "../lib/notifications/notify";
import { isoWeekday } from "../lib/reminders/due";
import { DEFAULT_SCALE_OPTIONS, seedScaleProvince } from "../prisma/seed/scale-province";
import { percentile, timeMs, runMain } from "./bench-support";

const GOAL_MS = 2_000;

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { runs: { type: "string", default: "20" }, warmup: { type: "string", default: "3" }, year: { type: "string" } } });
  const runs = Number(values.runs);
  const warmup = Number(values.warmup);
  const config = databaseConfig();
  if (config.kind !== "postgres") {
    console.error("bench:reminders measures a real PostgreSQL server, not the embedded PGlite: set DATABASE_URL (see the header of scripts/bench-reminders.ts).");
    return 2;
  }
  const db = openDatabase(config);
  try {
    await migrate(db);
    const units = await db.prisma.unit.count();
    if (units === 0) {
      console.log("Empty database: loading the default scale dataset (npm run seed:scale)…");
      await seedScaleProvince(db, DEFAULT_SCALE_OPTIONS);
    } else if (units < 1_000) {
      console.error(`The database holds only ${units} units: not a province-sized dataset. Run: DATABASE_URL=… npm run seed:scale -- --reset`);
      return 2;
    }
    const year = values.year ? Number(values.year) : ((await db.prisma.dossier.aggregate({ _max: { year: true } }))._max.year ?? DEFAULT_SCALE_OPTIONS.year);

    // Accounts, once: what a province would have if every unit had its officer.
    const hash = "scrypt$bench$not-a-password";
    const added = await db.prisma.$transaction([
      db.prisma.$executeRaw`INSERT INTO "User" (id, username, "fullName", "passwordHash", role, "unitId", "updatedAt")
        SELECT gen_random_uuid(), 'bench-rem-u-' || u.code, 'Cán bộ ' || u.name, ${hash}, 'UNIT_OFFICER', u.id, now() FROM "Unit" u
         WHERE u.kind <> 'XA' AND NOT EXISTS (SELECT 1 FROM "User" x WHERE x.username = 'bench-rem-u-' || u.code)`,
      db.prisma.$executeRaw`INSERT INTO "User" (id, username, "fullName", "passwordHash", role, "areaId", "updatedAt")
        SELECT gen_random_uuid(), 'bench-rem-c-' || a.code, 'Cán bộ ' || a.name, ${hash}, 'UNIT_OFFICER', a.id, now() FROM "AdministrativeArea" a
         WHERE a.level = 'COMMUNE' AND NOT EXISTS (SELECT 1 FROM "User" x WHERE x.username = 'bench-rem-c-' || a.code)`,
      db.prisma.$executeRaw`INSERT INTO "User" (id, username, "fullName", "passwordHash", role, "areaId", "reviewerLevel", "updatedAt")
        SELECT gen_random_uuid(), 'bench-rem-p-' || a.code, 'Công an ' || a.name, ${hash}, 'REVIEWER', a.id, 'COMMUNE_POLICE', now() FROM "AdministrativeArea" a
         WHERE a.level = 'COMMUNE' AND NOT EXISTS (SELECT 1 FROM "User" x WHERE x.username = 'bench-rem-p-' || a.code)`,
      db.prisma.$executeRaw`INSERT INTO "User" (id, username, "fullName", "passwordHash", role, "reviewerLevel", "updatedAt")
        SELECT gen_random_uuid(), 'bench-rem-t-' || n, 'Công an tỉnh ' || n, ${hash}, 'REVIEWER', 'PROVINCIAL_POLICE', now() FROM generate_series(1, 5) n
         WHERE NOT EXISTS (SELECT 1 FROM "User" x WHERE x.username = 'bench-rem-t-' || n)`,
    ]);
    if (added.some((n) => n > 0)) console.log(`Added ${added.reduce((a, b) => a + b, 0)} benchmark accounts.`);
    await db.prisma.$executeRawUnsafe(`ANALYZE "User"`);

    const [counts] = await db.prisma.$queryRaw<{ units: number; dossiers: number; communes: number; users: number }[]>`
      SELECT (SELECT count(*) FROM "Unit")::int AS units, (SELECT count(*) FROM "Dossier" WHERE year = ${year})::int AS dossiers,
             (SELECT count(*) FROM "AdministrativeArea" WHERE level = 'COMMUNE')::int AS communes, (SELECT count(*) FROM "User" WHERE "isActive")::int AS users`;
    const version = (await db.prisma.$queryRaw<{ v: string }[]>`SELECT current_setting('server_version') AS v`)[0]!.v;
    console.log(
      `PostgreSQL ${version} at ${new URL(config.url).host}; ${counts!.communes} communes, ${counts!.units} units, ${counts!.dossiers} dossiers of ${year}, ${counts!.users} active accounts; ` +
        `${cpus().length} CPU, load ${loadavg().map((l) => l.toFixed(2)).join(" ")}; warm-up ${warmup}, ${runs} measured runs each. Goal: the whole scan < ${GOAL_MS} ms (p95).`,
    );

    // The Monday on or after 16/11: the digest, with overdue KDC dossiers (15/11 passed).
    let monday = `${year}-11-16`;
    while (isoWeekday(monday) !== 1) monday = new Date(Date.parse(`${monday}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    const days = [
      { label: `${year + 1}-03-17: registration in 14 days, nobody registered yet`, today: `${year + 1}-03-17` },
      { label: `${year}-11-01: KDC self-assessment overdue`, today: `${year}-11-01` },
      { label: `${year}-11-17: decision deadline 20/11 in 3 days`, today: `${year}-11-17` },
      { label: `${monday}: Monday digest`, today: monday },
    ];
    let missed = false;
    class RolledBack extends Error {}
    const wholeRun = async (today: string) => {
      const intents = await scanReminders(db.prisma, today);
      await db.prisma
        .$transaction(
          async (tx) => {
            await insertNotifications(tx, intents.map(reminderRow));
            throw new RolledBack();
          },
          { timeout: 120_000 },
        )
        .catch((error: unknown) => {
          if (!(error instanceof RolledBack)) throw error;
        });
    };
    for (const d of days) {
      const times: number[] = [];
      const runTimes: number[] = [];
      let intents = 0;
      let kinds = "";
      for (let i = 0; i < warmup + runs; i++) {
        const t = await timeMs(async () => {
          const r = await scanReminders(db.prisma, d.today);
          intents = r.length;
          const byKind = new Map<string, number>();
          for (const x of r) byKind.set(x.kind, (byKind.get(x.kind) ?? 0) + 1);
          kinds = [...byKind].map(([k, n]) => `${k} ${n}`).join(", ");
        });
        const r = await timeMs(() => wholeRun(d.today));
        if (i >= warmup) {
          times.push(t);
          runTimes.push(r);
        }
      }
      times.sort((a, b) => a - b);
      runTimes.sort((a, b) => a - b);
      const p95 = percentile(times, 95);
      const ok = p95 < GOAL_MS;
      missed ||= !ok;
      console.log(
        `[${d.label}] scan p50 ${percentile(times, 50).toFixed(0)} ms p95 ${p95.toFixed(0)} ms; ${intents} intents (${kinds || "none"}) ${ok ? "✓" : `✗ goal: < ${GOAL_MS} ms`} | ` +
          `whole run with its notifications written: p50 ${percentile(runTimes, 50).toFixed(0)} ms p95 ${percentile(runTimes, 95).toFixed(0)} ms`,
      );
    }
    console.log(`Load average after: ${loadavg().map((l) => l.toFixed(2)).join(" ")}`);
    return missed ? 1 : 0;
  } finally {
    await db.close();
  }
}

runMain(main);
