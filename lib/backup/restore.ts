/**
 * `npm run restore`: loads a backup (lib/backup/backup.ts) into an empty database migrated with
 * the same migrations, and its evidence files into the configured storage.
 *
 * Nothing is written until the whole backup has been checked: every file the manifest names is
 * present with its size and SHA-256, the target has exactly the backup's migrations, tables and
 * columns, holds no rows, and its storage holds no other bytes under the backup's keys. The
 * tables are then loaded in ONE transaction (a failure leaves the database as empty as before),
 * with the rows exactly as they were — the audit log's hash chain included (ADR 0004) — so
 * `npm run audit:verify` passes on the restored database when it passed on the original.
 */
import { createHash } from "node:crypto";
import { createReadStream, existsSync } from "node:fs";
import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import { Transform } from "node:stream";
import { createGunzip } from "node:zlib";
import { verifyAuditChain, type AuditChainState } from "@/lib/audit/audit-chain";
import type { Database } from "@/lib/db/client";
import { quoteIdent } from "@/lib/db/app-role";
import type { EvidenceStorage } from "@/lib/dossiers/evidence-storage";
import { ownerProblem, readConstraints, readMigrations, readPlainIndexes, readSequenceNames, readTables } from "./catalog";
import { BackupRefusedError, MANIFEST_FILE, manifestFiles, migrationMismatch, parseManifest, schemaMismatch, sha256, type BackupManifest } from "./manifest";
import { openSqlSession, type SqlSession } from "./sql-session";

export type RestoreOptions = {
  db: Database;
  storage: EvidenceStorage;
  folder: string;
  /** The manifest's SHA-256 as printed by the backup and kept elsewhere: refuses any other manifest. */
  expectManifestSha256?: string;
  log?: (line: string) => void;
};

export type RestoreResult = { manifest: BackupManifest; rows: number; evidenceWritten: number; evidenceAlreadyThere: number; audit: AuditChainState };

async function fileSha256(file: string): Promise<string> {
  const hash = createHash("sha256");
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest("hex");
}

/**
 * Reads and checks a backup folder without touching any database: the manifest parses (and is the
 * expected one, when its SHA-256 is given) and every file it names is there, unchanged.
 */
export async function verifyBackupFolder(folder: string, expectManifestSha256?: string): Promise<{ manifest: BackupManifest; manifestSha256: string }> {
  const manifestPath = path.join(folder, MANIFEST_FILE);
  if (!existsSync(manifestPath)) {
    throw new BackupRefusedError(`${folder} holds no ${MANIFEST_FILE}: it is not a backup, or an incomplete one.`);
  }
  const text = await readFile(manifestPath, "utf8");
  const manifestSha256 = sha256(text);
  if (expectManifestSha256 && expectManifestSha256.toLowerCase() !== manifestSha256) {
    throw new BackupRefusedError(`${MANIFEST_FILE} has SHA-256 ${manifestSha256}, not the ${expectManifestSha256} recorded for this backup: it was changed.`);
  }
  const manifest = parseManifest(text);
  for (const entry of manifestFiles(manifest)) {
    const file = path.join(folder, entry.file);
    const info = await stat(file).catch(() => null);
    if (!info?.isFile()) throw new BackupRefusedError(`The backup is incomplete: ${entry.file} is missing.`);
    if (info.size !== entry.bytes) throw new BackupRefusedError(`${entry.file} has ${info.size} bytes, the manifest says ${entry.bytes}: the backup was changed or damaged.`);
    const actual = await fileSha256(file);
    if (actual !== entry.sha256) throw new BackupRefusedError(`${entry.file} does not match the manifest (SHA-256 ${actual}, expected ${entry.sha256}): the backup was changed or damaged.`);
  }
  return { manifest, manifestSha256 };
}

