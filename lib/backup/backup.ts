/**
 * `npm run backup`: every table of the database in one consistent snapshot, every evidence file
 * the storage holds, and a manifest with the SHA-256 of each (format: lib/backup/manifest.ts).
 * Streams throughout: memory stays flat whatever the province's size.
 */
import { createHash } from "node:crypto";
import { createWriteStream, existsSync } from "node:fs";
import { mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import { createGzip } from "node:zlib";
import type { Database } from "@/lib/db/client";
import { quoteIdent } from "@/lib/db/app-role";
import { PROJECT_ROOT } from "@/lib/db/migrations";
import type { EvidenceStorage } from "@/lib/dossiers/evidence-storage";
import { ownerProblem, readMigrations, readSequenceNames, readTables, serverVersion } from "./catalog";
import {
  BACKUP_FORMAT,
  BACKUP_FORMAT_VERSION,
  MANIFEST_FILE,
  evidenceFileOf,
  sha256,
  tableFileOf,
  type BackupEvidence,
  type BackupManifest,
  type BackupSequence,
  type BackupTable,
} from "./manifest";
import { openSqlSession, type SqlSession } from "./sql-session";

/** Fast compression: text data shrinks ~5× even at level 1, and the backup is CPU-bound above it. */
const GZIP_LEVEL = 1;

export type BackupOptions = {
  db: Database;
  storage: EvidenceStorage;
  /** The folder to create; it must not exist yet. */
  folder: string;
  now?: Date;
  log?: (line: string) => void;
};

export type BackupResult = { folder: string; manifest: BackupManifest; manifestSha256: string };

/** Counts and hashes the bytes that pass through. */
function hashing() {
  const hash = createHash("sha256");
  let bytes = 0;
  const stream = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      hash.update(chunk);
      bytes += chunk.length;
      done(null, chunk);
    },
  });
  return { stream, result: () => ({ bytes, sha256: hash.digest("hex") }) };
}

async function appVersion(): Promise<{ name: string; version: string }> {
  const pkg = JSON.parse(await readFile(path.join(PROJECT_ROOT, "package.json"), "utf8")) as { name?: string; version?: string };
  return { name: pkg.name ?? "antt", version: pkg.version ?? "unknown" };
}

async function dumpTable(session: SqlSession, work: string, name: string, columns: BackupTable["columns"]): Promise<BackupTable> {
  const file = tableFileOf(name);
  const out = session.copyOut(name, columns.map((c) => c.name));
  const hash = hashing();
  await pipeline(out.stream, createGzip({ level: GZIP_LEVEL }), hash.stream, createWriteStream(path.join(work, file)));
  return { name, columns, rows: out.rows(), file, ...hash.result() };
}

export async function createBackup(options: BackupOptions): Promise<BackupResult> {
  const log = options.log ?? (() => {});
  const folder = path.resolve(options.folder);
  if (existsSync(folder)) throw new Error(`${folder} already exists: choose a new folder for the backup.`);
  // Written under another name and renamed at the end: a folder named like the backup is complete.
  const work = `${folder}.partial`;
  await rm(work, { recursive: true, force: true });
  await mkdir(path.join(work, "tables"), { recursive: true });
  await mkdir(path.join(work, "evidence"), { recursive: true });

  const session = await openSqlSession(options.db);
  let migrations, tables: BackupTable[], sequences: BackupSequence[], audit: BackupManifest["audit"], referenced: string[], version: string;
  try {
    // One snapshot for every table: the backup is what the database held at one instant.
    const problem = await ownerProblem(session, "backup");
    if (problem) throw new Error(problem);
    await session.query("BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY");
    migrations = await readMigrations(session);
    if (!migrations) throw new Error("The database has never been migrated: there is nothing to back up.");
    const catalog = await readTables(session);
    tables = [];
    for (const [name, columns] of catalog) {
      const started = Date.now();
      const table = await dumpTable(session, work, name, columns);
      tables.push(table);
      log(`  ${name}: ${table.rows} rows, ${table.bytes} bytes (${Date.now() - started} ms)`);
    }
    sequences = [];
    for (const name of await readSequenceNames(session)) {
      const [row] = await session.query<{ last: string; called: boolean }>(`SELECT last_value::text AS last, is_called AS called FROM ${quoteIdent(name)}`);
      sequences.push({ name, lastValue: row!.last, isCalled: row!.called });
    }
    audit = { events: 0, headSeq: null, headHash: null };
    if (catalog.get("AuditEvent")?.some((c) => c.name === "chainSeq")) {
      const [head] = await session.query<{ events: string; seq: string | null; hash: string | null }>(
        `SELECT (SELECT count(*) FROM "AuditEvent")::text AS events, e."chainSeq"::text AS seq, e.hash
           FROM (SELECT 1) one LEFT JOIN (SELECT "chainSeq", hash FROM "AuditEvent" WHERE "chainSeq" IS NOT NULL ORDER BY "chainSeq" DESC LIMIT 1) e ON true`,
      );
      audit = { events: Number(head?.events ?? 0), headSeq: head?.seq ?? null, headHash: head?.hash ?? null };
    }
    referenced = catalog.get("EvidenceFile")?.some((c) => c.name === "storageKey")
      ? (await session.query<{ key: string }>(`SELECT "storageKey" AS key FROM "EvidenceFile"`)).map((r) => r.key)
      : [];
    version = await serverVersion(session);
    await session.query("COMMIT");
  } catch (error) {
    await session.query("ROLLBACK").catch(() => {});
    await rm(work, { recursive: true, force: true });
    throw error;
  } finally {
    await session.close();
  }

  // Evidence after the snapshot: files are written before their row (uploadEvidence), so every
  // row in the snapshot has its file by now; files uploaded since are extra, harmless orphans.
  const evidence: BackupEvidence[] = [];
  try {
    for await (const { key } of options.storage.list()) {
      const bytes = await options.storage.get(key);
      const file = evidenceFileOf(key);
      await mkdir(path.dirname(path.join(work, file)), { recursive: true });
      await writeFile(path.join(work, file), bytes, { flag: "wx" });
      evidence.push({ key, file, bytes: bytes.length, sha256: sha256(bytes) });
    }
  } catch (error) {
    await rm(work, { recursive: true, force: true });
    throw error;
  }
  evidence.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  log(`  evidence: ${evidence.length} files, ${evidence.reduce((n, e) => n + e.bytes, 0)} bytes`);
  const stored = new Set(evidence.map((e) => e.key));
  const missingEvidence = referenced.filter((k) => !stored.has(k)).sort();

  const manifest: BackupManifest = {
    format: BACKUP_FORMAT,
    formatVersion: BACKUP_FORMAT_VERSION,
    createdAt: (options.now ?? new Date()).toISOString(),
    app: await appVersion(),
    source: { kind: options.db.config.kind, serverVersion: version },
    migrations,
    tables,
    sequences,
    evidence,
    missingEvidence,
    audit,
  };
  const text = `${JSON.stringify(manifest, null, 2)}\n`;
  await writeFile(path.join(work, MANIFEST_FILE), text);
  await rename(work, folder);
  return { folder, manifest, manifestSha256: sha256(text) };
}
