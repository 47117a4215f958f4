/**
 * Loads the province-sized dataset (prisma/seed/scale-province.ts) into DATABASE_URL (PostgreSQL)
 * or the embedded database (ANTT_DATA_DIR, default .data/pglite), migrating it first.
 *
 *   npm run seed:scale                                   # 100 communes, 3,000 KDC, 2,000 organisations
 *   npm run seed:scale -- --communes 5 --kdc 60 --orgs 40
 *   npm run seed:scale -- --reset                        # EMPTIES every application table first
 *   npm run seed:scale -- --with-demo                    # also the demo province and its accounts
 *   npm run seed:scale -- --year 2026 --batch 2000
 *
 * Without --reset nothing is ever deleted: rows already there (same stable ids) are skipped, so a
 * second run adds nothing.
 */
import { parseArgs } from "node:util";
import { openDatabase } from "../lib/db/client";
import { ownerDatabaseConfig } from "../lib/db/config";
import { EmbeddedDatabaseBusyError } from "../lib/db/embedded-lock";
import { migrate } from "../lib/db/prepare";
import { seedDemoProvince } from "../prisma/seed/demo-province";
import { DEFAULT_SCALE_OPTIONS, seedScaleProvince, truncateAppTables, type ScaleOptions } from "../prisma/seed/scale-province";

function positiveInt(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new UsageError(`--${name} expects a whole number (got "${value}")`);
  return n;
}

class UsageError extends Error {}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      communes: { type: "string" },
      kdc: { type: "string" },
      orgs: { type: "string" },
      year: { type: "string" },
      batch: { type: "string" },
      reset: { type: "boolean", default: false },
      "with-demo": { type: "boolean", default: false },
      help: { type: "boolean", short: "h", default: false },
    },
    allowPositionals: false,
  });
  if (values.help) {
    console.log("Usage: npm run seed:scale -- [--communes 100] [--kdc 3000] [--orgs 2000] [--year 2026] [--batch 2000] [--reset] [--with-demo]");
    return 0;
  }
  const options: ScaleOptions = {
    communes: positiveInt("communes", values.communes, DEFAULT_SCALE_OPTIONS.communes),
    kdc: positiveInt("kdc", values.kdc, DEFAULT_SCALE_OPTIONS.kdc),
    orgs: positiveInt("orgs", values.orgs, DEFAULT_SCALE_OPTIONS.orgs),
    year: positiveInt("year", values.year, DEFAULT_SCALE_OPTIONS.year),
    batchSize: positiveInt("batch", values.batch, 2_000) || 2_000,
  };
  if (options.communes < 1) throw new UsageError("--communes must be at least 1");

  // It migrates and (with --reset) truncates: the owner's connection when the app has its own role.
  const config = ownerDatabaseConfig();
  const target = config.kind === "postgres" ? `PostgreSQL ${new URL(config.url).host}${new URL(config.url).pathname}` : `embedded PGlite at ${config.dataDir}`;
  const db = openDatabase(config);
  try {
    const started = performance.now();
    const applied = await migrate(db);
    if (applied.length) console.log(`Applied ${applied.length} migration(s) to ${target}.`);

    if (values.reset) {
      const tables = await truncateAppTables(db.prisma);
      console.log(`--reset: emptied ${tables.length} tables of ${target} (TRUNCATE … RESTART IDENTITY CASCADE): ${tables.join(", ")}`);
    } else {
      const units = await db.prisma.unit.count();
      if (units > 0) console.log(`${target} already holds ${units} units; adding the scale dataset beside them (existing rows are skipped; --reset empties it first).`);
    }
    if (values["with-demo"]) {
      const demo = await seedDemoProvince(db.prisma);
      console.log(`Demo province: ${JSON.stringify(demo)}`);
    }

    console.log(`Generating ${options.communes} communes, ${options.kdc} KDC, ${options.orgs} organisations, dossiers ${options.year - 4}–${options.year} into ${target}…`);
    const summary = await seedScaleProvince(db.prisma, options, (line) => console.log(line));
    const seconds = (performance.now() - started) / 1000;
    console.log(`Generated: ${JSON.stringify(summary)}`);
    console.log(`Inserted ${summary.inserted} new rows in ${seconds.toFixed(1)} s${summary.inserted === 0 ? " (everything was already there)" : ""}.`);
    return 0;
  } finally {
    await db.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof EmbeddedDatabaseBusyError) {
      console.error(error.message);
      process.exit(3);
    }
    if (error instanceof UsageError || (error instanceof TypeError && "code" in error && String(error.code).startsWith("ERR_PARSE_ARGS"))) {
      console.error(error.message);
      process.exit(2);
    }
    console.error(error);
    process.exit(1);
  },
);