/** Checks that the target database can take this backup; throws BackupRefusedError otherwise. */
async function checkTarget(session: SqlSession, manifest: BackupManifest): Promise<void> {
  const problem = await ownerProblem(session, "restore");
  if (problem) throw new BackupRefusedError(problem);
  const migrations = await readMigrations(session);
  if (!migrations) {
    throw new BackupRefusedError(`The target database is not migrated. Run npm run db:migrate on it first, with the release the backup was taken with (${manifest.app.name} ${manifest.app.version}).`);
  }
  const mismatch = migrationMismatch(manifest.migrations, migrations);
  if (mismatch) throw new BackupRefusedError(`The target database's migrations are not the backup's: ${mismatch}. Restore into a database migrated by the same release (${manifest.app.name} ${manifest.app.version}).`);
  const tables = await readTables(session);
  const schema = schemaMismatch(manifest.tables, tables);
  if (schema) throw new BackupRefusedError(`The target database's tables are not the backup's: ${schema}.`);
  const sequences = await readSequenceNames(session);
  const wanted = manifest.sequences.map((s) => s.name).sort();
  if (wanted.join(",") !== [...sequences].sort().join(",")) {
    throw new BackupRefusedError(`The target database's sequences (${sequences.join(", ")}) are not the backup's (${wanted.join(", ")}).`);
  }
  await checkEmpty(session, [...tables.keys()]);
}

/**
 * Tables whose rows a migration writes (the years the maintained figures hold, ADR 0025): a new,
 * migrated database holds them already, so they do not make it "not empty", and the restore
 * replaces them with the backup's rows.
 */
const MIGRATION_FILLED_TABLES: ReadonlySet<string> = new Set(["FigureRange"]);

async function checkEmpty(session: SqlSession, tables: string[]): Promise<void> {
  const filled: string[] = [];
  for (const table of tables) {
    if (MIGRATION_FILLED_TABLES.has(table)) continue;
    const [row] = await session.query<{ any: boolean }>(`SELECT EXISTS (SELECT 1 FROM ${quoteIdent(table)}) AS any`);
    if (row?.any) filled.push(table);
  }
  if (filled.length) {
    throw new BackupRefusedError(`The target database is not empty (${filled.length} table(s) hold rows: ${filled.slice(0, 5).join(", ")}${filled.length > 5 ? ", …" : ""}). Restore into a new database, migrated and never started (npm start would load the demo province).`);
  }
}

/** Evidence keys to write, after checking that the storage holds nothing else under them. */
async function evidenceToWrite(storage: EvidenceStorage, manifest: BackupManifest): Promise<{ write: BackupManifest["evidence"]; alreadyThere: number }> {
  const stored = new Set<string>();
  for await (const { key } of storage.list()) stored.add(key);
  const write: BackupManifest["evidence"] = [];
  let alreadyThere = 0;
  for (const entry of manifest.evidence) {
    if (!stored.has(entry.key)) {
      write.push(entry);
      continue;
    }
    // Same bytes (an earlier restore that stopped half-way): keep; other bytes: refuse.
    if (sha256(await storage.get(entry.key)) !== entry.sha256) {
      throw new BackupRefusedError(`The evidence storage already holds other bytes under ${entry.key}: restore into an empty storage.`);
    }
    alreadyThere++;
  }
  return { write, alreadyThere };
}

/** A stream that hashes what passes and, at its end, fails unless the hash is `expected`. */
function checkedAgainst(expected: string, file: string) {
  const hash = createHash("sha256");
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      hash.update(chunk);
      done(null, chunk);
    },
    flush(done) {
      const actual = hash.digest("hex");
      done(actual === expected ? null : new BackupRefusedError(`${file} changed while it was being restored (SHA-256 ${actual}, expected ${expected}).`));
    },
  });
}

/** The file's rows, unzipped; fails (at the end at the latest) unless the bytes match the manifest. */
function tableSource(file: string, expected: string, name: string) {
  const read = createReadStream(file);
  const check = checkedAgainst(expected, name);
  const gunzip = createGunzip();
  // .pipe() does not forward errors: the consumer reads the last stream, so send them there.
  read.on("error", (error) => gunzip.destroy(error));
  check.on("error", (error) => gunzip.destroy(error));
  read.pipe(check).pipe(gunzip);
  return gunzip;
}

