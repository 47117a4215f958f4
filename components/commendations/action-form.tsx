"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition, type ReactNode } from "react";
import type { ActionResult } from "@/lib/validation/action-result";
import { Form } from "@/components/ui/form";
import { Button } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/form-field";
import { useConfirm, type ConfirmText } from "@/components/ui/confirm-dialog";
import { noticeOn, useNotice } from "@/components/ui/notice";

export type FieldErrors = Record<string, string[] | undefined>;

/**
 * The commendation pages' forms (issue 14 §3): the form's fields as typed plus fixed values (the
 * proposal and its version) go to a server action; its refusal is shown beside the fields and at
 * the top, and what was typed stays. An irreversible step asks first (before the transition).
 */
export function ActionForm<T>({
  action,
  fixed,
  label,
  submitLabel,
  pendingLabel = "Đang xử lý…",
  variant = "primary",
  confirm,
  success,
  redirectTo,
  className = "space-y-3",
  children,
}: {
  action: (input: unknown) => Promise<ActionResult<T>>;
  fixed: Record<string, unknown>;
  label: string;
  submitLabel: string;
  pendingLabel?: string;
  variant?: "primary" | "secondary" | "danger";
  confirm?: (values: Record<string, string>) => ConfirmText;
  success: (data: T) => string;
  redirectTo?: (data: T) => string;
  className?: string;
  children: (errors: FieldErrors) => ReactNode;
}) {
  const router = useRouter();
  const notify = useNotice();
  const { ask, dialog } = useConfirm();
  const [pending, start] = useTransition();
  const [message, setMessage] = useState<string | null>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  return (
    <Form
      className={className}
      aria-label={label}
      onSubmit={async (e) => {
        e.preventDefault();
        setMessage(null);
        const form = e.currentTarget;
        const values = Object.fromEntries([...new FormData(form).entries()].map(([k, v]) => [k, String(v)]));
        // Asked before the transition starts: the dialog must not be held inside it.
        if (confirm && !(await ask(confirm(values)))) return;
        start(async () => {
          const result = await action({ ...values, ...fixed });
          if (!result.ok) {
            setErrors(result.fieldErrors ?? {});
            setMessage(result.message);
            return;
          }
          setErrors({});
          const next = redirectTo?.(result.data);
          notify(success(result.data), next ? noticeOn(next) : undefined);
          if (next) router.push(next);
          else {
            form.reset();
            router.refresh();
          }
        });
      }}
    >
      <FormAlert message={message} />
      {children(errors)}
      <div>
        <Button type="submit" variant={variant} disabled={pending} aria-busy={pending}>
          {pending ? pendingLabel : submitLabel}
        </Button>
      </div>
      {dialog}
    </Form>
  );
}

export const textArea =
  "block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm focus:border-brand-600 focus:ring-1 focus:ring-brand-600 aria-[invalid=true]:border-red-600";
