/**
 * Province-wide headline figures for one year, aggregated in the database (GROUP BY), never by
 * loading units into memory; the year is counted as it was (its placements and frozen dossiers).
 * Read from the maintained figures (ADR 0025) when they hold the year, else from the base tables.
 * Read-only; LEADER, ADMIN and the provincial police.
 */
import { Prisma, type PrismaClient } from "@/lib/generated/prisma/client";
import type { DossierState, UnitKind } from "@/lib/generated/prisma/enums";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/permissions";
import { UNIT_KINDS } from "@/lib/domain/vocabulary";
import { DOSSIER_STATES, REGISTERED_STATES } from "@/lib/workflow/dossier-states";
import { checkFilters, figureYears, figuresHold, yearUnits } from "./dashboard-queries";

export type ProvinceFigures = {
  year: number;
  communes: number;
  unitsByKind: Record<UnitKind, number>;
  excludedUnits: number;
  /** Units that must take part (not excluded). */
  eligibleUnits: number;
  dossiersByState: Record<DossierState, number>;
  registered: number;
  recognised: number;
};

export async function provinceFigures(prisma: PrismaClient, actor: Actor | null, year: number): Promise<ProvinceFigures> {
  authorize(actor, { action: "province.read" });
  checkFilters({ year });
  // The units of the year as counted (ADR 0009, lib/reports/dashboard-queries.ts: yearUnits).
  const maintained = figuresHold(await figureYears(prisma), year);
  const byKindSql = maintained
    ? Prisma.sql`SELECT u."kind", sum(u."units")::int AS "units", coalesce(sum(u."units") FILTER (WHERE u."excluded"), 0)::int AS "excluded"
      FROM "ProvinceFigure" u WHERE u."year" = ${year}::int GROUP BY u."kind"`
    : Prisma.sql`SELECT u."kind", count(*)::int AS "units", count(*) FILTER (WHERE u."exclusionReason" IS NOT NULL)::int AS "excluded"
      FROM ${yearUnits(year)} u GROUP BY u."kind"`;
  const byStateSql = maintained
    ? Prisma.sql`SELECT u."state", sum(u."units")::int AS "n" FROM "ProvinceFigure" u
      WHERE u."year" = ${year}::int AND u."state" IS NOT NULL AND NOT u."excluded" GROUP BY u."state"`
    : Prisma.sql`SELECT u."state", count(*)::int AS "n" FROM ${yearUnits(year)} u
      WHERE u."dossierId" IS NOT NULL AND u."exclusionReason" IS NULL GROUP BY u."state"`;
  const [communes, byKind, byState] = await Promise.all([
    prisma.administrativeArea.count({ where: { level: "COMMUNE" } }),
    prisma.$queryRaw<{ kind: UnitKind; units: number; excluded: number }[]>(byKindSql),
    prisma.$queryRaw<{ state: DossierState; n: number }[]>(byStateSql),
  ]);
  const unitsByKind = Object.fromEntries(UNIT_KINDS.map((k) => [k, 0])) as Record<UnitKind, number>;
  let excluded = 0;
  for (const row of byKind) {
    unitsByKind[row.kind] = Number(row.units);
    excluded += Number(row.excluded);
  }
  const dossiersByState = Object.fromEntries(DOSSIER_STATES.map((s) => [s, 0])) as Record<DossierState, number>;
  for (const row of byState) dossiersByState[row.state] = Number(row.n);
  const totalUnits = Object.values(unitsByKind).reduce((a, b) => a + b, 0);
  return {
    year,
    communes,
    unitsByKind,
    excludedUnits: excluded,
    eligibleUnits: totalUnits - excluded,
    dossiersByState,
    registered: REGISTERED_STATES.reduce((sum, s) => sum + dossiersByState[s], 0),
    recognised: dossiersByState.RECOGNISED,
  };
}
