/**
 * Prints pg-boss's SQL for a migration (ADR 0026-job-queue): the app never changes the queue's
 * schema itself (`migrate: false`), so a pg-boss upgrade that bumps its schema version needs a
 * Prisma migration holding this output.
 *   npx tsx scripts/job-queue-sql.ts create           the whole schema (the first migration)
 *   npx tsx scripts/job-queue-sql.ts migrate <from>   from schema version <from> to the installed one
 */
import { getConstructionPlans, getMigrationPlans } from "pg-boss";
import { JOB_SCHEMA } from "../lib/jobs/queue";

const [command, from] = process.argv.slice(2);
if (command === "create") {
  process.stdout.write(getConstructionPlans(JOB_SCHEMA) + "\n");
} else if (command === "migrate" && from && /^\d+$/.test(from)) {
  process.stdout.write(getMigrationPlans(JOB_SCHEMA, Number(from)) + "\n");
} else {
  console.error("Usage: tsx scripts/job-queue-sql.ts create | migrate <fromVersion>");
  process.exit(2);
}
