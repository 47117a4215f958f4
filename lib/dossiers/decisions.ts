/**
 * Recognition decisions (Quyết định công nhận): numbering, issuance, revocation.
 * Numbers are unique per issuing authority and year, allocated by an atomic counter — never
 * derived from ids or row counts (ids skip after crashes; counts race).
 */
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/permissions";
import { UserFacingError } from "@/lib/validation/action-result";
import type { z } from "zod";
import type { DecisionInput, revocationSchema } from "./dossier-schemas";
import { lockAndLoadDossiers, transitionDossiers } from "./dossier-transition";
import { authorityDecidesFor } from "./deciding-authority";
import { loadCompetenceTable, lockCompetenceShared } from "@/lib/rules/competence-store";
import { reviewerLevels } from "@/lib/rules/competence";
import { newVerifyToken } from "./decision-change";
import { notify } from "@/lib/notifications/notify";

/**
 * "15/QĐ-UBND", "01/QĐ-UBND": the numbering of NĐ 30/2020 (Phụ lục I) for a decision (QĐ) of an
 * authority — Arabic numerals, and numbers below 10 written with a leading zero.
 */
export function formatDecisionNumber(sequence: number, documentSymbol: string): string {
  return `${String(sequence).padStart(2, "0")}/QĐ-${documentSymbol}`;
}

/**
 * The next number for (authority, year). One INSERT … ON CONFLICT DO UPDATE … RETURNING is atomic
 * in PostgreSQL: concurrent callers get distinct numbers, and a rolled-back caller's number is
 * released with its transaction (the counter row lock is held until commit).
 */
export async function allocateDecisionSequence(tx: Prisma.TransactionClient, authorityId: string, year: number): Promise<number> {
  const rows = await tx.$queryRaw<{ lastSequence: number }[]>`
    INSERT INTO "DecisionNumberCounter" ("authorityId", "year", "lastSequence")
    VALUES (${authorityId}::uuid, ${year}, 1)
    ON CONFLICT ("authorityId", "year") DO UPDATE SET "lastSequence" = "DecisionNumberCounter"."lastSequence" + 1
    RETURNING "lastSequence"`;
  return Number(rows[0]!.lastSequence);
}

/**
 * Issues one decision recognising every listed PROPOSED dossier; all or nothing. In one
 * transaction: the actor must be able to decide for every unit, and the authority must be the one
 * that recognises each of them under the competence row governing its kind in the decision's
 * evaluation year (lib/rules/competence.ts), read once in this transaction. An issued decision
 * stores its authority and is never re-checked against a later row.
 *
 * Set-based (issue 12 §2): the authority and the dossiers with their units are locked and read
 * once, every check runs in memory on what was read, and each table is written by one statement —
 * a constant number of statements for 1 or 2,000 units, still one audit event per unit.
 */
