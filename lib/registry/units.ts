/**
 * Units registry administration: list (paginated, sorted, filtered, searched without diacritics
 * in the database), create, edit with optimistic concurrency, deactivate and reactivate. A unit is
 * never deleted: dossiers, decisions, users and history refer to it. Each change is one
 * transaction with its audit event. Admins write; leaders read (permissions "registry.*").
 */
import { Prisma, type PrismaClient } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/permissions";
import { recordAudit } from "@/lib/audit/record-audit";
import { UserFacingError } from "@/lib/validation/action-result";
import { todayInVietnam } from "@/lib/validation/input-rules";
import { likeContains } from "./search-text";
import { REGISTRY_PAGE_SIZE, unitColumns, type CreateUnitInput, type SetUnitActiveInput, type UnitListFilters, type UpdateUnitInput } from "./unit-schemas";

type Tx = Prisma.TransactionClient;

import { applyPlacementChange, STALE_VERSION, UNIT_NOT_FOUND } from "./placements";

export { STALE_VERSION };
const DUPLICATE_CODE = "Mã đơn vị đã được dùng cho một đơn vị khác (kể cả đơn vị đã ngừng hoạt động).";

const unitFields = {
  id: true,
  code: true,
  name: true,
  kind: true,
  communeId: true,
  managingAuthorityId: true,
  sector: true,
  residentialAreaType: true,
  educationLevel: true,
  exclusionReason: true,
  hasPartyOrganisation: true,
  hasSecurityForce: true,
  address: true,
  isActive: true,
  version: true,
} as const satisfies Prisma.UnitSelect;

// ───────────── Reads ─────────────

const ORDER: Record<UnitListFilters["sort"], (dir: Prisma.SortOrder) => Prisma.UnitOrderByWithRelationInput[]> = {
  code: (dir) => [{ code: dir }],
  name: (dir) => [{ name: dir }, { code: "asc" }],
  commune: (dir) => [{ commune: { name: dir } }, { code: "asc" }],
  kind: (dir) => [{ kind: dir }, { code: "asc" }],
};

/** The where of the list: every filter in SQL, the search over the trigger-kept `searchText`. */
export function unitListWhere(filters: Pick<UnitListFilters, "q" | "kind" | "communeId" | "status">): Prisma.UnitWhereInput {
  const contains = filters.q ? likeContains(filters.q) : null;
  return {
    ...(contains ? { searchText: { contains } } : {}),
    ...(filters.kind ? { kind: filters.kind } : {}),
    ...(filters.communeId ? { communeId: filters.communeId } : {}),
    ...(filters.status === "all" ? {} : { isActive: filters.status === "active" }),
  };
}

/** One page of the registry's units; `page` past the end shows the last page. */
export async function listRegistryUnits(prisma: PrismaClient, actor: Actor | null, filters: UnitListFilters) {
  authorize(actor, { action: "registry.read" });
  const where = unitListWhere(filters);
  const total = await prisma.unit.count({ where });
  const pageCount = Math.max(1, Math.ceil(total / REGISTRY_PAGE_SIZE));
  const page = Math.min(filters.page, pageCount);
  const rows = await prisma.unit.findMany({
    where,
    orderBy: ORDER[filters.sort](filters.dir),
    skip: (page - 1) * REGISTRY_PAGE_SIZE,
    take: REGISTRY_PAGE_SIZE,
    select: {
      id: true,
      code: true,
      name: true,
      kind: true,
      isActive: true,
      commune: { select: { name: true } },
      managingAuthority: { select: { name: true } },
    },
  });
  return { rows, total, page, pageCount };
}

export async function getRegistryUnit(prisma: PrismaClient, actor: Actor | null, unitId: string) {
  authorize(actor, { action: "registry.read" });
  return prisma.unit.findUnique({ where: { id: unitId }, select: unitFields });
}

/**
 * Choices of the unit form: active communes and authorities, plus the unit's current ones even
 * if deactivated since (so an edit form shows what the unit holds).
 */
export async function unitFormOptions(prisma: PrismaClient, actor: Actor | null, current?: { communeId: string; managingAuthorityId: string }) {
  authorize(actor, { action: "registry.read" });
  const [communes, authorities] = await Promise.all([
    prisma.administrativeArea.findMany({
      where: { level: "COMMUNE", OR: [{ isActive: true }, ...(current ? [{ id: current.communeId }] : [])] },
      orderBy: { name: "asc" },
      select: { id: true, name: true },
    }),
    prisma.authority.findMany({
      where: { OR: [{ isActive: true }, ...(current ? [{ id: current.managingAuthorityId }] : [])] },
      orderBy: { name: "asc" },
      select: { id: true, name: true },
    }),
  ]);
  return { communes, authorities };
}

