/**
 * The one Prisma client factory. PostgreSQL through @prisma/adapter-pg when DATABASE_URL is set;
 * otherwise the embedded PGlite in ANTT_DATA_DIR (default .data/pglite), guarded by a lock file.
 * Prisma Client 7 runs on these driver adapters with no native engine.
 */
import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { databaseConfig, type DatabaseConfig } from "./config";
import { acquireEmbeddedLock } from "./embedded-lock";

export type Database = {
  prisma: PrismaClient;
  config: DatabaseConfig;
  /** The PGlite instance when embedded (migrations need it), else undefined. */
  pglite?: PGlite;
  close(): Promise<void>;
};

export function openDatabase(config: DatabaseConfig = databaseConfig()): Database {
  if (config.kind === "postgres") {
    const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: config.url }) });
    return { prisma, config, close: () => prisma.$disconnect() };
  }
  const release = acquireEmbeddedLock(config.dataDir);
  try {
    const pglite = new PGlite(config.dataDir);
    const prisma = new PrismaClient({ adapter: new PrismaPGlite(pglite) });
    return {
      prisma,
      config,
      pglite,
      async close() {
        await prisma.$disconnect();
        await pglite.close();
        release();
      },
    };
  } catch (error) {
    release();
    throw error;
  }
}

/** Wraps an already-open PGlite (tests load a migrated snapshot into memory). */
export function databaseFromPglite(pglite: PGlite): Database {
  const prisma = new PrismaClient({ adapter: new PrismaPGlite(pglite) });
  return {
    prisma,
    config: { kind: "pglite", dataDir: pglite.dataDir ?? "memory://" },
    pglite,
    async close() {
      await prisma.$disconnect();
      await pglite.close();
    },
  };
}

// Next.js can evaluate this module more than once per server process (route handlers and
// server components live in different bundles); a second PGlite on one folder would corrupt it,
// so the instance lives on globalThis.
const globalForDb = globalThis as unknown as { __anttDatabase?: Database };

/** The process-wide database of the running app. */
export function getDatabase(): Database {
  globalForDb.__anttDatabase ??= openDatabase();
  return globalForDb.__anttDatabase;
}

export function getPrisma(): PrismaClient {
  return getDatabase().prisma;
}

export type { PrismaClient };
