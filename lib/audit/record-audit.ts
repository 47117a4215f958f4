/**
 * Audit events: one row per state change, written in the same transaction as the change, so a
 * change without its event cannot exist. The table refuses UPDATE/DELETE (trigger).
 */
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/auth/actor";
import type { AuditAction, AuditEntityType } from "./audit-actions";

type Tx = Pick<Prisma.TransactionClient, "auditEvent">;

export type AuditInput = {
  actor: Pick<Actor, "userId" | "username"> | null;
  /** One of the catalogue (lib/audit/audit-actions.ts), each with its Vietnamese label. */
  action: AuditAction;
  entityType: AuditEntityType;
  entityId?: string | null;
  unitId?: string | null;
  before?: unknown;
  after?: unknown;
  meta?: unknown;
  /** Username attempted, for events without a signed-in actor (failed logins). */
  username?: string;
};

const json = (value: unknown) => (value === undefined || value === null ? undefined : (JSON.parse(JSON.stringify(value)) as Prisma.InputJsonValue));

function auditRow(event: AuditInput) {
  return {
    actorId: event.actor?.userId ?? null,
    actorUsername: event.actor?.username ?? event.username ?? null,
    action: event.action,
    entityType: event.entityType,
    entityId: event.entityId ?? null,
    unitId: event.unitId ?? null,
    before: json(event.before),
    after: json(event.after),
    meta: json(event.meta),
  };
}

export async function recordAudit(tx: Tx, event: AuditInput): Promise<void> {
  await tx.auditEvent.create({ data: auditRow(event) });
}

/**
 * Many events in one INSERT (a bulk use-case: one event per unit). The chain trigger (ADR 0004)
 * runs for each row in the order given, and a row-level trigger sees the rows the same statement
 * inserted before it, so each event links to the one before it exactly as separate inserts would.
 * The rows travel as ONE JSON parameter: Prisma's createMany spent seconds of client time building
 * a statement with nine parameters per row for 500 rows. Their time is the same instant, taken
 * here, as Prisma's default would have taken it.
 */
export async function recordAudits(tx: Pick<Prisma.TransactionClient, "$executeRaw">, events: readonly AuditInput[], at: Date = new Date()): Promise<void> {
  if (events.length === 0) return;
  const rows = JSON.stringify(events.map(auditRow));
  await tx.$executeRaw`
    INSERT INTO "AuditEvent" ("at", "actorId", "actorUsername", "action", "entityType", "entityId", "unitId", "before", "after", "meta")
    SELECT ${at.toISOString()}::timestamptz, (e.v->>'actorId')::uuid, e.v->>'actorUsername', e.v->>'action', e.v->>'entityType', e.v->>'entityId',
           (e.v->>'unitId')::uuid, e.v->'before', e.v->'after', e.v->'meta'
      FROM jsonb_array_elements(${rows}::jsonb) WITH ORDINALITY AS e(v, n)
     ORDER BY e.n`;
}
