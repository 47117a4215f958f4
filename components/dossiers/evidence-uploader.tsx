"use client";

import { useRouter } from "next/navigation";
import { useRef, useState, useTransition } from "react";
import type { ActionResult } from "@/lib/validation/action-result";
import { Form, useHydrated } from "@/components/ui/form";
import { Button } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/form-field";

export function EvidenceUploader({
  dossierId,
  criterionId,
  accept,
  rules,
  action,
}: {
  dossierId: string;
  criterionId: string;
  accept: string;
  rules: string;
  action: (form: FormData) => Promise<ActionResult<{ id: string }>>;
}) {
  const router = useRouter();
  const ref = useRef<HTMLFormElement>(null);
  const [pending, start] = useTransition();
  const [message, setMessage] = useState<{ text: string; tone: "error" | "success" } | null>(null);
  return (
    <Form
      ref={ref}
      aria-label={`Tải minh chứng tiêu chí ${criterionId}`}
      className="flex flex-wrap items-center gap-2"
      onSubmit={(e) => {
        e.preventDefault();
        const form = new FormData(e.currentTarget);
        start(async () => {
          const r = await action(form);
          if (r.ok) {
            setMessage({ text: "Đã tải lên minh chứng.", tone: "success" });
            ref.current?.reset();
            router.refresh();
          } else {
            setMessage({ text: r.fieldErrors?.file?.[0] ?? r.message, tone: "error" });
          }
        });
      }}
    >
      <input type="hidden" name="dossierId" value={dossierId} />
      <input type="hidden" name="criterionId" value={criterionId} />
      <label className="text-sm">
        <span className="sr-only">Tệp minh chứng cho tiêu chí {criterionId}</span>
        <input type="file" name="file" accept={accept} className="text-sm" aria-label={`Tệp minh chứng cho tiêu chí ${criterionId}`} />
      </label>
      <Button type="submit" variant="secondary" disabled={pending}>
        {pending ? "Đang tải lên…" : "Tải lên"}
      </Button>
      <span className="w-full text-xs text-slate-500">{rules}</span>
      <div className="w-full">
        <FormAlert message={message?.text} tone={message?.tone} />
      </div>
    </Form>
  );
}

export function RemoveEvidenceButton({ evidenceId, action }: { evidenceId: string; action: (input: unknown) => Promise<ActionResult<unknown>> }) {
  const router = useRouter();
  const [pending, start] = useTransition();
  const hydrated = useHydrated();
  return (
    <button
      type="button"
      className="text-xs text-red-700 underline disabled:opacity-60"
      disabled={pending || !hydrated}
      onClick={() =>
        start(async () => {
          await action({ evidenceId });
          router.refresh();
        })
      }
    >
      {pending ? "Đang gỡ…" : "Gỡ"}
    </button>
  );
}
