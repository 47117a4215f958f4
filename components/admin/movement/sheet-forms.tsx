"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition, type ReactNode } from "react";
import { useFieldArray } from "react-hook-form";
import { addLineSchema, createSheetSchema, saveClassesSchema, updateLineSchema, updateSheetSchema } from "@/lib/movement/sheet-schemas";
import { PREFILL_KEYS, type PrefillKey } from "@/lib/movement/prefill-keys";
import type { ActionResult } from "@/lib/validation/action-result";
import { Form } from "@/components/ui/form";
import { useFormAction } from "@/components/ui/use-form-action";
import { Button } from "@/components/ui/button";
import { FormAlert, FormField, Select, TextInput } from "@/components/ui/form-field";
import { useConfirm, type ConfirmText } from "@/components/ui/confirm-dialog";

type Values = Record<string, unknown>;
type Action = (input: unknown) => Promise<ActionResult<unknown>>;

/**
 * `version`, when given, is the sheet's version as the page last read it: every change to a sheet
 * bumps it, so it comes from the page, not from the form.
 */
function useSheetForm(schema: unknown, defaults: Values, action: Action, opts: { version?: number; editing?: boolean; after?: (data: unknown, reset: () => void) => string | null }) {
  const { after } = opts;
  return useFormAction(schema, defaults, action, { version: opts.version, editing: opts.editing, after: after ? (data, { reset }) => after(data, reset) : undefined });
}

type F = ReturnType<typeof useSheetForm>;

function Text({ f, name, label, hint, inputMode }: { f: F; name: string; label: string; hint?: ReactNode; inputMode?: "decimal" }) {
  return (
    <FormField id={name} label={label} error={f.err(name)} hint={hint} maxLength={inputMode ? undefined : f.limits[name]}>
      <TextInput id={name} autoComplete="off" inputMode={inputMode} aria-invalid={!!f.err(name)} {...f.register(name)} />
    </FormField>
  );
}

function LongText({ f, name, label, hint, rows = 3 }: { f: F; name: string; label: string; hint?: ReactNode; rows?: number }) {
  return (
    <FormField id={name} label={label} error={f.err(name)} hint={hint} maxLength={f.limits[name]}>
      <textarea
        id={name}
        rows={rows}
        aria-invalid={!!f.err(name)}
        className="block w-full rounded-md border border-slate-300 px-3 py-2 text-sm shadow-sm focus:border-brand-600 focus:ring-1 focus:ring-brand-600 aria-[invalid=true]:border-red-600"
        {...f.register(name)}
      />
    </FormField>
  );
}

/** The sheet's title, source and provisional flag (create: with its year and group). */
export function SheetForm({ mode, action, defaults, version }: { mode: "create" | "edit"; action: Action; defaults: Values; version?: number }) {
  const f = useSheetForm(mode === "create" ? createSheetSchema : updateSheetSchema, defaults, action, {
    version,
    editing: mode === "edit",
    after: (data) => (mode === "create" ? `/admin/movement/sheets/${(data as { id: string }).id}` : null),
  });
  return (
    <Form onSubmit={f.onSubmit} className="max-w-3xl space-y-4" aria-label={mode === "create" ? "Tạo bảng chấm điểm" : "Thông tin bảng chấm điểm"}>
      <FormAlert message={f.message?.text} tone={f.message?.tone} />
      <Text f={f} name="title" label="Tên bảng chấm điểm" />
      <LongText f={f} name="source" label="Nguồn, căn cứ" hint="Văn bản làm căn cứ, ví dụ: Kế hoạch số 195/KH-UBND ngày 17/12/2025 của UBND tỉnh." />
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" {...f.register("provisional")} /> Tạm thời (điểm, mức xếp loại do hệ thống đề xuất, chưa có văn bản quy định)
      </label>
      <Button type="submit" disabled={f.submitting}>{f.submitting ? "Đang lưu…" : mode === "create" ? "Tạo bảng chấm điểm" : "Lưu thông tin"}</Button>
    </Form>
  );
}

