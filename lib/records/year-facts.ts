/**
 * The unit's counts for an evaluation year (UnitYearFacts). Optimistic concurrency on `version`:
 * the form sends the version it loaded (0: no row yet) and a save that does not match it is
 * refused, so two officers never silently overwrite each other.
 */
import { Prisma, type PrismaClient } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record-audit";
import { UserFacingError } from "@/lib/validation/action-result";
import { loadUnitForWrite, STALE_MESSAGE } from "./unit-access";
import { FACT_FIELDS_BY_KIND, type YearFactsInput } from "./year-facts-schemas";

export async function saveYearFacts(prisma: PrismaClient, actor: Actor | null, input: YearFactsInput) {
  const unit = await loadUnitForWrite(prisma, actor, input.unitId);
  // Only the fields of the unit's kind are written; the others keep whatever they hold.
  const data = Object.fromEntries(FACT_FIELDS_BY_KIND[unit.kind].map((f) => [f, input[f]])) as Partial<Prisma.UnitYearFactsUncheckedCreateInput>;
  try {
    return await prisma.$transaction(async (tx) => {
      const before = await tx.unitYearFacts.findUnique({ where: { unitId_year: { unitId: unit.id, year: input.year } } });
      if ((before?.version ?? 0) !== input.version) throw new UserFacingError(STALE_MESSAGE);
      let after;
      if (!before) {
        after = await tx.unitYearFacts.create({ data: { ...data, unitId: unit.id, year: input.year } });
      } else {
        const { count } = await tx.unitYearFacts.updateMany({ where: { id: before.id, version: input.version }, data: { ...data, version: { increment: 1 } } });
        if (count !== 1) throw new UserFacingError(STALE_MESSAGE);
        after = await tx.unitYearFacts.findUniqueOrThrow({ where: { id: before.id } });
      }
      await recordAudit(tx, {
        actor,
        action: before ? "records.year_facts.updated" : "records.year_facts.created",
        entityType: "UnitYearFacts",
        entityId: after.id,
        unitId: unit.id,
        before,
        after,
      });
      return { id: after.id, version: after.version };
    });
  } catch (error) {
    // Two first saves of the same year at once: the second hits the unique (unitId, year).
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") throw new UserFacingError(STALE_MESSAGE);
    throw error;
  }
}
