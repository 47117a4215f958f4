/**
 * Đính chính and hủy quyết định: the two acts on an issued recognition decision (ADR "decision
 * correction and cancellation"). Both are taken by whoever may decide for every unit the decision
 * names, under the competence table of the decision's year (as `issueDecision` judges it), both
 * lock the decision row, check the version the person saw, and write their audit events — one for
 * the decision, one per unit so each dossier's history shows it — in the same transaction.
 *
 * Neither is the thu hồi of a unit's recognition (`revokeRecognition`): that ends a recognition
 * rightly given, under the rules; cancelling voids a decision issued by mistake.
 */
import { Prisma, type PrismaClient } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/permissions";
import { recordAudits } from "@/lib/audit/record-audit";
import { UserFacingError } from "@/lib/validation/action-result";
import { loadCompetenceTable, lockCompetenceShared } from "@/lib/rules/competence-store";
import { reviewerLevels } from "@/lib/rules/competence";
import { isoToDateText } from "@/lib/domain/date-text";
import { issuedOnProblem } from "@/components/decisions/decision-form-schema";
import type { DecisionCancellationInput, DecisionCorrectionInput } from "@/components/decisions/decision-change-schema";
import { correctionChanges } from "./decision-change";
import { transitionDossiers } from "./dossier-transition";
import { notify } from "@/lib/notifications/notify";

export const DECISION_STALE_MESSAGE = "Quyết định vừa được người khác đính chính hoặc hủy. Vui lòng tải lại trang để xem nội dung mới nhất.";
const CANCELLED_MESSAGE = "Quyết định này đã bị hủy; không thể đính chính hoặc hủy lại.";

const iso = (d: Date) => d.toISOString().slice(0, 10);

/**
 * Locks the decision row, loads it with the units it named, and authorizes the actor for every
 * one of them with the decision year's competence. Returns the year-competent actor too.
 * `lockDossiers`: also lock the dossiers it named, in id order (as lockAndLoadDossiers does), before
 * they are read — for a change that moves them all at once.
 */
async function loadForChange(tx: Prisma.TransactionClient, actor: Actor | null, decisionId: string, textVersion: number, options: { lockDossiers?: boolean } = {}) {
  authorize(actor, { action: "decision.issue" });
  const locked = await tx.$queryRaw<{ id: string }[]>`SELECT "id" FROM "RecognitionDecision" WHERE "id" = ${decisionId}::uuid FOR UPDATE`;
  if (locked.length === 0) throw new UserFacingError("Quyết định không tồn tại.");
  if (options.lockDossiers) {
    await tx.$queryRaw`SELECT d."id" FROM "Dossier" d WHERE d."id" IN (SELECT r."dossierId" FROM "DecisionRecognition" r WHERE r."decisionId" = ${decisionId}::uuid) ORDER BY d."id" FOR NO KEY UPDATE OF d`;
  }
  await lockCompetenceShared(tx);
  const decision = await tx.recognitionDecision.findUniqueOrThrow({
    where: { id: decisionId },
    include: {
      recognitions: {
        orderBy: { createdAt: "asc" },
        include: {
          dossier: {
            select: { id: true, state: true, version: true, unitId: true, year: true, reviewRound: true, decisionId: true, unit: { select: { id: true, kind: true, communeId: true, name: true } } },
          },
        },
      },
    },
  });
  const table = await loadCompetenceTable(tx, decision.year);
  const yearActor = actor ? { ...actor, competence: reviewerLevels(table) } : actor;
  // Every unit first: a person who may not decide one of them learns nothing about the others.
  for (const r of decision.recognitions) authorize(yearActor, { action: "dossier.decide", unit: r.dossier.unit });
  if (decision.cancelledAt) throw new UserFacingError(CANCELLED_MESSAGE);
  if (decision.textVersion !== textVersion) throw new UserFacingError(DECISION_STALE_MESSAGE);
  return { decision, yearActor };
}

