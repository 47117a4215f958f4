/**
 * npm run backup [-- --out <folder>]
 * Writes every table (one consistent snapshot), every evidence file and a manifest of SHA-256s to
 * a new folder (default backups/antt-<UTC time>). Uses the owner connection (DATABASE_OWNER_URL,
 * else DATABASE_URL; else the embedded database in ANTT_DATA_DIR — stop the app first) and the
 * configured evidence storage. Prints the manifest's SHA-256: keep it apart from the backup, and
 * give it to `npm run restore -- <folder> --expect <sha256>` (ADR 0020).
 */
import path from "node:path";
import { parseArgs } from "node:util";
import { createBackup } from "../lib/backup/backup";
import { openDatabase } from "../lib/db/client";
import { ownerDatabaseConfig } from "../lib/db/config";
import { EmbeddedDatabaseBusyError } from "../lib/db/embedded-lock";
import { evidenceStorage } from "../lib/dossiers/evidence-storage";

const { values } = parseArgs({ options: { out: { type: "string" } } });
const stamp = new Date().toISOString().replace(/[-:]/g, "").replace(/\.\d+Z$/, "Z");
const folder = path.resolve(values.out ?? path.join("backups", `antt-${stamp}`));

try {
  const started = Date.now();
  const config = ownerDatabaseConfig();
  console.log(`Backing up ${config.kind === "postgres" ? `PostgreSQL ${new URL(config.url).host}${new URL(config.url).pathname}` : `embedded PGlite at ${config.dataDir}`} to ${folder}`);
  const db = openDatabase(config);
  try {
    const { manifest, manifestSha256 } = await createBackup({ db, storage: evidenceStorage(), folder, log: (line) => console.log(line) });
    const rows = manifest.tables.reduce((n, t) => n + t.rows, 0);
    const bytes = manifest.tables.reduce((n, t) => n + t.bytes, 0) + manifest.evidence.reduce((n, e) => n + e.bytes, 0);
    console.log(`Done in ${((Date.now() - started) / 1000).toFixed(1)} s: ${manifest.tables.length} tables, ${rows} rows, ${manifest.evidence.length} evidence files, ${(bytes / 1048576).toFixed(1)} MB.`);
    if (manifest.missingEvidence.length) {
      console.warn(`Warning: ${manifest.missingEvidence.length} evidence file(s) named by the database were not in the storage (listed in the manifest's missingEvidence).`);
    }
    console.log(`Audit log: ${manifest.audit.events} events, head ${manifest.audit.headSeq ?? "-"} ${manifest.audit.headHash ?? "-"}`);
    console.log(`Manifest SHA-256: ${manifestSha256}`);
  } finally {
    await db.close();
  }
} catch (error) {
  if (error instanceof EmbeddedDatabaseBusyError) {
    console.error(error.message);
    process.exit(3);
  }
  console.error(error);
  process.exit(1);
}
