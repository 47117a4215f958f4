"use client";

/**
 * The movement evaluation's two forms (issue 14 §2): the scorer's self scores (the unit's officer,
 * or the provincial police for a participant) and the reviewer's adjusted scores. Each shows the
 * running total and the class it would reach; nothing typed is lost on a refusal (the values stay
 * in the form, the server's Vietnamese message shows above the buttons).
 */
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import type { ActionResult } from "@/lib/validation/action-result";
import type { EvaluationLineView } from "@/lib/movement/evaluation-queries";
import { classify, formatPoints, totalPoints, type SheetClass } from "@/lib/movement/classification";
import { Button } from "@/components/ui/button";
import { useConfirm } from "@/components/ui/confirm-dialog";
import { FormAlert } from "@/components/ui/form-field";
import { useNotice } from "@/components/ui/notice";
import { EVIDENCE_ACCEPT, EVIDENCE_RULES_TEXT, evidenceFileProblem, NO_FILE_MESSAGE, tooLargeMessage } from "@/lib/dossiers/evidence-rules";
import { classifyEvaluationAction, removeMovementEvidenceAction, returnEvaluationAction, saveReviewAction, saveSelfScoresAction, submitEvaluationAction } from "@/app/(app)/movement/actions";

/** A line as the evaluation page reads it (type only: the server's query decides its shape). */
export type FormLine = EvaluationLineView;

type Common = { evaluationId: string; version: number; lines: FormLine[]; classes: SheetClass[]; recognised: boolean | null; maxTotal: number };

const control =
  "block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm focus:border-brand-600 focus:ring-1 focus:ring-brand-600";

/** "7,5" → 7.5; "" → null; anything else NaN (the server says what is wrong). */
function parsePoints(text: string): number | null {
  const t = text.trim();
  if (t === "") return null;
  return /^\d{1,4}([.,]\d{1,2})?$/.test(t) ? Number(t.replace(",", ".")) : Number.NaN;
}
const pointsText = (p: number | null) => (p === null ? "" : formatPoints(p));

function Running({ label, total, max, classes, recognised }: { label: string; total: number; max: number; classes: SheetClass[]; recognised: boolean | null }) {
  const reached = classify(total, classes, recognised);
  const blocked = classes.find((c) => c.requiresRecognition && total >= c.minPoints && recognised === false && (!reached || reached.rank > c.rank));
  return (
    <div className="sticky bottom-0 z-10 -mx-4 border-t border-slate-200 bg-white/95 px-4 py-3 text-sm shadow-sm sm:mx-0 sm:rounded-lg sm:border" data-testid="running-total" aria-live="polite">
      <span className="font-medium">{label}: {formatPoints(total)}/{formatPoints(max)} điểm</span>
      {" · "}
      {reached ? <span>Mức xếp loại đạt được: <strong>{reached.name}</strong></span> : <span>Chưa đạt mức xếp loại nào</span>}
      {blocked && <span className="block text-amber-800">Mức “{blocked.name}” cần đơn vị được công nhận đạt tiêu chuẩn “An toàn về an ninh, trật tự” trong năm.</span>}
    </div>
  );
}

function Suggestion({ prefill }: { prefill: FormLine["prefill"] }) {
  if (!prefill) return null;
  return (
    <p className={`rounded-md p-2 text-sm ${prefill.known ? "bg-blue-50 text-blue-900" : "bg-slate-50 text-slate-700"}`} data-testid="suggestion">
      <span className="font-medium">{prefill.known ? `Gợi ý từ dữ liệu: ${formatPoints(prefill.points)} điểm. ` : "Chưa đủ dữ liệu để gợi ý. "}</span>
      {prefill.reason}
    </p>
  );
}

function LineHeading({ line }: { line: FormLine }) {
  return (
    <div>
      {line.section && <p className="text-xs uppercase tracking-wide text-slate-500">{line.section}</p>}
      <h3 className="font-medium text-slate-900">
        {line.code}. {line.text} <span className="whitespace-nowrap text-slate-600">(tối đa {formatPoints(line.maxPoints)} điểm)</span>
      </h3>
      {line.evidenceHint && <p className="text-xs text-slate-600">Minh chứng: {line.evidenceHint}</p>}
    </div>
  );
}

