/**
 * Server time of the units import on a real PostgreSQL holding a province-sized dataset: a
 * generated workbook of 5,000 unit rows, previewed (read, parse, plan against every unit) and then
 * committed (read and plan again inside the transaction, write, audit) — the same use-cases the
 * route calls. Two files: 5,000 new units, then the same 5,000 with another address (5,000
 * updates). Goal (issue 10): preview and commit of 5,000 rows each < 10 s.
 *
 *   PG_TEST_STATE=/tmp/antt-pg-bench scripts/pg-test-server.sh start 55496
 *   DATABASE_URL=postgresql://antt@127.0.0.1:55496/antt npm run seed:scale -- --reset
 *   DATABASE_URL=postgresql://antt@127.0.0.1:55496/antt npm run bench:import
 *   PG_TEST_STATE=/tmp/antt-pg-bench scripts/pg-test-server.sh stop
 *
 * Options: --rows 5000. An empty database is migrated and seeded with the default scale dataset
 * first. The generated units stay (codes BENCH-<time>-n): run against a throwaway database.
 */
import { cpus, loadavg } from "node:os";
import { parseArgs } from "node:util";
import ExcelJS from "exceljs";
import type { Actor } from "../lib/auth/actor";
import { openDatabase } from "../lib/db/client";
import { databaseConfig } from "../lib/db/config";
import { migrate } from "../lib/db/prepare";
import { commitUnitImport, previewUnitImport } from "../lib/registry/import-units";
import { UNIT_HEADERS } from "../lib/registry/import/unit-columns";
import { DEFAULT_SCALE_OPTIONS, seedScaleProvince } from "../prisma/seed/scale-province";
import { runMain } from "./bench-support";

const GOAL_MS = 10_000;

async function workbook(rows: string[][]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet("Đơn vị");
  sheet.addRow(UNIT_HEADERS);
  for (const r of rows) sheet.addRow(r);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

async function time<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const start = performance.now();
  const value = await fn();
  return [value, performance.now() - start];
}

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { rows: { type: "string", default: "5000" } } });
  const n = Number(values.rows);
  const config = databaseConfig();
  if (config.kind !== "postgres") {
    console.error("bench:import measures a real PostgreSQL server, not the embedded PGlite: set DATABASE_URL (see the header of scripts/bench-import.ts).");
    return 2;
  }
  const db = openDatabase(config);
  try {
    await migrate(db);
    if ((await db.prisma.unit.count()) === 0) {
      console.log("Empty database: loading the default scale dataset (npm run seed:scale)…");
      await seedScaleProvince(db, DEFAULT_SCALE_OPTIONS);
    }
    const user = await db.prisma.user.upsert({
      where: { username: "bench.import" },
      create: { username: "bench.import", fullName: "Benchmark nhập đơn vị", role: "ADMIN", passwordHash: "!" },
      update: {},
    });
    const admin: Actor = { userId: user.id, username: user.username, fullName: user.fullName, role: "ADMIN", unitId: null, areaId: null, reviewerLevel: null, authorityId: null };
    const communes = await db.prisma.administrativeArea.findMany({ where: { level: "COMMUNE" }, select: { code: true } });
    const authority = await db.prisma.authority.findFirstOrThrow({ select: { code: true } });
    const existing = await db.prisma.unit.count();
    console.log(`PostgreSQL at ${new URL(config.url).host}; ${communes.length} communes, ${existing} units; ${cpus().length} CPU, load ${loadavg().map((l) => l.toFixed(2)).join(" ")}.`);

    const stamp = Date.now().toString(36);
    const rows = (address: string) =>
      Array.from({ length: n }, (_, i) => [`BENCH-${stamp}-${i + 1}`, `Thôn thử nghiệm ${stamp} số ${i + 1}`, "Khu dân cư", communes[i % communes.length]!.code, authority.code, "Khu dân cư", "Thôn", "", "", "Có", "Không", address, "Có"]);
    let failed = false;
    for (const [label, address] of [[`${n} new units`, "Số 1"], [`${n} updated units`, "Số 2"]] as const) {
      const bytes = await workbook(rows(address));
      const file = { bytes, fileName: "bench.xlsx" };
      const [preview, previewMs] = await time(() => previewUnitImport(db.prisma, admin, file));
      if (!preview.ok || preview.data.counts.problems > 0) throw new Error(`preview refused: ${JSON.stringify(preview).slice(0, 500)}`);
      const [commit, commitMs] = await time(() => commitUnitImport(db.prisma, admin, file, preview.data.sha256));
      if (!commit.ok) throw new Error(`commit refused: ${commit.message}`);
      const ok = previewMs < GOAL_MS && commitMs < GOAL_MS;
      failed ||= !ok;
      console.log(
        `${label} (${(bytes.byteLength / 1024).toFixed(0)} KB): preview ${(previewMs / 1000).toFixed(2)} s (${JSON.stringify(preview.data.counts)}), ` +
          `commit ${(commitMs / 1000).toFixed(2)} s (+${commit.data.added} ~${commit.data.updated} =${commit.data.unchanged}) ${ok ? "✓" : `✗ goal < ${GOAL_MS / 1000} s`}`,
      );
    }
    return failed ? 1 : 0;
  } finally {
    await db.close();
  }
}

runMain(main);
