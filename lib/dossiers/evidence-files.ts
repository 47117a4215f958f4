/**
 * Evidence for self-assessment criteria: type and size limits checked on the content (not the
 * name the browser sends), SHA-256 kept in the database, the bytes kept by an EvidenceStorage.
 */
import { createHash, randomUUID } from "node:crypto";
import { fileTypeFromBuffer } from "file-type";
import type { PrismaClient, Prisma } from "@/lib/generated/prisma/client";
import type { UnitKind } from "@/lib/generated/prisma/enums";
import type { Actor } from "@/lib/auth/actor";
import { authorize, can } from "@/lib/auth/permissions";
import { recordAudit } from "@/lib/audit/record-audit";
import { UserFacingError } from "@/lib/validation/action-result";
import { OFFICER_EDITABLE_STATES } from "@/lib/workflow/transitions";
import { officerEditableCriteria, type DossierState } from "@/lib/workflow/dossier-states";
import type { EvidenceStorage } from "./evidence-storage";
import { loadDossier } from "./dossier-transition";
import { criteriaForKind } from "./self-assessment-questions";
import { EVIDENCE_TYPES_MESSAGE, evidenceFileProblem, evidenceKindOf, extensionOf, type EvidenceKind } from "./evidence-rules";

export { EVIDENCE_ACCEPT, EVIDENCE_RULES_TEXT, MAX_EVIDENCE_BYTES } from "./evidence-rules";

/**
 * What `file-type` reports for the content of each accepted kind. A .doc is an OLE2 compound file
 * ("cfb"); file-type cannot tell Word 97 from Excel 97 inside one, so any OLE2 file named .doc
 * passes (it opens in Word or fails harmlessly; it is never an executable or a script).
 */
const CONTENT_OF: Record<EvidenceKind["mime"], string> = {
  "application/pdf": "application/pdf",
  "image/png": "image/png",
  "image/jpeg": "image/jpeg",
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  "application/msword": "application/x-cfb",
};

/**
 * The accepted type of a file by its name and its content, or a Vietnamese message. The content
 * decides: a zip renamed .docx or a text file renamed .pdf is refused, naming the allowed types.
 */
export async function classifyEvidence(fileName: string, bytes: Uint8Array): Promise<{ mime: string } | { error: string }> {
  const problem = evidenceFileProblem(fileName, bytes.length);
  if (problem) return { error: problem };
  const kind = evidenceKindOf(fileName)!;
  const detected = await fileTypeFromBuffer(bytes);
  if (detected?.mime !== CONTENT_OF[kind.mime]) {
    return { error: `Nội dung tệp không đúng với định dạng của tên tệp (.${extensionOf(fileName)}). ${EVIDENCE_TYPES_MESSAGE}` };
  }
  return { mime: kind.mime };
}

/** Criteria the officer may change now: any while self-assessing; only the flagged ones after a return. */
export async function editableCriteria(tx: Prisma.TransactionClient, dossier: { id: string; state: string; reviewRound: number }): Promise<"ALL" | ReadonlySet<string>> {
  const state = dossier.state as DossierState;
  // The flags are read only where the rule uses them.
  const flagged =
    state === "RETURNED"
      ? (await tx.criterionReview.findMany({ where: { dossierId: dossier.id, round: dossier.reviewRound, status: "FLAGGED" }, select: { criterionId: true } })).map((f) => f.criterionId)
      : [];
  return officerEditableCriteria(state, flagged);
}

/** The criterion must be one of the rule set that applies to the dossier's unit kind and year. */
export function assertCriterionOfDossier(dossier: { year: number; unit: { kind: UnitKind } }, criterionId: string) {
  if (!criteriaForKind(dossier.unit.kind, dossier.year).some((c) => c.id === criterionId)) {
    throw new UserFacingError("Tiêu chí không thuộc bộ tiêu chí của loại đơn vị này.", "criterionId");
  }
}

export async function assertCriterionEditable(tx: Prisma.TransactionClient, dossier: { id: string; state: string; reviewRound: number; year: number; unit: { kind: UnitKind } }, criterionId: string) {
  assertCriterionOfDossier(dossier, criterionId);
  if (!(OFFICER_EDITABLE_STATES as readonly string[]).includes(dossier.state)) {
    throw new UserFacingError("Hồ sơ không ở trạng thái cho phép chỉnh sửa.");
  }
  const editable = await editableCriteria(tx, dossier);
  if (editable !== "ALL" && !editable.has(criterionId)) {
    throw new UserFacingError(`Hồ sơ đã được trả lại: chỉ được sửa các tiêu chí cán bộ thẩm định yêu cầu bổ sung (không gồm ${criterionId}).`);
  }
}

