"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import type { ActionResult } from "@/lib/validation/action-result";
import { useDossierVersion } from "./dossier-version";
import { Form } from "@/components/ui/form";
import { Button } from "@/components/ui/button";
import { useConfirm, type ConfirmText } from "@/components/ui/confirm-dialog";
import { FieldError, FormAlert, TextInput } from "@/components/ui/form-field";
import { useNotice } from "@/components/ui/notice";
import { CharacterCount } from "@/components/ui/character-count";
import { revocationSchema } from "@/lib/dossiers/dossier-schemas";
import { maxLengths } from "@/lib/validation/max-length";

/** The limits of the reason and reference (the same for a refusal and a revocation), for the counters. */
const LIMITS = maxLengths(revocationSchema);

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
  const fieldErrors = result && !result.ok ? result.fieldErrors : undefined;
  return (
    <Form
      className="space-y-3"
      aria-label={label}
      onSubmit={async (e) => {
        e.preventDefault();
        const data = Object.fromEntries(new FormData(e.currentTarget).entries());
        // A reason too short is refused by the server with its field message; ask only about a
        // request that can succeed.
        if (String(data.reason ?? "").trim().length >= 10 && !(await ask(confirm))) return;
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