// ───────────── Writes ─────────────

/**
 * The commune must be an active commune and the managing authority must exist and be active;
 * a reference the unit already holds is kept even if deactivated since (an edit of the name must
 * not force a move).
 */
async function checkReferences(tx: Tx, columns: ReturnType<typeof unitColumns>, current?: { communeId: string; managingAuthorityId: string }) {
  if (columns.communeId !== current?.communeId) {
    const commune = await tx.administrativeArea.findUnique({ where: { id: columns.communeId }, select: { level: true, isActive: true } });
    if (!commune || commune.level !== "COMMUNE") throw new UserFacingError("Xã, phường, đặc khu được chọn không tồn tại.", "communeId");
    if (!commune.isActive) throw new UserFacingError("Xã, phường, đặc khu được chọn đã ngừng hoạt động.", "communeId");
  }
  if (columns.managingAuthorityId !== current?.managingAuthorityId) {
    const authority = await tx.authority.findUnique({ where: { id: columns.managingAuthorityId }, select: { isActive: true } });
    if (!authority) throw new UserFacingError("Cơ quan quản lý được chọn không tồn tại.", "managingAuthorityId");
    if (!authority.isActive) throw new UserFacingError("Cơ quan quản lý được chọn đã ngừng hoạt động.", "managingAuthorityId");
  }
}

function duplicateCode(error: unknown): never {
  if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") throw new UserFacingError(DUPLICATE_CODE, "code");
  throw error;
}

export async function createUnit(prisma: PrismaClient, actor: Actor | null, input: CreateUnitInput) {
  authorize(actor, { action: "registry.manage" });
  const columns = unitColumns(input);
  try {
    return await prisma.$transaction(async (tx) => {
      await checkReferences(tx, columns);
      const created = await tx.unit.create({ data: columns, select: unitFields });
      await recordAudit(tx, { actor, action: "registry.unit.created", entityType: "Unit", entityId: created.id, unitId: created.id, after: created });
      return created;
    });
  } catch (error) {
    duplicateCode(error);
  }
}

/** Loads the unit for a change, refusing an unknown id and a version someone else moved on from. */
async function unitAtVersion(tx: Tx, unitId: string, version: number) {
  const before = await tx.unit.findUnique({ where: { id: unitId }, select: unitFields });
  if (!before) throw new UserFacingError(UNIT_NOT_FOUND);
  if (before.version !== version) throw new UserFacingError(STALE_VERSION);
  return before;
}

/** Writes only if the version is still the one read (another admin may have saved meanwhile). */
async function updateAtVersion(tx: Tx, unitId: string, version: number, data: Prisma.UnitUncheckedUpdateManyInput) {
  const { count } = await tx.unit.updateMany({ where: { id: unitId, version }, data: { ...data, version: { increment: 1 } } });
  if (count !== 1) throw new UserFacingError(STALE_VERSION);
  return tx.unit.findUniqueOrThrow({ where: { id: unitId }, select: unitFields });
}

export async function updateUnit(prisma: PrismaClient, actor: Actor | null, input: UpdateUnitInput) {
  authorize(actor, { action: "registry.manage" });
  const columns = unitColumns(input);
  try {
    return await prisma.$transaction(async (tx) => {
      const before = await unitAtVersion(tx, input.unitId, input.version);
      await checkReferences(tx, columns, before);
      const after = await updateAtVersion(tx, input.unitId, input.version, columns);
      await recordAudit(tx, { actor, action: "registry.unit.updated", entityType: "Unit", entityId: after.id, unitId: after.id, before, after });
      return after;
    });
  } catch (error) {
    duplicateCode(error);
  }
}

/**
 * Deactivate (ngừng hoạt động) or reactivate a unit, with the reason in the audit log: a dated
 * change effective today (lib/registry/placements.ts), so the unit still counts where it was in
 * every year before. A deactivated unit keeps its dossiers and history; it leaves the active lists.
 */
export async function setUnitActive(prisma: PrismaClient, actor: Actor | null, input: SetUnitActiveInput, today: string = todayInVietnam()) {
  authorize(actor, { action: "registry.manage" });
  return prisma.$transaction(async (tx) => {
    const before = await unitAtVersion(tx, input.unitId, input.version);
    if (before.isActive === input.active) {
      throw new UserFacingError(input.active ? "Đơn vị đang hoạt động." : "Đơn vị đã ngừng hoạt động từ trước.");
    }
    if (input.active) await checkReferences(tx, before);
    await applyPlacementChange(tx, actor, { unitId: input.unitId, version: input.version, change: input.active ? "REOPEN" : "CLOSE", effectiveFrom: today, reason: input.reason }, today);
    return tx.unit.findUniqueOrThrow({ where: { id: input.unitId }, select: unitFields });
  });
}
