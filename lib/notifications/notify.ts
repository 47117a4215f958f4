/**
 * Raising notifications in the transaction of the change they tell about (issue 13 §1): the
 * events are rendered by the catalogue (pure), then ONE statement finds every person who can act
 * on each event and inserts their notification — a constant number of statements whether a
 * decision names 1 unit or 2,000. A repeated event is a no-op (dedupeKey, ON CONFLICT DO NOTHING),
 * so a retried transaction or a second run never notifies anyone twice.
 *
 * Who can act mirrors lib/auth/permissions.ts, as unitScopeWhere does for lists: the unit's
 * officers are exactly the accounts for which `can(…, { action: "unit.update", unit })` holds, the
 * reviewers exactly those for which `can(…, { action: "dossier.review", unit })` holds under the
 * competence table in force (the one loadActor gives every reviewer). An integration test
 * (tests/integration/notifications.test.ts) checks that agreement over the demo province.
 */
import { Prisma } from "@/lib/generated/prisma/client";
import { COMMUNE_OFFICER_KINDS } from "@/lib/auth/permissions";
import { competenceTableFor, reviewerLevels } from "@/lib/rules/competence";
import { loadCompetenceRows } from "@/lib/rules/competence-store";
import { todayInVietnam } from "@/lib/domain/vietnam-today";
import type { ReviewerLevel, UnitKind } from "@/lib/generated/prisma/enums";
import { queueNotificationEmails } from "./notification-emails";
import { inboxKindInfo, isInboxKind, renderNotification, type Audience, type NotificationEvent, type RenderedNotification } from "./catalogue";

type Tx = Prisma.TransactionClient;

/** A notification as written (its e-mail, if the person wants one, is queued with it: ./notification-emails.ts). */
export type CreatedNotification = { id: string; userId: string; kind: string; title: string; body: string; link: string };

/** A ready-made row for `insertNotifications` (reminders and digests computed elsewhere). */
export type NotificationRow = {
  userId: string;
  kind: string;
  title: string;
  body: string;
  link: string;
  unitId?: string | null;
  dossierId?: string | null;
  decisionId?: string | null;
  dedupeKey: string;
};

/** Who reviews which unit kind, as loadActor computes it for every reviewer today. */
async function competenceNow(tx: Tx, now: Date): Promise<Record<UnitKind, ReviewerLevel>> {
  const year = Number(todayInVietnam(now).slice(0, 4));
  return reviewerLevels(competenceTableFor(await loadCompetenceRows(tx), year));
}

/**
 * The (event, recipient) pairs for events given as a JSON recordset `ev` (columns n, audience,
 * unitId), as four equi-joins the planner hashes: officers of the unit itself, commune officers
 * (for the commune's XA unit and its KDC), provincial reviewers and commune-police reviewers of the
 * unit's commune — each only where the competence table gives the unit's kind to their level.
 */
function recipientPairs(competence: Record<UnitKind, ReviewerLevel>) {
  const provincialKinds = (Object.keys(competence) as UnitKind[]).filter((k) => competence[k] === "PROVINCIAL_POLICE");
  const communeKinds = (Object.keys(competence) as UnitKind[]).filter((k) => competence[k] === "COMMUNE_POLICE");
  const list = (kinds: readonly string[]) => kinds.join(",");
  return Prisma.sql`
    SELECT ev."n", u."id" AS "userId" FROM ev JOIN "Unit" un ON un."id" = ev."unitId"
      JOIN "User" u ON u."unitId" = un."id"
     WHERE ev."audience" = 'officers' AND u."role" = 'UNIT_OFFICER' AND u."isActive"
    UNION ALL
    SELECT ev."n", u."id" FROM ev JOIN "Unit" un ON un."id" = ev."unitId"
      JOIN "User" u ON u."areaId" = un."communeId"
     WHERE ev."audience" = 'officers' AND u."role" = 'UNIT_OFFICER' AND u."isActive" AND u."unitId" IS NULL
       AND un."kind"::text = ANY(string_to_array(${list(COMMUNE_OFFICER_KINDS)}, ','))
    UNION ALL
    SELECT ev."n", u."id" FROM ev JOIN "Unit" un ON un."id" = ev."unitId"
      CROSS JOIN "User" u
     WHERE ev."audience" = 'reviewers' AND u."role" = 'REVIEWER' AND u."isActive" AND u."reviewerLevel" = 'PROVINCIAL_POLICE'
       AND un."kind"::text = ANY(string_to_array(${list(provincialKinds)}, ','))
    UNION ALL
    SELECT ev."n", u."id" FROM ev JOIN "Unit" un ON un."id" = ev."unitId"
      JOIN "User" u ON u."areaId" = un."communeId"
     WHERE ev."audience" = 'reviewers' AND u."role" = 'REVIEWER' AND u."isActive" AND u."reviewerLevel" = 'COMMUNE_POLICE'
       AND un."kind"::text = ANY(string_to_array(${list(communeKinds)}, ','))`;
}

