/**
 * npm run backup / restore (issue 12 §7, ADR 0020) on a real database — PGlite, or PostgreSQL with
 * TEST_DATABASE_URL: the demo province plus evidence files is backed up, the database and the
 * storage are wiped, the backup is restored, and every table's rows (an ordered dump of each),
 * every sequence and every file's bytes are what they were; the audit chain verifies with the same
 * head. A backup that does not match its manifest, or a target that cannot take it, is refused
 * before anything is written.
 */
import { randomBytes, randomUUID } from "node:crypto";
import { cp, mkdtemp, readFile, rm, unlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { gunzipSync, gzipSync } from "node:zlib";
import { PGlite } from "@electric-sql/pglite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyAuditChain } from "../../lib/audit/audit-chain";
import { createBackup } from "../../lib/backup/backup";
import { BackupRefusedError, MANIFEST_FILE, parseManifest, sha256, type BackupManifest } from "../../lib/backup/manifest";
import { restoreBackup, verifyBackupFolder } from "../../lib/backup/restore";
import { databaseFromPglite } from "../../lib/db/client";
import { applyMigrations } from "../../lib/db/migrations";
import { FileSystemEvidenceStorage, type EvidenceStorage } from "../../lib/dossiers/evidence-storage";
import type { PrismaClient } from "../../lib/generated/prisma/client";
import { seedDemoProvince } from "../../prisma/seed/demo-province";
import { setupTestDatabase } from "./test-db";

const t = setupTestDatabase({ keepData: true });
const root = await mkdtemp(path.join(tmpdir(), "antt-backup-test-"));
const storage = new FileSystemEvidenceStorage(path.join(root, "evidence"));
const folder = path.join(root, "backup");
afterAll(() => rm(root, { recursive: true, force: true }));

/** Every application table, read from the catalog (a table another migration adds is included). */
async function tableNames(prisma: PrismaClient): Promise<string[]> {
  const rows = await prisma.$queryRaw<{ name: string }[]>`
    SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = 'public' AND c.relkind = 'r' AND c.relname <> '_prisma_migrations' ORDER BY c.relname`;
  return rows.map((r) => r.name);
}

/** Each table's rows as text, sorted: equal dumps mean equal tables. */
async function dumpTables(prisma: PrismaClient): Promise<Record<string, string>> {
  const dump: Record<string, string> = {};
  for (const name of await tableNames(prisma)) {
    const [row] = await prisma.$queryRawUnsafe<{ d: string | null; n: bigint }[]>(`SELECT string_agg(t::text, E'\\n' ORDER BY t::text) AS d, count(*) AS n FROM "${name}" t`);
    dump[name] = `${row!.n} rows\n${row!.d ?? ""}`;
  }
  return dump;
}

async function sequences(prisma: PrismaClient): Promise<Record<string, string>> {
  const names = await prisma.$queryRaw<{ name: string }[]>`
    SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relkind = 'S'`;
  const out: Record<string, string> = {};
  for (const { name } of names) {
    const [row] = await prisma.$queryRawUnsafe<{ v: string }[]>(`SELECT last_value::text || ' ' || is_called::text AS v FROM "${name}"`);
    out[name] = row!.v;
  }
  return out;
}

/** Foreign keys, indexes and user triggers with their state: the restore takes them off and puts them back. */
async function constraintsAndTriggers(prisma: PrismaClient): Promise<string[]> {
  const rows = await prisma.$queryRaw<{ d: string }[]>`
    SELECT conrelid::regclass::text || ' ' || conname || ' ' || pg_get_constraintdef(oid) AS d FROM pg_constraint WHERE contype IN ('f', 'p', 'u', 'x') AND connamespace = 'public'::regnamespace
    UNION ALL
    SELECT tgrelid::regclass::text || ' ' || tgname || ' ' || tgenabled::text FROM pg_trigger WHERE NOT tgisinternal
    UNION ALL
    SELECT indexdef FROM pg_indexes WHERE schemaname = 'public'
    ORDER BY 1`;
  return rows.map((r) => r.d);
}

async function files(store: EvidenceStorage): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for await (const { key } of store.list()) out[key] = Buffer.from(await store.get(key)).toString("base64");
  return out;
}

