/**
 * Province-wide headline figures for one year, aggregated in the database (GROUP BY), never by
 * loading units into memory. Read-only; LEADER, ADMIN and the provincial police.
 */
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { DossierState, UnitKind } from "@/lib/generated/prisma/enums";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/permissions";
import { UNIT_KINDS } from "@/lib/domain/vocabulary";
import { DOSSIER_STATES, REGISTERED_STATES } from "@/lib/workflow/dossier-states";

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
  const [communes, byKind, excluded, byState] = await Promise.all([
    prisma.administrativeArea.count({ where: { level: "COMMUNE" } }),
    prisma.unit.groupBy({ by: ["kind"], where: { isActive: true }, _count: { _all: true } }),
    prisma.unit.count({ where: { isActive: true, exclusionReason: { not: null } } }),
    prisma.dossier.groupBy({ by: ["state"], where: { year, unit: { isActive: true, exclusionReason: null } }, _count: { _all: true } }),
  ]);
  const unitsByKind = Object.fromEntries(UNIT_KINDS.map((k) => [k, 0])) as Record<UnitKind, number>;
  for (const row of byKind) unitsByKind[row.kind] = row._count._all;
  const dossiersByState = Object.fromEntries(DOSSIER_STATES.map((s) => [s, 0])) as Record<DossierState, number>;
  for (const row of byState) dossiersByState[row.state] = row._count._all;
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