const RETURNING = Prisma.sql`RETURNING "id"::text AS "id", "userId"::text AS "userId", "kind", "title", "body", "link"`;

/**
 * Notifies everyone who can act on each event, in the caller's transaction; returns what was
 * written (nothing for an event already notified). One statement, whatever the number of events.
 */
export async function notify(tx: Tx, events: readonly NotificationEvent[], now: Date = new Date()): Promise<CreatedNotification[]> {
  if (events.length === 0) return [];
  const rendered = events.map(renderNotification);
  const competence = rendered.some((r) => r.audience === "reviewers") ? await competenceNow(tx, now) : null;
  const created = await insertRendered(tx, rendered, competence, now);
  await queueNotificationEmails(tx, created);
  return created;
}

async function insertRendered(tx: Tx, rendered: readonly RenderedNotification[], competence: Record<UnitKind, ReviewerLevel> | null, now: Date) {
  const rows = JSON.stringify(
    rendered.map((r, n) => ({ n, audience: r.audience satisfies Audience, unitId: r.unitId, dossierId: r.dossierId, decisionId: r.decisionId, kind: r.kind, title: r.title, body: r.body, link: r.link, scope: r.dedupeScope })),
  );
  // Without reviewer events the competence table is not read: the reviewer branches match nothing.
  const pairs = recipientPairs(competence ?? ({} as Record<UnitKind, ReviewerLevel>));
  return tx.$queryRaw<CreatedNotification[]>`
    WITH ev AS (
      SELECT * FROM jsonb_to_recordset(${rows}::jsonb)
        AS x("n" int, "audience" text, "unitId" uuid, "dossierId" uuid, "decisionId" uuid, "kind" text, "title" text, "body" text, "link" text, "scope" text)
    ), pairs AS (${pairs})
    INSERT INTO "Notification" ("id", "userId", "kind", "title", "body", "link", "unitId", "dossierId", "decisionId", "dedupeKey", "createdAt")
    SELECT gen_random_uuid(), p."userId", ev."kind", ev."title", ev."body", ev."link", ev."unitId", ev."dossierId", ev."decisionId",
           ev."scope" || ':' || p."userId"::text, ${now.toISOString()}::timestamptz
      FROM pairs p JOIN ev ON ev."n" = p."n"
     ORDER BY ev."n", p."userId"
    ON CONFLICT ("dedupeKey") DO NOTHING
    ${RETURNING}`;
}

/**
 * Inserts ready-made notifications (reminders, digests: their recipients decided by their own
 * computation), one statement; a row whose dedupeKey exists already is skipped and not returned.
 */
export async function insertNotifications(tx: Tx, rows: readonly NotificationRow[], now: Date = new Date()): Promise<CreatedNotification[]> {
  if (rows.length === 0) return [];
  const json = JSON.stringify(rows.map((r) => ({ ...r, unitId: r.unitId ?? null, dossierId: r.dossierId ?? null, decisionId: r.decisionId ?? null })));
  const created = await tx.$queryRaw<CreatedNotification[]>`
    INSERT INTO "Notification" ("id", "userId", "kind", "title", "body", "link", "unitId", "dossierId", "decisionId", "dedupeKey", "createdAt")
    SELECT gen_random_uuid(), x."userId", x."kind", x."title", x."body", x."link", x."unitId", x."dossierId", x."decisionId", x."dedupeKey", ${now.toISOString()}::timestamptz
      FROM jsonb_to_recordset(${json}::jsonb)
        AS x("userId" uuid, "kind" text, "title" text, "body" text, "link" text, "unitId" uuid, "dossierId" uuid, "decisionId" uuid, "dedupeKey" text)
    ON CONFLICT ("dedupeKey") DO NOTHING
    ${RETURNING}`;
  await queueNotificationEmails(tx, created);
  return created;
}

/**
 * Who gets these notifications by e-mail: the people among `userIds` with an address, active, who
 * want this kind (their own choice, else the catalogue's default). `defaultOn` is the catalogue's
 * default for kinds outside this catalogue (reminders); for catalogue kinds it is read here.
 */
export async function emailWanted(tx: Tx, userIds: readonly string[], kind: string, defaultOn?: boolean): Promise<{ userId: string; email: string }[]> {
  if (userIds.length === 0) return [];
  const fallback = defaultOn ?? (isInboxKind(kind) ? inboxKindInfo(kind).emailByDefault : false);
  return tx.$queryRaw<{ userId: string; email: string }[]>`
    SELECT u."id"::text AS "userId", u."email"
      FROM "User" u LEFT JOIN "NotificationEmailPreference" p ON p."userId" = u."id" AND p."kind" = ${kind}
     WHERE u."id" = ANY(string_to_array(${[...new Set(userIds)].join(",")}, ',')::uuid[])
       AND u."isActive" AND u."email" IS NOT NULL
       AND COALESCE(p."enabled", ${fallback})
     ORDER BY u."id"`;
}