/** What a wiped province looks like: no rows anywhere (as a superuser: the audit log refuses TRUNCATE). */
async function wipe(prisma: PrismaClient) {
  const tables = await tableNames(prisma);
  await prisma.$transaction([
    prisma.$executeRawUnsafe(`SET LOCAL session_replication_role = replica`),
    prisma.$executeRawUnsafe(`TRUNCATE ${tables.map((n) => `"${n}"`).join(", ")} RESTART IDENTITY CASCADE`),
  ]);
  await rm(path.join(root, "evidence"), { recursive: true, force: true });
}

async function expectNothingWritten() {
  for (const [table, dump] of Object.entries(await dumpTables(t.prisma))) expect(dump, table).toBe("0 rows\n");
  expect(await files(storage)).toEqual({});
}

/** A copy of the backup, changed by `change`. */
async function tampered(name: string, change: (dir: string, manifest: BackupManifest) => Promise<void>): Promise<string> {
  const dir = path.join(root, name);
  await cp(folder, dir, { recursive: true });
  await change(dir, parseManifest(await readFile(path.join(dir, MANIFEST_FILE), "utf8")));
  return dir;
}

const restore = (dir: string, expectManifestSha256?: string) => restoreBackup({ db: t.db, storage, folder: dir, expectManifestSha256 });

let before: { catalog: string[]; tables: Record<string, string>; sequences: Record<string, string>; files: Record<string, string>; head: string | null };
let manifest: BackupManifest;
let manifestSha256: string;

beforeAll(async () => {
  await seedDemoProvince(t.prisma);
  // Evidence files: on a dossier, one of every byte value, one empty, and an orphan (no row).
  const dossier = await t.prisma.dossier.findFirstOrThrow({ orderBy: { id: "asc" } });
  const contents = [randomBytes(300_000), Buffer.from(Array.from({ length: 256 }, (_, i) => i)), Buffer.alloc(0)];
  for (const [i, bytes] of contents.entries()) {
    const storageKey = randomUUID();
    await storage.put(storageKey, bytes);
    await t.prisma.evidenceFile.create({
      data: { dossierId: dossier.id, criterionId: "CQDN-1", fileName: `Minh chứng ${i + 1}.pdf`, mimeType: "application/pdf", sizeBytes: bytes.length, sha256: sha256(bytes), storageKey },
    });
  }
  await storage.put(randomUUID(), Buffer.from("tệp mồ côi"));
  const chain = await verifyAuditChain(t.prisma);
  expect(chain.ok).toBe(true);
  before = { catalog: await constraintsAndTriggers(t.prisma), tables: await dumpTables(t.prisma), sequences: await sequences(t.prisma), files: await files(storage), head: chain.ok ? chain.headHash : null };
  ({ manifest, manifestSha256 } = await createBackup({ db: t.db, storage, folder }));
}, 240_000);

describe("npm run backup", () => {
  it("holds every table with its row count, every evidence file and the applied migrations, each file with its SHA-256", async () => {
    const names = await tableNames(t.prisma);
    expect(manifest.tables.map((x) => x.name)).toEqual(names);
    for (const table of manifest.tables) expect(`${table.rows} rows`, table.name).toBe(before.tables[table.name]!.split("\n")[0]);
    expect(manifest.tables.find((x) => x.name === "Unit")!.rows).toBeGreaterThan(100);
    expect(manifest.evidence.map((e) => e.key).sort()).toEqual(Object.keys(before.files).sort());
    expect(manifest.missingEvidence).toEqual([]);
    expect(manifest.migrations.length).toBeGreaterThanOrEqual(12);
    expect(manifest.audit.headHash).toBe(before.head);
    expect(manifest.source.kind).toBe(t.db.config.kind);
    // The manifest's own fingerprint, as printed, and every file as listed.
    expect(sha256(await readFile(path.join(folder, MANIFEST_FILE), "utf8"))).toBe(manifestSha256);
    await expect(verifyBackupFolder(folder, manifestSha256)).resolves.toMatchObject({ manifestSha256 });
  });

  it("refuses to write into an existing folder", async () => {
    await expect(createBackup({ db: t.db, storage, folder })).rejects.toThrow(/already exists/);
  });
});

