"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import type { ActionResult } from "@/lib/validation/action-result";
import { useDossierVersion } from "./dossier-version";
import { Form, useLastSaved } from "@/components/ui/form";
import { NO_CHANGES_MESSAGE } from "@/lib/validation/form-changes";
import { Button } from "@/components/ui/button";
import { FieldError, FormAlert } from "@/components/ui/form-field";
import { CharacterCount } from "@/components/ui/character-count";
import { criterionReviewSchema } from "@/lib/dossiers/dossier-schemas";
import { maxLengths } from "@/lib/validation/max-length";

/** The comment's limit in the schema, for the character counter. */
const COMMENT_LIMIT = maxLengths(criterionReviewSchema).comment!;

/** The reviewer's finding on one criterion: accepted, or flagged with what to add. */
export function CriterionReviewForm({
  dossierId,
  version,
  criterionId,
  status,
  comment,
  action,
}: {
  dossierId: string;
  version: number;
  criterionId: string;
  status: "ACCEPTED" | "FLAGGED" | null;
  comment: string;
  action: (input: unknown) => Promise<ActionResult<{ version: number }>>;
}) {
  const router = useRouter();
  const [currentVersion, setVersion] = useDossierVersion(version);
  const [pending, start] = useTransition();
  const [value, setValue] = useState<"ACCEPTED" | "FLAGGED" | "">(status ?? "");
  const [text, setText] = useState(comment);
  const [result, setResult] = useState<ActionResult<{ version: number }> | null>(null);
  // A finding already saved and saved again unchanged: nothing is sent (lib/validation/form-changes.ts).
  const lastSaved = useLastSaved(status ? { status, comment } : { status: undefined });
  const [unchanged, setUnchanged] = useState(false);
  const errors = result && !result.ok ? result.fieldErrors : undefined;
  return (
    <Form
      aria-label={`Thẩm định tiêu chí ${criterionId}`}
      className="space-y-2"
      onSubmit={(e) => {
        e.preventDefault();
        setUnchanged(false);
        if (value && lastSaved.unchanged({ status: value, comment: text })) {
          setResult(null);
          setUnchanged(true);
          return;
        }
        start(async () => {
          const r = await action({ dossierId, version: currentVersion, criterionId, status: value, comment: text });
          setResult(r);
          if (r.ok) {
            lastSaved.remember({ status: value, comment: text });
            setVersion(r.data.version);
            router.refresh();
          }
        });
      }}
    >
      <div className="flex flex-wrap gap-6 text-sm">
        <label className="flex items-center gap-2">
          <input type="radio" name={`${criterionId}-status`} checked={value === "ACCEPTED"} onChange={() => setValue("ACCEPTED")} /> Thống nhất
        </label>
        <label className="flex items-center gap-2">
          <input type="radio" name={`${criterionId}-status`} checked={value === "FLAGGED"} onChange={() => setValue("FLAGGED")} /> Yêu cầu bổ sung
        </label>
      </div>
      <FieldError id={`${criterionId}-status-error`} messages={errors?.status} />
      <label htmlFor={`${criterionId}-comment`} className="block text-sm font-medium">
        Nhận xét
      </label>
      <textarea id={`${criterionId}-comment`} rows={2} value={text} onChange={(e) => setText(e.target.value)} className="block w-full rounded-md border border-slate-300 px-3 py-2 text-sm" aria-invalid={!!errors?.comment} />
      <CharacterCount fieldId={`${criterionId}-comment`} max={COMMENT_LIMIT} />
      <FieldError id={`${criterionId}-comment-error`} messages={errors?.comment} />
      <FormAlert message={unchanged ? NO_CHANGES_MESSAGE : result ? (result.ok ? "Đã lưu nhận xét." : result.message) : null} tone={unchanged || result?.ok ? "success" : "error"} />
      <Button type="submit" variant="secondary" disabled={pending}>
        {pending ? "Đang lưu…" : "Lưu nhận xét"}
      </Button>
    </Form>
  );
}
