/**
 * Time and memory of `npm run backup` and `npm run restore` on a province-sized PostgreSQL
 * database (issue 12 §7), beside their raw twins: pg_dump (custom format, compression 1) and
 * pg_restore of that dump into an empty database. Memory is the process's resident set, sampled
 * every 20 ms during each phase: it stays flat when the data streams, whatever the size.
 *
 *   createdb -h 127.0.0.1 -p 55480 -U antt -T scale8 h_backup_8
 *   DATABASE_URL=postgresql://antt@127.0.0.1:55480/h_backup_8 npm run bench:backup
 *
 * Options: --pglite also restores the backup into a fresh embedded PGlite and backs that up
 * (the same format both ways). Scratch databases and folders are removed at the end; the source
 * database is only read. Evidence comes from the configured storage (ANTT_EVIDENCE_DIR …).
 */
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { cpus, loadavg, tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import pg from "pg";
import { createBackup } from "../lib/backup/backup";
import { restoreBackup } from "../lib/backup/restore";
import { openDatabase } from "../lib/db/client";
import { databaseConfig } from "../lib/db/config";
import { migrate } from "../lib/db/prepare";
import { evidenceStorage, FileSystemEvidenceStorage } from "../lib/dossiers/evidence-storage";
import { runMain } from "./bench-support";

const MB = 1024 * 1024;
/** What a phase may add to the process's resident set (PGlite's own heap aside, see below). */
const GOAL_GROWTH_MB = 256;

/** Runs `fn`, sampling the resident set; returns seconds, the peak and what it started from. */
async function measure<T>(fn: () => Promise<T>): Promise<{ result: T; seconds: number; peakMb: number; startMb: number }> {
  const startMb = process.memoryUsage().rss / MB;
  let peak = startMb;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss / MB);
  }, 20);
  const started = performance.now();
  try {
    const result = await fn();
    peak = Math.max(peak, process.memoryUsage().rss / MB);
    return { result, seconds: (performance.now() - started) / 1000, peakMb: peak, startMb };
  } finally {
    clearInterval(timer);
  }
}

function timeCommand(file: string, args: string[]): number {
  const started = performance.now();
  execFileSync(file, args, { stdio: ["ignore", "ignore", "inherit"] });
  return (performance.now() - started) / 1000;
}

