/**
 * Communes (xã, phường, đặc khu) and authorities (UBND, Công an, sở…) of the registry: list with
 * diacritics-free search in the database, create, edit at a version, deactivate and reactivate.
 * Never deleted: units, users, decisions and history refer to them. Deactivating one that still
 * has active units is refused: the units would point at a commune or authority nobody can choose
 * any more, and the dashboard would count them under it; move or deactivate the units first.
 */
import { Prisma, type PrismaClient } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/permissions";
import { recordAudit } from "@/lib/audit/record-audit";
import { UserFacingError } from "@/lib/validation/action-result";
import { likeContains } from "./search-text";
import { REGISTRY_PAGE_SIZE } from "./unit-schemas";
import type { z } from "zod";
import type {
  createAuthoritySchema,
  createCommuneSchema,
  setAuthorityActiveSchema,
  setCommuneActiveSchema,
  SimpleListFilters,
  updateAuthoritySchema,
  updateCommuneSchema,
} from "./area-authority-schemas";

type Tx = Prisma.TransactionClient;
const STALE = "Bản ghi vừa được người khác thay đổi. Vui lòng tải lại trang rồi sửa lại.";
const DUPLICATE_CODE = "Mã đã được dùng cho một bản ghi khác (kể cả bản ghi đã ngừng hoạt động).";

function duplicateCode(error: unknown): never {
  if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") throw new UserFacingError(DUPLICATE_CODE, "code");
  throw error;
}

const statusWhere = (status: SimpleListFilters["status"]) => (status === "all" ? {} : { isActive: status === "active" });
const searchWhere = (q: string | undefined) => {
  const contains = q ? likeContains(q) : null;
  return contains ? { searchText: { contains } } : {};
};
/** The list's order, ties broken by code so pages never overlap. */
function simpleOrder(filters: Pick<SimpleListFilters, "sort" | "dir">): { code?: "asc" | "desc"; name?: "asc" | "desc"; isActive?: "asc" | "desc" }[] {
  const dir = filters.dir;
  switch (filters.sort) {
    case "code":
      return [{ code: dir }];
    case "name":
      return [{ name: dir }, { code: "asc" }];
    case "status":
      // Ascending: active first (true sorts after false).
      return [{ isActive: dir === "asc" ? "desc" : "asc" }, { name: "asc" }, { code: "asc" }];
  }
}

const paging = (total: number, page: number) => {
  const pageCount = Math.max(1, Math.ceil(total / REGISTRY_PAGE_SIZE));
  const current = Math.min(page, pageCount);
  return { page: current, pageCount, skip: (current - 1) * REGISTRY_PAGE_SIZE, take: REGISTRY_PAGE_SIZE };
};

// ───────────── Communes ─────────────

const communeFields = { id: true, code: true, name: true, communeKind: true, isActive: true, version: true } as const;

export async function listRegistryCommunes(prisma: PrismaClient, actor: Actor | null, filters: SimpleListFilters) {
  authorize(actor, { action: "registry.read" });
  const where: Prisma.AdministrativeAreaWhereInput = { level: "COMMUNE", ...searchWhere(filters.q), ...statusWhere(filters.status) };
  const total = await prisma.administrativeArea.count({ where });
  const { page, pageCount, skip, take } = paging(total, filters.page);
  const rows = await prisma.administrativeArea.findMany({
    where,
    orderBy: simpleOrder(filters),
    skip,
    take,
    select: { ...communeFields, _count: { select: { units: { where: { isActive: true } } } } },
  });
  return { rows, total, page, pageCount };
}

export async function getRegistryCommune(prisma: PrismaClient, actor: Actor | null, areaId: string) {
  authorize(actor, { action: "registry.read" });
  return prisma.administrativeArea.findFirst({ where: { id: areaId, level: "COMMUNE" }, select: communeFields });
}

export async function createCommune(prisma: PrismaClient, actor: Actor | null, input: z.output<typeof createCommuneSchema>) {
  authorize(actor, { action: "registry.manage" });
  try {
    return await prisma.$transaction(async (tx) => {
      // Since 1/7/2025 communes sit directly under the province (no district level).
      const province = await tx.administrativeArea.findFirst({ where: { level: "PROVINCE" }, select: { id: true } });
      if (!province) throw new UserFacingError("Chưa có tỉnh trong danh mục địa bàn.");
      const created = await tx.administrativeArea.create({ data: { ...input, level: "COMMUNE", parentId: province.id }, select: communeFields });
      await recordAudit(tx, { actor, action: "registry.area.created", entityType: "AdministrativeArea", entityId: created.id, after: created });
      return created;
    });
  } catch (error) {
    duplicateCode(error);
  }
}

