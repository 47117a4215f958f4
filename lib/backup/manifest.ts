/**
 * The backup's manifest (ADR 0020): what a backup folder holds, and the SHA-256 of every file in
 * it. Pure: no I/O here, so the checks a restore makes before writing anything are unit-tested.
 *
 * A backup folder is
 *   manifest.json                 this manifest (written last: a folder without it is incomplete)
 *   tables/<Table>.copy.gz        each table in PostgreSQL's COPY text format (UTF-8), gzip-compressed
 *   evidence/<key>                each evidence file, byte for byte
 * The same format comes out of PostgreSQL and the embedded PGlite, so either restores into either.
 */
import { createHash } from "node:crypto";
import { z } from "zod";

export const BACKUP_FORMAT = "antt-backup";
export const BACKUP_FORMAT_VERSION = 1;
export const MANIFEST_FILE = "manifest.json";

const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/);
/** A file's place inside the backup folder: relative, no "..", no backslashes. */
const relativeFile = z.string().regex(/^(tables|evidence)\/[A-Za-z0-9._~\/-]+$/).refine((p) => !p.split("/").some((s) => s === "" || s === "." || s === ".."), "unsafe path");

const columnSchema = z.object({ name: z.string().min(1), type: z.string().min(1) });
export type BackupColumn = z.infer<typeof columnSchema>;

const tableSchema = z.object({
  name: z.string().min(1),
  columns: z.array(columnSchema).min(1),
  rows: z.number().int().nonnegative(),
  file: relativeFile,
  bytes: z.number().int().nonnegative(),
  sha256: sha256Hex,
});
export type BackupTable = z.infer<typeof tableSchema>;

const evidenceSchema = z.object({ key: z.string().min(1), file: relativeFile, bytes: z.number().int().nonnegative(), sha256: sha256Hex });
export type BackupEvidence = z.infer<typeof evidenceSchema>;

const migrationSchema = z.object({ name: z.string().min(1), checksum: z.string() });
export type AppliedMigration = z.infer<typeof migrationSchema>;

const sequenceSchema = z.object({ name: z.string().min(1), lastValue: z.string().regex(/^-?\d+$/), isCalled: z.boolean() });
export type BackupSequence = z.infer<typeof sequenceSchema>;

export const manifestSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  formatVersion: z.literal(BACKUP_FORMAT_VERSION),
  createdAt: z.string(),
  app: z.object({ name: z.string(), version: z.string() }),
  source: z.object({ kind: z.enum(["postgres", "pglite"]), serverVersion: z.string() }),
  /** `_prisma_migrations` as applied (finished, not rolled back), by name. */
  migrations: z.array(migrationSchema),
  tables: z.array(tableSchema),
  sequences: z.array(sequenceSchema),
  evidence: z.array(evidenceSchema),
  /** Keys that an EvidenceFile row names but the storage no longer held when the backup ran. */
  missingEvidence: z.array(z.string()),
  /** The audit log's head when the backup was taken (ADR 0004), to compare after a restore. */
  audit: z.object({ events: z.number().int().nonnegative(), headSeq: z.string().nullable(), headHash: z.string().nullable() }),
});
export type BackupManifest = z.infer<typeof manifestSchema>;

/** Why a backup may not be restored; thrown before anything is written. */
export class BackupRefusedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "BackupRefusedError";
  }
}

export function sha256(bytes: Uint8Array | string): string {
  return createHash("sha256").update(bytes).digest("hex");
}

export function parseManifest(text: string): BackupManifest {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new BackupRefusedError("manifest.json is not valid JSON: the backup is damaged or incomplete.");
  }
  const parsed = manifestSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new BackupRefusedError(`manifest.json is not an ANTT backup manifest (format ${BACKUP_FORMAT} v${BACKUP_FORMAT_VERSION}): ${issue?.path.join(".") || "(root)"}: ${issue?.message}.`);
  }
  const files = [...parsed.data.tables.map((t) => t.file), ...parsed.data.evidence.map((e) => e.file)];
  const duplicate = files.find((f, i) => files.indexOf(f) !== i);
  if (duplicate) throw new BackupRefusedError(`manifest.json lists ${duplicate} twice.`);
  return parsed.data;
}

export function tableFileOf(table: string): string {
  if (!/^[A-Za-z0-9_]+$/.test(table)) throw new Error(`Table name not supported in a backup: ${table}`);
  return `tables/${table}.copy.gz`;
}

/**
 * Where an evidence key's bytes go in the folder: the key itself when it is a plain path (the
 * local store's keys are UUIDs), otherwise a name derived from it, so no key can escape the folder.
 */
export function evidenceFileOf(key: string): string {
  const plain = /^[A-Za-z0-9][A-Za-z0-9._-]*(\/[A-Za-z0-9][A-Za-z0-9._-]*)*$/.test(key) && key.length <= 200 && !key.startsWith("~");
  return plain ? `evidence/${key}` : `evidence/~${sha256(key)}`;
}

/** The first difference between the backup's migration set and the target's, or null. */
export function migrationMismatch(backup: readonly AppliedMigration[], target: readonly AppliedMigration[]): string | null {
  const theirs = new Map(target.map((m) => [m.name, m.checksum]));
  const ours = new Map(backup.map((m) => [m.name, m.checksum]));
  const missing = backup.filter((m) => !theirs.has(m.name)).map((m) => m.name);
  const extra = target.filter((m) => !ours.has(m.name)).map((m) => m.name);
  const edited = backup.filter((m) => theirs.has(m.name) && theirs.get(m.name) !== m.checksum).map((m) => m.name);
  const parts = [
    missing.length && `the target lacks ${missing.length} migration(s) the backup was taken with (${missing.join(", ")})`,
    extra.length && `the target has ${extra.length} migration(s) the backup was not taken with (${extra.join(", ")})`,
    edited.length && `migration(s) with other content than the backup's (${edited.join(", ")})`,
  ].filter(Boolean);
  return parts.length ? parts.join("; ") : null;
}

/** The first difference between the backup's tables and columns and the target's, or null. */
export function schemaMismatch(backup: readonly Pick<BackupTable, "name" | "columns">[], target: ReadonlyMap<string, readonly BackupColumn[]>): string | null {
  const names = new Set(backup.map((t) => t.name));
  const extra = [...target.keys()].filter((n) => !names.has(n));
  if (extra.length) return `the target has table(s) the backup does not hold: ${extra.join(", ")}`;
  for (const table of backup) {
    const columns = target.get(table.name);
    if (!columns) return `the target has no table "${table.name}"`;
    const want = table.columns.map((c) => `${c.name} ${c.type}`).sort();
    const have = columns.map((c) => `${c.name} ${c.type}`).sort();
    if (want.join(",") !== have.join(",")) {
      const missing = want.filter((c) => !have.includes(c));
      const added = have.filter((c) => !want.includes(c));
      return `table "${table.name}" differs: backup has [${missing.join(", ")}], target has [${added.join(", ")}]`;
    }
  }
  return null;
}

/** Every file the manifest names, with its expected size and hash. */
export function manifestFiles(manifest: BackupManifest): { file: string; bytes: number; sha256: string }[] {
  return [...manifest.tables, ...manifest.evidence].map(({ file, bytes, sha256 }) => ({ file, bytes, sha256 }));
}
