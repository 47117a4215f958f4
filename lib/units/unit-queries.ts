/** Read use-cases for units, always scoped by the actor (in the query, not after loading). */
import { Prisma, type PrismaClient } from "@/lib/generated/prisma/client";
import type { ExclusionReason, UnitKind } from "@/lib/generated/prisma/enums";
import type { Actor } from "@/lib/auth/actor";
import { authorize, unitScope, unitScopeWhere, type UnitScope } from "@/lib/auth/permissions";
import { cappedTotal, DEFAULT_PAGE_SIZE, keysetPage, pageOf, type KeysetColumn, type PageRequest } from "@/lib/paging/keyset";

export type UnitListFilters = { communeId?: string; kind?: UnitKind; q?: string } & PageRequest;
export const UNIT_PAGE_SIZE = DEFAULT_PAGE_SIZE;

type UnitListRow = {
  id: string;
  code: string;
  name: string;
  kind: UnitKind;
  exclusionReason: ExclusionReason | null;
  commune: { id: string; name: string };
};

/** Commune by name, then kind, then name: the order a person scans a province's units in. */
const UNIT_ORDER: readonly KeysetColumn<UnitListRow>[] = [
  { path: ["commune", "name"], dir: "asc", value: (u) => u.commune.name },
  { path: ["kind"], dir: "asc", value: (u) => u.kind },
  { path: ["name"], dir: "asc", value: (u) => u.name },
  { path: ["id"], dir: "asc", value: (u) => u.id },
];

/** `LIKE` pattern for "contains", the user's % and _ taken literally. */
const containsPattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * The unit list as one SQL statement. Prisma writes a keyset on the commune's name as one join
 * per condition and plans it in ~60 ms at 1× (scripts/bench-lists.ts); this statement's row
 * comparison, under a leading "commune name ≥", walks AdministrativeArea(name) and
 * Unit(communeId, kind, name, id) in order and stops after `take` rows (an incremental sort per
 * commune), so page 800 costs what page 1 costs. The scope is the same as unitScopeWhere's.
 */
function unitListRows(prisma: PrismaClient, scope: NonNullable<UnitScope>, filters: UnitListFilters, boundary: UnitListRow | null, forward: boolean, take: number) {
  const conditions: Prisma.Sql[] = [];
  if (!scope.all) {
    if (scope.unitId) conditions.push(Prisma.sql`u.id = ${scope.unitId}::uuid`);
    if (scope.communeId) conditions.push(Prisma.sql`u."communeId" = ${scope.communeId}::uuid`);
    if (scope.kinds) conditions.push(Prisma.sql`u.kind::text = ANY(${[...scope.kinds]}::text[])`);
  }
  if (filters.communeId) conditions.push(Prisma.sql`u."communeId" = ${filters.communeId}::uuid`);
  if (filters.kind) conditions.push(Prisma.sql`u.kind::text = ${filters.kind}`);
  if (filters.q) conditions.push(Prisma.sql`u.name ILIKE ${containsPattern(filters.q)}`);
  if (boundary) {
    const b = boundary;
    conditions.push(
      forward
        ? Prisma.sql`a.name >= ${b.commune.name} AND (a.name, u.kind, u.name, u.id) > (${b.commune.name}, ${b.kind}::"UnitKind", ${b.name}, ${b.id}::uuid)`
        : Prisma.sql`a.name <= ${b.commune.name} AND (a.name, u.kind, u.name, u.id) < (${b.commune.name}, ${b.kind}::"UnitKind", ${b.name}, ${b.id}::uuid)`,
    );
  }
  const where = conditions.length ? Prisma.sql`WHERE ${Prisma.join(conditions, " AND ")}` : Prisma.empty;
  const order = forward ? Prisma.sql`a.name ASC, u.kind ASC, u.name ASC, u.id ASC` : Prisma.sql`a.name DESC, u.kind DESC, u.name DESC, u.id DESC`;
  return prisma.$queryRaw<{ id: string; code: string; name: string; kind: UnitKind; exclusionReason: ExclusionReason | null; communeId: string; communeName: string }[]>`
    SELECT u.id::text AS id, u.code, u.name, u.kind::text AS kind, u."exclusionReason"::text AS "exclusionReason", a.id::text AS "communeId", a.name AS "communeName"
    FROM "Unit" u JOIN "AdministrativeArea" a ON a.id = u."communeId"
    ${where}
    ORDER BY ${order}
    LIMIT ${take}`;
}

/**
 * One page of the units the actor may read, with a capped total (ADR 0024-keyset-paging): the
 * page starts at its cursor on an index and the total counts at most TOTAL_CAP + 1 rows.
 */
export async function listUnits(prisma: PrismaClient, actor: Actor | null, filters: UnitListFilters = {}) {
  const scope = unitScope(actor, "unit.read");
  const scopeWhere = unitScopeWhere(actor);
  if (!scope) return { total: { count: 0, capped: false }, page: pageOf<UnitListRow>([], { size: UNIT_PAGE_SIZE, forward: true, hadBoundary: false, from: 1 }), units: [] as UnitListRow[] };
  const where: Prisma.UnitWhereInput = {
    AND: [
      scopeWhere,
      filters.communeId ? { communeId: filters.communeId } : {},
      filters.kind ? { kind: filters.kind } : {},
      filters.q ? { name: { contains: filters.q, mode: "insensitive" as const } } : {},
    ],
  };
  const toRow = (r: Awaited<ReturnType<typeof unitListRows>>[number]): UnitListRow => ({
    id: r.id,
    code: r.code,
    name: r.name,
    kind: r.kind,
    exclusionReason: r.exclusionReason,
    commune: { id: r.communeId, name: r.communeName },
  });
  const [total, page] = await Promise.all([
    cappedTotal((take) => prisma.unit.count({ where, take })),
    keysetPage<UnitListRow>({
      request: filters,
      size: UNIT_PAGE_SIZE,
      columns: UNIT_ORDER,
      // The cursor row is looked up within the actor's scope only: a unit of another commune
      // cannot place the page, and a unit that no longer matches the filters still can.
      boundary: async (id) => {
        const u = await prisma.unit.findFirst({ where: { AND: [scopeWhere, { id }] }, select: { id: true, code: true, name: true, kind: true, exclusionReason: true, commune: { select: { id: true, name: true } } } });
        return u;
      },
      fetch: async ({ boundary, forward, take }) => (await unitListRows(prisma, scope, filters, boundary, forward, take)).map(toRow),
    }),
  ]);
  return { total, page, units: page.rows };
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