async function loadTables(session: SqlSession, folder: string, manifest: BackupManifest, log: (line: string) => void): Promise<number> {
  let total = 0;
  await session.query("BEGIN");
  try {
    // Nobody may have written since the checks.
    await checkEmpty(session, manifest.tables.map((t) => t.name));
    // Keys, foreign keys and indexes come off and go back on after the data (as pg_restore
    // creates them after the data): rows load in any order, references between rows of one
    // table included; each index is then built in one sort instead of being updated row by row,
    // and each foreign key checked once, set-based. User triggers are off while loading: the rows are
    // restored as they were, not re-derived (the audit chain's hashes, the search text, the
    // unit's placement history).
    const constraints = await readConstraints(session);
    const keys = constraints.filter((c) => c.type !== "f");
    const foreignKeys = constraints.filter((c) => c.type === "f");
    const indexes = await readPlainIndexes(session);
    for (const c of [...foreignKeys, ...keys]) await session.query(`ALTER TABLE ${quoteIdent(c.table)} DROP CONSTRAINT ${quoteIdent(c.name)}`);
    for (const index of indexes) await session.query(`DROP INDEX ${quoteIdent(index.name)}`);
    for (const table of manifest.tables) await session.query(`ALTER TABLE ${quoteIdent(table.name)} DISABLE TRIGGER USER`);
    for (const table of manifest.tables) if (MIGRATION_FILLED_TABLES.has(table.name)) await session.query(`DELETE FROM ${quoteIdent(table.name)}`);
    for (const table of manifest.tables) {
      const started = Date.now();
      const source = tableSource(path.join(folder, table.file), table.sha256, table.file);
      const rows = await session.copyIn(table.name, table.columns.map((c) => c.name), source);
      if (rows !== table.rows) throw new BackupRefusedError(`${table.file} held ${rows} rows, the manifest says ${table.rows}.`);
      total += rows;
      log(`  ${table.name}: ${rows} rows (${Date.now() - started} ms)`);
    }
    let started = Date.now();
    // Keys and unique indexes before the foreign keys that reference them.
    for (const c of keys) await session.query(`ALTER TABLE ${quoteIdent(c.table)} ADD CONSTRAINT ${quoteIdent(c.name)} ${c.definition}`);
    for (const index of indexes) await session.query(index.definition);
    log(`  ${keys.length} keys and ${indexes.length} indexes built (${Date.now() - started} ms)`);
    started = Date.now();
    for (const fk of foreignKeys) await session.query(`ALTER TABLE ${quoteIdent(fk.table)} ADD CONSTRAINT ${quoteIdent(fk.name)} ${fk.definition}`);
    log(`  ${foreignKeys.length} foreign keys checked (${Date.now() - started} ms)`);
    for (const table of manifest.tables) await session.query(`ALTER TABLE ${quoteIdent(table.name)} ENABLE TRIGGER USER`);
    for (const seq of manifest.sequences) await session.query(`SELECT setval($1::regclass, $2::bigint, $3)`, [quoteIdent(seq.name), seq.lastValue, seq.isCalled]);
    await session.query("COMMIT");
    return total;
  } catch (error) {
    await session.query("ROLLBACK").catch(() => {});
    throw error;
  }
}

export async function restoreBackup(options: RestoreOptions): Promise<RestoreResult> {
  const log = options.log ?? (() => {});
  const folder = path.resolve(options.folder);
  const { manifest } = await verifyBackupFolder(folder, options.expectManifestSha256);
  log(`Backup checked: ${manifest.tables.length} tables, ${manifest.evidence.length} evidence files, taken ${manifest.createdAt} from ${manifest.source.kind} (${manifest.app.name} ${manifest.app.version}).`);

  const session = await openSqlSession(options.db);
  let rows: number;
  let written = 0;
  let alreadyThere: number;
  try {
    await checkTarget(session, manifest);
    const plan = await evidenceToWrite(options.storage, manifest);
    alreadyThere = plan.alreadyThere;
    // Files before rows, as the app uploads them: a failure in between leaves orphan files
    // (a new run keeps them), never a row without its file.
    for (const entry of plan.write) {
      const bytes = new Uint8Array(await readFile(path.join(folder, entry.file)));
      if (sha256(bytes) !== entry.sha256) throw new BackupRefusedError(`${entry.file} changed while it was being restored.`);
      await options.storage.put(entry.key, bytes);
      written++;
    }
    log(`  evidence: ${written} files written, ${alreadyThere} already there`);
    rows = await loadTables(session, folder, manifest, log);
  } finally {
    await session.close();
  }
  const audit = await verifyAuditChain(options.db.prisma);
  return { manifest, rows, evidenceWritten: written, evidenceAlreadyThere: alreadyThere, audit };
}
