/**
 * The one way a dossier changes state: permission → transition table → optimistic update → audit,
 * in the caller's transaction. Two people acting on the same dossier at once: the second one's
 * expected version no longer matches, nothing is overwritten, and they get a clear message.
 */
import { Prisma } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/auth/actor";
import { can, ForbiddenError, type Permission, type UnitRef } from "@/lib/auth/permissions";
import { recordAudit, recordAudits, type AuditInput } from "@/lib/audit/record-audit";
import { UserFacingError } from "@/lib/validation/action-result";
import { checkTransition, TRANSITIONS, type DossierAction, type GuardFacts, type Performer } from "@/lib/workflow/transitions";
import type { DossierState } from "@/lib/workflow/dossier-states";

export const STALE_MESSAGE = "Hồ sơ vừa được người khác cập nhật. Vui lòng tải lại trang để xem trạng thái mới nhất.";

/** The permission each performer of the transition table needs. */
export const PERFORMER_PERMISSION: Record<Performer, "unit.update" | "dossier.review" | "dossier.decide"> = {
  OFFICER: "unit.update",
  REVIEWER: "dossier.review",
  DECIDER: "dossier.decide",
};

/** The performer roles the actor holds for this unit's dossier, from the permission function. */
export function performersFor(actor: Actor | null, unit: UnitRef): Performer[] {
  return (Object.keys(PERFORMER_PERMISSION) as Performer[]).filter((p) => can(actor, { action: PERFORMER_PERMISSION[p], unit } as Permission));
}

export type DossierRow = { id: string; state: DossierState; version: number; unitId: string; year: number; reviewRound: number };

/** Loads a dossier with the unit facts permission checks need; null when it does not exist. */
export async function loadDossier(tx: Prisma.TransactionClient, dossierId: string) {
  return tx.dossier.findUnique({
    where: { id: dossierId },
    include: { unit: { select: { id: true, kind: true, communeId: true, name: true, hasPartyOrganisation: true, exclusionReason: true } } },
  });
}

type TransitionArgs = {
  actor: Actor | null;
  dossier: DossierRow;
  unit: UnitRef;
  action: DossierAction;
  expectedVersion: number;
  facts?: GuardFacts;
  /** Extra columns to write with the state change. */
  data?: Prisma.DossierUncheckedUpdateManyInput;
  meta?: unknown;
};

/**
 * The checks of one transition, in memory, in the order a person is told about them: may the
 * actor perform it on this unit, is the dossier still the version they saw, does the transition
 * table allow it from this state with these facts. Returns the state it moves to.
 */
function checkedTarget(args: Omit<TransitionArgs, "data" | "meta">): DossierState {
  const { actor, dossier, unit, action } = args;
  const performers = performersFor(actor, unit);
  const needed = TRANSITIONS[action].performer;
  if (!performers.includes(needed)) throw new ForbiddenError(PERFORMER_PERMISSION[needed]);
  if (dossier.version !== args.expectedVersion) throw new UserFacingError(STALE_MESSAGE);
  const check = checkTransition(action, dossier.state, performers, args.facts);
  if (!check.allowed) throw new UserFacingError(check.reasons.join(" "));
  return check.transition.to;
}

function transitionEvent(args: TransitionArgs, to: DossierState): AuditInput {
  const { dossier, data } = args;
  return {
    actor: args.actor,
    action: `dossier.${args.action.toLowerCase() as Lowercase<DossierAction>}`,
    entityType: "Dossier",
    entityId: dossier.id,
    unitId: dossier.unitId,
    before: { state: dossier.state, version: dossier.version },
    after: { state: to, version: dossier.version + 1, ...(data ?? {}) },
    meta: args.meta,
  };
}

export async function transitionDossier(tx: Prisma.TransactionClient, args: TransitionArgs): Promise<DossierState> {
  const { dossier } = args;
  const to = checkedTarget(args);
  const { count } = await tx.dossier.updateMany({
    where: { id: dossier.id, version: args.expectedVersion, state: dossier.state },
    data: { ...args.data, state: to, version: { increment: 1 } },
  });
  if (count !== 1) throw new UserFacingError(STALE_MESSAGE);
  await recordAudit(tx, transitionEvent(args, to));
  return to;
}

/**
 * Locks the listed dossiers for a bulk transition and share-locks their units (the permission and
 * deciding-authority checks read them), always in id order so two bulk use-cases over overlapping
 * dossiers queue instead of deadlocking; then loads them as `loadDossier` does. Missing ids are
 * simply absent from the result. Two statements whatever the number of dossiers.
 */
export async function lockAndLoadDossiers(tx: Prisma.TransactionClient, dossierIds: readonly string[]) {
  if (dossierIds.length === 0) return [];
  const ids = Prisma.join(dossierIds.map((id) => Prisma.sql`${id}::uuid`));
  await tx.$queryRaw`SELECT d."id" FROM "Dossier" d JOIN "Unit" u ON u."id" = d."unitId" WHERE d."id" IN (${ids}) ORDER BY d."id" FOR NO KEY UPDATE OF d FOR SHARE OF u`;
  return tx.dossier.findMany({
    where: { id: { in: [...dossierIds] } },
    include: { unit: { select: { id: true, kind: true, communeId: true, name: true, hasPartyOrganisation: true, exclusionReason: true } } },
  });
}

/**
 * The same transition for many dossiers, set-based: every dossier passes exactly the checks of
 * `transitionDossier`, in memory and in the order given (the first refusal refuses the whole
 * request and nothing is written), then ONE update moves them all and ONE insert writes their
 * audit events — one per dossier, as before, followed by `alsoAudit` (e.g. the decision's own
 * event). The update is still optimistic: it matches each dossier's state and version (grouped,
 * so its size does not grow with the number of dossiers) and anything short of all of them is
 * refused as stale. The extra columns (`data`) are the same for every dossier.
 */
export async function transitionDossiers(
  tx: Prisma.TransactionClient,
  args: {
    actor: Actor | null;
    action: DossierAction;
    items: readonly { dossier: DossierRow; unit: UnitRef; expectedVersion: number; facts?: GuardFacts; meta?: unknown }[];
    data?: Prisma.DossierUncheckedUpdateManyInput;
    alsoAudit?: readonly AuditInput[];
  },
): Promise<DossierState | null> {
  const { actor, action, data } = args;
  if (new Set(args.items.map((i) => i.dossier.id)).size !== args.items.length) throw new Error("transitionDossiers: a dossier is listed twice");
  const events: AuditInput[] = [];
  let target: DossierState | null = null;
  for (const item of args.items) {
    const to = checkedTarget({ actor, action, ...item });
    target = to;
    events.push(transitionEvent({ actor, action, data, ...item }, to));
  }
  if (args.items.length > 0) {
    // (state, version) → ids: a handful of groups, whatever the number of dossiers.
    const groups = new Map<string, { state: DossierState; version: number; ids: string[] }>();
    for (const { dossier } of args.items) {
      const key = `${dossier.state}:${dossier.version}`;
      const group = groups.get(key) ?? { state: dossier.state, version: dossier.version, ids: [] };
      group.ids.push(dossier.id);
      groups.set(key, group);
    }
    const { count } = await tx.dossier.updateMany({
      where: { OR: [...groups.values()].map((g) => ({ state: g.state, version: g.version, id: { in: g.ids } })) },
      data: { ...data, state: target!, version: { increment: 1 } },
    });
    if (count !== args.items.length) throw new UserFacingError(STALE_MESSAGE);
  }
  await recordAudits(tx, [...events, ...(args.alsoAudit ?? [])]);
  return target;
}
