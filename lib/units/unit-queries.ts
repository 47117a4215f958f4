/** Read use-cases for units, always scoped by the actor (in the query, not after loading). */
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { UnitKind } from "@/lib/generated/prisma/enums";
import type { Actor } from "@/lib/auth/actor";
import { authorize, unitScope, unitScopeWhere } from "@/lib/auth/permissions";

export type UnitListFilters = { communeId?: string; kind?: UnitKind; q?: string; page?: number };
export const UNIT_PAGE_SIZE = 50;

export async function listUnits(prisma: PrismaClient, actor: Actor | null, filters: UnitListFilters = {}) {
  const where = {
    AND: [
      unitScopeWhere(actor),
      filters.communeId ? { communeId: filters.communeId } : {},
      filters.kind ? { kind: filters.kind } : {},
      filters.q ? { name: { contains: filters.q, mode: "insensitive" as const } } : {},
    ],
  };
  const page = Math.max(1, filters.page ?? 1);
  const [total, units] = await Promise.all([
    prisma.unit.count({ where }),
    prisma.unit.findMany({
      where,
      orderBy: [{ commune: { name: "asc" } }, { kind: "asc" }, { name: "asc" }],
      skip: (page - 1) * UNIT_PAGE_SIZE,
      take: UNIT_PAGE_SIZE,
      select: { id: true, code: true, name: true, kind: true, exclusionReason: true, commune: { select: { id: true, name: true } } },
    }),
  ]);
  return { total, page, pageCount: Math.max(1, Math.ceil(total / UNIT_PAGE_SIZE)), units };
}

/** Units the actor acts for as an officer (their unit, or their commune and its KDC), with this year's dossier. */
export async function listOwnUnits(prisma: PrismaClient, actor: Actor, year: number) {
  if (!unitScope(actor, "unit.update")) return [];
  return prisma.unit.findMany({
    where: unitScopeWhere(actor, "unit.update"),
    orderBy: [{ kind: "desc" }, { name: "asc" }],
    select: {
      id: true,
      name: true,
      kind: true,
      exclusionReason: true,
      commune: { select: { name: true } },
      dossiers: { where: { year }, select: { state: true, registeredOn: true, registrationLate: true } },
    },
  });
}

/**
 * One unit with what its page shows. Returns null when it does not exist; throws ForbiddenError
 * when it exists but is outside the actor's scope (the page turns that into 403).
 */
export async function getUnitDetail(prisma: PrismaClient, actor: Actor | null, unitId: string, year: number) {
  const ref = await prisma.unit.findUnique({ where: { id: unitId }, select: { id: true, kind: true, communeId: true } });
  if (!ref) return null;
  authorize(actor, { action: "unit.read", unit: ref });
  return prisma.unit.findUnique({
    where: { id: unitId },
    include: {
      commune: { select: { id: true, name: true } },
      managingAuthority: { select: { name: true } },
      subUnits: {
        where: { isActive: true },
        orderBy: { name: "asc" },
        include: { results: { where: { year }, select: { result: true } } },
      },
      yearFacts: { where: { year } },
      dossiers: { where: { year }, select: { state: true, registeredOn: true, registrationLate: true, submittedAt: true } },
      incidents: { orderBy: { occurredOn: "desc" }, take: 20 },
      disciplineRecords: { orderBy: { decidedOn: "desc" }, take: 20, include: { person: { select: { fullName: true, personnelType: true } } } },
      movementModels: { where: { year }, orderBy: { name: "asc" } },
    },
  });
}

/**
 * The communes a filter may offer the actor: those holding a unit it may read (the whole province
 * for province-wide readers; its own commune for a commune officer or the commune police). A
 * filter listing the whole province to a commune reviewer offered choices that could only come
 * back empty, and told it the province's communes.
 */
export async function listCommunes(prisma: PrismaClient, actor: Actor | null) {
  const scope = unitScope(actor, "unit.read");
  if (!scope) return [];
  return prisma.administrativeArea.findMany({
    where: { level: "COMMUNE", ...(scope.all ? {} : { units: { some: unitScopeWhere(actor, "unit.read") } }) },
    orderBy: { name: "asc" },
    select: { id: true, name: true },
  });
}
