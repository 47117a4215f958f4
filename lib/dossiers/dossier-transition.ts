/**
 * The one way a dossier changes state: permission → transition table → optimistic update → audit,
 * in the caller's transaction. Two people acting on the same dossier at once: the second one's
 * expected version no longer matches, nothing is overwritten, and they get a clear message.
 */
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/auth/actor";
import { can, ForbiddenError, type Permission, type UnitRef } from "@/lib/auth/permissions";
import { recordAudit } from "@/lib/audit/record-audit";
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

export async function transitionDossier(
  tx: Prisma.TransactionClient,
  args: {
    actor: Actor | null;
    dossier: DossierRow;
    unit: UnitRef;
    action: DossierAction;
    expectedVersion: number;
    facts?: GuardFacts;
    /** Extra columns to write with the state change. */
    data?: Prisma.DossierUncheckedUpdateManyInput;
    meta?: unknown;
  },
): Promise<DossierState> {
  const { actor, dossier, unit, action } = args;
  const performers = performersFor(actor, unit);
  const needed = TRANSITIONS[action].performer;
  if (!performers.includes(needed)) throw new ForbiddenError(PERFORMER_PERMISSION[needed]);
  if (dossier.version !== args.expectedVersion) throw new UserFacingError(STALE_MESSAGE);
  const check = checkTransition(action, dossier.state, performers, args.facts);
  if (!check.allowed) throw new UserFacingError(check.reasons.join(" "));
  const to = check.transition.to;
  const { count } = await tx.dossier.updateMany({
    where: { id: dossier.id, version: args.expectedVersion, state: dossier.state },
    data: { ...args.data, state: to, version: { increment: 1 } },
  });
  if (count !== 1) throw new UserFacingError(STALE_MESSAGE);
  await recordAudit(tx, {
    actor,
    action: `dossier.${action.toLowerCase() as Lowercase<DossierAction>}`,
    entityType: "Dossier",
    entityId: dossier.id,
    unitId: dossier.unitId,
    before: { state: dossier.state, version: dossier.version },
    after: { state: to, version: dossier.version + 1, ...(args.data ?? {}) },
    meta: args.meta,
  });
  return to;
}
