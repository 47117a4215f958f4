/**
 * npm run audit:verify — walks the audit log's hash chain and names the first broken or missing
 * link. Exit code 0 when the chain is whole, 1 when it is broken (for a cron job or monitoring).
 * Uses DATABASE_URL when set, otherwise the embedded database (stop the app first).
 */
import { openDatabase } from "../lib/db/client";
import { describeAuditChain, verifyAuditChain } from "../lib/audit/audit-chain";

const db = openDatabase();
try {
  const state = await verifyAuditChain(db.prisma);
  console.log(describeAuditChain(state));
  if (state.ok) console.log(`head ${state.headSeq} ${state.headHash ?? "-"}`);
  process.exitCode = state.ok ? 0 : 1;
} finally {
  await db.close();
}