function useAct() {
  const router = useRouter();
  const notify = useNotice();
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  return { router, notify, pending, start, error, setError };
}

function resultVersion(r: ActionResult<unknown>): number | null {
  if (!r.ok) return null;
  const v = (r.data as { version?: unknown } | undefined)?.version;
  return typeof v === "number" ? v : null;
}
function resultNotice(r: ActionResult<unknown>): string | null {
  if (!r.ok) return null;
  const n = (r.data as { notice?: unknown } | undefined)?.notice;
  return typeof n === "string" ? n : null;
}

// ───────────── Evidence ─────────────

export function EvidenceList({ files, removable }: { files: FormLine["files"]; removable?: { evaluationId: string } }) {
  if (files.length === 0) return null;
  return (
    <ul className="text-sm" data-testid="evidence-files">
      {files.map((f) => (
        <li key={f.id} className="flex flex-wrap items-center gap-2">
          <a className="break-all text-brand-700 underline" href={`/api/movement/evidence/${f.id}`}>
            {f.fileName}
          </a>
          <span className="text-slate-500">({Math.max(1, Math.round(f.sizeBytes / 1024))} KB)</span>
          {removable && <RemoveEvidenceButton evaluationId={removable.evaluationId} file={f} />}
        </li>
      ))}
    </ul>
  );
}

function RemoveEvidenceButton({ evaluationId, file }: { evaluationId: string; file: FormLine["files"][number] }) {
  const { router, notify, pending, start, error, setError } = useAct();
  const { ask, dialog } = useConfirm();
  return (
    <>
      <Button
        type="button"
        variant="ghost"
        className="px-2 py-1"
        disabled={pending}
        aria-label={`Gỡ tệp ${file.fileName}`}
        onClick={async () => {
          if (!(await ask({ title: "Gỡ tệp minh chứng?", body: `Tệp “${file.fileName}” sẽ không còn trong phiếu chấm điểm.`, confirmLabel: "Gỡ tệp", tone: "danger" }))) return;
          setError(null);
          start(async () => {
            const r = await removeMovementEvidenceAction({ evaluationId, fileId: file.id });
            if (!r.ok) return setError(r.message);
            notify(resultNotice(r) ?? "Đã gỡ.");
            router.refresh();
          });
        }}
      >
        Gỡ
      </Button>
      {error && <span role="alert" className="text-red-700">{error}</span>}
      {dialog}
    </>
  );
}

/** One line's upload: checked here first (type by name, size), then by content on the server, as a dossier's evidence. */
function EvidenceUploader({ evaluationId, line }: { evaluationId: string; line: FormLine }) {
  const router = useRouter();
  const [pending, start] = useTransition();
  const [message, setMessage] = useState<{ text: string; tone: "error" | "success" } | null>(null);
  const inputId = `evidence-${line.criterionId}`;
  return (
    <div className="flex flex-wrap items-center gap-2 text-sm">
      <label htmlFor={inputId} className="sr-only">
        Minh chứng {line.code}
      </label>
      <input
        id={inputId}
        type="file"
        accept={EVIDENCE_ACCEPT}
        className="max-w-full text-sm"
        onChange={(e) => {
          const file = e.currentTarget.files?.[0];
          const problem = file ? evidenceFileProblem(file.name, file.size) : NO_FILE_MESSAGE;
          if (problem || !file) return setMessage({ text: problem ?? NO_FILE_MESSAGE, tone: "error" });
          const input = e.currentTarget;
          setMessage(null);
          start(async () => {
            let r: ActionResult<{ id: string }>;
            try {
              const query = new URLSearchParams({ criterionId: line.criterionId, fileName: file.name });
              const response = await fetch(`/api/movement/evaluations/${encodeURIComponent(evaluationId)}/evidence?${query}`, {
                method: "POST",
                body: file,
                headers: { "Content-Type": "application/octet-stream" },
              });
              const body: unknown = await response.json().catch(() => null);
              r = body && typeof body === "object" && "ok" in body ? (body as ActionResult<{ id: string }>) : { ok: false, message: response.status === 413 ? tooLargeMessage() : "Không tải lên được tệp; vui lòng thử lại sau." };
            } catch {
              r = { ok: false, message: "Không gửi được tệp (mạng gián đoạn hoặc tệp quá lớn). Vui lòng thử lại." };
            }
            if (!r.ok) return setMessage({ text: r.message, tone: "error" });
            input.value = "";
            setMessage({ text: "Đã tải lên minh chứng.", tone: "success" });
            router.refresh();
          });
        }}
      />
      <span className="text-xs text-slate-500">{pending ? "Đang tải lên…" : EVIDENCE_RULES_TEXT}</span>
      {message && (
        <span role={message.tone === "error" ? "alert" : "status"} className={message.tone === "error" ? "text-red-700" : "text-green-700"}>
          {message.text}
        </span>
      )}
    </div>
  );
}

