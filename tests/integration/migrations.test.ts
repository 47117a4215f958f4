/** The offline migration runner against the real target (PGlite, or PostgreSQL in CI). */
import { createHash } from "node:crypto";
import { cp, mkdir, mkdtemp, readFile, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { applyMigrations, createMigration, diffSchemaAgainstMigrations, MIGRATIONS_DIR, migrationStatus, SCHEMA_PATH } from "../../lib/db/migrations";
import { openEmptyTarget } from "./test-db";

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

async function emptyTarget() {
  const target = await openEmptyTarget();
  cleanups.push(() => target.close());
  return target;
}

async function tempMigrationsCopy() {
  const dir = await mkdtemp(path.join(tmpdir(), "antt-migrations-"));
  cleanups.push(() => rm(dir, { recursive: true, force: true }));
  await cp(MIGRATIONS_DIR, dir, { recursive: true });
  return dir;
}

// Each test creates a PostgreSQL cluster (PGlite's initdb) and runs every migration through the
// WASM schema engine: CPU-bound work that took 38 s at load 11 on two cores. The limit guards
// against a hang, it asserts no speed (the migration timings are measured in shared/notes).
describe("applyMigrations", { timeout: 120_000 }, () => {
  it("applies every committed migration once and records them the way Prisma does", async () => {
    const { target, query } = await emptyTarget();
    const folders = (await readdir(MIGRATIONS_DIR, { withFileTypes: true })).filter((e) => e.isDirectory()).map((e) => e.name).sort();
    expect(await applyMigrations(target)).toEqual(folders);
    expect(await applyMigrations(target)).toEqual([]);

    const rows = await query(`SELECT migration_name, checksum, finished_at, rolled_back_at FROM _prisma_migrations ORDER BY migration_name`);
    expect(rows.map((r) => r.migration_name)).toEqual(folders);
    for (const row of rows) {
      const sql = await readFile(path.join(MIGRATIONS_DIR, String(row.migration_name), "migration.sql"));
      expect(row.checksum).toBe(createHash("sha256").update(sql).digest("hex"));
      expect(row.finished_at).not.toBeNull();
      expect(row.rolled_back_at).toBeNull();
    }
    const status = await migrationStatus(target);
    expect(status).toMatchObject({ history: null, failedMigrationNames: [], editedMigrationNames: [], hasMigrationsTable: true });
  });

  it("a failing migration is recorded as failed, leaves nothing half-applied, and blocks later deploys", async () => {
    const { target, query } = await emptyTarget();
    const dir = await tempMigrationsCopy();
    await mkdir(path.join(dir, "20991231000000_broken"));
    await writeFile(path.join(dir, "20991231000000_broken", "migration.sql"), `CREATE TABLE "half_done" (id int);\nSELECT 1/0;\n`);

    await expect(applyMigrations(target, dir)).rejects.toThrow(/division by zero/);
    const [row] = await query(`SELECT finished_at, logs FROM _prisma_migrations WHERE migration_name = '20991231000000_broken'`);
    expect(row?.finished_at).toBeNull();
    expect(String(row?.logs)).toMatch(/division by zero/);
    expect(await query(`SELECT to_regclass('"half_done"') AS t`)).toEqual([{ t: null }]);
    await expect(applyMigrations(target, dir)).rejects.toThrow(/20991231000000_broken/);
    expect((await migrationStatus(target, dir)).failedMigrationNames).toEqual(["20991231000000_broken"]);
  });

  it("applies a plpgsql body with semicolons inside as one script", async () => {
    const { target, query } = await emptyTarget();
    const dir = await tempMigrationsCopy();
    await mkdir(path.join(dir, "20991231000001_function"));
    await writeFile(
      path.join(dir, "20991231000001_function", "migration.sql"),
      `CREATE FUNCTION "twice"(x int) RETURNS int AS $$\nBEGIN\n  RETURN x * 2;\nEND;\n$$ LANGUAGE plpgsql;\n`,
    );
    await applyMigrations(target, dir);
    expect(await query(`SELECT "twice"(21) AS v`)).toEqual([{ v: 42 }]);
  });
});

// Each diff replays every migration into a fresh in-memory PGlite shadow (WASM, CPU-bound), and
// the second test diffs three times: with ten migrations it took 23–52 s in CI at load ~8, and 133 s
// on a 2-core machine also running the stress harness. The timeout only guards against a hang.
describe("authoring migrations offline", { timeout: 360_000 }, () => {
  it("schema.prisma matches the committed migrations", async () => {
    expect(await diffSchemaAgainstMigrations()).toBe("");
  });

  it("a schema change produces a new migration folder with the SQL for it", async () => {
    const dir = await tempMigrationsCopy();
    const schemaDir = await mkdtemp(path.join(tmpdir(), "antt-schema-"));
    cleanups.push(() => rm(schemaDir, { recursive: true, force: true }));
    const schemaPath = path.join(schemaDir, "schema.prisma");
    await writeFile(schemaPath, (await readFile(SCHEMA_PATH, "utf8")) + `\nmodel ScratchTable {\n  id String @id @db.Uuid\n  note String\n}\n`);
    const sql = await diffSchemaAgainstMigrations(dir, schemaPath);
    expect(sql).toContain(`CREATE TABLE "ScratchTable"`);

    // createMigration reads the real schema, which matches: nothing to create.
    expect(await createMigration("nothing", { dir })).toBeNull();
    const folder = await createMigration("add view", { dir, extraSql: "-- hand-written", now: new Date("2030-01-02T03:04:05Z") });
    expect(path.basename(folder!)).toBe("20300102030405_add_view");
  });
});
