/**
 * What the audit hash chain (ADR 0004) costs each audited transaction on PostgreSQL: the same
 * one-event transactions with the chain trigger on and off, interleaved in rounds so load on the
 * machine hits both alike; sequential, then with concurrent writers (the chain's advisory lock
 * serialises them from the audit insert to commit).
 *
 *   PG_TEST_STATE=/tmp/antt-pg-bench scripts/pg-test-server.sh start 55496
 *   DATABASE_URL=postgresql://antt@127.0.0.1:55496/antt npm run bench:audit
 *
 * Works in a throwaway database it creates beside DATABASE_URL's (the user must be a superuser, to
 * switch the trigger off), then drops it. Options: --events 1000 --rounds 2 --writers 8
 */
import { cpus, loadavg } from "node:os";
import { parseArgs } from "node:util";
import pg from "pg";
import { recordAudit } from "../lib/audit/record-audit";
import { openDatabase } from "../lib/db/client";
import { applyMigrations } from "../lib/db/migrations";

const { values } = parseArgs({ options: { events: { type: "string", default: "1000" }, rounds: { type: "string", default: "2" }, writers: { type: "string", default: "8" } } });
const EVENTS = Number(values.events);
const ROUNDS = Number(values.rounds);
const WRITERS = Number(values.writers);

const base = process.env.DATABASE_URL?.trim();
if (!base?.startsWith("postgres")) {
  console.error("Set DATABASE_URL to a PostgreSQL server (see the header of this file).");
  process.exit(2);
}
const withDb = (name: string) => Object.assign(new URL(base), { pathname: `/${name}` }).toString();
const NAME = "antt_bench_audit";

const admin = new pg.Client({ connectionString: base });
await admin.connect();
await admin.query(`DROP DATABASE IF EXISTS ${NAME} WITH (FORCE)`);
await admin.query(`CREATE DATABASE ${NAME}`);
const url = withDb(NAME);
await applyMigrations({ kind: "postgres", url });
const db = openDatabase({ kind: "postgres", url });
const owner = new pg.Client({ connectionString: url });
await owner.connect();

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
const oneEvent = (i: number) =>
  db.prisma.$transaction((tx) => recordAudit(tx, { actor: null, username: "bench", action: "auth.logout", entityType: "User", meta: { i, note: "Đăng xuất" } }));

async function measure(writers: number): Promise<{ p50: number; p95: number; perSecond: number }> {
  const times: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: writers }, async () => {
      while (next < EVENTS) {
        const i = next++;
        const t0 = performance.now();
        await oneEvent(i);
        times.push(performance.now() - t0);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p95: percentile(times, 95), perSecond: EVENTS / seconds };
}

const results: Record<string, { p50: number[]; p95: number[]; perSecond: number[] }> = {};
const keep = (label: string, r: { p50: number; p95: number; perSecond: number }) => {
  const slot = (results[label] ??= { p50: [], p95: [], perSecond: [] });
  slot.p50.push(r.p50);
  slot.p95.push(r.p95);
  slot.perSecond.push(r.perSecond);
};
try {
  for (let round = 0; round < ROUNDS; round++) {
    for (const chain of [false, true]) {
      await owner.query(`ALTER TABLE "AuditEvent" ${chain ? "ENABLE" : "DISABLE"} TRIGGER "AuditEvent_chain"`);
      keep(`${chain ? "chain on " : "chain off"} 1 writer`, await measure(1));
      keep(`${chain ? "chain on " : "chain off"} ${WRITERS} writers`, await measure(WRITERS));
    }
  }
  await owner.query(`ALTER TABLE "AuditEvent" ENABLE TRIGGER "AuditEvent_chain"`);
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  console.log(`${EVENTS} one-event transactions per measurement, ${ROUNDS} rounds; ${cpus().length} cores, load ${loadavg()[0]!.toFixed(1)}`);
  for (const [label, r] of Object.entries(results).sort()) {
    console.log(`${label.padEnd(22)} p50 ${median(r.p50).toFixed(2).padStart(6)} ms  p95 ${median(r.p95).toFixed(2).padStart(6)} ms  ${median(r.perSecond).toFixed(0).padStart(6)} tx/s`);
  }
} finally {
  await owner.end();
  await db.close();
  await admin.query(`DROP DATABASE IF EXISTS ${NAME} WITH (FORCE)`);
  await admin.end();
}