// ───────────── The scorer's form ─────────────

export function SelfScoreForm({ evaluationId, version, lines, classes, recognised, maxTotal, resubmit }: Common & { resubmit: boolean }) {
  const { router, notify, pending, start, error, setError } = useAct();
  const { ask, dialog } = useConfirm();
  const [current, setCurrent] = useState(version);
  const [values, setValues] = useState(() =>
    Object.fromEntries(lines.map((l) => [l.criterionId, { points: pointsText(l.selfPoints), explanation: l.explanation ?? "" }])),
  );
  const points = new Map(lines.map((l) => [l.criterionId, parsePoints(values[l.criterionId]!.points)]));
  const total = totalPoints(
    lines.map((l) => ({ criterionId: l.criterionId, code: l.code, maxPoints: l.maxPoints })),
    points,
  );
  const editable = lines.filter((l) => l.editable);
  const payload = (v: number) => ({
    evaluationId,
    version: v,
    lines: editable.map((l) => ({ criterionId: l.criterionId, selfPoints: values[l.criterionId]!.points, explanation: values[l.criterionId]!.explanation })),
  });
  const set = (id: string, field: "points" | "explanation", value: string) => setValues((prev) => ({ ...prev, [id]: { ...prev[id]!, [field]: value } }));

  const save = () => {
    setError(null);
    start(async () => {
      const r = await saveSelfScoresAction(payload(current));
      if (!r.ok) return setError(r.message);
      setCurrent(resultVersion(r) ?? current);
      notify(resultNotice(r) ?? "Đã lưu.");
      router.refresh();
    });
  };

  const submit = async () => {
    const unscored = lines.filter((l) => points.get(l.criterionId) === null).map((l) => l.code);
    if (
      !(await ask({
        title: resubmit ? "Gửi lại kết quả tự chấm?" : "Gửi kết quả tự chấm để thẩm định?",
        body: unscored.length
          ? `Còn ${unscored.length} tiêu chí chưa chấm (${unscored.join(", ")}): phiếu sẽ không gửi được cho đến khi chấm đủ.`
          : `Tổng điểm tự chấm: ${formatPoints(total)}/${formatPoints(maxTotal)}. Sau khi gửi, đơn vị không sửa được điểm trừ khi cán bộ thẩm định trả lại.`,
        confirmLabel: resubmit ? "Gửi lại" : "Gửi kết quả",
      }))
    )
      return;
    setError(null);
    start(async () => {
      const saved = await saveSelfScoresAction(payload(current));
      if (!saved.ok) return setError(saved.message);
      const v = resultVersion(saved) ?? current;
      setCurrent(v);
      const r = await submitEvaluationAction({ evaluationId, version: v });
      if (!r.ok) return setError(r.message);
      setCurrent(resultVersion(r) ?? v);
      notify(resultNotice(r) ?? "Đã gửi.");
      router.refresh();
    });
  };

  return (
    <div className="space-y-3" data-testid="self-score-form">
      <ol className="space-y-3">
        {lines.map((l) => {
          const v = values[l.criterionId]!;
          const p = points.get(l.criterionId);
          const differs = l.prefill?.known && p !== null && p !== undefined && !Number.isNaN(p) && Math.round(p * 100) !== Math.round(l.prefill.points * 100);
          return (
            <li key={l.criterionId} className={`space-y-2 rounded-lg border bg-white p-3 ${l.flagged ? "border-amber-400" : "border-slate-200"}`} data-testid={`line-${l.code}`}>
              <LineHeading line={l} />
              <Suggestion prefill={l.prefill} />
              {l.flagged && (
                <p className="rounded-md bg-amber-50 p-2 text-sm text-amber-900" data-testid="flag">
                  <span className="font-medium">Cán bộ thẩm định yêu cầu chấm lại: </span>
                  {l.reviewComment}
                </p>
              )}
              {l.editable ? (
                <div className="grid gap-2 sm:grid-cols-[10rem_1fr]">
                  <label className="text-sm">
                    <span className="mb-1 block font-medium text-slate-800">Điểm tự chấm {l.code}</span>
                    <input className={control} inputMode="decimal" autoComplete="off" value={v.points} onChange={(e) => set(l.criterionId, "points", e.target.value)} />
                  </label>
                  <label className="text-sm">
                    <span className="mb-1 block font-medium text-slate-800">
                      Giải trình {l.code}
                      {differs && <span className="font-normal text-amber-800"> (bắt buộc: điểm khác gợi ý)</span>}
                    </span>
                    <textarea className={control} rows={2} maxLength={2000} value={v.explanation} onChange={(e) => set(l.criterionId, "explanation", e.target.value)} />
                  </label>
                </div>
              ) : (
                <p className="text-sm">
                  Điểm tự chấm: <strong>{v.points || "—"}</strong>
                  {v.explanation && <span className="block text-slate-600">Giải trình: {v.explanation}</span>}
                </p>
              )}
              <EvidenceList files={l.files} removable={l.editable ? { evaluationId } : undefined} />
              {l.editable && <EvidenceUploader evaluationId={evaluationId} line={l} />}
            </li>
          );
        })}
      </ol>
      <Running label="Tổng điểm tự chấm" total={total} max={maxTotal} classes={classes} recognised={recognised} />
      <FormAlert message={error} />
      <div className="flex flex-wrap gap-2">
        <Button type="button" variant="secondary" disabled={pending} onClick={save}>
          {pending ? "Đang lưu…" : "Lưu điểm"}
        </Button>
        <Button type="button" disabled={pending} onClick={submit}>
          {resubmit ? "Gửi lại kết quả" : "Gửi kết quả tự chấm"}
        </Button>
      </div>
      {dialog}
    </div>
  );
}