/** Đính chính: a new version of the text under the same number; every earlier version is kept. */
export async function correctDecision(prisma: PrismaClient, actor: Actor | null, input: DecisionCorrectionInput) {
  return prisma.$transaction(
    async (tx) => {
      const { decision } = await loadForChange(tx, actor, input.decisionId, input.textVersion);
      // The date rule is judged on the stored year, whatever year the form sent.
      const problem = issuedOnProblem(decision.year, input.issuedOn);
      if (problem) throw new UserFacingError(problem, "issuedOn");
      const named = new Set(decision.recognitions.map((r) => r.dossierId));
      for (const u of input.units) if (!named.has(u.dossierId)) throw new UserFacingError("Đơn vị không có trong quyết định này.", "units");
      const currentNames = Object.fromEntries(decision.recognitions.map((r) => [r.dossierId, r.unitName]));
      const nextNames = { ...currentNames, ...Object.fromEntries(input.units.map((u) => [u.dossierId, u.unitName.normalize("NFC")])) };
      const current = { issuedOn: iso(decision.issuedOn), signerName: decision.signerName, signerTitle: decision.signerTitle, unitNames: currentNames };
      const next = { issuedOn: input.issuedOn, signerName: input.signerName.normalize("NFC"), signerTitle: input.signerTitle.normalize("NFC"), unitNames: nextNames };
      const changes = correctionChanges(current, next, isoToDateText);
      if (changes.length === 0) throw new UserFacingError("Không có nội dung nào thay đổi so với bản hiện hành; quyết định không được đính chính.");

      const version = decision.textVersion + 1;
      const { count } = await tx.recognitionDecision.updateMany({
        where: { id: decision.id, textVersion: decision.textVersion, cancelledAt: null },
        data: { textVersion: version, issuedOn: new Date(`${next.issuedOn}T00:00:00.000Z`), signerName: next.signerName, signerTitle: next.signerTitle },
      });
      if (count !== 1) throw new UserFacingError(DECISION_STALE_MESSAGE);
      // Every renamed unit in one statement, whatever their number.
      const renamed = decision.recognitions.filter((r) => nextNames[r.dossierId] !== r.unitName);
      if (renamed.length > 0) {
        const rows = Prisma.join(renamed.map((r) => Prisma.sql`(${r.id}::uuid, ${nextNames[r.dossierId]!})`));
        await tx.$executeRaw`UPDATE "DecisionRecognition" AS r SET "unitName" = x.name FROM (VALUES ${rows}) AS x(id, name) WHERE r."id" = x.id`;
      }
      await tx.recognitionDecisionRevision.create({
        data: { decisionId: decision.id, version, issuedOn: new Date(`${next.issuedOn}T00:00:00.000Z`), signerName: next.signerName, signerTitle: next.signerTitle, unitNames: nextNames, note: input.note, createdById: actor?.userId ?? null },
      });
      const summary = { number: decision.number, textVersion: version, changes, note: input.note };
      // The decision's event, then one per unit, in one insert.
      await recordAudits(tx, [
        { actor, action: "decision.corrected", entityType: "RecognitionDecision", entityId: decision.id, before: { ...current, textVersion: decision.textVersion }, after: { ...next, textVersion: version }, meta: summary },
        ...decision.recognitions.map((r) => ({ actor, action: "dossier.decision_corrected" as const, entityType: "Dossier" as const, entityId: r.dossierId, unitId: r.dossier.unitId, after: { dossierId: r.dossierId, decisionId: decision.id, ...summary } })),
      ]);
      // Every unit the decision names, whatever its state now: the text about it changed.
      await notify(
        tx,
        decision.recognitions.map((r) => ({
          kind: "DECISION_CORRECTED" as const,
          dossierId: r.dossierId,
          unitId: r.dossier.unitId,
          unitName: nextNames[r.dossierId] ?? r.unitName,
          year: decision.year,
          decisionId: decision.id,
          decisionNumber: decision.number,
          textVersion: version,
          note: input.note,
        })),
      );
      return { id: decision.id, number: decision.number, textVersion: version, changes };
    },
    { timeout: 60_000 },
  );
}

/**
 * Hủy quyết định: the decision stays on record (its number is never given again: the counter
 * only grows), marked cancelled; every unit it still recognised goes back to PROPOSED, awaiting a
 * new decision. A unit whose recognition was revoked under it stays revoked.
 */
export async function cancelDecision(prisma: PrismaClient, actor: Actor | null, input: DecisionCancellationInput, now: Date = new Date()) {
  return prisma.$transaction(
    async (tx) => {
      const { decision, yearActor } = await loadForChange(tx, actor, input.decisionId, input.textVersion, { lockDossiers: true });
      // Only the units it still recognises go back, each checked as a single transition would be;
      // one update moves them and one insert writes their events and the decision's.
      const still = decision.recognitions.map((r) => r.dossier).filter((d) => d.decisionId === decision.id && d.state === "RECOGNISED");
      const returned = still.map((d) => d.id);
      const { count } = await tx.recognitionDecision.updateMany({
        where: { id: decision.id, textVersion: decision.textVersion, cancelledAt: null },
        data: { cancelledAt: now, cancellationReason: input.reason, cancellationRef: input.reference, cancelledById: actor?.userId ?? null },
      });
      if (count !== 1) throw new UserFacingError(DECISION_STALE_MESSAGE);
      const facts = { reason: input.reason, reference: input.reference };
      const meta = { decisionId: decision.id, decisionNumber: decision.number, reason: input.reason, reference: input.reference };
      await transitionDossiers(tx, {
        actor: yearActor,
        action: "CANCEL_DECISION",
        items: still.map((d) => ({ dossier: d, unit: d.unit, expectedVersion: d.version, facts, meta })),
        data: { decisionId: null, decidedAt: null },
        // After the units' events, as when they were written one by one.
        alsoAudit: [
          {
            actor,
            action: "decision.cancelled",
            entityType: "RecognitionDecision",
            entityId: decision.id,
            after: { number: decision.number, year: decision.year, reason: input.reason, reference: input.reference, dossierIds: returned },
          },
        ],
      });
      await notify(
        tx,
        decision.recognitions.map((r) => ({
          kind: "DECISION_CANCELLED" as const,
          dossierId: r.dossierId,
          unitId: r.dossier.unitId,
          unitName: r.unitName,
          year: decision.year,
          decisionId: decision.id,
          decisionNumber: decision.number,
          reason: input.reason,
          reference: input.reference,
        })),
        now,
      );
      return { id: decision.id, number: decision.number, returnedUnits: returned.length };
    },
    { timeout: 60_000 },
  );
}
