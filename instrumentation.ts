/** Runs once when the server starts (not during `next build`). */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { productionConfigProblems } = await import("./lib/config/production-check");
  const problems = productionConfigProblems(process.env);
  if (problems.length > 0) {
    console.error(`ANTT refuses to start in production:\n- ${problems.join("\n- ")}\n(The demo and the tests set ANTT_DEMO=1.)`);
    process.exit(1);
  }
  // A wrong evidence store setting would otherwise fail only the first upload or download.
  const { evidenceStorageConfigProblems } = await import("./lib/dossiers/evidence-storage-config");
  const storageProblems = evidenceStorageConfigProblems(process.env);
  if (storageProblems.length > 0) {
    console.error(`ANTT refuses to start: the evidence store is misconfigured:\n- ${storageProblems.join("\n- ")}\n(See .env.example, "Evidence files".)`);
    process.exit(1);
  }
  const { mailConfigProblems } = await import("./lib/mail/config");
  const mailProblems = mailConfigProblems(process.env);
  if (mailProblems.length > 0) {
    console.error(`ANTT refuses to start: e-mail (SMTP) is misconfigured:\n- ${mailProblems.join("\n- ")}\n(See .env.example, "E-mail"; leave ANTT_SMTP_HOST unset to run without e-mail.)`);
    process.exit(1);
  }
  // The job queue's workers (e-mail now; reminders next) run in this process, once (ADR 0026-job-queue).
  // Not awaited: a database that is slow to answer must not hold up serving pages; the work waits
  // in the database until the queue runs.
  const { startAppJobs } = await import("./lib/jobs/app-jobs");
  startAppJobs().catch((error: unknown) => console.error("[jobs] the job queue did not start; queued e-mail waits in the database:", error));
}
