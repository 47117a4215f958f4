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
import type { ExclusionReason, UnitKind } from "@/lib/generated/prisma/enums";

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

/** A dossier as a bulk use-case reads it: what the transition and permission checks need. */
export type LockedDossier = DossierRow & {
  unit: { id: string; kind: UnitKind; communeId: string; name: string; hasPartyOrganisation: boolean; exclusionReason: ExclusionReason | null };
};

/**
 * Locks the listed dossiers for a bulk transition and share-locks their units (the permission and
 * deciding-authority checks read them), always in id order so two bulk use-cases over overlapping
 * dossiers queue instead of deadlocking, and reads what the checks need — in ONE statement whose
 * ids travel as one parameter, whatever their number. Missing ids are simply absent.
 */
export async function lockAndLoadDossiers(tx: Prisma.TransactionClient, dossierIds: readonly string[]): Promise<LockedDossier[]> {
  if (dossierIds.length === 0) return [];
  const rows = await tx.$queryRaw<
    (Omit<DossierRow, "version" | "year" | "reviewRound"> & { version: number | bigint; year: number | bigint; reviewRound: number | bigint; uKind: UnitKind; uCommuneId: string; uName: string; uParty: boolean; uExclusion: ExclusionReason | null })[]
  >`
    SELECT d."id"::text AS "id", d."state"::text AS "state", d."version", d."unitId"::text AS "unitId", d."year", d."reviewRound",
           u."kind"::text AS "uKind", u."communeId"::text AS "uCommuneId", u."name" AS "uName", u."hasPartyOrganisation" AS "uParty", u."exclusionReason"::text AS "uExclusion"
      FROM "Dossier" d JOIN "Unit" u ON u."id" = d."unitId"
     WHERE d."id" = ANY(string_to_array(${dossierIds.join(",")}, ',')::uuid[])
     ORDER BY d."id"
       FOR NO KEY UPDATE OF d FOR SHARE OF u`;
  return rows.map((r) => ({
    id: r.id,
    state: r.state,
    version: Number(r.version),
    unitId: r.unitId,
    year: Number(r.year),
    reviewRound: Number(r.reviewRound),
    unit: { id: r.unitId, kind: r.uKind, communeId: r.uCommuneId, name: r.uName, hasPartyOrganisation: r.uParty, exclusionReason: r.uExclusion },
  }));
}

/** The columns a bulk transition may write beside state and version (the same for every dossier). */
export type BulkDossierData = Partial<{ decisionId: string | null; decidedAt: Date | null; revokedAt: Date | null; revocationReason: string | null; revocationRef: string | null }>;
const BULK_COLUMNS: Record<keyof BulkDossierData, string> = { decisionId: "uuid", decidedAt: "timestamptz", revokedAt: "timestamptz", revocationReason: "text", revocationRef: "text" };

/**
 * The same transition for many dossiers, set-based: every dossier passes exactly the checks of
 * `transitionDossier`, in memory and in the order given (the first refusal refuses the whole
 * request and nothing is written), then ONE update moves them all and ONE insert writes their
 * audit events — one per dossier, as before, followed by `alsoAudit` (e.g. the decision's own
 * event). The update is still optimistic: it matches each dossier's state and version, and
 * anything short of all of them is refused as stale. The extra columns (`data`) are the same for
 * every dossier.
 */
export async function transitionDossiers(
  tx: Prisma.TransactionClient,
  args: {
    actor: Actor | null;
    action: DossierAction;
    items: readonly { dossier: DossierRow; unit: UnitRef; expectedVersion: number; facts?: GuardFacts; meta?: unknown }[];
    data?: BulkDossierData;
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
    // Each dossier matched on the state and version it was checked in, all in one statement whose
    // rows travel as one JSON parameter; anything short of all of them is refused as stale.
    const rows = JSON.stringify(args.items.map(({ dossier }) => ({ id: dossier.id, state: dossier.state, version: dossier.version })));
    const set = Object.entries(data ?? {}).map(([column, value]) => {
      const type = BULK_COLUMNS[column as keyof BulkDossierData];
      if (!type) throw new Error(`transitionDossiers: ${column} is not a bulk column`);
      const param = value instanceof Date ? value.toISOString() : (value as string | null);
      return Prisma.sql`${Prisma.raw(`"${column}"`)} = ${param}::${Prisma.raw(type)}`;
    });
    const count = await tx.$executeRaw`
      UPDATE "Dossier" AS d
         SET "state" = ${target}::"DossierState", "version" = d."version" + 1, "updatedAt" = ${new Date().toISOString()}::timestamptz
             ${set.length ? Prisma.sql`, ${Prisma.join(set)}` : Prisma.empty}
        FROM jsonb_to_recordset(${rows}::jsonb) AS x("id" uuid, "state" text, "version" int)
       WHERE d."id" = x."id" AND d."state"::text = x."state" AND d."version" = x."version"`;
    if (count !== args.items.length) throw new UserFacingError(STALE_MESSAGE);
  }
  await recordAudits(tx, [...events, ...(args.alsoAudit ?? [])]);
  return target;
}