async function admin(url: string, sql: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

const fmt = (p: { seconds: number; peakMb: number; startMb: number }) => `${p.seconds.toFixed(1).padStart(6)} s   peak RSS ${p.peakMb.toFixed(0).padStart(4)} MB (from ${p.startMb.toFixed(0)} MB)`;

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { pglite: { type: "boolean", default: false } } });
  const config = databaseConfig();
  if (config.kind !== "postgres") {
    console.error("bench:backup reads a province-sized PostgreSQL database: set DATABASE_URL (e.g. a copy of scale8).");
    return 2;
  }
  const source = new URL(config.url).pathname.slice(1);
  const scratch = `${source}_bench_restore`;
  const twin = `${source}_bench_pgrestore`;
  const work = await mkdtemp(path.join(tmpdir(), "antt-bench-backup-"));
  const scratchUrl = withDatabase(config.url, scratch);
  const twinUrl = withDatabase(config.url, twin);
  const db = openDatabase(config);
  try {
    const [counts] = await db.prisma.$queryRaw<{ units: number; dossiers: number }[]>`SELECT (SELECT count(*) FROM "Unit")::int AS units, (SELECT count(*) FROM "Dossier")::int AS dossiers`;
    console.log(`Source ${source}: ${counts!.units} units, ${counts!.dossiers} dossiers. ${cpus().length} CPUs, load ${loadavg().map((l) => l.toFixed(1)).join(" ")}`);

    const folder = path.join(work, "backup");
    const backup = await measure(() => createBackup({ db, storage: evidenceStorage(), folder }));
    const m = backup.result.manifest;
    const rows = m.tables.reduce((n, t) => n + t.rows, 0);
    const bytes = m.tables.reduce((n, t) => n + t.bytes, 0);
    console.log(`  ${m.tables.length} tables, ${rows} rows, ${(bytes / MB).toFixed(1)} MB compressed, ${m.evidence.length} evidence files`);

    for (const name of [scratch, twin]) await admin(config.url, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin(config.url, `CREATE DATABASE ${scratch}`);
    const target = openDatabase({ kind: "postgres", url: scratchUrl });
    let restore;
    try {
      await migrate(target);
      restore = await measure(() => restoreBackup({ db: target, storage: new FileSystemEvidenceStorage(path.join(work, "evidence")), folder }));
    } finally {
      await target.close();
    }
    if (!restore.result.audit.ok) throw new Error("The restored audit chain does not verify");

    let pgDump: number | null = null;
    let pgRestore: number | null = null;
    const dumpFile = path.join(work, "twin.dump");
    try {
      pgDump = timeCommand("pg_dump", ["--format=custom", "--compress=1", "--file", dumpFile, config.url]);
      await admin(config.url, `CREATE DATABASE ${twin}`);
      pgRestore = timeCommand("pg_restore", ["--no-owner", "--dbname", twinUrl, dumpFile]);
    } catch (error) {
      console.log(`  (raw twin skipped: ${(error as Error).message.split("\n")[0]})`);
    }

    let pglite: { restore: Awaited<ReturnType<typeof measure>>; backup: Awaited<ReturnType<typeof measure>> } | null = null;
    if (values.pglite) {
      const dataDir = path.join(work, "pglite");
      const embedded = openDatabase({ kind: "pglite", dataDir });
      try {
        await migrate(embedded);
        const r = await measure(() => restoreBackup({ db: embedded, storage: new FileSystemEvidenceStorage(path.join(work, "evidence-pglite")), folder }));
        const b = await measure(() => createBackup({ db: embedded, storage: new FileSystemEvidenceStorage(path.join(work, "evidence-pglite")), folder: path.join(work, "backup-pglite") }));
        pglite = { restore: r, backup: b };
      } finally {
        await embedded.close();
      }
    }

    const ratio = (ours: number, raw: number | null) => (raw ? `  ×${(ours / raw).toFixed(2)} of raw` : "");
    console.log("");
    console.log(`backup  (PostgreSQL → folder)   ${fmt(backup)}`);
    console.log(`  raw twin pg_dump -Fc -Z1      ${pgDump === null ? "-" : `${pgDump.toFixed(1).padStart(6)} s`}${ratio(backup.seconds, pgDump)}`);
    console.log(`restore (folder → PostgreSQL)   ${fmt(restore)}`);
    console.log(`  raw twin pg_restore           ${pgRestore === null ? "-" : `${pgRestore.toFixed(1).padStart(6)} s`}${ratio(restore.seconds, pgRestore)}`);
    if (pglite) {
      console.log(`restore (folder → PGlite)       ${fmt(pglite.restore)}`);
      console.log(`backup  (PGlite → folder)       ${fmt(pglite.backup)}`);
    }
    // PGlite runs the database engine inside this process (its WebAssembly heap only grows), so
    // the goal is judged on the PostgreSQL phases, where the process holds only the streams.
    const growth = Math.max(backup.peakMb - backup.startMb, restore.peakMb - restore.startMb);
    console.log(`goal: memory flat with size — a PostgreSQL phase adds < ${GOAL_GROWTH_MB} MB to the resident set: ${growth < GOAL_GROWTH_MB ? "met" : "MISSED"} (+${growth.toFixed(0)} MB); load ${loadavg().map((l) => l.toFixed(1)).join(" ")}`);
    return 0;
  } finally {
    await db.close();
    for (const name of [scratch, twin]) await admin(config.url, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => {});
    if (existsSync(work)) await rm(work, { recursive: true, force: true });
  }
}

runMain(main);
