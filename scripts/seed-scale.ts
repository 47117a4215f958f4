/**
 * Loads the province-sized dataset (prisma/seed/scale-province.ts) into DATABASE_URL (PostgreSQL)
 * or the embedded database (ANTT_DATA_DIR, default .data/pglite), migrating it first.
 *
 *   npm run seed:scale                                   # 100 communes, 3,000 KDC, 2,000 organisations
 *   npm run seed:scale -- --size 16                      # 16× that: 1,600 communes, 48,000 KDC, 32,000 organisations
 *   npm run seed:scale -- --communes 5 --kdc 60 --orgs 40  # explicit counts win over --size
 *   npm run seed:scale -- --reset                        # EMPTIES every application table first
 *   npm run seed:scale -- --with-demo                    # also the demo province and its accounts
 *   npm run seed:scale -- --year 2026 --step 16          # communes per transaction
 *
 * Streams: each step of communes is generated, written with COPY and committed on its own, so
 * memory stays flat at any size (ADR 0019). Without --reset nothing is ever deleted: communes
 * already loaded are skipped, so an interrupted run resumes where it stopped and a second run adds
 * nothing; a database seeded with OTHER options is refused (use --reset).
 */
import { parseArgs } from "node:util";
import { openDatabase } from "../lib/db/client";
import { ownerDatabaseConfig } from "../lib/db/config";
import { EmbeddedDatabaseBusyError } from "../lib/db/embedded-lock";
import { migrate } from "../lib/db/prepare";
import { seedDemoProvince } from "../prisma/seed/demo-province";
import { seedMovementSheets2026 } from "../prisma/seed/movement-sheets";
import { DEFAULT_SCALE_OPTIONS, ScaleDatasetMismatchError, seedScaleProvince, truncateAppTables, type ScaleOptions } from "../prisma/seed/scale-province";

function positiveInt(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new UsageError(`--${name} expects a whole number (got "${value}")`);
  return n;
}

class UsageError extends Error {}
class InterruptedError extends Error {}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      communes: { type: "string" },
      kdc: { type: "string" },
      orgs: { type: "string" },
      year: { type: "string" },
      size: { type: "string" },
      step: { type: "string" },
      reset: { type: "boolean", default: false },
      "with-demo": { type: "boolean", default: false },
      help: { type: "boolean", short: "h", default: false },
    },
    allowPositionals: false,
  });
  if (values.help) {
    console.log("Usage: npm run seed:scale -- [--size 1] [--communes 100] [--kdc 3000] [--orgs 2000] [--year 2026] [--step 16] [--reset] [--with-demo]");
    return 0;
  }
  const size = values.size === undefined ? 1 : Number(values.size);
  if (!Number.isFinite(size) || size <= 0) throw new UsageError(`--size expects a positive multiple of the default size (got "${values.size}")`);
  const scaled = (n: number) => Math.max(1, Math.round(n * size));
  const options: ScaleOptions = {
    communes: positiveInt("communes", values.communes, scaled(DEFAULT_SCALE_OPTIONS.communes)),
    kdc: positiveInt("kdc", values.kdc, scaled(DEFAULT_SCALE_OPTIONS.kdc)),
    orgs: positiveInt("orgs", values.orgs, scaled(DEFAULT_SCALE_OPTIONS.orgs)),
    year: positiveInt("year", values.year, DEFAULT_SCALE_OPTIONS.year),
    communesPerStep: positiveInt("step", values.step, 16) || 16,
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
      if (units > 0) console.log(`${target} already holds ${units} units; adding the scale dataset beside them (communes already loaded are skipped; --reset empties it first).`);
    }
    if (values["with-demo"]) {
      const demo = await seedDemoProvince(db.prisma);
      console.log(`Demo province: ${JSON.stringify(demo)}`);
    }

    console.log(`Generating ${options.communes} communes, ${options.kdc} KDC, ${options.orgs} organisations, dossiers ${options.year - 4}–${options.year} into ${target}…`);
    const seeding = performance.now();
    // Ctrl-C stops after the step being written (committed whole) and closes the database cleanly
    // — an embedded PGlite killed mid-write may not reopen; the same command then resumes.
    let interrupted = false;
    process.once("SIGINT", () => {
      interrupted = true;
      console.log("Interrupted: stopping after the current step (Ctrl-C again to kill).");
      process.once("SIGINT", () => process.exit(130));
    });
    const summary = await seedScaleProvince(db, options, (line) => console.log(line), {
      afterStep: (done) => {
        if (interrupted) throw new InterruptedError(`Stopped after ${done} of ${options.communes} communes; run the same command again to resume.`);
      },
    });
    const now = performance.now();
    console.log(`Generated: ${JSON.stringify(summary)}`);
    console.log(`Movement scoring sheets of 2026 added: ${await seedMovementSheets2026(db.prisma)} (issue 14 §1; existing ones left as they are).`);
    // The figures to compare runs by: rows per second of the seed itself, and the process's peak memory.
    const maxRssMb = process.resourceUsage().maxRSS / 1024;
    console.log(
      `Inserted ${summary.inserted} new rows in ${((now - seeding) / 1000).toFixed(1)} s (${Math.round(summary.inserted / ((now - seeding) / 1000))} rows/s; ${((now - started) / 1000).toFixed(1)} s in all); max RSS ${maxRssMb.toFixed(0)} MB${summary.inserted === 0 ? " (everything was already there)" : ""}.`,
    );
    if (summary.inserted > 0) {
      // The maintained figures are upserted once per unit as it is written, so their tables end
      // many times their size in dead rows (ProvinceFigure: 21 MB for 1,032 live rows at 8×), and
      // the planner has no statistics for the new rows: benchmarks run right after measured that.
      const vacuum = performance.now();
      await db.prisma.$executeRawUnsafe("VACUUM ANALYZE");
      console.log(`VACUUM ANALYZE: ${((performance.now() - vacuum) / 1000).toFixed(1)} s.`);
    }
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
    if (error instanceof InterruptedError) {
      console.error(error.message);
      process.exit(130);
    }
    if (error instanceof ScaleDatasetMismatchError) {
      console.error(error.message);
      process.exit(4);
    }
    if (error instanceof UsageError || (error instanceof TypeError && "code" in error && String(error.code).startsWith("ERR_PARSE_ARGS"))) {
      console.error(error.message);
      process.exit(2);
    }
    console.error(error);
    process.exit(1);
  },
);
