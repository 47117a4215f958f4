/**
 * The thin shape every server action shares: parse with the form's zod schema → load the actor →
 * run the use-case (which authorizes) → map known failures to Vietnamese messages. Unknown errors
 * propagate (error page, logged by Next), never shown raw to the user.
 */
import type { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { ForbiddenError } from "@/lib/auth/permissions";
import { fieldErrorsOf, INVALID_INPUT_MESSAGE, UserFacingError, type ActionResult } from "./action-result";

export const FORBIDDEN_MESSAGE = "Bạn không có quyền thực hiện thao tác này.";

export async function runAction<S extends z.ZodType, T>(
  schema: S,
  input: unknown,
  loadActor: () => Promise<Actor | null>,
  execute: (actor: Actor | null, data: z.output<S>) => Promise<T>,
): Promise<ActionResult<T>> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) return { ok: false, message: INVALID_INPUT_MESSAGE, fieldErrors: fieldErrorsOf(parsed.error) };
  const actor = await loadActor();
  try {
    return { ok: true, data: await execute(actor, parsed.data) };
  } catch (error) {
    if (error instanceof ForbiddenError) return { ok: false, message: FORBIDDEN_MESSAGE };
    if (error instanceof UserFacingError) {
      return { ok: false, message: error.message, ...(error.field ? { fieldErrors: { [error.field]: [error.message] } } : {}) };
    }
    throw error;
  }
}
