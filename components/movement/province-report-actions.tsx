"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import type { ActionResult } from "@/lib/validation/action-result";
import { Button } from "@/components/ui/button";
import { Form } from "@/components/ui/form";
import { FieldError, FormAlert, TextInput } from "@/components/ui/form-field";
import { useNotice } from "@/components/ui/notice";

/** "Lập báo cáo": stores the figures as they stand and offers the .docx and .xlsx of that build. */
export function BuildProvinceReportButton({ year, action }: { year: number; action: (input: unknown) => Promise<ActionResult<unknown>> }) {
  const router = useRouter();
  const notify = useNotice();
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  return (
    <div className="space-y-2">
      <FormAlert message={error} />
      <Button
        type="button"
        disabled={pending}
        onClick={() =>
          start(async () => {
            const r = await action({ year });
            if (!r.ok) return setError(r.message);
            setError(null);
            notify(`Đã lập báo cáo năm ${year}.`);
            router.refresh();
          })
        }
      >
        {pending ? "Đang lập…" : "Lập báo cáo gửi UBND tỉnh"}
      </Button>
    </div>
  );
}

/** Number and date of a build sent to UBND tỉnh. */
export function ProvinceReportSentForm({ reportId, version, action }: { reportId: string; version: number; action: (input: unknown) => Promise<ActionResult<unknown>> }) {
  const router = useRouter();
  const notify = useNotice();
  const [pending, start] = useTransition();
  const [result, setResult] = useState<ActionResult<unknown> | null>(null);
  const errors = result && !result.ok ? (result.fieldErrors ?? {}) : {};
  return (
    <Form
      className="flex flex-wrap items-end gap-2"
      aria-label="Ghi số, ngày báo cáo"
      onSubmit={(e) => {
        e.preventDefault();
        const data = Object.fromEntries(new FormData(e.currentTarget).entries());
        start(async () => {
          const r = await action({ ...data, reportId, version });
          setResult(r);
          if (r.ok) {
            notify("Đã ghi số, ngày báo cáo.");
            router.refresh();
          }
        });
      }}
    >
      <FormAlert message={result && !result.ok ? result.message : null} />
      <label className="text-sm">
        <span className="block font-medium">Số, ký hiệu</span>
        <TextInput name="number" placeholder="125/BC-CAT" aria-invalid={!!errors.number} />
        <FieldError id={`number-${reportId}`} messages={errors.number} />
      </label>
      <label className="text-sm">
        <span className="block font-medium">Ngày (dd/mm/yyyy)</span>
        <TextInput name="sentOn" placeholder="19/11/2026" aria-invalid={!!errors.sentOn} />
        <FieldError id={`sentOn-${reportId}`} messages={errors.sentOn} />
      </label>
      <Button type="submit" variant="secondary" disabled={pending}>
        Ghi số, ngày
      </Button>
    </Form>
  );
}