/**
 * The actor may add evidence to this criterion of this dossier now. The upload route asks this
 * before reading the body, so an unauthorized or late upload costs no bytes; uploadEvidence asks
 * it again.
 */
export async function assertMayUploadEvidence(prisma: PrismaClient, actor: Actor | null, input: { dossierId: string; criterionId: string }) {
  return prisma.$transaction(async (tx) => {
    const d = await loadDossier(tx, input.dossierId);
    if (!d) throw new UserFacingError("Hồ sơ không tồn tại.");
    authorize(actor, { action: "unit.update", unit: d.unit });
    await assertCriterionEditable(tx, d, input.criterionId);
    return d;
  });
}

export async function uploadEvidence(
  prisma: PrismaClient,
  storage: EvidenceStorage,
  actor: Actor | null,
  input: { dossierId: string; criterionId: string; fileName: string; bytes: Uint8Array },
) {
  const fileName = input.fileName.replace(/[\\/\u0000-\u001f]/g, "_").slice(-200) || "tep-minh-chung";
  const kind = await classifyEvidence(fileName, input.bytes);
  if ("error" in kind) throw new UserFacingError(kind.error, "file");
  const sha256 = createHash("sha256").update(input.bytes).digest("hex");
  const storageKey = `${randomUUID()}`;

  const dossier = await assertMayUploadEvidence(prisma, actor, input);
  // Bytes first, row second: a failure in between leaves an orphan file, never a row without a file.
  await storage.put(storageKey, input.bytes);
  try {
    return await prisma.$transaction(async (tx) => {
      // Re-check inside the writing transaction: the state may have moved since.
      const d = await loadDossier(tx, dossier.id);
      if (!d) throw new UserFacingError("Hồ sơ không tồn tại.");
      await assertCriterionEditable(tx, d, input.criterionId);
      const file = await tx.evidenceFile.create({
        data: { dossierId: d.id, criterionId: input.criterionId, fileName, mimeType: kind.mime, sizeBytes: input.bytes.length, sha256, storageKey, uploadedById: actor!.userId },
      });
      await recordAudit(tx, {
        actor,
        action: "evidence.uploaded",
        entityType: "EvidenceFile",
        entityId: file.id,
        unitId: d.unitId,
        after: { dossierId: d.id, criterionId: file.criterionId, fileName, sha256, sizeBytes: file.sizeBytes },
      });
      return file;
    });
  } catch (error) {
    await storage.remove(storageKey);
    throw error;
  }
}

/** Hides a file from the current round; the bytes stay, because an earlier snapshot may cite them. */
export async function removeEvidence(prisma: PrismaClient, actor: Actor | null, input: { evidenceId: string }, now: Date = new Date()) {
  return prisma.$transaction(async (tx) => {
    const file = await tx.evidenceFile.findUnique({ where: { id: input.evidenceId } });
    if (!file || file.removedAt) throw new UserFacingError("Tệp minh chứng không tồn tại.");
    const d = await loadDossier(tx, file.dossierId);
    authorize(actor, { action: "unit.update", unit: d!.unit });
    await assertCriterionEditable(tx, d!, file.criterionId);
    await tx.evidenceFile.update({ where: { id: file.id }, data: { removedAt: now } });
    await recordAudit(tx, { actor, action: "evidence.removed", entityType: "EvidenceFile", entityId: file.id, unitId: d!.unitId, before: { fileName: file.fileName, sha256: file.sha256 }, after: { dossierId: d!.id, criterionId: file.criterionId } });
  });
}

/** The bytes of an evidence file for someone allowed to read the unit. */
export async function readEvidence(prisma: PrismaClient, storage: EvidenceStorage, actor: Actor | null, evidenceId: string) {
  const file = await prisma.evidenceFile.findUnique({ where: { id: evidenceId }, include: { dossier: { include: { unit: { select: { id: true, kind: true, communeId: true } } } } } });
  if (!file) return null;
  authorize(actor, { action: "unit.read", unit: file.dossier.unit });
  const bytes = await storage.get(file.storageKey);
  if (createHash("sha256").update(bytes).digest("hex") !== file.sha256) {
    throw new Error(`Evidence ${file.id} does not match its stored SHA-256`);
  }
  return { file, bytes, canEdit: can(actor, { action: "unit.update", unit: file.dossier.unit }) };
}
