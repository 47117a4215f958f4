/**
 * Reads what lib/movement/prefill.ts needs about one unit and year, in a constant number of
 * queries (six, seven for a commune), whatever the unit's size: the dossier of the year, the
 * effective models counted, the discipline decisions of the year, the eligible sub-units with
 * their result of the year, the year's facts, and for a commune its units' dossiers.
 */
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import type { UnitKind } from "@/lib/generated/prisma/enums";
import { DOSSIER_PENDING_STATES, type PrefillFacts } from "./prefill";

type Db = PrismaClient | Prisma.TransactionClient;

const isoDate = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);

/** Kinds under a commune whose registration and recognition the commune's 70 % rule counts (seed 004 b). */
const COMMUNE_COUNTED_KINDS: readonly UnitKind[] = ["KDC", "CQ", "DN", "CSGD"];

export async function loadPrefillFacts(db: Db, unit: { id: string; kind: UnitKind; communeId: string }, year: number): Promise<PrefillFacts> {
  const dossier = await db.dossier.findUnique({
    where: { unitId_year: { unitId: unit.id, year } },
    select: { state: true, registeredOn: true, registrationLate: true, partyResolutionRef: true, partyResolutionOn: true, planRef: true, planOn: true },
  });
  const effectiveModels = await db.movementModel.count({ where: { unitId: unit.id, year, isEffective: true } });
  const discipline = await db.disciplineRecord.findMany({
    where: { unitId: unit.id, decidedOn: { gte: new Date(Date.UTC(year, 0, 1)), lt: new Date(Date.UTC(year + 1, 0, 1)) } },
    select: { level: true },
    orderBy: { decidedOn: "asc" },
  });
  const subUnits = await db.subUnit.findMany({
    where: { unitId: unit.id, isActive: true, eligibleForRating: true },
    select: { results: { where: { year }, select: { result: true } } },
  });
  const facts = await db.unitYearFacts.findUnique({
    where: { unitId_year: { unitId: unit.id, year } },
    select: { staffTotal: true, staffBriefed: true, householdsResident: true, householdsRegistered: true, securityForceRating: true },
  });
  let communeUnits: PrefillFacts["communeUnits"] = null;
  if (unit.kind === "XA") {
    // One row per unit under the commune with its dossier's state for the year (a left join).
    const rows = await db.$queryRaw<{ state: string | null }[]>`
      SELECT d."state"::text AS "state"
        FROM "Unit" u
        LEFT JOIN "Dossier" d ON d."unitId" = u."id" AND d."year" = ${year}
       WHERE u."communeId" = ${unit.communeId}::uuid AND u."isActive" AND u."exclusionReason" IS NULL
         AND u."kind"::text = ANY(string_to_array(${COMMUNE_COUNTED_KINDS.join(",")}, ','))`;
    communeUnits = {
      total: rows.length,
      registered: rows.filter((r) => r.state !== null && r.state !== "NOT_REGISTERED").length,
      recognised: rows.filter((r) => r.state === "RECOGNISED").length,
      pending: rows.filter((r) => r.state !== null && (DOSSIER_PENDING_STATES as readonly string[]).includes(r.state)).length,
    };
  }
  return {
    year,
    dossier: dossier
      ? {
          state: dossier.state,
          registeredOn: isoDate(dossier.registeredOn),
          registrationLate: dossier.registrationLate,
          partyResolutionRef: dossier.partyResolutionRef,
          partyResolutionOn: isoDate(dossier.partyResolutionOn),
          planRef: dossier.planRef,
          planOn: isoDate(dossier.planOn),
        }
      : null,
    effectiveModels,
    disciplineLevels: discipline.map((d) => d.level),
    subUnits: { eligible: subUnits.length, results: subUnits.flatMap((s) => s.results.map((r) => r.result)) },
    yearFacts: facts,
    communeUnits,
  };
}
