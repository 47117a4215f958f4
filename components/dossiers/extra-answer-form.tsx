"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import type { ActionResult } from "@/lib/validation/action-result";
import { useDossierVersion } from "./dossier-version";
import { Form, useLastSaved } from "@/components/ui/form";
import { NO_CHANGES_MESSAGE } from "@/lib/validation/form-changes";
import { Button } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/form-field";

/** Đạt / Chưa đạt to one of the province's extra criteria (Đ8 k1). */
export function ExtraAnswerForm({
  dossierId,
  version,
  code,
  answer,
  action,
}: {
  dossierId: string;
  version: number;
  code: string;
  answer: boolean | undefined;
  action: (input: unknown) => Promise<ActionResult<{ version: number }>>;
}) {
  const router = useRouter();
  const [currentVersion, setVersion] = useDossierVersion(version);
  const [pending, start] = useTransition();
  const [value, setValue] = useState(answer === undefined ? "" : String(answer));
  const [result, setResult] = useState<ActionResult<{ version: number }> | null>(null);
  // An answer already saved and saved again unchanged: nothing is sent (lib/validation/form-changes.ts).
  const lastSaved = useLastSaved(answer === undefined ? { never: "saved" } : { value: String(answer) });
  const [unchanged, setUnchanged] = useState(false);
  return (
    <Form
      aria-label={`Tự đánh giá tiêu chí ${code}`}
      className="space-y-3"
      onSubmit={(e) => {
        e.preventDefault();
        setUnchanged(false);
        if (lastSaved.unchanged({ value })) {
          setResult(null);
          setUnchanged(true);
          return;
        }
        start(async () => {
          const r = await action({ dossierId, version: currentVersion, code, answer: value });
          setResult(r);
          if (r.ok) {
            lastSaved.remember({ value });
            setVersion(r.data.version);
            router.refresh();
          }
        });
      }}
    >
      <fieldset className="rounded border border-slate-100 p-3">
        <legend className="text-sm font-medium text-slate-800">Đơn vị đã đạt tiêu chí này chưa?</legend>
        <div className="mt-2 flex gap-6 text-sm">
          {(["true", "false"] as const).map((v) => (
            <label key={v} className="flex items-center gap-2">
              <input type="radio" name={`${code}-answer`} value={v} checked={value === v} onChange={() => setValue(v)} />
              {v === "true" ? "Đạt" : "Chưa đạt"}
            </label>
          ))}
        </div>
      </fieldset>
      {unchanged && <FormAlert message={NO_CHANGES_MESSAGE} tone="success" />}
      {result && <FormAlert message={result.ok ? "Đã lưu." : result.message} tone={result.ok ? "success" : "error"} />}
      <Button type="submit" variant="secondary" disabled={pending}>{pending ? "Đang lưu…" : "Lưu"}</Button>
    </Form>
  );
}
