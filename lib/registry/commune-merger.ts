/**
 * Sáp nhập xã (the 2025 reorganisation merged most communes): one dated operation instead of a
 * hundred dated changes by hand. From the date, every active unit of the absorbed commune moves
 * to the receiving one; a unit managed by an authority of the absorbed commune (its UBND, its
 * police) passes to the receiving commune's authority of the same kind; the absorbed commune's
 * own unit (kind XA) merges into the receiving commune's; then the absorbed commune and those of
 * its authorities that manage nothing any more stop. All or nothing, in one transaction, each
 * unit's change through the same use-case as the registry page (placements.ts: audited, history
 * kept, past years unchanged), plus one event for the merger.
 */
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/permissions";
import { recordAudit } from "@/lib/audit/record-audit";
import { AUTHORITY_KIND_LABELS } from "@/lib/domain/vocabulary";
import { todayInVietnam } from "@/lib/domain/vietnam-today";
import { UserFacingError } from "@/lib/validation/action-result";
import { applyPlacementChange } from "./placements";
import type { MergeCommuneInput } from "./area-authority-schemas";

type Tx = Prisma.TransactionClient;

export const COMMUNE_STALE = "Bản ghi vừa được người khác thay đổi. Vui lòng tải lại trang rồi sửa lại.";

export type CommuneMergerResult = {
  movedUnits: number;
  reassignedUnits: number;
  mergedCommuneUnit: string | null;
  deactivatedAuthorities: string[];
  /** Accounts whose scope is the absorbed commune: the admin re-scopes them (they keep working on its past). */
  accountsInScope: number;
};

async function communeOf(tx: Tx, id: string) {
  const area = await tx.administrativeArea.findUnique({ where: { id }, select: { id: true, code: true, name: true, level: true, isActive: true, version: true } });
  return area && area.level === "COMMUNE" ? area : null;
}

export async function mergeCommune(prisma: PrismaClient, actor: Actor | null, input: MergeCommuneInput, today: string = todayInVietnam()): Promise<CommuneMergerResult> {
  authorize(actor, { action: "registry.manage" });
  return prisma.$transaction(
    async (tx) => {
      const from = await communeOf(tx, input.areaId);
      if (!from) throw new UserFacingError("Xã, phường không tồn tại.");
      if (from.version !== input.version) throw new UserFacingError(COMMUNE_STALE);
      if (!from.isActive) throw new UserFacingError("Xã, phường đã ngừng hoạt động từ trước.");
      const into = await communeOf(tx, input.intoAreaId);
      if (!into) throw new UserFacingError("Xã, phường tiếp nhận không tồn tại.", "intoAreaId");
      if (!into.isActive) throw new UserFacingError("Xã, phường tiếp nhận đã ngừng hoạt động.", "intoAreaId");
      if (input.effectiveFrom > today) {
        throw new UserFacingError("Chưa hỗ trợ thay đổi có hiệu lực trong tương lai: vui lòng chọn ngày hôm nay hoặc một ngày đã qua.", "effectiveFrom");
      }

      const [fromAuthorities, intoAuthorities, units, intoCommuneUnit] = await Promise.all([
        tx.authority.findMany({ where: { areaId: from.id }, select: { id: true, name: true, kind: true, isActive: true, version: true } }),
        tx.authority.findMany({ where: { areaId: into.id, isActive: true }, select: { id: true, kind: true } }),
        tx.unit.findMany({ where: { communeId: from.id, isActive: true }, select: { id: true, code: true, kind: true, version: true, managingAuthorityId: true }, orderBy: { code: "asc" } }),
        tx.unit.findFirst({ where: { communeId: into.id, kind: "XA", isActive: true }, select: { code: true } }),
      ]);
      const fromAuthorityIds = new Set(fromAuthorities.map((a) => a.id));
      const fromAuthorityKind = new Map(fromAuthorities.map((a) => [a.id, a.kind]));
      const intoAuthorityOfKind = new Map(intoAuthorities.map((a) => [a.kind, a.id]));

      // Everything that would stop the merger is found before anything is written.
      if (units.some((u) => u.kind === "XA") && !intoCommuneUnit) {
        throw new UserFacingError(`${into.name} chưa có đơn vị cấp xã đang hoạt động để tiếp nhận đơn vị cấp xã của ${from.name}.`, "intoAreaId");
      }
      const missingKinds = new Set(
        units.filter((u) => u.kind !== "XA" && fromAuthorityIds.has(u.managingAuthorityId) && !intoAuthorityOfKind.has(fromAuthorityKind.get(u.managingAuthorityId)!)).map((u) => fromAuthorityKind.get(u.managingAuthorityId)!),
      );
      if (missingKinds.size > 0) {
        throw new UserFacingError(`${into.name} chưa có cơ quan đang hoạt động để tiếp nhận các đơn vị do ${[...missingKinds].map((k) => AUTHORITY_KIND_LABELS[k]).join(", ")} của ${from.name} quản lý.`, "intoAreaId");
      }

      const change = { effectiveFrom: input.effectiveFrom, reason: input.reason };
      let reassignedUnits = 0;
      let mergedCommuneUnit: string | null = null;
      for (const unit of units) {
        if (unit.kind === "XA") {
          await applyPlacementChange(tx, actor, { unitId: unit.id, version: unit.version, change: "MERGE", successorCodes: intoCommuneUnit!.code, withCommune: true, ...change }, today);
          mergedCommuneUnit = unit.code;
          continue;
        }
        const moved = await applyPlacementChange(tx, actor, { unitId: unit.id, version: unit.version, change: "MOVE", communeId: into.id, ...change }, today);
        if (fromAuthorityIds.has(unit.managingAuthorityId)) {
          const target = intoAuthorityOfKind.get(fromAuthorityKind.get(unit.managingAuthorityId)!)!;
          await applyPlacementChange(tx, actor, { unitId: unit.id, version: moved.version, change: "CHANGE_AUTHORITY", managingAuthorityId: target, ...change }, today);
          reassignedUnits += 1;
        }
      }

      // The absorbed commune's authorities stop once they manage no active unit anywhere.
      const deactivatedAuthorities: string[] = [];
      for (const authority of fromAuthorities.filter((a) => a.isActive)) {
        if ((await tx.unit.count({ where: { managingAuthorityId: authority.id, isActive: true } })) > 0) continue;
        await tx.authority.update({ where: { id: authority.id }, data: { isActive: false, version: { increment: 1 } } });
        deactivatedAuthorities.push(authority.name);
      }
      const { count } = await tx.administrativeArea.updateMany({ where: { id: from.id, version: input.version }, data: { isActive: false, version: { increment: 1 } } });
      if (count !== 1) throw new UserFacingError(COMMUNE_STALE);
      const accountsInScope = await tx.user.count({ where: { areaId: from.id, isActive: true } });

      const result: CommuneMergerResult = { movedUnits: units.length - (mergedCommuneUnit ? 1 : 0), reassignedUnits, mergedCommuneUnit, deactivatedAuthorities, accountsInScope };
      await recordAudit(tx, {
        actor,
        action: "registry.commune.merged",
        entityType: "AdministrativeArea",
        entityId: from.id,
        before: { isActive: true, version: from.version },
        after: { isActive: false, version: from.version + 1 },
        meta: { into: { id: into.id, code: into.code, name: into.name }, effectiveFrom: input.effectiveFrom, reason: input.reason, ...result },
      });
      return result;
    },
    // A commune has at most a few hundred units, each a handful of statements.
    { maxWait: 10_000, timeout: 120_000 },
  );
}
