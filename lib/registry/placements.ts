/**
 * A unit's history (ADR 0009): its placements over time and the dated changes that write them —
 * chuyển xã, đổi cơ quan quản lý, giải thể / ngừng hoạt động, hoạt động trở lại, sáp nhập and
 * chia, tách (which also link the unit to the units that carry it on: UnitSuccession). Each change is
 * one transaction: it closes the open placement the day before the change (or rewrites it when the
 * change starts the same day), opens the next one, sets the Unit row's current columns to it (so
 * every current screen reads as before) and records one audit event with before and after.
 *
 * Dossiers: a dossier already submitted keeps what it froze at registration; one not yet submitted
 * whose year counts on or after the change's date (15/11 of its year ≥ the date) takes the new
 * facts — the database trigger "unit_placement_sync" re-copies them when the Unit row changes, so
 * the registry's edit form and the import do the same.
 */
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/permissions";
import { recordAudit } from "@/lib/audit/record-audit";
import type { AuditAction } from "@/lib/audit/audit-actions";
import { UserFacingError } from "@/lib/validation/action-result";
import { dateOnly, todayInVietnam } from "@/lib/validation/input-rules";
import {
  dayBefore,
  evaluationYearOf,
  isSuccessionChange,
  NOT_YET_SUBMITTED_STATES,
  placementAfter,
  placementChangeProblem,
  successorsProblem,
  type PlacementChange,
  type PlacementFacts,
} from "./placement-rules";
import { splitCodes, type PlacementChangeInput } from "./unit-schemas";

type Tx = Prisma.TransactionClient;

export const STALE_VERSION = "Đơn vị vừa được người khác thay đổi. Vui lòng tải lại trang để xem bản mới nhất rồi sửa lại.";
export const UNIT_NOT_FOUND = "Đơn vị không tồn tại.";

const iso = (d: Date) => d.toISOString().slice(0, 10);

const placementFields = {
  id: true,
  effectiveFrom: true,
  effectiveTo: true,
  communeId: true,
  managingAuthorityId: true,
  kind: true,
  sector: true,
  exclusionReason: true,
  isActive: true,
} as const satisfies Prisma.UnitPlacementSelect;

type PlacementRow = Prisma.UnitPlacementGetPayload<{ select: typeof placementFields }>;

function factsOf(p: PlacementRow): PlacementFacts {
  return { ...p, effectiveFrom: iso(p.effectiveFrom), effectiveTo: p.effectiveTo ? iso(p.effectiveTo) : null };
}

/** The unit's placements, newest first, with the names of their commune and authority. */
export async function unitPlacementHistory(prisma: PrismaClient, actor: Actor | null, unitId: string) {
  authorize(actor, { action: "registry.read" });
  const rows = await prisma.unitPlacement.findMany({
    where: { unitId },
    orderBy: { effectiveFrom: "desc" },
    select: { ...placementFields, commune: { select: { name: true } }, managingAuthority: { select: { name: true } } },
  });
  return rows.map((r) => ({ id: r.id, ...factsOf(r), communeName: r.commune.name, authorityName: r.managingAuthority.name }));
}

const AUDIT_ACTION: Record<PlacementChange, AuditAction> = {
  MOVE: "registry.unit.moved",
  CHANGE_AUTHORITY: "registry.unit.authority_changed",
  CLOSE: "registry.unit.deactivated",
  REOPEN: "registry.unit.reactivated",
  MERGE: "registry.unit.merged",
  SPLIT: "registry.unit.split",
};

export type PlacementChangeArgs = Pick<PlacementChangeInput, "unitId" | "version" | "change" | "effectiveFrom" | "reason"> & {
  communeId?: string | null;
  managingAuthorityId?: string | null;
  /** MERGE: the receiving unit's code; SPLIT: the codes of the units formed. */
  successorCodes?: string;
  /** SPLIT: the unit goes on (tách) rather than ending (chia). */
  predecessorContinues?: boolean;
  /** Set by the commune merger only: a commune-level unit merges with its commune. */
  withCommune?: boolean;
};

