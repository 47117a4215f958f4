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

/**
 * "No previous year" (KDC-4a) is refused when the register shows the unit in an earlier year:
 * year facts or a dossier of a year before `year`. Unit.createdAt is NOT used: it is when the
 * unit was entered into this system (the demo seed, an import), not when the residential area or
 * commune came into being, so it neither proves nor disproves that the unit is new.
 */
async function refuseIfUnitExistedBefore(tx: Prisma.TransactionClient, unitId: string, year: number) {
  const [facts, dossier] = await Promise.all([
    tx.unitYearFacts.findFirst({ where: { unitId, year: { lt: year } }, orderBy: { year: "desc" }, select: { year: true } }),
    tx.dossier.findFirst({ where: { unitId, year: { lt: year } }, orderBy: { year: "desc" }, select: { year: true } }),
  ]);
  const earlier = Math.max(facts?.year ?? 0, dossier?.year ?? 0);
  if (earlier > 0) {
    throw new UserFacingError(`Đơn vị đã có số liệu hoặc hồ sơ năm ${earlier}, nên không phải đơn vị mới thành lập trong năm ${year}. Vui lòng nhập số liệu năm trước.`, "noPreviousYear");
  }
}

export async function saveYearFacts(prisma: PrismaClient, actor: Actor | null, input: YearFactsInput) {
  const unit = await loadUnitForWrite(prisma, actor, input.unitId);
  // Only the fields of the unit's kind are written; the others keep whatever they hold.
  const data = Object.fromEntries(FACT_FIELDS_BY_KIND[unit.kind].map((f) => [f, input[f]])) as Partial<Prisma.UnitYearFactsUncheckedCreateInput>;
  try {
    return await prisma.$transaction(async (tx) => {
      if (data.noPreviousYear === true) await refuseIfUnitExistedBefore(tx, unit.id, input.year);
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
