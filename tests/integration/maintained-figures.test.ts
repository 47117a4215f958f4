/**
 * The maintained figures (ADR 0025) on a real database (PGlite, and PostgreSQL with
 * TEST_DATABASE_URL): after a random but reproducible sequence of changes — dated placement changes
 * through the registry's use-case, corrections of units, dossier inserts, state changes one by one
 * and set-based, deletions, incidents added, edited and deleted, a rolled-back transaction — the
 * dashboard read from UnitFigure / IncidentFigure equals the same dashboard recounted from the base
 * tables (the statements it ran before, the oracle), for several years and filters; a rebuild
 * changes no maintained row; a year outside the range held is counted from the base tables.
 */
import { describe, expect, it } from "vitest";
import type { Actor } from "../../lib/auth/actor";
import type { DossierState, IncidentCode, Sector, UnitKind } from "../../lib/generated/prisma/enums";
import { DossierState as DossierStates, IncidentCode as IncidentCodes, Sector as Sectors } from "../../lib/generated/prisma/enums";
import { changeUnitPlacement } from "../../lib/registry/placements";
import { dossierFactsOf } from "../../lib/registry/placement-rules";
import { placementChangeSchema } from "../../lib/registry/unit-schemas";
import { figureYears, getDashboard } from "../../lib/reports/dashboard-queries";
import type { DashboardFilters } from "../../lib/reports/dashboard-types";
import { figureRows, figuresDifferences, rebuildFigures } from "../../lib/reports/maintained-figures";
import { todayInVietnam } from "../../lib/domain/vietnam-today";
import { loadUserActor } from "../../lib/users/load-actor";
import { seedDemoProvince } from "../../prisma/seed/demo-province";
import { DEMO_YEAR } from "../../prisma/seed/demo-data";
import { setupTestDatabase } from "./test-db";

const t = setupTestDatabase({ setup: async (prisma) => void (await seedDemoProvince(prisma)) });

