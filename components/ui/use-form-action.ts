"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { useForm, type FieldValues, type Path, type Resolver } from "react-hook-form";
import type { ActionResult } from "@/lib/validation/action-result";
import { maxLengths } from "@/lib/validation/max-length";
import { NO_CHANGES_MESSAGE } from "@/lib/validation/form-changes";
import { registerWithValue, useLastSaved } from "@/components/ui/form";

export type FormActionValues = Record<string, unknown>;
export type FormAction = (input: unknown) => Promise<ActionResult<unknown>>;
export type FormActionControls = { reset: () => void; setValue: (name: string, value: unknown) => void };
export type FormActionMessage = { text: string; tone: "error" | "success" } | null;

/** The message of a (possibly nested: "classes.0.name") field's error. */
function errorAt(errors: unknown, name: string): string | undefined {
  let node: unknown = errors;
  for (const part of name.split(".")) node = node && typeof node === "object" ? (node as Record<string, unknown>)[part] : undefined;
  return (node as { message?: string } | undefined)?.message;
}

/** The version a successful save returned, when it returned one (optimistic locking, ADR 0008). */
export function versionOf(data: unknown): number | undefined {
  const version = (data as { version?: unknown } | null)?.version;
  return typeof version === "number" ? version : undefined;
}

/**
 * The mechanics every admin form shares: one zod schema on both sides, the server's field errors
 * put back on their fields, nothing typed lost on an error (the form is never reset then), a save
 * that would change nothing not sent when `editing` ("Không có thay đổi.").
 *
 * After a successful save `after` may return a path to go to (a created row's page); otherwise
 * the form stays, remembers what was saved, says `saved` and refreshes the page's data. `version`,
 * when given, is the row's version as the page last read it (a sheet's lines bump the sheet's
 * version, so it comes from the page after every refresh, not from the form).
 */
export function useFormAction(
  schema: unknown,
  defaults: FormActionValues,
  action: FormAction,
  opts: { editing?: boolean; version?: number; saved?: string; after?: (data: unknown, controls: FormActionControls) => string | null } = {},
) {
  const router = useRouter();
  const [message, setMessage] = useState<FormActionMessage>(null);
  const form = useForm<FieldValues>({ resolver: zodResolver(schema as never) as unknown as Resolver<FieldValues>, defaultValues: defaults });
  const register = registerWithValue({ register: form.register, getValues: form.getValues });
  const err = (name: string) => errorAt(form.formState.errors, name);
  const limits = maxLengths(schema as never);
  const lastSaved = useLastSaved(defaults);
  const { version } = opts;
  useEffect(() => {
    if (version !== undefined) form.setValue("version", version);
  }, [form, version]);
  const onSubmit = form.handleSubmit(async (values) => {
    setMessage(null);
    if (opts.editing && lastSaved.unchanged(form.getValues())) {
      setMessage({ text: NO_CHANGES_MESSAGE, tone: "success" });
      return;
    }
    const result = await action(values);
    if (!result.ok) {
      for (const [field, messages] of Object.entries(result.fieldErrors ?? {})) form.setError(field as Path<FieldValues>, { message: messages.join(" ") });
      setMessage({ text: result.message, tone: "error" });
      return;
    }
    const next = opts.after?.(result.data, { reset: () => form.reset(defaults), setValue: (name, value) => form.setValue(name, value) }) ?? null;
    if (next) {
      router.push(next);
      return;
    }
    lastSaved.remember(form.getValues());
    setMessage({ text: opts.saved ?? "Đã lưu.", tone: "success" });
    router.refresh();
  });
  return { form, register, err, limits, onSubmit, message, submitting: form.formState.isSubmitting };
}

export type FormActionState = ReturnType<typeof useFormAction>;
