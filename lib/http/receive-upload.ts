/**
 * An evidence file's upload as a route handler receives it (ADR 0006): everything that can refuse
 * the upload runs before the body is read — the origin, the declared length, the parameters, the
 * session, then the target's own check (permission, state) — and only then is the body read, up to
 * the limit and no further, and stored. Answers are an ActionResult as JSON, so the form shows the
 * Vietnamese message and keeps its state. The dossier's and the movement evaluation's uploads are
 * two targets of this one receiver.
 */
import type { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { ForbiddenError } from "@/lib/auth/permissions";
import { MAX_EVIDENCE_BYTES, NO_FILE_MESSAGE, tooLargeMessage } from "@/lib/dossiers/evidence-rules";
import { fieldErrorsOf, INVALID_INPUT_MESSAGE, UserFacingError, type ActionResult } from "@/lib/validation/action-result";
import { FORBIDDEN_MESSAGE } from "@/lib/validation/run-action";
import { declaredLength, isCrossOrigin, readAtMost } from "./limited-body";

export const SESSION_EXPIRED_MESSAGE = "Phiên đăng nhập đã hết hạn; vui lòng đăng nhập lại.";

export type UploadTarget<T> = {
  /** The route's ids and the query string's fields, parsed; a failure answers 400 with its field errors. */
  schema: z.ZodType<T>;
  /** Throws ForbiddenError or UserFacingError to refuse, before a byte of the body is read. */
  check: (actor: Actor, input: T) => Promise<unknown>;
  /** Stores the file (the use-case audits it) and returns its id. */
  store: (actor: Actor, input: T, bytes: Uint8Array) => Promise<{ id: string }>;
};

const json = (result: ActionResult<{ id: string }>, status: number, extra: Record<string, string> = {}) =>
  Response.json(result, { status, headers: { "Cache-Control": "no-store", ...extra } });

// The connection is closed after a 413 so Node does not drain the rest of an oversized body.
const tooLarge = (bytes?: number) => json({ ok: false, message: tooLargeMessage(bytes), fieldErrors: { file: [tooLargeMessage(bytes)] } }, 413, { Connection: "close" });

/**
 * `ids`: the route's parameters (e.g. { dossierId }); the query string adds criterionId and
 * fileName. `loadActor` is the session (a parameter so tests give one).
 */
export async function receiveUpload<T>(request: Request, ids: Record<string, string>, loadActor: () => Promise<Actor | null>, target: UploadTarget<T>): Promise<Response> {
  if (isCrossOrigin(request.headers)) return json({ ok: false, message: FORBIDDEN_MESSAGE }, 403);
  const length = declaredLength(request.headers, MAX_EVIDENCE_BYTES);
  if (length === "too-large") return tooLarge(Number(request.headers.get("content-length")));
  if (length === "invalid") return json({ ok: false, message: INVALID_INPUT_MESSAGE }, 400);
  if (length === 0) return json({ ok: false, message: NO_FILE_MESSAGE, fieldErrors: { file: [NO_FILE_MESSAGE] } }, 400);

  const url = new URL(request.url);
  const parsed = target.schema.safeParse({ ...ids, criterionId: url.searchParams.get("criterionId") ?? "", fileName: url.searchParams.get("fileName") ?? "" });
  if (!parsed.success) return json({ ok: false, message: INVALID_INPUT_MESSAGE, fieldErrors: fieldErrorsOf(parsed.error) }, 400);
  const actor = await loadActor();
  if (!actor) return json({ ok: false, message: SESSION_EXPIRED_MESSAGE }, 401);

  try {
    await target.check(actor, parsed.data);
    const bytes = await readAtMost(request.body, MAX_EVIDENCE_BYTES);
    if (bytes === "too-large") return tooLarge();
    const file = await target.store(actor, parsed.data, bytes);
    return json({ ok: true, data: { id: file.id } }, 200);
  } catch (error) {
    if (error instanceof ForbiddenError) return json({ ok: false, message: FORBIDDEN_MESSAGE }, 403);
    if (error instanceof UserFacingError) {
      return json({ ok: false, message: error.message, ...(error.field ? { fieldErrors: { [error.field]: [error.message] } } : {}) }, 422);
    }
    throw error;
  }
}
