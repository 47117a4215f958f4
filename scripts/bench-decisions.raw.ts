/**
 * The raw-SQL twin of issuing, cancelling and revoking for N units (scripts/bench-decisions.ts):
 * the set-based statements the use-cases send — locks, one read of the dossiers and units, one
 * write per table, one INSERT of every audit event — through a plain `pg` client, with none of the
 * use-case's checks, in a transaction that is rolled back. It is the floor the use-case is
 * compared with, not a second implementation.
 */
import { randomBytes } from "node:crypto";
import type pg from "pg";
import type { Actor } from "../lib/auth/actor";

type Row = { id: string; unitId: string; state: string; version: number; name: string; kind: string; communeId: string };

export function decisionRawSql(client: pg.Client, args: { actor: Actor; authorityId: string; year: number; ids: string[] }) {
  const { actor, authorityId, year, ids } = args;
  const inRolledBack = async (fn: () => Promise<void>) => {
    await client.query("BEGIN");
    try {
      await fn();
    } finally {
      await client.query("ROLLBACK");
    }
  };
  const lockAndLoad = async () =>
    (
      await client.query<Row>(
        `SELECT d."id", d."unitId", d."state"::text AS state, d."version", u."name", u."kind"::text AS kind, u."communeId"
           FROM "Dossier" d JOIN "Unit" u ON u."id" = d."unitId"
          WHERE d."id" = ANY($1::uuid[]) ORDER BY d."id" FOR NO KEY UPDATE OF d FOR SHARE OF u`,
        [ids],
      )
    ).rows;
  const audit = (rows: Row[], action: string, to: string, after: Record<string, unknown>, meta: unknown, extra: Record<string, unknown>[] = []) =>
    client.query(
      `INSERT INTO "AuditEvent" ("actorId", "actorUsername", "action", "entityType", "entityId", "unitId", "before", "after", "meta")
       SELECT (e->>'actorId')::uuid, e->>'actorUsername', e->>'action', e->>'entityType', e->>'entityId', (e->>'unitId')::uuid, e->'before', e->'after', e->'meta'
         FROM jsonb_array_elements($1::jsonb) WITH ORDINALITY AS x(e, n) ORDER BY n`,
      [
        JSON.stringify([
          ...rows.map((r) => ({
            actorId: actor.userId,
            actorUsername: actor.username,
            action,
            entityType: "Dossier",
            entityId: r.id,
            unitId: r.unitId,
            before: { state: r.state, version: r.version },
            after: { state: to, version: r.version + 1, ...after },
            meta,
          })),
          ...extra,
        ]),
      ],
    );
  const moveDossiers = (set: string, from: string, params: unknown[]) =>
    client.query(`UPDATE "Dossier" SET ${set}, "version" = "version" + 1, "updatedAt" = now() WHERE "id" = ANY($1::uuid[]) AND "state" = '${from}'`, [ids, ...params]);

  return {
    issue: () =>
      inRolledBack(async () => {
        await client.query(`SELECT "id" FROM "Authority" WHERE "id" = $1::uuid FOR SHARE`, [authorityId]);
        const rows = await lockAndLoad();
        await client.query(`SELECT pg_advisory_xact_lock_shared(424001)::text`);
        await client.query(`SELECT * FROM "CompetenceRule" ORDER BY "unitKind", "effectiveFrom"`);
        await client.query(`SELECT * FROM "Authority" WHERE "id" = $1::uuid`, [authorityId]);
        const seq = await client.query<{ lastSequence: number }>(
          `INSERT INTO "DecisionNumberCounter" ("authorityId", "year", "lastSequence") VALUES ($1::uuid, $2, 1)
           ON CONFLICT ("authorityId", "year") DO UPDATE SET "lastSequence" = "DecisionNumberCounter"."lastSequence" + 1 RETURNING "lastSequence"`,
          [authorityId, year],
        );
        const sequence = seq.rows[0]!.lastSequence;
        const decision = await client.query<{ id: string }>(
          `INSERT INTO "RecognitionDecision" ("id", "authorityId", "year", "sequence", "number", "issuedOn", "signerName", "signerTitle", "createdById")
           VALUES (gen_random_uuid(), $1::uuid, $2, $3, $4, $5::date, 'Nguyễn Văn Bình', 'Chủ tịch', $6::uuid) RETURNING "id"`,
          [authorityId, year, sequence, `${String(sequence).padStart(2, "0")}/QĐ-UBND`, `${year}-11-20`, actor.userId],
        );
        const decisionId = decision.rows[0]!.id;
        await client.query(
          `INSERT INTO "DecisionRecognition" ("id", "decisionId", "dossierId", "unitName", "verifyToken")
           SELECT gen_random_uuid(), $1::uuid, x.id, x.name, x.token FROM unnest($2::uuid[], $3::text[], $4::text[]) AS x(id, name, token)`,
          [decisionId, rows.map((r) => r.id), rows.map((r) => r.name), rows.map(() => randomBytes(32).toString("base64url"))],
        );
        await client.query(
          `INSERT INTO "RecognitionDecisionRevision" ("id", "decisionId", "version", "issuedOn", "signerName", "signerTitle", "unitNames", "createdById")
           VALUES (gen_random_uuid(), $1::uuid, 1, $2::date, 'Nguyễn Văn Bình', 'Chủ tịch', $3::jsonb, $4::uuid)`,
          [decisionId, `${year}-11-20`, JSON.stringify(Object.fromEntries(rows.map((r) => [r.id, r.name]))), actor.userId],
        );
        const now = new Date();
        await moveDossiers(`"state" = 'RECOGNISED', "decisionId" = $2::uuid, "decidedAt" = $3`, "PROPOSED", [decisionId, now]);
        await audit(rows, "dossier.recognise", "RECOGNISED", { decisionId, decidedAt: now.toISOString() }, { decisionNumber: "01/QĐ-UBND" }, [
          { actorId: actor.userId, actorUsername: actor.username, action: "decision.issued", entityType: "RecognitionDecision", entityId: decisionId, after: { dossierIds: ids } },
        ]);
      }),
    cancel: (decisionId: string) =>
      inRolledBack(async () => {
        await client.query(`SELECT "id" FROM "RecognitionDecision" WHERE "id" = $1::uuid FOR UPDATE`, [decisionId]);
        await client.query(`SELECT pg_advisory_xact_lock_shared(424001)::text`);
        await client.query(`SELECT * FROM "RecognitionDecision" WHERE "id" = $1::uuid`, [decisionId]);
        await client.query(`SELECT "id", "dossierId", "unitName" FROM "DecisionRecognition" WHERE "decisionId" = $1::uuid`, [decisionId]);
        const rows = await lockAndLoad();
        await client.query(`SELECT * FROM "CompetenceRule" ORDER BY "unitKind", "effectiveFrom"`);
        await moveDossiers(`"state" = 'PROPOSED', "decisionId" = NULL, "decidedAt" = NULL`, "RECOGNISED", []);
        await client.query(`UPDATE "RecognitionDecision" SET "cancelledAt" = now(), "cancellationReason" = 'x', "cancellationRef" = 'y' WHERE "id" = $1::uuid AND "cancelledAt" IS NULL`, [decisionId]);
        await audit(rows, "dossier.cancel_decision", "PROPOSED", { decisionId: null, decidedAt: null }, { decisionId }, [
          { actorId: actor.userId, actorUsername: actor.username, action: "decision.cancelled", entityType: "RecognitionDecision", entityId: decisionId, after: { dossierIds: ids } },
        ]);
      }),
    revoke: () =>
      inRolledBack(async () => {
        const rows = await lockAndLoad();
        await client.query(`SELECT pg_advisory_xact_lock_shared(424001)::text`);
        await client.query(`SELECT * FROM "CompetenceRule" ORDER BY "unitKind", "effectiveFrom"`);
        const now = new Date();
        await moveDossiers(`"state" = 'REVOKED', "revokedAt" = $2, "revocationReason" = 'x', "revocationRef" = 'y'`, "RECOGNISED", [now]);
        await audit(rows, "dossier.revoke", "REVOKED", { revokedAt: now.toISOString(), revocationReason: "x", revocationRef: "y" }, undefined);
      }),
  };
}