async function areaAtVersion(tx: Tx, areaId: string, version: number) {
  const before = await tx.administrativeArea.findFirst({ where: { id: areaId, level: "COMMUNE" }, select: communeFields });
  if (!before) throw new UserFacingError("Xã, phường, đặc khu không tồn tại.");
  if (before.version !== version) throw new UserFacingError(STALE);
  return before;
}

async function updateAreaAtVersion(tx: Tx, areaId: string, version: number, data: Prisma.AdministrativeAreaUpdateManyMutationInput) {
  const { count } = await tx.administrativeArea.updateMany({ where: { id: areaId, version }, data: { ...data, version: { increment: 1 } } });
  if (count !== 1) throw new UserFacingError(STALE);
  return tx.administrativeArea.findUniqueOrThrow({ where: { id: areaId }, select: communeFields });
}

export async function updateCommune(prisma: PrismaClient, actor: Actor | null, input: z.output<typeof updateCommuneSchema>) {
  authorize(actor, { action: "registry.manage" });
  try {
    return await prisma.$transaction(async (tx) => {
      const before = await areaAtVersion(tx, input.areaId, input.version);
      const after = await updateAreaAtVersion(tx, input.areaId, input.version, { code: input.code, name: input.name, communeKind: input.communeKind });
      await recordAudit(tx, { actor, action: "registry.area.updated", entityType: "AdministrativeArea", entityId: after.id, before, after });
      return after;
    });
  } catch (error) {
    duplicateCode(error);
  }
}

export async function setCommuneActive(prisma: PrismaClient, actor: Actor | null, input: z.output<typeof setCommuneActiveSchema>) {
  authorize(actor, { action: "registry.manage" });
  return prisma.$transaction(async (tx) => {
    const before = await areaAtVersion(tx, input.areaId, input.version);
    if (before.isActive === input.active) throw new UserFacingError(input.active ? "Xã, phường đang hoạt động." : "Xã, phường đã ngừng hoạt động từ trước.");
    if (!input.active) {
      const activeUnits = await tx.unit.count({ where: { communeId: before.id, isActive: true } });
      if (activeUnits > 0) {
        throw new UserFacingError(`Không thể ngừng hoạt động: ${before.name} còn ${activeUnits} đơn vị đang hoạt động. Hãy chuyển các đơn vị sang xã, phường khác hoặc ngừng hoạt động chúng trước.`);
      }
    }
    const after = await updateAreaAtVersion(tx, before.id, input.version, { isActive: input.active });
    await recordAudit(tx, {
      actor,
      action: input.active ? "registry.area.reactivated" : "registry.area.deactivated",
      entityType: "AdministrativeArea",
      entityId: after.id,
      before: { isActive: before.isActive, version: before.version },
      after: { isActive: after.isActive, version: after.version },
      meta: { reason: input.reason },
    });
    return after;
  });
}

// ───────────── Authorities ─────────────

const authorityFields = { id: true, code: true, name: true, kind: true, documentSymbol: true, placeName: true, areaId: true, isActive: true, version: true } as const;

export async function listRegistryAuthorities(prisma: PrismaClient, actor: Actor | null, filters: SimpleListFilters) {
  authorize(actor, { action: "registry.read" });
  const where: Prisma.AuthorityWhereInput = { ...searchWhere(filters.q), ...statusWhere(filters.status) };
  const total = await prisma.authority.count({ where });
  const { page, pageCount, skip, take } = paging(total, filters.page);
  const rows = await prisma.authority.findMany({
    where,
    orderBy: simpleOrder(filters),
    skip,
    take,
    select: { ...authorityFields, area: { select: { name: true } }, _count: { select: { managedUnits: { where: { isActive: true } } } } },
  });
  return { rows, total, page, pageCount };
}

export async function getRegistryAuthority(prisma: PrismaClient, actor: Actor | null, authorityId: string) {
  authorize(actor, { action: "registry.read" });
  return prisma.authority.findUnique({ where: { id: authorityId }, select: authorityFields });
}

