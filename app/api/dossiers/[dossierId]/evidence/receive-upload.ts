/**
 * POST /api/dossiers/{dossierId}/evidence?criterionId=…&fileName=… with the file's bytes as the
 * body. Everything that can refuse the upload runs before the body is read (ADR 0006): the
 * declared length, the parameters, the session, the permission and the dossier's state. Then the
 * body is read up to the limit and no further, and the same use-case as before stores it. Answers
 * are an ActionResult as JSON, so the form shows the Vietnamese message and keeps its state.
 */
import type { Actor } from "@/lib/auth/actor";
import { ForbiddenError } from "@/lib/auth/permissions";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { assertMayUploadEvidence, uploadEvidence } from "@/lib/dossiers/evidence-files";
import { evidenceUploadSchema, MAX_EVIDENCE_BYTES, NO_FILE_MESSAGE, tooLargeMessage } from "@/lib/dossiers/evidence-rules";
import type { EvidenceStorage } from "@/lib/dossiers/evidence-storage";
import { declaredLength, isCrossOrigin, readAtMost } from "@/lib/http/limited-body";
import { fieldErrorsOf, INVALID_INPUT_MESSAGE, UserFacingError, type ActionResult } from "@/lib/validation/action-result";
import { FORBIDDEN_MESSAGE } from "@/lib/validation/run-action";

export type UploadDeps = { prisma: PrismaClient; storage: EvidenceStorage; loadActor: () => Promise<Actor | null> };

const json = (result: ActionResult<{ id: string }>, status: number, extra: Record<string, string> = {}) =>
  Response.json(result, { status, headers: { "Cache-Control": "no-store", ...extra } });

// The connection is closed after a 413 so Node does not drain the rest of an oversized body.
const tooLarge = (bytes?: number) => json({ ok: false, message: tooLargeMessage(bytes), fieldErrors: { file: [tooLargeMessage(bytes)] } }, 413, { Connection: "close" });

export async function receiveEvidenceUpload(request: Request, dossierId: string, deps: UploadDeps): Promise<Response> {
  if (isCrossOrigin(request.headers)) return json({ ok: false, message: FORBIDDEN_MESSAGE }, 403);
  const length = declaredLength(request.headers, MAX_EVIDENCE_BYTES);
  if (length === "too-large") return tooLarge(Number(request.headers.get("content-length")));
  if (length === "invalid") return json({ ok: false, message: INVALID_INPUT_MESSAGE }, 400);
  if (length === 0) return json({ ok: false, message: NO_FILE_MESSAGE, fieldErrors: { file: [NO_FILE_MESSAGE] } }, 400);

  const url = new URL(request.url);
  const parsed = evidenceUploadSchema.safeParse({ dossierId, criterionId: url.searchParams.get("criterionId") ?? "", fileName: url.searchParams.get("fileName") ?? "" });
  if (!parsed.success) return json({ ok: false, message: INVALID_INPUT_MESSAGE, fieldErrors: fieldErrorsOf(parsed.error) }, 400);
  const actor = await deps.loadActor();
  if (!actor) return json({ ok: false, message: "Phiên đăng nhập đã hết hạn; vui lòng đăng nhập lại." }, 401);

  try {
    await assertMayUploadEvidence(deps.prisma, actor, parsed.data);
    const bytes = await readAtMost(request.body, MAX_EVIDENCE_BYTES);
    if (bytes === "too-large") return tooLarge();
    const file = await uploadEvidence(deps.prisma, deps.storage, actor, { ...parsed.data, bytes });
    return json({ ok: true, data: { id: file.id } }, 200);
  } catch (error) {
    if (error instanceof ForbiddenError) return json({ ok: false, message: FORBIDDEN_MESSAGE }, 403);
    if (error instanceof UserFacingError) {
      return json({ ok: false, message: error.message, ...(error.field ? { fieldErrors: { [error.field]: [error.message] } } : {}) }, 422);
    }
    throw error;
  }
}
