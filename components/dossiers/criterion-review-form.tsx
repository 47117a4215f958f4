"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import type { ActionResult } from "@/lib/validation/action-result";
import { useDossierVersion } from "./dossier-version";
import { Form } from "@/components/ui/form";
import { Button } from "@/components/ui/button";
import { FieldError, FormAlert } from "@/components/ui/form-field";

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
  const errors = result && !result.ok ? result.fieldErrors : undefined;
  return (
    <Form
      aria-label={`Thẩm định tiêu chí ${criterionId}`}
      className="space-y-2"
      onSubmit={(e) => {
        e.preventDefault();
        start(async () => {
          const r = await action({ dossierId, version: currentVersion, criterionId, status: value, comment: text });
          setResult(r);
          if (r.ok) {
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
      <FieldError id={`${criterionId}-comment-error`} messages={errors?.comment} />
      <FormAlert message={result ? (result.ok ? "Đã lưu nhận xét." : result.message) : null} tone={result?.ok ? "success" : "error"} />
      <Button type="submit" variant="secondary" disabled={pending}>
        {pending ? "Đang lưu…" : "Lưu nhận xét"}
      </Button>
    </Form>
  );
}