/** The units a merger or a split names, checked (same kind, active, not linked already). */
async function resolveSuccessors(tx: Tx, unitId: string, kind: string, change: "MERGE" | "SPLIT", text: string) {
  const codes = splitCodes(text);
  const rows = await tx.unit.findMany({
    where: { OR: codes.map((code) => ({ code: { equals: code, mode: "insensitive" as const } })) },
    select: { id: true, code: true, name: true, kind: true, isActive: true, asSuccessor: { where: { predecessorId: unitId }, select: { id: true } } },
  });
  const problem = successorsProblem({ id: unitId, kind }, change, codes, rows.map((u) => ({ ...u, alreadyLinked: u.asSuccessor.length > 0 })));
  if (problem) throw new UserFacingError(problem, "successorCodes");
  // In the order typed.
  return codes.map((code) => rows.find((u) => u.code.toLowerCase() === code.toLowerCase())!);
}

/** The units a unit was merged or split into, and those merged or split into it, oldest first. */
export async function unitSuccessions(prisma: PrismaClient, actor: Actor | null, unitId: string) {
  authorize(actor, { action: "registry.read" });
  const unit = { select: { id: true, code: true, name: true } } as const;
  const [successors, predecessors] = await Promise.all([
    prisma.unitSuccession.findMany({ where: { predecessorId: unitId }, orderBy: [{ effectiveOn: "asc" }, { createdAt: "asc" }], select: { id: true, kind: true, effectiveOn: true, reason: true, successor: unit } }),
    prisma.unitSuccession.findMany({ where: { successorId: unitId }, orderBy: [{ effectiveOn: "asc" }, { createdAt: "asc" }], select: { id: true, kind: true, effectiveOn: true, reason: true, predecessor: unit } }),
  ]);
  return [
    ...successors.map((s) => ({ id: s.id, direction: "to" as const, kind: s.kind, effectiveOn: iso(s.effectiveOn), reason: s.reason, other: s.successor })),
    ...predecessors.map((s) => ({ id: s.id, direction: "from" as const, kind: s.kind, effectiveOn: iso(s.effectiveOn), reason: s.reason, other: s.predecessor })),
  ].sort((a, b) => a.effectiveOn.localeCompare(b.effectiveOn));
}

/** The commune or authority a change points to must exist and be active. */
async function checkTargets(tx: Tx, current: PlacementFacts, args: PlacementChangeArgs) {
  const communeId = args.change === "MOVE" ? args.communeId : args.change === "REOPEN" ? current.communeId : null;
  const authorityId = args.change === "CHANGE_AUTHORITY" ? args.managingAuthorityId : args.change === "REOPEN" ? current.managingAuthorityId : null;
  if (communeId) {
    const commune = await tx.administrativeArea.findUnique({ where: { id: communeId }, select: { level: true, isActive: true } });
    if (!commune || commune.level !== "COMMUNE") throw new UserFacingError("Xã, phường, đặc khu được chọn không tồn tại.", "communeId");
    if (!commune.isActive) throw new UserFacingError(args.change === "REOPEN" ? "Xã, phường, đặc khu của đơn vị đã ngừng hoạt động: hãy chuyển đơn vị sang xã khác." : "Xã, phường, đặc khu được chọn đã ngừng hoạt động.", "communeId");
  }
  if (authorityId) {
    const authority = await tx.authority.findUnique({ where: { id: authorityId }, select: { isActive: true } });
    if (!authority) throw new UserFacingError("Cơ quan quản lý được chọn không tồn tại.", "managingAuthorityId");
    if (!authority.isActive) throw new UserFacingError(args.change === "REOPEN" ? "Cơ quan quản lý của đơn vị đã ngừng hoạt động: hãy đổi cơ quan quản lý trước." : "Cơ quan quản lý được chọn đã ngừng hoạt động.", "managingAuthorityId");
  }
}

/**
 * Applies a dated change inside the caller's transaction and audits it. `today` is the Vietnamese
 * calendar date (changes after it are refused: future-dated changes are a leftover of ADR 0009).
 */