/** mulberry32: a small seeded PRNG, so a failing sequence can be replayed exactly. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let x = Math.imul(a ^ (a >>> 15), 1 | a);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

const YEARS = [DEMO_YEAR - 2, DEMO_YEAR - 1, DEMO_YEAR, DEMO_YEAR + 1];
const STATES = Object.values(DossierStates) as DossierState[];
const CODES = Object.values(IncidentCodes) as IncidentCode[];
const SECTORS = Object.values(Sectors) as Sector[];
const KINDS: UnitKind[] = ["KDC", "XA", "CQ", "DN", "CSGD"];

async function admin(): Promise<Actor> {
  const user = await t.prisma.user.findFirstOrThrow({ where: { role: "ADMIN" } });
  return (await loadUserActor(t.prisma, user.id))!;
}

function isoDay(year: number, rnd: () => number): string {
  const d = new Date(Date.UTC(year, 0, 1) + Math.floor(rnd() * 365) * 86_400_000);
  return d.toISOString().slice(0, 10);
}

/** Runs `steps` random changes, checking the figures every `every` steps. Returns what it did. */
async function randomChanges(seed: number, steps: number, every: number, check: (lastSteps: string[]) => Promise<void>): Promise<Record<string, number>> {
  const rnd = prng(seed);
  const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const actor = await admin();
  const today = todayInVietnam();
  const done: Record<string, number> = {};
  const trace: string[] = [];
  const did = (what: string, detail = "") => {
    done[what] = (done[what] ?? 0) + 1;
    trace.push(`${what} ${detail}`.trim());
  };
  const communes = (await t.prisma.administrativeArea.findMany({ where: { level: "COMMUNE" }, select: { id: true }, orderBy: { code: "asc" } })).map((c) => c.id);

  for (let step = 1; step <= steps; step++) {
    const op = Math.floor(rnd() * 12);
    const units = await t.prisma.unit.findMany({ orderBy: { code: "asc" } });
    const dossierKeys = new Set((await t.prisma.dossier.findMany({ select: { unitId: true, year: true } })).map((d) => `${d.unitId}:${d.year}`));
    // Reopening needs a closed unit: now and then pick among those.
    const closed = units.filter((u) => !u.isActive && u.kind !== "XA");
    const unit = op === 2 && closed.length && rnd() < 0.5 ? pick(closed) : pick(units);
    try {
      switch (op) {
        case 0:
        case 1: {
          // A dated move through the registry's use-case (closes and opens placements, re-copies
          // the facts of dossiers not yet submitted), dated in a random past year.
          if (unit.kind === "XA" || !unit.isActive) break;
          const to = pick(communes.filter((c) => c !== unit.communeId));
          const year = pick([DEMO_YEAR - 1, DEMO_YEAR]);
          const effectiveFrom = isoDay(year, rnd) > today ? today : isoDay(year, rnd);
          await changeUnitPlacement(t.prisma, actor, placementChangeSchema.parse({ unitId: unit.id, version: unit.version, change: "MOVE", effectiveFrom, communeId: to, reason: "Theo quyết định số 12/QĐ-UBND" }), today);
          did("move", `${unit.code} ${effectiveFrom}`);
          break;
        }
        case 2: {
          // Close or reopen (the unit leaves or re-enters the years after the date).
          if (unit.kind === "XA") break;
          const effectiveFrom = rnd() < 0.5 ? today : `${DEMO_YEAR}-0${1 + Math.floor(rnd() * 9)}-15`;
          await changeUnitPlacement(t.prisma, actor, placementChangeSchema.parse({ unitId: unit.id, version: unit.version, change: unit.isActive ? "CLOSE" : "REOPEN", effectiveFrom, reason: "Theo quyết định số 13/QĐ-UBND" }), today);
          did(unit.isActive ? "close" : "reopen", `${unit.code} ${effectiveFrom}`);
          break;
        }
        case 3: {
          // A correction of the unit row (the registry form, an import): its open placement and its
          // unsubmitted dossiers follow (triggers), and so do its incidents' kind and sector.
          const kind = unit.kind === "CQ" ? "DN" : unit.kind === "DN" ? "CQ" : unit.kind;
          await t.prisma.unit.update({
            where: { id: unit.id },
            data: { kind, sector: rnd() < 0.2 ? null : pick(SECTORS), exclusionReason: rnd() < 0.25 ? (unit.exclusionReason ? null : "ARMED_FORCES") : unit.exclusionReason, version: { increment: 1 } },
          });
          did("correct unit");
          break;
        }
        case 4: {
          // A new dossier for a unit and year it has none of (a registration, a seed, an import).
          const year = pick(YEARS);
          const without = units.filter((u) => u.isActive && !dossierKeys.has(`${u.id}:${year}`));
          if (!without.length) break;
          const u = pick(without);
          await t.prisma.dossier.create({ data: { unitId: u.id, year, state: pick(["NOT_REGISTERED", "REGISTERED", "SELF_ASSESSMENT"] as const), registrationLate: rnd() < 0.3, ...dossierFactsOf(u) } });
          did("insert dossier");
          break;
        }
        case 5:
        case 6: {
          // One dossier moves through the workflow (state, round, lateness).
          const dossiers = await t.prisma.dossier.findMany({ where: { year: pick(YEARS) }, orderBy: { id: "asc" }, select: { id: true } });
          if (!dossiers.length) break;
          await t.prisma.dossier.update({
            where: { id: pick(dossiers).id },
            data: { state: pick(STATES), reviewRound: Math.floor(rnd() * 3), submissionLate: rnd() < 0.3, version: { increment: 1 } },
          });
          did("dossier transition");
          break;
        }
        case 7: {
          // Set-based, as decisions are issued in bulk: one statement moves many dossiers.
          const year = pick(YEARS);
          const from = pick(STATES);
          const to = pick(STATES);
          await t.prisma.$executeRaw`UPDATE "Dossier" SET "state" = ${to}::"DossierState", "reviewRound" = "reviewRound" + 1, "version" = "version" + 1
            WHERE "year" = ${year} AND ("state" = ${from}::"DossierState" OR md5("id"::text) < '4')`;
          did("bulk transition");
          break;
        }
        case 8: {
          // A dossier deleted (one without children: those this sequence inserted).
          const victims = await t.prisma.dossier.findMany({ where: { answers: { none: {} }, snapshots: { none: {} }, evidenceFiles: { none: {} }, criterionReviews: { none: {} }, recognitions: { none: {} }, decisionId: null }, select: { id: true }, orderBy: { id: "asc" } });
          if (!victims.length) break;
          await t.prisma.dossier.delete({ where: { id: pick(victims).id } });
          did("delete dossier");
          break;
        }
        case 9: {
          // Incidents added: attached to a unit, or commune-wide; dated in any window (16/11 edges too).
          const year = pick(YEARS);
          const occurredOn = rnd() < 0.2 ? `${year}-11-${pick(["15", "16"])}` : isoDay(year, rnd);
          const attached = rnd() < 0.7;
          await t.prisma.incident.createMany({
            data: Array.from({ length: 1 + Math.floor(rnd() * 3) }, () => ({
              unitId: attached ? unit.id : null, communeId: attached ? unit.communeId : pick(communes), code: pick(CODES),
              occurredOn: new Date(`${occurredOn}T00:00:00Z`), title: "Vụ việc thử", source: "POLICE_RECORDED" as const,
            })),
          });
          did("insert incidents");
          break;
        }
        case 10: {
          // An incident edited (date, code, commune or unit) or deleted.
          const incidents = await t.prisma.incident.findMany({ orderBy: { id: "asc" }, select: { id: true } });
          if (!incidents.length) break;
          const id = pick(incidents).id;
          if (rnd() < 0.3) {
            await t.prisma.incident.delete({ where: { id } });
            did("delete incident");
          } else {
            await t.prisma.incident.update({ where: { id }, data: { code: pick(CODES), occurredOn: new Date(`${isoDay(pick(YEARS), rnd)}T00:00:00Z`), unitId: rnd() < 0.5 ? unit.id : null, communeId: unit.communeId } });
            did("edit incident");
          }
          break;
        }
        case 11: {
          // A transaction that writes and then fails leaves no trace in the figures either.
          await t.prisma
            .$transaction(async (tx) => {
              await tx.$executeRaw`UPDATE "Dossier" SET "state" = 'RECOGNISED' WHERE "year" = ${DEMO_YEAR}`;
              await tx.incident.deleteMany({});
              throw new Error("rolled back");
            })
            .catch((e: unknown) => {
              if (!(e instanceof Error) || e.message !== "rolled back") throw e;
            });
          did("rolled back");
          break;
        }
      }
    } catch (error) {
      // A change the use-case refuses (a date before the open placement, a closed unit…) is
      // simply not made; anything else is a failure.
      if (!(error instanceof Error) || error.name === "PrismaClientKnownRequestError" || !/[À-ỹ]/.test(error.message)) throw error;
      did("refused");
    }
    if (step % every === 0 || step === steps) await check(trace.slice(-every));
  }
  return done;
}

