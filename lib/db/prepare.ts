/**
 * Brings a database up to date: applies pending migrations (creating the embedded cluster on
 * first use) and seeds the demo province when the database holds no area yet.
 */
import type { Database } from "./client";
import { applyMigrations } from "./migrations";
import type { MigrationTarget } from "./schema-engine";

export function migrationTargetOf(db: Database): MigrationTarget {
  if (db.config.kind === "postgres") return { kind: "postgres", url: db.config.url };
  if (!db.pglite) throw new Error("An embedded database without its PGlite instance");
  return { kind: "pglite", client: db.pglite };
}

export async function migrate(db: Database): Promise<string[]> {
  return applyMigrations(migrationTargetOf(db));
}
