/**
 * The streamed scale seed (issue 12 §5, ADR 0019): the same options give the same rows — through
 * COPY and through the Prisma fallback alike —, a run interrupted between two steps leaves only
 * whole communes and the next run completes it to the same rows, a second run adds nothing, and a
 * database seeded with other options is refused. Memory is measured by the script
 * (`npm run seed:scale` prints max RSS), not here.
 */
import { describe, expect, it } from "vitest";
import type { PrismaClient } from "../../lib/generated/prisma/client";
import { DEMO_YEAR } from "../../prisma/seed/demo-data";
import { buildScaleRows, LOAD_ORDER, ScaleDatasetMismatchError, seedScaleProvince, type ScaleOptions } from "../../prisma/seed/scale-province";
import { setupTestDatabase, truncateAll } from "./test-db";

const options: ScaleOptions = { communes: 7, kdc: 45, orgs: 30, year: DEMO_YEAR, communesPerStep: 2 };
/** Tables whose ids the seed chooses (the others get gen_random_uuid() from triggers): compared row by row. */
const SEEDED = LOAD_ORDER.map(([, table]) => table);
const DERIVED = ["UnitPlacement", "DecisionRecognition", "RecognitionDecisionRevision"];

/** Every seeded row minus its load timestamps, digested per table; counts for the derived tables. */
async function fingerprint(prisma: PrismaClient): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const table of SEEDED) {
    const [row] = await prisma.$queryRawUnsafe<{ n: number; digest: string | null }[]>(
      `SELECT count(*)::int AS n, md5(string_agg(x, ',' ORDER BY x)) AS digest
       FROM (SELECT (to_jsonb(t) - 'createdAt' - 'updatedAt')::text AS x FROM "${table}" t) s`,
    );
    out[table] = `${row!.n}:${row!.digest}`;
  }
  for (const table of DERIVED) {
    const [row] = await prisma.$queryRawUnsafe<{ n: number }[]>(`SELECT count(*)::int AS n FROM "${table}"`);
    out[table] = String(row!.n);
  }
  return out;
}

// Each test seeds two or three times: minutes, not seconds, on a loaded 2-core machine.
describe("seed:scale streams deterministically and resumes", { timeout: 180_000 }, () => {
  const t = setupTestDatabase({ keepData: true });

  it("same options, same rows: through COPY and through Prisma, matching the in-memory build", async () => {
    await truncateAll(t.prisma);
    const summary = await seedScaleProvince(t.db, options);
    const viaCopy = await fingerprint(t.prisma);

    const rows = buildScaleRows(options);
    expect(summary.communes).toBe(7);
    expect(summary.units).toBe(rows.units.length);
    expect(summary.dossiers).toBe(rows.dossiers.length);
    expect(await t.prisma.unit.count()).toBe(7 + 45 + 30);
    expect(await t.prisma.dossier.count()).toBe(rows.dossiers.length);
    const ids = (await t.prisma.dossier.findMany({ select: { id: true }, orderBy: { id: "asc" } })).map((d) => d.id);
    expect(ids).toEqual(rows.dossiers.map((d) => d.id!).sort());
    // Every recognition has its decision, and every decision its first revision.
    expect(await t.prisma.dossier.count({ where: { state: { in: ["RECOGNISED", "REVOKED"] }, decisionId: null } })).toBe(0);
    expect(viaCopy.RecognitionDecisionRevision).toBe(String(summary.decisions));

    await truncateAll(t.prisma);
    await seedScaleProvince(t.prisma, options);
    expect(await fingerprint(t.prisma)).toEqual(viaCopy);
  });

  it("an interrupted run keeps whole steps; the next run completes it to the same rows; a third adds nothing", async () => {
    await truncateAll(t.prisma);
    await seedScaleProvince(t.db, options);
    const whole = await fingerprint(t.prisma);

    await truncateAll(t.prisma);
    const stop = new Error("interrupted");
    await expect(
      seedScaleProvince(t.db, options, () => {}, {
        afterStep: (done) => {
          if (done >= 4) throw stop;
        },
      }),
    ).rejects.toBe(stop);
    // Two steps of two communes committed, nothing of the third.
    expect(await t.prisma.administrativeArea.count({ where: { level: "COMMUNE" } })).toBe(4);
    const communeIds = (await t.prisma.administrativeArea.findMany({ where: { level: "COMMUNE" }, select: { id: true } })).map((a) => a.id);
    expect(await t.prisma.unit.count({ where: { communeId: { notIn: communeIds } } })).toBe(0);

    const resumed = await seedScaleProvince(t.db, options);
    expect(resumed.inserted).toBeGreaterThan(0);
    expect(await fingerprint(t.prisma)).toEqual(whole);

    const again = await seedScaleProvince(t.db, options);
    expect(again.inserted).toBe(0);
    expect(await fingerprint(t.prisma)).toEqual(whole);
  });

  it("refuses a database seeded with other options, before writing anything", async () => {
    const before = await fingerprint(t.prisma);
    await expect(seedScaleProvince(t.db, { ...options, kdc: 46 })).rejects.toBeInstanceOf(ScaleDatasetMismatchError);
    expect(await fingerprint(t.prisma)).toEqual(before);
  });
});