// ───────────── The reviewer's form ─────────────

export function ReviewForm({ evaluationId, version, lines, classes, recognised, maxTotal }: Common) {
  const { router, notify, pending, start, error, setError } = useAct();
  const { ask, dialog } = useConfirm();
  const [current, setCurrent] = useState(version);
  const [reason, setReason] = useState("");
  const [values, setValues] = useState(() =>
    Object.fromEntries(lines.map((l) => [l.criterionId, { points: pointsText(l.reviewedPoints ?? l.selfPoints), comment: l.reviewComment ?? "", flagged: l.flagged }])),
  );
  const points = new Map(lines.map((l) => [l.criterionId, parsePoints(values[l.criterionId]!.points)]));
  const total = totalPoints(
    lines.map((l) => ({ criterionId: l.criterionId, code: l.code, maxPoints: l.maxPoints })),
    points,
  );
  const reviewLines = () =>
    lines.map((l) => {
      const v = values[l.criterionId]!;
      return { criterionId: l.criterionId, reviewedPoints: v.points, comment: v.comment, flagged: v.flagged };
    });
  const flaggedCodes = lines.filter((l) => values[l.criterionId]!.flagged).map((l) => l.code);
  const reached = classify(total, classes, recognised);

  const run = (action: (input: unknown) => Promise<ActionResult<unknown>>, input: Record<string, unknown>) => {
    setError(null);
    start(async () => {
      const r = await action({ evaluationId, version: current, lines: reviewLines(), ...input });
      if (!r.ok) return setError(r.message);
      setCurrent(resultVersion(r) ?? current);
      notify(resultNotice(r) ?? "Đã lưu.");
      router.refresh();
    });
  };

  return (
    <div className="space-y-3" data-testid="review-form">
      <ol className="space-y-3">
        {lines.map((l) => {
          const v = values[l.criterionId]!;
          const set = (patch: Partial<typeof v>) => setValues((prev) => ({ ...prev, [l.criterionId]: { ...prev[l.criterionId]!, ...patch } }));
          return (
            <li key={l.criterionId} className={`space-y-2 rounded-lg border bg-white p-3 ${v.flagged ? "border-amber-400" : "border-slate-200"}`} data-testid={`line-${l.code}`}>
              <LineHeading line={l} />
              <Suggestion prefill={l.prefill} />
              <p className="text-sm">
                Đơn vị tự chấm: <strong>{l.selfPoints === null ? "—" : formatPoints(l.selfPoints)}</strong>
                {l.explanation && <span className="block text-slate-600">Giải trình: {l.explanation}</span>}
              </p>
              <EvidenceList files={l.files} />
              <div className="grid gap-2 sm:grid-cols-[10rem_1fr]">
                <label className="text-sm">
                  <span className="mb-1 block font-medium text-slate-800">Điểm thẩm định {l.code}</span>
                  <input className={control} inputMode="decimal" autoComplete="off" value={v.points} onChange={(e) => set({ points: e.target.value })} />
                </label>
                <label className="text-sm">
                  <span className="mb-1 block font-medium text-slate-800">Nhận xét {l.code}</span>
                  <textarea className={control} rows={2} maxLength={2000} value={v.comment} onChange={(e) => set({ comment: e.target.value })} />
                </label>
              </div>
              <label className="flex items-center gap-2 text-sm">
                <input type="checkbox" checked={v.flagged} onChange={(e) => set({ flagged: e.target.checked })} />
                Yêu cầu đơn vị chấm lại tiêu chí {l.code}
              </label>
            </li>
          );
        })}
      </ol>
      <Running label="Tổng điểm thẩm định" total={total} max={maxTotal} classes={classes} recognised={recognised} />
      <label className="block text-sm">
        <span className="mb-1 block font-medium text-slate-800">Lý do trả lại (nếu trả lại)</span>
        <textarea className={control} rows={2} maxLength={2000} value={reason} onChange={(e) => setReason(e.target.value)} />
      </label>
      <FormAlert message={error} />
      <div className="flex flex-wrap gap-2">
        <Button type="button" variant="secondary" disabled={pending} onClick={() => run(saveReviewAction, {})}>
          {pending ? "Đang xử lý…" : "Lưu thẩm định"}
        </Button>
        <Button
          type="button"
          variant="danger"
          disabled={pending}
          onClick={async () => {
            if (
              !(await ask({
                title: "Trả lại phiếu chấm điểm?",
                body: flaggedCodes.length ? `Đơn vị sẽ chấm lại các tiêu chí: ${flaggedCodes.join(", ")}.` : "Đơn vị sẽ nhận lại phiếu với lý do đã ghi.",
                confirmLabel: "Trả lại phiếu",
                tone: "danger",
              }))
            )
              return;
            run(returnEvaluationAction, { reason });
          }}
        >
          Trả lại
        </Button>
        <Button
          type="button"
          disabled={pending}
          onClick={async () => {
            if (
              !(await ask({
                title: "Chốt điểm và xếp loại?",
                body: `Tổng điểm thẩm định ${formatPoints(total)}/${formatPoints(maxTotal)}: ${reached ? `xếp loại “${reached.name}”` : "chưa đạt mức xếp loại nào"}. Sau khi xếp loại, kết quả không sửa được.`,
                confirmLabel: "Xếp loại",
              }))
            )
              return;
            run(classifyEvaluationAction, {});
          }}
        >
          Xếp loại
        </Button>
      </div>
      {dialog}
    </div>
  );
}

// ───────────── Opening ─────────────

export function OpenEvaluationButton({ label, action, input, href }: { label: string; action: (input: unknown) => Promise<ActionResult<{ id: string }>>; input: Record<string, unknown>; href?: (id: string) => string }) {
  const { router, pending, start, error, setError } = useAct();
  return (
    <div className="space-y-2">
      <Button
        type="button"
        disabled={pending}
        onClick={() => {
          setError(null);
          start(async () => {
            const r = await action(input);
            if (!r.ok) return setError(r.message);
            if (href) router.push(href(r.data.id));
            else router.refresh();
          });
        }}
      >
        {pending ? "Đang mở…" : label}
      </Button>
      <FormAlert message={error} />
    </div>
  );
}
