/**
 * Evidence for the lines of a movement evaluation (issue 14 §2), kept in the same evidence storage
 * and under the same rules as a dossier's (type checked on the content, 10 MB, SHA-256 kept): the
 * scorer attaches files to the lines it may change; anyone who may read the evaluation downloads.
 */
import { createHash, randomUUID } from "node:crypto";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/auth/actor";
import { ForbiddenError } from "@/lib/auth/permissions";
import { recordAudit } from "@/lib/audit/record-audit";
import { UserFacingError } from "@/lib/validation/action-result";
import { classifyEvidence } from "@/lib/dossiers/evidence-files";
import type { EvidenceStorage } from "@/lib/dossiers/evidence-storage";
import { scorerEditableLines } from "./evaluation-workflow";
import { EVALUATION_NOT_FOUND, loadEvaluation, mayRead, sidesOn } from "./evaluations";

/** The actor may attach a file to this line now (asked before the upload's body is read, and again when storing). */
export async function assertMayUploadMovementEvidence(prisma: PrismaClient, actor: Actor | null, input: { evaluationId: string; criterionId: string }) {
  const ev = await loadEvaluation(prisma, input.evaluationId);
  if (!ev) throw new UserFacingError(EVALUATION_NOT_FOUND);
  if (!sidesOn(actor, ev).includes("SCORER")) throw new ForbiddenError(ev.unit ? "movement.score" : "movement.participants");
  if (!ev.scores.some((s) => s.criterionId === input.criterionId)) throw new UserFacingError("Tiêu chí không thuộc bảng chấm điểm của phiếu này.", "criterionId");
  const editable = scorerEditableLines(ev.state, ev.scores.filter((s) => s.flagged).map((s) => s.criterionId));
  if (editable !== "ALL" && !editable.has(input.criterionId)) throw new UserFacingError("Phiếu chấm điểm không cho phép bổ sung minh chứng cho tiêu chí này lúc này.");
  return ev;
}

export async function uploadMovementEvidence(
  prisma: PrismaClient,
  storage: EvidenceStorage,
  actor: Actor | null,
  input: { evaluationId: string; criterionId: string; fileName: string; bytes: Uint8Array },
) {
  const fileName = input.fileName.replace(/[\\/\u0000-\u001f]/g, "_").slice(-200) || "tep-minh-chung";
  const kind = await classifyEvidence(fileName, input.bytes);
  if ("error" in kind) throw new UserFacingError(kind.error, "file");
  const sha256 = createHash("sha256").update(input.bytes).digest("hex");
  const storageKey = randomUUID();
  await assertMayUploadMovementEvidence(prisma, actor, input);
  // Bytes first, row second: a failure in between leaves an orphan file (lib/dossiers/evidence-orphans.ts), never a row without a file.
  await storage.put(storageKey, input.bytes);
  return prisma.$transaction(async (tx) => {
    const ev = await loadEvaluation(tx, input.evaluationId);
    if (!ev) throw new UserFacingError(EVALUATION_NOT_FOUND);
    const editable = scorerEditableLines(ev.state, ev.scores.filter((s) => s.flagged).map((s) => s.criterionId));
    if (editable !== "ALL" && !editable.has(input.criterionId)) throw new UserFacingError("Phiếu chấm điểm không cho phép bổ sung minh chứng cho tiêu chí này lúc này.");
    const file = await tx.movementEvidenceFile.create({
      data: { evaluationId: ev.id, criterionId: input.criterionId, fileName, mimeType: kind.mime, sizeBytes: input.bytes.length, sha256, storageKey, uploadedById: actor!.userId },
    });
    const code = ev.sheet.criteria.find((c) => c.id === input.criterionId)?.code;
    await recordAudit(tx, {
      actor,
      action: "movementEvaluation.evidence_uploaded",
      entityType: "MovementEvaluation",
      entityId: ev.id,
      unitId: ev.unitId,
      after: { fileId: file.id, criterion: code, fileName, sizeBytes: input.bytes.length, sha256 },
    });
    return file;
  });
}

/** One file for someone who may read its evaluation; its bytes are checked against the stored SHA-256. */
export async function readMovementEvidence(prisma: PrismaClient, storage: EvidenceStorage, actor: Actor | null, fileId: string) {
  const file = await prisma.movementEvidenceFile.findUnique({ where: { id: fileId } });
  if (!file || file.removedAt) return null;
  const ev = await loadEvaluation(prisma, file.evaluationId);
  if (!ev || !mayRead(actor, ev)) throw new ForbiddenError("movement.review");
  const bytes = await storage.get(file.storageKey);
  if (createHash("sha256").update(bytes).digest("hex") !== file.sha256) throw new Error(`Movement evidence ${file.id} does not match its stored SHA-256`);
  return { file, bytes };
}

/** Takes a file off a line the scorer may still change (kept in storage and in the submitted history: only hidden). */
export async function removeMovementEvidence(prisma: PrismaClient, actor: Actor | null, input: { evaluationId: string; fileId: string }) {
  return prisma.$transaction(async (tx) => {
    const file = await tx.movementEvidenceFile.findUnique({ where: { id: input.fileId } });
    if (!file || file.evaluationId !== input.evaluationId || file.removedAt) throw new UserFacingError("Tệp minh chứng không tồn tại hoặc đã được gỡ.");
    const ev = await loadEvaluation(tx, file.evaluationId);
    if (!ev) throw new UserFacingError(EVALUATION_NOT_FOUND);
    if (!sidesOn(actor, ev).includes("SCORER")) throw new ForbiddenError(ev.unit ? "movement.score" : "movement.participants");
    const editable = scorerEditableLines(ev.state, ev.scores.filter((s) => s.flagged).map((s) => s.criterionId));
    if (editable !== "ALL" && !editable.has(file.criterionId)) throw new UserFacingError("Phiếu chấm điểm không cho phép gỡ minh chứng của tiêu chí này lúc này.");
    await tx.movementEvidenceFile.update({ where: { id: file.id }, data: { removedAt: new Date() } });
    await recordAudit(tx, {
      actor,
      action: "movementEvaluation.evidence_removed",
      entityType: "MovementEvaluation",
      entityId: ev.id,
      unitId: ev.unitId,
      before: { fileId: file.id, criterion: ev.sheet.criteria.find((c) => c.id === file.criterionId)?.code, fileName: file.fileName },
    });
    return { id: file.id };
  });
}