/** Add a line (then the form empties for the next one) or edit one (then back to the sheet). */
export function LineForm({ mode, action, defaults, version, prefillKeys, sheetHref, codeExample }: { mode: "add" | "edit"; action: Action; defaults: Values; version: number; prefillKeys: readonly PrefillKey[]; sheetHref: string; codeExample?: string }) {
  const f = useSheetForm(mode === "add" ? addLineSchema : updateLineSchema, defaults, action, {
    version,
    editing: mode === "edit",
    after: (_data, reset) => {
      if (mode === "edit") return sheetHref;
      reset();
      return null;
    },
  });
  return (
    <Form onSubmit={f.onSubmit} className="max-w-3xl space-y-4" aria-label={mode === "add" ? "Thêm tiêu chí" : "Sửa tiêu chí"}>
      <FormAlert message={f.message?.text} tone={f.message?.tone} />
      <div className="grid gap-4 sm:grid-cols-3">
        <Text f={f} name="code" label="Mã tiêu chí" hint={codeExample ? `Không trùng mã đã có, ví dụ: ${codeExample}` : "Không trùng mã khác trong bảng."} />
        <Text f={f} name="maxPoints" label="Điểm tối đa" inputMode="decimal" hint="Tối đa hai chữ số thập phân, ví dụ: 7,5" />
        <Text f={f} name="section" label="Nhóm nội dung" hint="Không bắt buộc, ví dụ: Lãnh đạo, chỉ đạo" />
      </div>
      <LongText f={f} name="text" label="Nội dung tiêu chí" />
      <LongText f={f} name="evidenceHint" label="Tài liệu kiểm chứng cần có" rows={2} />
      <FormField id="prefillKey" label="Gợi ý điểm từ dữ liệu của hệ thống" error={f.err("prefillKey")} hint="Khi hệ thống đã có dữ liệu (đăng ký, công nhận, mô hình, kỷ luật…), điểm được gợi ý sẵn để đơn vị xác nhận.">
        <Select id="prefillKey" aria-invalid={!!f.err("prefillKey")} {...f.register("prefillKey")}>
          <option value="">— Không gợi ý —</option>
          {prefillKeys.map((k) => (
            <option key={k} value={k}>{PREFILL_KEYS[k].label}</option>
          ))}
        </Select>
      </FormField>
      <Button type="submit" disabled={f.submitting}>{f.submitting ? "Đang lưu…" : mode === "add" ? "Thêm tiêu chí" : "Lưu tiêu chí"}</Button>
    </Form>
  );
}

