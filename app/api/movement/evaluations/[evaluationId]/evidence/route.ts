/**
 * POST /api/movement/evaluations/{evaluationId}/evidence?criterionId=…&fileName=… with the file's
 * bytes as the body (issue 14 §2): the dossier's upload rules (ADR 0006) — everything that can
 * refuse runs before the body is read, which is then read up to the limit and no further.
 */
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getActor } from "@/lib/auth/session";
import { ForbiddenError } from "@/lib/auth/permissions";
import { getPrisma } from "@/lib/db/client";
import { evidenceStorage } from "@/lib/dossiers/evidence-storage";
import { MAX_EVIDENCE_BYTES, NO_FILE_MESSAGE, tooLargeMessage } from "@/lib/dossiers/evidence-rules";
import { declaredLength, isCrossOrigin, readAtMost } from "@/lib/http/limited-body";
import { requiredText } from "@/lib/validation/input-rules";
import { fieldErrorsOf, INVALID_INPUT_MESSAGE, UserFacingError, type ActionResult } from "@/lib/validation/action-result";
import { FORBIDDEN_MESSAGE } from "@/lib/validation/run-action";
import { assertMayUploadMovementEvidence, uploadMovementEvidence } from "@/lib/movement/evidence";

export const dynamic = "force-dynamic";

const schema = z.object({
  evaluationId: z.uuid("Phiếu chấm điểm không hợp lệ."),
  criterionId: z.uuid("Tiêu chí không hợp lệ."),
  fileName: requiredText(NO_FILE_MESSAGE, 255, "Tên tệp quá dài (tối đa 255 ký tự)."),
});

const json = (result: ActionResult<{ id: string }>, status: number, extra: Record<string, string> = {}) =>
  Response.json(result, { status, headers: { "Cache-Control": "no-store", ...extra } });
const tooLarge = (bytes?: number) => json({ ok: false, message: tooLargeMessage(bytes), fieldErrors: { file: [tooLargeMessage(bytes)] } }, 413, { Connection: "close" });

export async function POST(request: Request, ctx: { params: Promise<{ evaluationId: string }> }) {
  const { evaluationId } = await ctx.params;
  if (isCrossOrigin(request.headers)) return json({ ok: false, message: FORBIDDEN_MESSAGE }, 403);
  const length = declaredLength(request.headers, MAX_EVIDENCE_BYTES);
  if (length === "too-large") return tooLarge(Number(request.headers.get("content-length")));
  if (length === "invalid") return json({ ok: false, message: INVALID_INPUT_MESSAGE }, 400);
  if (length === 0) return json({ ok: false, message: NO_FILE_MESSAGE, fieldErrors: { file: [NO_FILE_MESSAGE] } }, 400);
  const url = new URL(request.url);
  const parsed = schema.safeParse({ evaluationId, criterionId: url.searchParams.get("criterionId") ?? "", fileName: url.searchParams.get("fileName") ?? "" });
  if (!parsed.success) return json({ ok: false, message: INVALID_INPUT_MESSAGE, fieldErrors: fieldErrorsOf(parsed.error) }, 400);
  const actor = await getActor();
  if (!actor) return json({ ok: false, message: "Phiên đăng nhập đã hết hạn; vui lòng đăng nhập lại." }, 401);
  const prisma = getPrisma();
  try {
    await assertMayUploadMovementEvidence(prisma, actor, parsed.data);
    const bytes = await readAtMost(request.body, MAX_EVIDENCE_BYTES);
    if (bytes === "too-large") return tooLarge();
    const file = await uploadMovementEvidence(prisma, evidenceStorage(), actor, { ...parsed.data, bytes });
    revalidatePath("/", "layout");
    return json({ ok: true, data: { id: file.id } }, 200);
  } catch (error) {
    if (error instanceof ForbiddenError) return json({ ok: false, message: FORBIDDEN_MESSAGE }, 403);
    if (error instanceof UserFacingError) return json({ ok: false, message: error.message, ...(error.field ? { fieldErrors: { [error.field]: [error.message] } } : {}) }, 422);
    throw error;
  }
}
