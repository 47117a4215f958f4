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
}