describe("npm run restore", () => {
  it("refuses a database that is not empty", async () => {
    await expect(restore(folder)).rejects.toThrow(/not empty/);
  });

  describe("on the wiped database", () => {
    beforeAll(() => wipe(t.prisma));

    it.each<[string, (dir: string, m: BackupManifest) => Promise<void>, RegExp]>([
      ["a table file with one changed byte", async (dir, m) => {
        const file = path.join(dir, m.tables.find((x) => x.name === "Unit")!.file);
        const bytes = await readFile(file);
        bytes[bytes.length - 10] = bytes[bytes.length - 10]! ^ 0xff;
        await writeFile(file, bytes);
      }, /Unit\.copy\.gz does not match the manifest/],
      ["an evidence file with other bytes of the same size", async (dir, m) => {
        const entry = m.evidence.find((e) => e.bytes === 256)!;
        await writeFile(path.join(dir, entry.file), Buffer.alloc(256, 7));
      }, /does not match the manifest/],
      ["a manifest with one changed hash", async (dir, m) => {
        m.tables[0]!.sha256 = "0".repeat(64);
        await writeFile(path.join(dir, MANIFEST_FILE), JSON.stringify(m));
      }, /does not match the manifest/],
      ["a missing evidence file", async (dir, m) => unlink(path.join(dir, m.evidence[0]!.file)), /incomplete: evidence\/.* is missing/],
      ["a missing table file", async (dir, m) => unlink(path.join(dir, m.tables[3]!.file)), /incomplete: tables\/.* is missing/],
      ["no manifest", async (dir) => unlink(path.join(dir, MANIFEST_FILE)), /holds no manifest\.json/],
      ["a manifest that is not one", async (dir) => writeFile(path.join(dir, MANIFEST_FILE), `{"format":"antt-backup"}`), /not an ANTT backup manifest/],
      ["another migration set", async (dir, m) => {
        m.migrations.push({ name: "20991231000000_from_the_future", checksum: "x" });
        await writeFile(path.join(dir, MANIFEST_FILE), JSON.stringify(m));
      }, /migrations are not the backup's: the target lacks 1 migration\(s\).*20991231000000_from_the_future/],
      ["a migration of other content", async (dir, m) => {
        m.migrations[2]!.checksum = "edited";
        await writeFile(path.join(dir, MANIFEST_FILE), JSON.stringify(m));
      }, /migration\(s\) with other content/],
      ["a table whose columns are not the target's", async (dir, m) => {
        m.tables[0]!.columns.push({ name: "extra", type: "text" });
        await writeFile(path.join(dir, MANIFEST_FILE), JSON.stringify(m));
      }, /tables are not the backup's/],
    ])("refuses %s before writing anything", async (name, change, message) => {
      const dir = await tampered(name.replace(/\W+/g, "-"), change);
      const refusal = restore(dir);
      await expect(refusal).rejects.toBeInstanceOf(BackupRefusedError);
      await expect(refusal).rejects.toThrow(message);
      await expectNothingWritten();
    });

    it("refuses a manifest other than the one whose SHA-256 was recorded", async () => {
      const dir = await tampered("other-manifest", async (d, m) => writeFile(path.join(d, MANIFEST_FILE), JSON.stringify(m)));
      await expect(restore(dir, manifestSha256)).rejects.toThrow(/was changed/);
      await expectNothingWritten();
    });

    it("refuses a target migrated with a migration the backup was not taken with", async () => {
      await t.prisma.$executeRawUnsafe(
        `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, finished_at, applied_steps_count) VALUES ('probe', 'x', '20991231000000_later', now(), now(), 1)`,
      );
      try {
        await expect(restore(folder)).rejects.toThrow(/the target has 1 migration\(s\) the backup was not taken with \(20991231000000_later\)/);
        await expectNothingWritten();
      } finally {
        await t.prisma.$executeRawUnsafe(`DELETE FROM "_prisma_migrations" WHERE id = 'probe'`);
      }
    });

    it("refuses an evidence storage that holds other bytes under one of the backup's keys", async () => {
      const key = manifest.evidence[0]!.key;
      await storage.put(key, Buffer.from("autre"));
      try {
        await expect(restore(folder)).rejects.toThrow(/already holds other bytes/);
        for (const [table, dump] of Object.entries(await dumpTables(t.prisma))) expect(dump, table).toBe("0 rows\n");
      } finally {
        await storage.remove(key);
      }
    });

    it("loads in one transaction: data that breaks a foreign key leaves the database as it was, keys and triggers included", async () => {
      const dir = await tampered("broken-reference", async (d, m) => {
        // EvidenceFile rows pointing at a dossier that does not exist, with a manifest that agrees.
        const entry = m.tables.find((x) => x.name === "EvidenceFile")!;
        const text = gunzipSync(await readFile(path.join(d, entry.file))).toString("utf8");
        const dossierId = (await t.prisma.$queryRaw<{ id: string }[]>`SELECT gen_random_uuid()::text AS id`)[0]!.id;
        const lines = text.split("\n").map((line) => (line ? line.split("\t").map((field, i) => (i === 1 ? dossierId : field)).join("\t") : line));
        const broken = gzipSync(lines.join("\n"));
        await writeFile(path.join(d, entry.file), broken);
        Object.assign(entry, { bytes: broken.length, sha256: sha256(broken) });
        await writeFile(path.join(d, MANIFEST_FILE), JSON.stringify(m));
      });
      await expect(restore(dir)).rejects.toThrow(/foreign key/);
      for (const [table, dump] of Object.entries(await dumpTables(t.prisma))) expect(dump, table).toBe("0 rows\n");
      expect(await constraintsAndTriggers(t.prisma)).toEqual(before.catalog);
      // Files go first (as uploads do): they stay, and a new run keeps those with the same bytes.
      expect(Object.keys(await files(storage)).length).toBe(manifest.evidence.length);
      await rm(path.join(root, "evidence"), { recursive: true, force: true });
    });

    it("restores every table, sequence and file exactly, with the audit chain whole and its head unchanged", async () => {
      const result = await restore(folder, manifestSha256);
      expect(result.rows).toBe(manifest.tables.reduce((n, x) => n + x.rows, 0));
      expect(result.evidenceWritten).toBe(manifest.evidence.length);
      const after = await dumpTables(t.prisma);
      expect(Object.keys(after)).toEqual(Object.keys(before.tables));
      for (const name of Object.keys(before.tables)) expect(after[name], name).toBe(before.tables[name]);
      expect(await sequences(t.prisma)).toEqual(before.sequences);
      expect(await files(storage)).toEqual(before.files);
      expect(result.audit).toMatchObject({ ok: true, headHash: before.head });
      expect(await verifyAuditChain(t.prisma)).toMatchObject({ ok: true, headHash: before.head });
    });

    it("leaves the database working as before: triggers, foreign keys and the audit chain apply again", async () => {
      // The chain links a new event to the restored head; the append-only trigger refuses edits.
      await t.prisma.auditEvent.create({ data: { action: "auth.logout", entityType: "User", actorUsername: "sau-khoi-phuc" } });
      const chain = await verifyAuditChain(t.prisma);
      expect(chain).toMatchObject({ ok: true, events: manifest.audit.events + 1 });
      await expect(t.prisma.$executeRawUnsafe(`UPDATE "AuditEvent" SET "action" = 'x'`)).rejects.toThrow(/append-only/);
      await expect(t.prisma.evidenceFile.create({
        data: { dossierId: randomUUID(), criterionId: "CQDN-1", fileName: "x.pdf", mimeType: "application/pdf", sizeBytes: 1, sha256: "0".repeat(64), storageKey: randomUUID() },
      })).rejects.toThrow();
      // Every trigger is on again and every foreign key is back, as before the backup.
      expect(await constraintsAndTriggers(t.prisma)).toEqual(before.catalog);
    });

    it("restores into a new embedded database too: one format for both (PostgreSQL's backup into PGlite, on the PostgreSQL run)", async () => {
      const pglite = new PGlite();
      await applyMigrations({ kind: "pglite", client: pglite });
      const embedded = databaseFromPglite(pglite);
      try {
        const other = new FileSystemEvidenceStorage(path.join(root, "evidence-embedded"));
        const result = await restoreBackup({ db: embedded, storage: other, folder });
        expect(result.audit).toMatchObject({ ok: true, headHash: before.head });
        const after = await dumpTables(embedded.prisma);
        for (const name of Object.keys(before.tables)) expect(after[name], name).toBe(before.tables[name]);
        expect(await files(other)).toEqual(before.files);
      } finally {
        await embedded.close();
      }
    }, 120_000);

    it("refuses to restore a second time into the restored database", async () => {
      await expect(restore(folder)).rejects.toThrow(/not empty/);
    });
  });
});
