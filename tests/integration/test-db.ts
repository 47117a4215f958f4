/**
 * Each test file gets its own real database (never a mocked Prisma): a PGlite loaded from the
 * migrated snapshot, or a PostgreSQL database created from the migrated template.
 */
import { randomBytes } from "node:crypto";
import { readFile } from "node:fs/promises";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { afterAll, beforeAll, beforeEach, inject } from "vitest";
import { databaseFromPglite, openDatabase, type Database } from "../../lib/db/client";
import type { PrismaClient } from "../../lib/generated/prisma/client";
import { truncateAppTables } from "../../prisma/seed/scale-province";
import { withDatabase } from "./global-setup";

/**
 * A fresh, migrated database, warm: its first statement has run, so a test's first transaction
 * never waits behind the database loading (Prisma gives a transaction 2 s to start).
 */
export async function openTestDatabase(): Promise<Database> {
  const db = await openColdTestDatabase();
  await db.prisma.$queryRaw`SELECT 1`;
  return db;
}

async function openColdTestDatabase(): Promise<Database> {
  const config = inject("testDb");
  if (config.kind === "pglite") {
    const tarball = await readFile(config.snapshot);
    const pglite = new PGlite({ loadDataDir: new Blob([tarball]) });
    await pglite.waitReady;
    return databaseFromPglite(pglite);
  }
  const name = `antt_t_${randomBytes(6).toString("hex")}`;
  await adminQuery(config.adminUrl, `CREATE DATABASE ${name} TEMPLATE ${config.template}`);
  const db = openDatabase({ kind: "postgres", url: withDatabase(config.adminUrl, name) });
  return {
    ...db,
    async close() {
      await db.close();
      await adminQuery(config.adminUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}

/** An empty database (no migrations), to test the migration runner itself. */
export async function openEmptyTarget(): Promise<{ target: import("../../lib/db/schema-engine").MigrationTarget; query: (sql: string) => Promise<Record<string, unknown>[]>; close(): Promise<void> }> {
  const config = inject("testDb");
  if (config.kind === "pglite") {
    const client = new PGlite();
    return { target: { kind: "pglite", client }, query: async (sql) => (await client.query<Record<string, unknown>>(sql)).rows, close: () => client.close() };
  }
  const name = `antt_e_${randomBytes(6).toString("hex")}`;
  await adminQuery(config.adminUrl, `CREATE DATABASE ${name}`);
  const url = withDatabase(config.adminUrl, name);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  return {
    target: { kind: "postgres", url },
    query: async (sql) => (await client.query(sql)).rows as Record<string, unknown>[],
    async close() {
      await client.end();
      await adminQuery(config.adminUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}

async function adminQuery(url: string, sql: string) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}

/** Empties every table between tests (as a superuser: the audit log refuses TRUNCATE otherwise). */
export async function truncateAll(prisma: PrismaClient) {
  await truncateAppTables(prisma);
}

/**
 * Registers the hooks for a test file: one database for the file, emptied before each test
 * unless `keepData` (for read-only suites over seeded data).
 */
export function setupTestDatabase(options: { keepData?: boolean; setup?: (prisma: PrismaClient) => Promise<void> } = {}) {
  let db: Database | undefined;
  const handle = {
    get prisma(): PrismaClient {
      if (!db) throw new Error("test database not open yet");
      return db.prisma;
    },
    get db(): Database {
      if (!db) throw new Error("test database not open yet");
      return db;
    },
  };
  beforeAll(async () => {
    db = await openTestDatabase();
    if (options.keepData && options.setup) await options.setup(db.prisma);
  });
  afterAll(async () => {
    await db?.close();
  });
  if (!options.keepData) {
    beforeEach(async () => {
      await truncateAll(handle.prisma);
      await options.setup?.(handle.prisma);
    });
  }
  return handle;
}
