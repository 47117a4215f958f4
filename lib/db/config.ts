import path from "node:path";

/** Which database the process uses: PostgreSQL when DATABASE_URL is set, otherwise embedded PGlite. */
export type DatabaseConfig = { kind: "postgres"; url: string } | { kind: "pglite"; dataDir: string };

export function databaseConfig(env: NodeJS.ProcessEnv = process.env): DatabaseConfig {
  const url = env.DATABASE_URL?.trim();
  if (url) {
    if (!/^postgres(ql)?:\/\//.test(url)) {
      throw new Error(`DATABASE_URL must be a postgresql:// URL (got "${url.split(":")[0]}:…").`);
    }
    return { kind: "postgres", url };
  }
  // The data folder is chosen at run time; tell Turbopack not to trace the project from here.
  return { kind: "pglite", dataDir: path.resolve(/*turbopackIgnore: true*/ env.ANTT_DATA_DIR?.trim() || path.join(process.cwd(), ".data", "pglite")) };
}
