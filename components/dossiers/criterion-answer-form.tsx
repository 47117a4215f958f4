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

/**
 * The explanation's limit in criterionAnswerSchema (lib/dossiers/self-assessment.ts, a server
 * module a client component cannot import); tests/unit/form-limits.test.ts keeps the two equal.
 */
export const EXPLANATION_LIMIT = 4000;

type Question = { key: string; question: string; evidenceHint: string };

/** Có/Không answers to a criterion's questions and the written explanation, saved together. */
export function CriterionAnswerForm({
  dossierId,
  version,
  criterionId,
  questions,
  declarations,
  explanation,
  action,
}: {
  dossierId: string;
  version: number;
  criterionId: string;
  questions: Question[];
  declarations: Record<string, boolean | undefined>;
  explanation: string;
  action: (input: unknown) => Promise<ActionResult<{ version: number }>>;
}) {
  const router = useRouter();
  const [currentVersion, setVersion] = useDossierVersion(version);
  const [pending, start] = useTransition();
  const [result, setResult] = useState<ActionResult<{ version: number }> | null>(null);
  const [values, setValues] = useState<Record<string, string>>(() =>
    Object.fromEntries(questions.map((q) => [q.key, declarations[q.key] === undefined ? "" : String(declarations[q.key])])),
  );
  const [text, setText] = useState(explanation);
  // Answers already saved and saved again unchanged: nothing is sent (lib/validation/form-changes.ts).
  const answered = questions.some((q) => declarations[q.key] !== undefined) || explanation.trim() !== "";
  const lastSaved = useLastSaved(answered ? { ...values, explanation: text } : { explanation: undefined, never: "saved" });
  const [unchanged, setUnchanged] = useState(false);
  const errors = result && !result.ok ? result.fieldErrors : undefined;
  const id = (suffix: string) => `${criterionId}-${suffix}`;

  return (
    <Form
      aria-label={`Tự đánh giá tiêu chí ${criterionId}`}
      className="space-y-3"
      onSubmit={(e) => {
        e.preventDefault();
        setUnchanged(false);
        if (lastSaved.unchanged({ ...values, explanation: text })) {
          setResult(null);
          setUnchanged(true);
          return;
        }
        start(async () => {
          const r = await action({ dossierId, version: currentVersion, criterionId, declarations: values, explanation: text });
          setResult(r);
          if (r.ok) {
            lastSaved.remember({ ...values, explanation: text });
            setVersion(r.data.version);
            router.refresh();
          }
        });
      }}
    >
      {questions.map((q, i) => (
        <fieldset key={q.key} className="rounded border border-slate-100 p-3">
          <legend className="text-sm font-medium text-slate-800">{q.question}</legend>
          <div className="mt-2 flex gap-6 text-sm">
            {(["true", "false"] as const).map((v) => (
              <label key={v} className="flex items-center gap-2">
                <input type="radio" name={id(`q${i}`)} value={v} checked={values[q.key] === v} onChange={() => setValues((s) => ({ ...s, [q.key]: v }))} />
                {v === "true" ? "Có" : "Không"}
              </label>
            ))}
          </div>
          {q.evidenceHint && <p className="mt-1 text-xs text-slate-500">Minh chứng: {q.evidenceHint}</p>}
        </fieldset>
      ))}
      <div>
        <label htmlFor={id("explanation")} className="mb-1 block text-sm font-medium">
          Giải trình (bắt buộc nếu không có tệp minh chứng)
        </label>
        <textarea
          id={id("explanation")}
          rows={3}
          value={text}
          onChange={(e) => setText(e.target.value)}
          className="block w-full rounded-md border border-slate-300 px-3 py-2 text-sm"
          aria-invalid={!!errors?.explanation}
        />
        <CharacterCount fieldId={id("explanation")} max={EXPLANATION_LIMIT} />
        <FieldError id={id("explanation-error")} messages={errors?.explanation} />
      </div>
      <FormAlert message={unchanged ? NO_CHANGES_MESSAGE : result ? (result.ok ? "Đã lưu." : result.message) : null} tone={unchanged || result?.ok ? "success" : "error"} />
      <Button type="submit" variant="secondary" disabled={pending}>
        {pending ? "Đang lưu…" : "Lưu tiêu chí này"}
      </Button>
    </Form>
  );
}
