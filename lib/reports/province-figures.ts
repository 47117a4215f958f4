/**
 * Province-wide headline figures for one year, aggregated in the database (GROUP BY), never by
 * loading units into memory; the year is counted as it was (its placements and frozen dossiers). Read-only; LEADER, ADMIN and the provincial police.
 */
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { DossierState, UnitKind } from "@/lib/generated/prisma/enums";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/permissions";
import { UNIT_KINDS } from "@/lib/domain/vocabulary";
import { DOSSIER_STATES, REGISTERED_STATES } from "@/lib/workflow/dossier-states";
import { checkFilters, yearUnits } from "./dashboard-queries";

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
  const [communes, byKind, byState] = await Promise.all([
    prisma.administrativeArea.count({ where: { level: "COMMUNE" } }),
    prisma.$queryRaw<{ kind: UnitKind; units: number; excluded: number }[]>`
      SELECT u."kind", count(*)::int AS "units", count(*) FILTER (WHERE u."exclusionReason" IS NOT NULL)::int AS "excluded"
      FROM ${yearUnits(year)} u GROUP BY u."kind"`,
    prisma.$queryRaw<{ state: DossierState; n: number }[]>`
      SELECT u."state", count(*)::int AS "n" FROM ${yearUnits(year)} u
      WHERE u."dossierId" IS NOT NULL AND u."exclusionReason" IS NULL GROUP BY u."state"`,
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
