"use server";

import { getPasswordSubject } from "@/lib/auth/session";
import { getPrisma } from "@/lib/db/client";
import { changeOwnPassword } from "@/lib/users/passwords";
import { changePasswordSchema } from "@/lib/users/password-schemas";
import { fieldErrorsOf, INVALID_INPUT_MESSAGE, UserFacingError, type ActionResult } from "@/lib/validation/action-result";

/**
 * "Đổi mật khẩu". Not through runAction: the form's schema depends on who is signed in (the new
 * password may not contain the username), and a person who must change a one-time password has
 * no actor yet — only this action accepts their session.
 */
export async function changePasswordAction(input: unknown): Promise<ActionResult<null>> {
  const subject = await getPasswordSubject();
  if (!subject) return { ok: false, message: "Phiên đăng nhập đã hết hạn. Vui lòng đăng nhập lại." };
  const parsed = changePasswordSchema(subject.username).safeParse(input);
  if (!parsed.success) return { ok: false, message: INVALID_INPUT_MESSAGE, fieldErrors: fieldErrorsOf(parsed.error) };
  try {
    await changeOwnPassword(getPrisma(), subject, parsed.data);
    return { ok: true, data: null };
  } catch (error) {
    if (error instanceof UserFacingError) {
      return { ok: false, message: error.message, ...(error.field ? { fieldErrors: { [error.field]: [error.message] } } : {}) };
    }
    throw error;
  }
}