async function filterSets(): Promise<DashboardFilters[]> {
  const communes = await t.prisma.administrativeArea.findMany({ where: { level: "COMMUNE" }, select: { id: true }, orderBy: { code: "asc" } });
  return YEARS.flatMap((year, i) => [
    { year },
    { year, communeId: communes[i % communes.length]!.id },
    { year, kind: KINDS[i % KINDS.length] },
    { year, sector: SECTORS[i % SECTORS.length] },
  ]);
}

describe("maintained figures equal a full recomputation", () => {
  it("after the demo seed, and after a random sequence of changes through use-cases and SQL", async () => {
    const sets = await filterSets();
    expect(await figuresDifferences(t.prisma, sets)).toEqual([]);
    let checks = 0;
    const done = await randomChanges(20261129, 80, Number(process.env.FIGURES_CHECK_EVERY ?? 10), async (lastSteps) => {
      checks++;
      expect(await figuresDifferences(t.prisma, sets), `after: ${lastSteps.join("; ")}`).toEqual([]);
    });
    console.log(`maintained figures: ${checks} checks after ${JSON.stringify(done)}`);
    expect(checks).toBeGreaterThanOrEqual(6);
    // The sequence really exercised the paths (the seed fixes which).
    expect(Object.keys(done).length).toBeGreaterThanOrEqual(8);

    // A rebuild from the base tables finds exactly the rows the triggers kept.
    const maintained = await figureRows(t.prisma);
    const summary = await rebuildFigures(t.prisma);
    expect(summary.unitFigureRows).toBeGreaterThan(0);
    expect(await figureRows(t.prisma)).toEqual(maintained);
  }, 240_000);

  it("writers moving dossiers in opposite directions at once neither deadlock nor lose a count", async () => {
    // Every transition meets the others on the province rollup's few buckets (ProvinceFigure): each
    // transaction takes them in one sorted statement, so 24 concurrent writers, half going A→B and
    // half B→A, each holding its locks a moment, must all commit (on PostgreSQL they really overlap;
    // PGlite runs them one after another) and leave the figures exact.
    const dossiers = await t.prisma.dossier.findMany({ where: { year: DEMO_YEAR }, select: { id: true }, orderBy: { id: "asc" }, take: 24 });
    expect(dossiers).toHaveLength(24);
    const ids = dossiers.map((d) => d.id);
    const [a, b] = [ids.slice(0, 12), ids.slice(12)];
    await t.prisma.dossier.updateMany({ where: { id: { in: a } }, data: { state: "SUBMITTED" } });
    await t.prisma.dossier.updateMany({ where: { id: { in: b } }, data: { state: "UNDER_REVIEW" } });
    for (let round = 0; round < 3; round++) {
      const flip = (id: string, from: DossierState, to: DossierState) =>
        t.prisma.$transaction(async (tx) => {
          await tx.$executeRaw`UPDATE "Dossier" SET "state" = ${to}::"DossierState" WHERE "id" = ${id}::uuid AND "state" = ${from}::"DossierState"`;
          await tx.$executeRaw`SELECT pg_sleep(0.02)`;
        });
      const [from, to]: [DossierState, DossierState] = round % 2 === 0 ? ["SUBMITTED", "UNDER_REVIEW"] : ["UNDER_REVIEW", "SUBMITTED"];
      const results = await Promise.allSettled([...a.map((id) => flip(id, from, to)), ...b.map((id) => flip(id, to, from))]);
      expect(results.filter((r) => r.status === "rejected").map((r) => String((r as PromiseRejectedResult).reason))).toEqual([]);
    }
    expect(await figuresDifferences(t.prisma, await filterSets())).toEqual([]);
    const maintained = await figureRows(t.prisma);
    await rebuildFigures(t.prisma);
    expect(await figureRows(t.prisma)).toEqual(maintained);
  }, 120_000);

  it("a year outside the range held is counted from the base tables, with the same figures", async () => {
    const strip = async (filters: DashboardFilters) => {
      const { generatedAt: _ignored, ...rest } = await getDashboard(t.prisma, (await loadUserActor(t.prisma, (await t.prisma.user.findFirstOrThrow({ where: { role: "LEADER" } })).id))!, filters);
      return rest;
    };
    const before = await strip({ year: DEMO_YEAR });
    await rebuildFigures(t.prisma, { fromYear: DEMO_YEAR + 1, toYear: DEMO_YEAR + 5 });
    expect(await figureYears(t.prisma)).toEqual({ fromYear: DEMO_YEAR + 1, toYear: DEMO_YEAR + 5 });
    // No maintained row is left for the year: the dashboard, which asks for the maintained
    // statements before it has read the range, must notice and count from the base tables.
    expect(await t.prisma.$queryRaw`SELECT count(*)::int AS "rows" FROM "ProvinceFigure" WHERE "year" = ${DEMO_YEAR}::int`).toEqual([{ rows: 0 }]);
    expect(await strip({ year: DEMO_YEAR })).toEqual(before);
    await rebuildFigures(t.prisma, { fromYear: 2015, toYear: 2040 });
    expect(await strip({ year: DEMO_YEAR })).toEqual(before);
  }, 120_000);
});