export async function applyPlacementChange(tx: Tx, actor: Actor | null, args: PlacementChangeArgs, today: string = todayInVietnam()) {
  const unit = await tx.unit.findUnique({ where: { id: args.unitId }, select: { id: true, version: true } });
  if (!unit) throw new UserFacingError(UNIT_NOT_FOUND);
  if (unit.version !== args.version) throw new UserFacingError(STALE_VERSION);
  const open = await tx.unitPlacement.findFirst({ where: { unitId: unit.id, effectiveTo: null }, select: placementFields });
  if (!open) throw new Error(`unit ${unit.id} has no open placement`); // the trigger always opens one
  const current = factsOf(open);
  const change = {
    kind: args.change,
    effectiveFrom: args.effectiveFrom,
    communeId: args.communeId ?? undefined,
    managingAuthorityId: args.managingAuthorityId ?? undefined,
    predecessorContinues: args.predecessorContinues ?? false,
    withCommune: args.withCommune ?? false,
  };
  const problem = placementChangeProblem(current, change, today);
  if (problem) throw new UserFacingError(problem.message, problem.field);
  await checkTargets(tx, current, args);
  const successors = isSuccessionChange(args.change) ? await resolveSuccessors(tx, unit.id, current.kind, args.change, args.successorCodes ?? "") : [];
  const next = placementAfter(current, change);
  // A part separated from a unit that goes on (tách) leaves its placement as it is.
  const placementChanges = next.isActive !== current.isActive || next.communeId !== current.communeId || next.managingAuthorityId !== current.managingAuthorityId;

  // Dossiers that take the new facts (the trigger writes them; listed here for the audit log).
  const recopied = await tx.dossier.findMany({
    where: {
      unitId: unit.id,
      state: { in: [...NOT_YET_SUBMITTED_STATES] },
      year: { gte: evaluationYearOf(args.effectiveFrom) },
      OR: [{ communeId: { not: next.communeId } }, { managingAuthorityId: { not: next.managingAuthorityId } }],
    },
    select: { id: true, year: true },
  });

  let closed: PlacementFacts | null = null;
  let opened: PlacementRow = open;
  if (!placementChanges) {
    // Nothing of the unit's own placement changes: only the links below are written.
  } else if (args.effectiveFrom === current.effectiveFrom) {
    // A second change on the day the open placement starts: that placement becomes the new one.
    opened = await tx.unitPlacement.update({ where: { id: open.id }, data: next, select: placementFields });
  } else {
    const to = dayBefore(args.effectiveFrom);
    await tx.unitPlacement.update({ where: { id: open.id }, data: { effectiveTo: dateOnly(to) } });
    closed = { ...current, effectiveTo: to };
    opened = await tx.unitPlacement.create({ data: { unitId: unit.id, effectiveFrom: dateOnly(args.effectiveFrom), ...next }, select: placementFields });
  }
  // Only changes effective today or earlier are accepted, so the opened placement is today's.
  const { count } = await tx.unit.updateMany({
    where: { id: unit.id, version: args.version },
    data: { communeId: next.communeId, managingAuthorityId: next.managingAuthorityId, isActive: next.isActive, version: { increment: 1 } },
  });
  if (count !== 1) throw new UserFacingError(STALE_VERSION);
  if (successors.length > 0) {
    await tx.unitSuccession.createMany({
      data: successors.map((s) => ({
        predecessorId: unit.id,
        successorId: s.id,
        kind: args.change as "MERGE" | "SPLIT",
        effectiveOn: dateOnly(args.effectiveFrom),
        reason: args.reason,
        createdById: actor?.userId ?? null,
      })),
    });
  }
  const after = await tx.unit.findUniqueOrThrow({ where: { id: unit.id }, select: { id: true, version: true, isActive: true, communeId: true, managingAuthorityId: true } });
  await recordAudit(tx, {
    actor,
    action: AUDIT_ACTION[args.change],
    entityType: "Unit",
    entityId: unit.id,
    unitId: unit.id,
    before: { placement: current, version: unit.version },
    after: { closedPlacement: closed, placement: factsOf(opened), version: after.version },
    meta: {
      reason: args.reason,
      effectiveFrom: args.effectiveFrom,
      recopiedDossiers: recopied,
      ...(successors.length > 0 ? { successors: successors.map((s) => ({ id: s.id, code: s.code, name: s.name })), predecessorContinues: next.isActive } : {}),
    },
  });
  return after;
}

/** A dated change from the unit's registry page (ADMIN). */
export async function changeUnitPlacement(prisma: PrismaClient, actor: Actor | null, input: PlacementChangeInput, today: string = todayInVietnam()) {
  authorize(actor, { action: "registry.manage" });
  return prisma.$transaction((tx) => applyPlacementChange(tx, actor, input, today));
}