/** Areas an authority may belong to: the province and the active communes (plus its current one). */
export async function authorityAreaOptions(prisma: PrismaClient, actor: Actor | null, currentAreaId?: string | null) {
  authorize(actor, { action: "registry.read" });
  return prisma.administrativeArea.findMany({
    where: { OR: [{ isActive: true }, ...(currentAreaId ? [{ id: currentAreaId }] : [])] },
    orderBy: [{ level: "asc" }, { name: "asc" }],
    select: { id: true, name: true },
  });
}

async function checkArea(tx: Tx, areaId: string | null, currentAreaId?: string | null) {
  if (!areaId || areaId === currentAreaId) return;
  const area = await tx.administrativeArea.findUnique({ where: { id: areaId }, select: { isActive: true } });
  if (!area) throw new UserFacingError("Địa bàn được chọn không tồn tại.", "areaId");
  if (!area.isActive) throw new UserFacingError("Địa bàn được chọn đã ngừng hoạt động.", "areaId");
}

export async function createAuthority(prisma: PrismaClient, actor: Actor | null, input: z.output<typeof createAuthoritySchema>) {
  authorize(actor, { action: "registry.manage" });
  try {
    return await prisma.$transaction(async (tx) => {
      await checkArea(tx, input.areaId);
      const created = await tx.authority.create({ data: input, select: authorityFields });
      await recordAudit(tx, { actor, action: "registry.authority.created", entityType: "Authority", entityId: created.id, after: created });
      return created;
    });
  } catch (error) {
    duplicateCode(error);
  }
}

async function authorityAtVersion(tx: Tx, authorityId: string, version: number) {
  const before = await tx.authority.findUnique({ where: { id: authorityId }, select: authorityFields });
  if (!before) throw new UserFacingError("Cơ quan không tồn tại.");
  if (before.version !== version) throw new UserFacingError(STALE);
  return before;
}

async function updateAuthorityAtVersion(tx: Tx, authorityId: string, version: number, data: Prisma.AuthorityUncheckedUpdateManyInput) {
  const { count } = await tx.authority.updateMany({ where: { id: authorityId, version }, data: { ...data, version: { increment: 1 } } });
  if (count !== 1) throw new UserFacingError(STALE);
  return tx.authority.findUniqueOrThrow({ where: { id: authorityId }, select: authorityFields });
}

export async function updateAuthority(prisma: PrismaClient, actor: Actor | null, input: z.output<typeof updateAuthoritySchema>) {
  authorize(actor, { action: "registry.manage" });
  const { authorityId, version, ...data } = input;
  try {
    return await prisma.$transaction(async (tx) => {
      const before = await authorityAtVersion(tx, authorityId, version);
      await checkArea(tx, data.areaId, before.areaId);
      const after = await updateAuthorityAtVersion(tx, authorityId, version, data);
      await recordAudit(tx, { actor, action: "registry.authority.updated", entityType: "Authority", entityId: after.id, before, after });
      return after;
    });
  } catch (error) {
    duplicateCode(error);
  }
}

export async function setAuthorityActive(prisma: PrismaClient, actor: Actor | null, input: z.output<typeof setAuthorityActiveSchema>) {
  authorize(actor, { action: "registry.manage" });
  return prisma.$transaction(async (tx) => {
    const before = await authorityAtVersion(tx, input.authorityId, input.version);
    if (before.isActive === input.active) throw new UserFacingError(input.active ? "Cơ quan đang hoạt động." : "Cơ quan đã ngừng hoạt động từ trước.");
    if (!input.active) {
      const managed = await tx.unit.count({ where: { managingAuthorityId: before.id, isActive: true } });
      if (managed > 0) {
        throw new UserFacingError(`Không thể ngừng hoạt động: ${before.name} còn quản lý ${managed} đơn vị đang hoạt động. Hãy chuyển các đơn vị sang cơ quan khác trước.`);
      }
    }
    const after = await updateAuthorityAtVersion(tx, before.id, input.version, { isActive: input.active });
    await recordAudit(tx, {
      actor,
      action: input.active ? "registry.authority.reactivated" : "registry.authority.deactivated",
      entityType: "Authority",
      entityId: after.id,
      before: { isActive: before.isActive, version: before.version },
      after: { isActive: after.isActive, version: after.version },
      meta: { reason: input.reason },
    });
    return after;
  });
}
