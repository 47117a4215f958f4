/**
 * Offline database commands (no Prisma CDN, no native engine):
 *   npm run db:migrate                 apply pending migrations (like `prisma migrate deploy`)
 *   npm run db:status                  compare the database with prisma/migrations
 *   npm run db:new-migration -- <name> write prisma/migrations/<ts>_<name>/migration.sql from schema.prisma
 *   npm run db:seed                    load the demo province (idempotent)
 *   tsx scripts/db.ts check            fail if schema.prisma has changes no migration holds
 *   tsx scripts/db.ts prepare          migrate, then seed when the database is empty (used by start)
 * Uses DATABASE_URL when set, otherwise the embedded database in ANTT_DATA_DIR (.data/pglite).
 * With DATABASE_OWNER_URL set too, these commands connect as that owner, and deploy/prepare give
 * DATABASE_URL's role the app's least-privilege grants after migrating (ADR 0005).
 */
import { openDatabase } from "../lib/db/client";
import { appRoleOf, ownerDatabaseConfig } from "../lib/db/config";
import { grantAppRole } from "../lib/db/app-role";
import { EmbeddedDatabaseBusyError } from "../lib/db/embedded-lock";
import { createMigration, diffSchemaAgainstMigrations, migrationStatus } from "../lib/db/migrations";
import { migrate, migrationTargetOf } from "../lib/db/prepare";
import { seedDemoProvince, isDatabaseEmpty } from "../prisma/seed/demo-province";

function describe(): string {
  const config = ownerDatabaseConfig();
  return config.kind === "postgres" ? `PostgreSQL ${new URL(config.url).host}` : `embedded PGlite at ${config.dataDir}`;
}

async function withDatabase<T>(fn: (db: ReturnType<typeof openDatabase>) => Promise<T>): Promise<T> {
  const db = openDatabase(ownerDatabaseConfig());
  try {
    return await fn(db);
  } finally {
    await db.close();
  }
}

/** Migrates, then (when the app has its own role) re-applies that role's grants to every table. */
async function migrateAndGrant(db: ReturnType<typeof openDatabase>): Promise<string[]> {
  const applied = await migrate(db);
  const role = appRoleOf();
  if (role) {
    await grantAppRole(db.prisma, role);
    console.log(`Granted the app role "${role}" its least-privilege access (ADR 0005).`);
  }
  return applied;
}

async function main(): Promise<number> {
  const [command, ...args] = process.argv.slice(2);
  switch (command) {
    case "deploy": {
      const applied = await withDatabase(migrateAndGrant);
      console.log(applied.length ? `Applied ${applied.length} migration(s) to ${describe()}: ${applied.join(", ")}` : `${describe()} is up to date.`);
      return 0;
    }
    case "status": {
      const status = await withDatabase((db) => migrationStatus(migrationTargetOf(db)));
      console.log(JSON.stringify(status, null, 2));
      const clean = !status.history && status.failedMigrationNames.length === 0 && status.editedMigrationNames.length === 0;
      return clean ? 0 : 1;
    }
    case "new": {
      const name = args.join("_");
      const folder = await createMigration(name);
      console.log(folder ? `Created ${folder}/migration.sql — review it, then run npm run db:migrate.` : "schema.prisma matches the migrations: nothing to create.");
      return 0;
    }
    case "check": {
      const sql = await diffSchemaAgainstMigrations();
      if (sql.trim()) {
        console.error("schema.prisma has changes that no migration holds. Run: npm run db:new-migration -- <name>\n\n" + sql);
        return 1;
      }
      console.log("schema.prisma matches prisma/migrations.");
      return 0;
    }
    case "seed": {
      const summary = await withDatabase((db) => seedDemoProvince(db.prisma));
      console.log(`Seeded the demo province into ${describe()}: ${JSON.stringify(summary)}`);
      return 0;
    }
    case "prepare": {
      await withDatabase(async (db) => {
        const applied = await migrateAndGrant(db);
        if (applied.length) console.log(`Applied ${applied.length} migration(s) to ${describe()}.`);
        if (await isDatabaseEmpty(db.prisma)) {
          const summary = await seedDemoProvince(db.prisma);
          console.log(`Empty database: loaded the demo province (${JSON.stringify(summary)}).`);
        }
      });
      return 0;
    }
    default:
      console.error("Usage: tsx scripts/db.ts deploy|status|new <name>|check|seed|prepare");
      return 2;
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof EmbeddedDatabaseBusyError) {
      console.error(error.message);
      process.exit(3);
    }
    console.error(error);
    process.exit(1);
  },
);
