/**
 * Prepares one migrated database that every test file clones:
 * - embedded (default): an in-memory PGlite, migrated, dumped to a tarball each worker loads;
 * - PostgreSQL (TEST_DATABASE_URL set, as in CI): a template database every test file copies.
 */
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { applyMigrations } from "../../lib/db/migrations";

export const TEMPLATE_DB = "antt_test_template";

declare module "vitest" {
  export interface ProvidedContext {
    testDb: { kind: "pglite"; snapshot: string } | { kind: "postgres"; adminUrl: string; template: string };
  }
}

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

export default async function setup(project: TestProject) {
  const url = process.env.TEST_DATABASE_URL?.trim();
  if (url) {
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${TEMPLATE_DB} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${TEMPLATE_DB}`);
    await admin.end();
    await applyMigrations({ kind: "postgres", url: withDatabase(url, TEMPLATE_DB) });
    project.provide("testDb", { kind: "postgres", adminUrl: url, template: TEMPLATE_DB });
    return async () => {
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${TEMPLATE_DB} WITH (FORCE)`);
      await c.end();
    };
  }
  const dir = await mkdtemp(path.join(tmpdir(), "antt-test-"));
  const pglite = new PGlite();
  await applyMigrations({ kind: "pglite", client: pglite });
  const dump = await pglite.dumpDataDir("gzip");
  await pglite.close();
  const snapshot = path.join(dir, "migrated.tar.gz");
  await writeFile(snapshot, Buffer.from(await dump.arrayBuffer()));
  project.provide("testDb", { kind: "pglite", snapshot });
  return () => rm(dir, { recursive: true, force: true });
}
