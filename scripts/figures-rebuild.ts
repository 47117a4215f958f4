/**
 * Recomputes the maintained dashboard figures (UnitFigure, IncidentFigure; ADR 0025) from the base
 * tables, in one transaction, into DATABASE_URL (PostgreSQL) or the embedded database. The
 * triggers keep them in step with every change; run this after loading rows with triggers off, to
 * move the range of years held, or when `--check` reports a difference.
 *
 *   npm run figures:rebuild
 *   npm run figures:rebuild -- --from 2015 --to 2045     # the years UnitFigure holds
 *   npm run figures:rebuild -- --check [--year 2026]     # compare with a full recomputation, change nothing
 */
import { parseArgs } from "node:util";
import { openDatabase } from "../lib/db/client";
import { ownerDatabaseConfig } from "../lib/db/config";
import { migrate } from "../lib/db/prepare";
import { figureYears } from "../lib/reports/dashboard-queries";
import { figuresDifferences, rebuildFigures } from "../lib/reports/maintained-figures";
import { runMain } from "./bench-support";

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: { from: { type: "string" }, to: { type: "string" }, check: { type: "boolean", default: false }, year: { type: "string" } },
  });
  const db = openDatabase(ownerDatabaseConfig());
  try {
    await migrate(db);
    if (values.check) {
      const range = await figureYears(db.prisma);
      const last = values.year ? Number(values.year) : ((await db.prisma.dossier.aggregate({ _max: { year: true } }))._max.year ?? new Date().getFullYear());
      const communes = await db.prisma.administrativeArea.findMany({ where: { level: "COMMUNE" }, select: { id: true }, orderBy: { code: "asc" }, take: 3 });
      const years = [last - 1, last, last + 1];
      const filterSets = years.flatMap((year) => [{ year }, { year, kind: "KDC" as const }, { year, sector: "EDUCATION" as const }, ...communes.map((c) => ({ year, communeId: c.id }))]);
      const started = performance.now();
      const problems = await figuresDifferences(db.prisma, filterSets);
      console.log(`Figures hold ${range?.fromYear}–${range?.toYear}; compared ${filterSets.length} dashboards (${years.join(", ")}) with a full recomputation in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
      for (const p of problems) console.log(`  ✗ ${p}`);
      console.log(problems.length ? `${problems.length} difference(s): run npm run figures:rebuild.` : "✓ equal");
      return problems.length ? 1 : 0;
    }
    const summary = await rebuildFigures(db.prisma, { fromYear: values.from ? Number(values.from) : undefined, toYear: values.to ? Number(values.to) : undefined });
    console.log(`Rebuilt the figures for ${summary.fromYear}–${summary.toYear}: ${summary.unitFigureRows} unit rows, ${summary.incidentFigureRows} incident rows in ${(summary.ms / 1000).toFixed(2)} s.`);
    return 0;
  } finally {
    await db.close();
  }
}

runMain(main);
