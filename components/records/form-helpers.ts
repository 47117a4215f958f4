import type { FieldValues, Path, UseFormSetError } from "react-hook-form";
import type { ActionResult } from "@/lib/validation/action-result";

/** Puts a server action's field errors back on the form (what the user typed stays) and returns its message. */
export function applyActionErrors<T extends FieldValues>(result: Extract<ActionResult<unknown>, { ok: false }>, setError: UseFormSetError<T>): string {
  for (const [field, messages] of Object.entries(result.fieldErrors ?? {})) {
    setError(field as Path<T>, { type: "server", message: messages.join(" ") });
  }
  return result.message;
}

/** The message of a react-hook-form error for a field, whatever the form's value types. */
export function errorOf(errors: Record<string, unknown>, name: string): string | undefined {
  const e = errors[name] as { message?: unknown } | undefined;
  return typeof e?.message === "string" ? e.message : undefined;
}

export type Action<T = unknown> = (input: unknown) => Promise<ActionResult<T>>;
