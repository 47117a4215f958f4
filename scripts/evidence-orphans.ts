/**
 * npm run evidence:orphans            lists evidence files that no dossier refers to (older than 1 h)
 * npm run evidence:orphans -- --apply removes them (one audit event lists what was removed)
 * Uses DATABASE_URL / ANTT_EVIDENCE_DIR like the app; on the embedded database, stop the app first.
 */
import { openDatabase } from "../lib/db/client";
import { findOrphanEvidence, ORPHAN_GRACE_MINUTES, removeOrphanEvidence } from "../lib/dossiers/evidence-orphans";
import { evidenceStorage } from "../lib/dossiers/evidence-storage";

const apply = process.argv.includes("--apply");
const db = openDatabase();
try {
  const keys = apply ? await removeOrphanEvidence(db.prisma, evidenceStorage()) : await findOrphanEvidence(db.prisma, evidenceStorage());
  for (const key of keys) console.log(key);
  console.log(
    keys.length === 0
      ? `No orphan evidence files (older than ${ORPHAN_GRACE_MINUTES} min).`
      : apply
        ? `Removed ${keys.length} orphan evidence file(s).`
        : `${keys.length} orphan evidence file(s); run with --apply to remove them.`,
  );
} finally {
  await db.close();
}
