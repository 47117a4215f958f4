/**
 * npm run restore -- <backup folder> [--expect <manifest sha256>]
 * Loads a backup made by `npm run backup` into an EMPTY database migrated with the same migrations
 * (`npm run db:migrate`, never `npm start`, which would load the demo province), and its evidence
 * files into the configured storage. Refuses — before writing anything — a backup whose files do
 * not match its manifest, or a target that is not empty or not migrated alike. Uses the owner
 * connection (DATABASE_OWNER_URL, else DATABASE_URL, else the embedded database in ANTT_DATA_DIR).
 * Exit codes: 0 restored and the audit chain verifies, 1 error, 2 refused, 3 embedded database busy,
 * 4 restored but the audit chain does not verify (as it did not in the backup).
 */
import { parseArgs } from "node:util";
import { describeAuditChain } from "../lib/audit/audit-chain";
import { BackupRefusedError } from "../lib/backup/manifest";
import { restoreBackup } from "../lib/backup/restore";
import { openDatabase } from "../lib/db/client";
import { ownerDatabaseConfig } from "../lib/db/config";
import { EmbeddedDatabaseBusyError } from "../lib/db/embedded-lock";
import { evidenceStorage } from "../lib/dossiers/evidence-storage";

const { values, positionals } = parseArgs({ options: { expect: { type: "string" } }, allowPositionals: true });
if (positionals.length !== 1) {
  console.error("Usage: npm run restore -- <backup folder> [--expect <manifest sha256>]");
  process.exit(2);
}

try {
  const started = Date.now();
  const config = ownerDatabaseConfig();
  console.log(`Restoring ${positionals[0]} into ${config.kind === "postgres" ? `PostgreSQL ${new URL(config.url).host}${new URL(config.url).pathname}` : `embedded PGlite at ${config.dataDir}`}`);
  const db = openDatabase(config);
  try {
    const result = await restoreBackup({ db, storage: evidenceStorage(), folder: positionals[0]!, expectManifestSha256: values.expect, log: (line) => console.log(line) });
    console.log(`Done in ${((Date.now() - started) / 1000).toFixed(1)} s: ${result.rows} rows, ${result.evidenceWritten} evidence files written (${result.evidenceAlreadyThere} already there).`);
    console.log(describeAuditChain(result.audit));
    if (result.audit.ok) {
      const same = result.audit.headHash === result.manifest.audit.headHash;
      console.log(`Audit head ${result.audit.headSeq} ${result.audit.headHash ?? "-"}${same ? " (as in the backup)" : ` — the backup recorded ${result.manifest.audit.headHash ?? "-"}`}`);
    }
    process.exitCode = result.audit.ok ? 0 : 4;
  } finally {
    await db.close();
  }
} catch (error) {
  if (error instanceof BackupRefusedError) {
    console.error(`Refused: ${error.message}`);
    process.exit(2);
  }
  if (error instanceof EmbeddedDatabaseBusyError) {
    console.error(error.message);
    process.exit(3);
  }
  console.error(error);
  process.exit(1);
}
