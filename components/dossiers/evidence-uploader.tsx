"use client";

import { useRouter } from "next/navigation";
import { useRef, useState, useTransition } from "react";
import type { ActionResult } from "@/lib/validation/action-result";
import { Form, useHydrated } from "@/components/ui/form";
import { Button } from "@/components/ui/button";
import { useConfirm } from "@/components/ui/confirm-dialog";
import { FormAlert } from "@/components/ui/form-field";
import { useNotice } from "@/components/ui/notice";
import { evidenceFileProblem, evidenceUploadUrl, NO_FILE_MESSAGE, tooLargeMessage } from "@/lib/dossiers/evidence-rules";

/** What the upload answers; a proxy in front may answer 413 with its own HTML, hence the fallbacks. */
async function sendEvidence(dossierId: string, criterionId: string, file: File): Promise<ActionResult<{ id: string }>> {
  let response: Response;
  try {
    response = await fetch(evidenceUploadUrl({ dossierId, criterionId, fileName: file.name }), {
      method: "POST",
      body: file,
      headers: { "Content-Type": "application/octet-stream" },
    });
  } catch {
    // The server may close the connection on an oversized body before the browser finished sending.
    return { ok: false, message: "Không gửi được tệp (mạng gián đoạn hoặc tệp quá lớn). Vui lòng thử lại." };
  }
  const body: unknown = await response.json().catch(() => null);
  if (body && typeof body === "object" && "ok" in body) return body as ActionResult<{ id: string }>;
  if (response.status === 413) return { ok: false, message: tooLargeMessage() };
  return { ok: false, message: "Không tải lên được tệp; vui lòng thử lại sau." };
}

/**
 * One criterion's upload. The file is checked here first (type by name, size) and refused with a
 * message next to the field without sending anything; the server checks again, by content, and
 * refuses an oversized body before reading it. Nothing else on the page is touched on failure.
 */
export function EvidenceUploader({ dossierId, criterionId, accept, rules }: { dossierId: string; criterionId: string; accept: string; rules: string }) {
  const router = useRouter();
  const ref = useRef<HTMLFormElement>(null);
  const [pending, start] = useTransition();
  const [message, setMessage] = useState<{ text: string; tone: "error" | "success" } | null>(null);
  const inputId = `evidence-${criterionId}`;
  const messageId = `${inputId}-message`;
  return (
    <Form
      ref={ref}
      aria-label={`Tải minh chứng tiêu chí ${criterionId}`}
      className="flex flex-wrap items-center gap-2"
      onSubmit={(e) => {
        e.preventDefault();
        const file = (e.currentTarget.elements.namedItem("file") as HTMLInputElement | null)?.files?.[0];
        const problem = file ? evidenceFileProblem(file.name, file.size) : NO_FILE_MESSAGE;
        if (problem || !file) {
          setMessage({ text: problem ?? NO_FILE_MESSAGE, tone: "error" });
          return;
        }
        start(async () => {
          const r = await sendEvidence(dossierId, criterionId, file);
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
      <label className="text-sm" htmlFor={inputId}>
        <span className="sr-only">Tệp minh chứng cho tiêu chí {criterionId}</span>
      </label>
      <input
        id={inputId}
        type="file"
        name="file"
        accept={accept}
        className="text-sm"
        aria-label={`Tệp minh chứng cho tiêu chí ${criterionId}`}
        aria-describedby={messageId}
        aria-invalid={message?.tone === "error" ? true : undefined}
        onChange={(e) => {
          // Say it as soon as the file is chosen, not after pressing "Tải lên".
          const file = e.currentTarget.files?.[0];
          const problem = file ? evidenceFileProblem(file.name, file.size) : null;
          setMessage(problem ? { text: problem, tone: "error" } : null);
        }}
      />
      <Button type="submit" variant="secondary" disabled={pending}>
        {pending ? "Đang tải lên…" : "Tải lên"}
      </Button>
      <span className="w-full text-xs text-slate-500">{rules}</span>
      <div className="w-full" id={messageId}>
        <FormAlert message={message?.text} tone={message?.tone} />
      </div>
    </Form>
  );
}

export function RemoveEvidenceButton({ evidenceId, fileName, action }: { evidenceId: string; fileName: string; action: (input: unknown) => Promise<ActionResult<unknown>> }) {
  const router = useRouter();
  const notify = useNotice();
  const { ask, dialog } = useConfirm();
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const hydrated = useHydrated();
  return (
    <>
      <button
        type="button"
        className="text-xs text-red-700 underline disabled:opacity-60"
        disabled={pending || !hydrated}
        aria-label={`Gỡ ${fileName}`}
        onClick={async () => {
          const sure = await ask({
            title: `Gỡ tệp “${fileName}”?`,
            body: "Tệp minh chứng bị xóa khỏi hồ sơ và không khôi phục được; muốn dùng lại phải tải lên lần nữa.",
            confirmLabel: "Gỡ tệp",
            tone: "danger",
          });
          if (!sure) return;
          setError(null);
          start(async () => {
            const result = await action({ evidenceId });
            if (result.ok) notify(`Đã gỡ tệp “${fileName}”.`);
            else setError(result.message);
            router.refresh();
          });
        }}
      >
        {pending ? "Đang gỡ…" : "Gỡ"}
      </button>
      {error && (
        <span role="alert" className="text-xs text-red-700">
          {error}
        </span>
      )}
      {dialog}
    </>
  );
}
