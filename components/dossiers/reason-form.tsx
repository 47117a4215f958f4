"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { z } from "zod";
import type { ActionResult } from "@/lib/validation/action-result";
import { useDossierVersion } from "./dossier-version";
import { Form } from "@/components/ui/form";
import { Button } from "@/components/ui/button";
import { useConfirm, type ConfirmText } from "@/components/ui/confirm-dialog";
import { FieldError, FormAlert, TextInput } from "@/components/ui/form-field";
import { useNotice } from "@/components/ui/notice";
import { CharacterCount } from "@/components/ui/character-count";
import { maxLengths } from "@/lib/validation/max-length";
import { reasonField, referenceField } from "@/lib/dossiers/reason-schema";

/** The limits of the reason and reference (the same for a refusal and a revocation), for the counters. */
const LIMITS = maxLengths(z.object({ reason: reasonField, reference: referenceField }));

type FieldErrors = Partial<Record<"reason" | "reference", string[]>>;

/** The same field rules as the server action's schema (refusalSchema, revocationSchema). */
function checkFields(data: Record<string, FormDataEntryValue>, withReference: boolean): FieldErrors | null {
  const errors: FieldErrors = {};
  const reason = reasonField.safeParse(data.reason ?? "");
  if (!reason.success) errors.reason = reason.error.issues.map((i) => i.message);
  if (withReference) {
    const reference = referenceField.safeParse(data.reference ?? "");
    if (!reference.success) errors.reference = reference.error.issues.map((i) => i.message);
  }
  return Object.keys(errors).length ? errors : null;
}

/**
 * Refusal or revocation: a reason (and a document reference for revocation), a confirmation that
 * restates the consequence, then the action and a notice of what it did.
 */
export function ReasonForm({
  dossierId,
  version,
  action,
  label,
  withReference = false,
  confirm,
  done,
}: {
  dossierId: string;
  version: number;
  action: (input: unknown) => Promise<ActionResult<unknown>>;
  label: string;
  withReference?: boolean;
  confirm: ConfirmText;
  done: string;
}) {
  const router = useRouter();
  const notify = useNotice();
  const { ask, dialog } = useConfirm();
  const [currentVersion] = useDossierVersion(version);
  const [pending, start] = useTransition();
  const [result, setResult] = useState<ActionResult<unknown> | null>(null);
  const [clientErrors, setClientErrors] = useState<FieldErrors | null>(null);
  const fieldErrors = clientErrors ?? (result && !result.ok ? result.fieldErrors : undefined);
  return (
    <Form
      className="space-y-3"
      aria-label={label}
      onSubmit={async (e) => {
        e.preventDefault();
        const data = Object.fromEntries(new FormData(e.currentTarget).entries());
        // Checked here with the server's own rules: ask only about a request that can succeed.
        const errors = checkFields(data, withReference);
        setClientErrors(errors);
        if (errors) return;
        if (!(await ask(confirm))) return;
        start(async () => {
          const r = await action({ ...data, dossierId, version: currentVersion });
          setResult(r);
          if (r.ok) {
            notify(done);
            router.refresh();
          }
        });
      }}
    >
      <FormAlert message={result && !result.ok ? result.message : null} />
      <label className="block text-sm font-medium" htmlFor={`reason-${label}`}>
        Lý do
      </label>
      <textarea id={`reason-${label}`} name="reason" rows={3} className="block w-full rounded-md border border-slate-300 px-3 py-2 text-sm" aria-invalid={!!fieldErrors?.reason} />
      <CharacterCount fieldId={`reason-${label}`} max={LIMITS.reason!} />
      <FieldError id={`reason-${label}-error`} messages={fieldErrors?.reason} />
      {withReference && (
        <>
          <label className="block text-sm font-medium" htmlFor={`reference-${label}`}>
            Số, ký hiệu văn bản
          </label>
          <TextInput id={`reference-${label}`} name="reference" aria-invalid={!!fieldErrors?.reference} />
          <CharacterCount fieldId={`reference-${label}`} max={LIMITS.reference!} />
          <FieldError id={`reference-${label}-error`} messages={fieldErrors?.reference} />
        </>
      )}
      <Button type="submit" variant="danger" disabled={pending}>
        {pending ? "Đang xử lý…" : label}
      </Button>
      {dialog}
    </Form>
  );
}
