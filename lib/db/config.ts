import path from "node:path";

/** Environment variables as read here (process.env, or a plain object in tests). */
type Env = Readonly<Record<string, string | undefined>>;

/** Which database the process uses: PostgreSQL when DATABASE_URL is set, otherwise embedded PGlite. */
export type DatabaseConfig = { kind: "postgres"; url: string } | { kind: "pglite"; dataDir: string };

function postgresUrl(name: string, value: string): string {
  if (!/^postgres(ql)?:\/\//.test(value)) {
    throw new Error(`${name} must be a postgresql:// URL (got "${value.split(":")[0]}:…").`);
  }
  return value;
}

export function databaseConfig(env: Env = process.env): DatabaseConfig {
  const url = env.DATABASE_URL?.trim();
  if (url) return { kind: "postgres", url: postgresUrl("DATABASE_URL", url) };
  // The data folder is chosen at run time; tell Turbopack not to trace the project from here.
  return { kind: "pglite", dataDir: path.resolve(/*turbopackIgnore: true*/ env.ANTT_DATA_DIR?.trim() || path.join(process.cwd(), ".data", "pglite")) };
}

/**
 * The connection that migrates and seeds: DATABASE_OWNER_URL when set (production, where the app
 * itself connects as a least-privilege role — ADR 0005), otherwise the app's own database.
 */
export function ownerDatabaseConfig(env: Env = process.env): DatabaseConfig {
  const owner = env.DATABASE_OWNER_URL?.trim();
  if (!owner) return databaseConfig(env);
  if (!env.DATABASE_URL?.trim()) throw new Error("DATABASE_OWNER_URL is set but DATABASE_URL is not: set both (the app connects with DATABASE_URL).");
  return { kind: "postgres", url: postgresUrl("DATABASE_OWNER_URL", owner) };
}

/**
 * The role the app connects as, when it differs from the owner: it gets the app's grants after
 * every migration run. `null` when the app connects as the owner (development, the demo, tests).
 */
export function appRoleOf(env: Env = process.env): string | null {
  const owner = env.DATABASE_OWNER_URL?.trim();
  const app = env.DATABASE_URL?.trim();
  if (!owner || !app) return null;
  const appUser = decodeURIComponent(new URL(postgresUrl("DATABASE_URL", app)).username);
  const ownerUser = decodeURIComponent(new URL(postgresUrl("DATABASE_OWNER_URL", owner)).username);
  if (!appUser) throw new Error("DATABASE_URL names no user: the app must connect as its own least-privilege role.");
  return appUser === ownerUser ? null : appUser;
}
