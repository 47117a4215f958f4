/** Runs once when the server starts (not during `next build`). */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { productionConfigProblems } = await import("./lib/config/production-check");
  const problems = productionConfigProblems(process.env);
  if (problems.length > 0) {
    console.error(`ANTT refuses to start in production:\n- ${problems.join("\n- ")}\n(The demo and the tests set ANTT_DEMO=1.)`);
    process.exit(1);
  }
}
