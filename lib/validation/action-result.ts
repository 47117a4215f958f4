import type { z } from "zod";

/** What every server action returns to its form: success, or Vietnamese messages keyed to fields. */
export type ActionResult<T = undefined> =
  | { ok: true; data: T }
  | { ok: false; message: string; fieldErrors?: Record<string, string[]> };

export function fieldErrorsOf(error: z.ZodError): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = issue.path.join(".") || "_form";
    (out[key] ??= []).push(issue.message);
  }
  return out;
}

export const INVALID_INPUT_MESSAGE = "Dữ liệu chưa hợp lệ, vui lòng kiểm tra các trường được đánh dấu.";

/** A use-case failure the user can act on: the message is shown as is, next to the field if given. */
export class UserFacingError extends Error {
  constructor(
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = "UserFacingError";
  }
}