/** Every class at once, best first; the rank is the row's order. */
export function ClassesForm({ action, defaults, version, maxTotal, editable }: { action: Action; defaults: Values; version: number; maxTotal: string; editable: boolean }) {
  const f = useSheetForm(saveClassesSchema, defaults, action, { version, editing: true });
  const rows = useFieldArray({ control: f.form.control, name: "classes" });
  const cell = "px-2 py-2 align-top";
  return (
    <Form onSubmit={f.onSubmit} className="space-y-3" aria-label="Các mức xếp loại">
      <FormAlert message={f.message?.text} tone={f.message?.tone} />
      {f.err("classes") && <p role="alert" className="text-sm text-red-700">{f.err("classes")}</p>}
      <div className="relative overflow-x-auto rounded-lg border border-slate-200 bg-white">
        <table className="card-table min-w-full text-sm">
          <caption className="sr-only">Các mức xếp loại, mức cao nhất trước</caption>
          <thead className="bg-slate-50 text-left text-slate-600">
            <tr>
              <th className={cell}>Thứ hạng</th>
              <th className={cell}>Tên mức</th>
              <th className={cell}>Mã</th>
              <th className={cell}>Điểm sàn (từ … điểm)</th>
              <th className={cell}>Cần được công nhận “An toàn về ANTT” cùng năm</th>
              {editable && <th className={cell}><span className="sr-only">Thao tác</span></th>}
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {rows.fields.map((row, i) => (
              <tr key={row.id}>
                <td className={cell} data-label="Thứ hạng">{i + 1}</td>
                <td className={cell} data-label="Tên mức">
                  <TextInput aria-label={`Tên mức ${i + 1}`} disabled={!editable} aria-invalid={!!f.err(`classes.${i}.name`)} {...f.register(`classes.${i}.name`)} />
                  <ClassError f={f} name={`classes.${i}.name`} />
                </td>
                <td className={cell} data-label="Mã">
                  <TextInput aria-label={`Mã mức ${i + 1}`} disabled={!editable} aria-invalid={!!f.err(`classes.${i}.code`)} {...f.register(`classes.${i}.code`)} />
                  <ClassError f={f} name={`classes.${i}.code`} />
                </td>
                <td className={cell} data-label="Điểm sàn">
                  <TextInput aria-label={`Điểm sàn mức ${i + 1}`} inputMode="decimal" disabled={!editable} aria-invalid={!!f.err(`classes.${i}.minPoints`)} {...f.register(`classes.${i}.minPoints`)} />
                  <ClassError f={f} name={`classes.${i}.minPoints`} />
                </td>
                <td className={cell} data-label="Cần công nhận">
                  <input type="checkbox" aria-label={`Mức ${i + 1} cần được công nhận “An toàn về an ninh, trật tự” cùng năm`} disabled={!editable} {...f.register(`classes.${i}.requiresRecognition`)} />
                </td>
                {editable && (
                  <td className={cell}>
                    <Button type="button" variant="ghost" disabled={rows.fields.length <= 1} onClick={() => rows.remove(i)}>Bỏ mức này</Button>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="text-xs text-slate-500">Tổng điểm tối đa của bảng: {maxTotal}. Điểm sàn giảm dần theo thứ hạng và không vượt tổng điểm tối đa.</p>
      {editable && (
        <div className="flex flex-wrap gap-2">
          <Button type="button" variant="secondary" disabled={rows.fields.length >= 10} onClick={() => rows.append({ code: "", name: "", minPoints: "", requiresRecognition: false })}>Thêm mức</Button>
          <Button type="submit" disabled={f.submitting}>{f.submitting ? "Đang lưu…" : "Lưu các mức xếp loại"}</Button>
        </div>
      )}
    </Form>
  );
}

function ClassError({ f, name }: { f: F; name: string }) {
  const message = f.err(name);
  return message ? <p role="alert" className="mt-1 text-sm text-red-700">{message}</p> : null;
}

/**
 * A one-click change of the sheet (copy, publish, move a line, remove a line), with a confirmation
 * when `confirm` is given. `go` turns the result into the page to open next (none: stay).
 */
export function SheetButton({
  label,
  pendingLabel = "Đang lưu…",
  payload,
  action,
  confirm,
  variant = "secondary",
  go,
  className,
  ariaLabel,
}: {
  label: string;
  pendingLabel?: string;
  payload: Record<string, unknown>;
  action: Action;
  confirm?: ConfirmText;
  variant?: "primary" | "secondary" | "danger" | "ghost";
  go?: (data: unknown) => string;
  className?: string;
  ariaLabel?: string;
}) {
  const router = useRouter();
  const { ask, dialog } = useConfirm();
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const run = async () => {
    setError(null);
    // Asked before the transition: a pending transition would hold the dialog back.
    if (confirm && !(await ask(confirm))) return;
    start(async () => {
      const result = await action(payload);
      if (!result.ok) {
        setError([result.message, ...Object.values(result.fieldErrors ?? {}).flat()].join(" "));
        return;
      }
      if (go) router.push(go(result.data));
      else router.refresh();
    });
  };
  return (
    <span className={className}>
      <Button type="button" variant={variant} disabled={pending} onClick={run} aria-label={ariaLabel}>{pending ? pendingLabel : label}</Button>
      {error && <span role="alert" className="mt-1 block text-sm text-red-700">{error}</span>}
      {dialog}
    </span>
  );
}
