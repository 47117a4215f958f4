/**
 * POST /api/movement/evaluations/{evaluationId}/evidence?criterionId=…&fileName=… with the file's
 * bytes as the body (issue 14 §2): the dossier's receiver (lib/http/receive-upload.ts, ADR 0006)
 * with the evaluation's check — the scorer's side and the line still open — and its use-case.
 */
import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { NO_FILE_MESSAGE } from "@/lib/dossiers/evidence-rules";
import type { EvidenceStorage } from "@/lib/dossiers/evidence-storage";
import { receiveUpload } from "@/lib/http/receive-upload";
import { requiredText } from "@/lib/validation/input-rules";
import { assertMayUploadMovementEvidence, uploadMovementEvidence } from "@/lib/movement/evidence";

const movementUploadSchema = z.object({
  evaluationId: z.uuid("Phiếu chấm điểm không hợp lệ."),
  criterionId: z.uuid("Tiêu chí không hợp lệ."),
  fileName: requiredText(NO_FILE_MESSAGE, 255, "Tên tệp quá dài (tối đa 255 ký tự)."),
});

export type MovementUploadDeps = { prisma: PrismaClient; storage: EvidenceStorage; loadActor: () => Promise<Actor | null> };

export function receiveMovementEvidenceUpload(request: Request, evaluationId: string, deps: MovementUploadDeps): Promise<Response> {
  return receiveUpload(request, { evaluationId }, deps.loadActor, {
    schema: movementUploadSchema,
    check: (actor, input) => assertMayUploadMovementEvidence(deps.prisma, actor, input),
    store: (actor, input, bytes) => uploadMovementEvidence(deps.prisma, deps.storage, actor, { ...input, bytes }),
  });
}