export async function issueDecision(prisma: PrismaClient, actor: Actor | null, input: DecisionInput, now: Date = new Date()) {
  // Whoever may issue for no unit is refused outright, and a decision must name a unit: the unit
  // checks below run per dossier, so an empty list would otherwise pass them all.
  authorize(actor, { action: "decision.issue" });
  if (input.dossiers.length === 0) throw new UserFacingError("Vui lòng chọn ít nhất một đơn vị được đề nghị công nhận.", "dossiers");
  return prisma.$transaction(
    async (tx) => {
      const ids = input.dossiers.map((d) => d.dossierId);
      if (new Set(ids).size !== ids.length) throw new UserFacingError("Một đơn vị được chọn hai lần.", "dossiers");
      // The rows the deciding-authority rule reads stay share-locked until commit: reading them in
      // the transaction is not enough under READ COMMITTED, where a concurrent change could commit
      // between the check and the write of the decision. The dossiers themselves are locked for
      // the update (lockAndLoadDossiers).
      await tx.$queryRaw`SELECT "id" FROM "Authority" WHERE "id" = ${input.authorityId}::uuid FOR SHARE`;
      const loaded = new Map((await lockAndLoadDossiers(tx, ids)).map((d) => [d.id, d]));
      // Shared with other issuers, exclusive with an admin changing the table: no row can be added
      // for this year between the read below and the commit.
      await lockCompetenceShared(tx);
      const table = await loadCompetenceTable(tx, input.year);
      // Who is competent is judged by the table of the decision's year, not today's.
      const yearActor = actor ? { ...actor, competence: reviewerLevels(table) } : actor;
      const authority = await tx.authority.findUnique({ where: { id: input.authorityId } });
      if (!authority) throw new UserFacingError("Cơ quan ban hành không tồn tại.", "authorityId");
      // In the order chosen, so the first refusal is the one the person would meet one by one.
      const dossiers = ids.map((id) => loaded.get(id));
      for (const d of dossiers) {
        if (!d) throw new UserFacingError("Hồ sơ không tồn tại.", "dossiers");
        if (d.year !== input.year) throw new UserFacingError(`Hồ sơ của ${d.unit.name} thuộc năm ${d.year}, không phải năm ${input.year}.`, "dossiers");
      }
      // Every unit the actor may not decide is refused before any unit is named in a message.
      for (const d of dossiers) authorize(yearActor, { action: "dossier.decide", unit: d!.unit });
      for (const d of dossiers) {
        if (!authorityDecidesFor(authority, d!.unit, table[d!.unit.kind])) throw new UserFacingError(`${d!.unit.name} không thuộc thẩm quyền công nhận của ${authority.name}.`, "dossiers");
      }
      const sequence = await allocateDecisionSequence(tx, authority.id, input.year);
      const decision = await tx.recognitionDecision.create({
        data: {
          authorityId: authority.id,
          year: input.year,
          sequence,
          number: formatDecisionNumber(sequence, authority.documentSymbol),
          issuedOn: new Date(`${input.issuedOn}T00:00:00.000Z`),
          signerName: input.signerName,
          signerTitle: input.signerTitle,
          createdById: actor?.userId ?? null,
        },
      });
      // Each unit's printed name is frozen with the decision (a correction changes it, with a new
      // version), and its certificate gets its public verification token.
      // One JSON parameter for all of them (createMany's per-row parameters cost seconds of client
      // time at 500 units).
      const recognitions = JSON.stringify(dossiers.map((d) => ({ dossierId: d!.id, unitName: d!.unit.name, verifyToken: newVerifyToken() })));
      await tx.$executeRaw`
        INSERT INTO "DecisionRecognition" ("id", "decisionId", "dossierId", "unitName", "verifyToken")
        SELECT gen_random_uuid(), ${decision.id}::uuid, (r->>'dossierId')::uuid, r->>'unitName', r->>'verifyToken'
          FROM jsonb_array_elements(${recognitions}::jsonb) WITH ORDINALITY AS x(r, n)
         ORDER BY x.n`;
      await tx.recognitionDecisionRevision.create({
        data: {
          decisionId: decision.id,
          version: 1,
          issuedOn: decision.issuedOn,
          signerName: decision.signerName,
          signerTitle: decision.signerTitle,
          unitNames: Object.fromEntries(dossiers.map((d) => [d!.id, d!.unit.name])),
          createdById: actor?.userId ?? null,
        },
      });
      // The transition table's checks (state PROPOSED, the version the person saw, a decision
      // given) for every dossier, then one update and one insert of the audit events: one per
      // unit, then the decision's own.
      await transitionDossiers(tx, {
        actor: yearActor,
        action: "RECOGNISE",
        items: dossiers.map((d, i) => ({
          dossier: d!,
          unit: d!.unit,
          expectedVersion: input.dossiers[i]!.version,
          facts: { decisionId: decision.id },
          meta: { decisionNumber: decision.number },
        })),
        data: { decisionId: decision.id, decidedAt: now },
        alsoAudit: [
          {
            actor,
            action: "decision.issued",
            entityType: "RecognitionDecision",
            entityId: decision.id,
            after: { number: decision.number, year: decision.year, authority: authority.name, issuedOn: input.issuedOn, signerName: decision.signerName, dossierIds: ids },
          },
        ],
      });
      // Each unit's officers learn it in the same transaction: one statement for all the units.
      await notify(
        tx,
        dossiers.map((d) => ({ kind: "DOSSIER_RECOGNISED" as const, dossierId: d!.id, unitId: d!.unitId, unitName: d!.unit.name, year: d!.year, decisionId: decision.id, decisionNumber: decision.number, issuedOn: input.issuedOn })),
        now,
      );
      return decision;
    },
    { timeout: 60_000 },
  );
}

/**
 * Thu hồi: no clause in TT124 (spec §4.2); offered as a deliberate act with reason and reference,
 * audited. One unit from its dossier page; `revokeRecognitions` for many.
 */
export async function revokeRecognition(prisma: PrismaClient, actor: Actor | null, input: z.output<typeof revocationSchema>, now: Date = new Date()) {
  const [state] = await revokeRecognitions(prisma, actor, { dossiers: [{ dossierId: input.dossierId, version: input.version }], reason: input.reason, reference: input.reference }, now);
  return state!;
}

/**
 * Thu hồi for many units under one revoking document, all or nothing, set-based like
 * `issueDecision`: each dossier passes the checks a single revocation makes (in the order given;
 * the first refusal refuses the whole request, nothing is written), then one update and one
 * insert of the audit events, one per unit.
 */
export async function revokeRecognitions(
  prisma: PrismaClient,
  actor: Actor | null,
  input: { dossiers: readonly { dossierId: string; version: number }[]; reason: string; reference: string },
  now: Date = new Date(),
) {
  if (input.dossiers.length === 0) throw new UserFacingError("Vui lòng chọn ít nhất một đơn vị.");
  const ids = input.dossiers.map((d) => d.dossierId);
  if (new Set(ids).size !== ids.length) throw new UserFacingError("Một đơn vị được chọn hai lần.");
  return prisma.$transaction(
    async (tx) => {
      const loaded = new Map((await lockAndLoadDossiers(tx, ids)).map((d) => [d.id, d]));
      const dossiers = ids.map((id) => loaded.get(id));
      for (const d of dossiers) if (!d) throw new UserFacingError("Hồ sơ không tồn tại.");
      const to = await transitionDossiers(tx, {
        actor,
        action: "REVOKE",
        items: dossiers.map((d, i) => ({ dossier: d!, unit: d!.unit, expectedVersion: input.dossiers[i]!.version, facts: { reason: input.reason, reference: input.reference } })),
        data: { revokedAt: now, revocationReason: input.reason, revocationRef: input.reference },
      });
      await notify(
        tx,
        dossiers.map((d) => ({ kind: "DOSSIER_REVOKED" as const, dossierId: d!.id, unitId: d!.unitId, unitName: d!.unit.name, year: d!.year, reason: input.reason, reference: input.reference })),
        now,
      );
      return dossiers.map(() => to!);
    },
    { timeout: 60_000 },
  );
}
