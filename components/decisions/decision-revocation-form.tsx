"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import type { ActionResult } from "@/lib/validation/action-result";
import { Form } from "@/components/ui/form";
import { Button } from "@/components/ui/button";
import { useConfirm } from "@/components/ui/confirm-dialog";
import { FieldError, FormAlert, FormField, TextInput } from "@/components/ui/form-field";
import { noticeOn, useNotice } from "@/components/ui/notice";
import { reasonField, referenceField } from "@/lib/dossiers/reason-schema";

type Unit = { dossierId: string; version: number; name: string; commune: string };
type Field = "dossiers" | "reason" | "reference";
type FieldErrors = Partial<Record<Field, string[]>>;

const textArea =
  "block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm focus:border-brand-600 focus:ring-1 focus:ring-brand-600 aria-[invalid=true]:border-red-600";

/**
 * Thu hồi công nhận of several units of one decision: tick the units, give the reason and the
 * revoking document once, confirm (the dialog names how many units and which document), then one
 * request, all or nothing. What was typed stays in the form when the server refuses.
 */
export function DecisionRevocationForm({
  decision,
  units,
  action,
  doneHref,
}: {
  decision: { id: string; number: string; year: number };
  units: Unit[];
  action: (input: unknown) => Promise<ActionResult<{ number: string; revokedUnits: number }>>;
  /** Where to go once revoked (the decision's page); without it, the page is refreshed. */
  doneHref?: string;
}) {
  const router = useRouter();
  const notify = useNotice();
  const { ask, dialog } = useConfirm();
  const [pending, start] = useTransition();
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [message, setMessage] = useState<string | null>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const allChosen = units.length > 0 && selected.size === units.length;
  const toggle = (id: string) =>
    setSelected((s) => {
      const next = new Set(s);
      if (!next.delete(id)) next.add(id);
      return next;
    });

  return (
    <Form
      className="space-y-4"
      aria-label="Thu hồi công nhận nhiều đơn vị"
      onSubmit={async (e) => {
        e.preventDefault();
        setMessage(null);
        const data = Object.fromEntries(new FormData(e.currentTarget).entries());
        // The server's own rules, checked first: ask only about a request that can succeed.
        const found: FieldErrors = {};
        if (selected.size === 0) found.dossiers = ["Vui lòng chọn ít nhất một đơn vị để thu hồi công nhận."];
        const reason = reasonField.safeParse(data.reason ?? "");
        if (!reason.success) found.reason = reason.error.issues.map((i) => i.message);
        const reference = referenceField.safeParse(data.reference ?? "");
        if (!reference.success) found.reference = reference.error.issues.map((i) => i.message);
        setErrors(found);
        if (Object.keys(found).length > 0 || !reason.success || !reference.success) return;
        const chosen = units.filter((u) => selected.has(u.dossierId));
        // Asked before the transition starts: the dialog must not be held inside it.
        const sure = await ask({
          title: `Thu hồi công nhận ${chosen.length} đơn vị năm ${decision.year}?`,
          body: (
            <>
              <p>
                Theo văn bản {reference.data}, {chosen.length} đơn vị sau không còn được công nhận đạt tiêu chuẩn &ldquo;An toàn về an ninh, trật tự&rdquo; năm {decision.year} theo Quyết định số {decision.number}; giấy công nhận đã cấp của các đơn vị này không còn giá trị:
              </p>
              <ul className="mt-2 max-h-48 list-disc overflow-y-auto pl-5">
                {chosen.map((u) => (
                  <li key={u.dossierId}>{u.name}</li>
                ))}
              </ul>
              <p className="mt-2">Không hoàn tác được.</p>
            </>
          ),
          confirmLabel: `Thu hồi công nhận ${chosen.length} đơn vị`,
          tone: "danger",
        });
        if (!sure) return;
        start(async () => {
          const result = await action({ decisionId: decision.id, dossiers: chosen.map((u) => ({ dossierId: u.dossierId, version: u.version })), reason: reason.data, reference: reference.data });
          if (!result.ok) {
            setErrors({ dossiers: result.fieldErrors?.dossiers, reason: result.fieldErrors?.reason, reference: result.fieldErrors?.reference });
            setMessage(result.message);
            return;
          }
          setSelected(new Set());
          notify(`Đã thu hồi công nhận ${result.data.revokedUnits} đơn vị theo Quyết định số ${result.data.number}.`, doneHref ? noticeOn(doneHref) : undefined);
          if (doneHref) router.push(doneHref);
          else router.refresh();
        });
      }}
    >
      <FormAlert message={message} />
      <fieldset aria-describedby={errors.dossiers ? "bulk-revoke-units-error" : undefined}>
        <legend className="mb-2 text-sm font-medium text-slate-800">Đơn vị thu hồi công nhận ({selected.size}/{units.length} đã chọn)</legend>
        <label className="mb-2 flex items-center gap-2 text-sm">
          <input type="checkbox" checked={allChosen} onChange={() => setSelected(allChosen ? new Set() : new Set(units.map((u) => u.dossierId)))} />
          Chọn tất cả
        </label>
        <ul className="max-h-72 space-y-1 overflow-y-auto rounded-md border border-slate-200 p-2 text-sm">
          {units.map((u) => (
            <li key={u.dossierId}>
              <label className="flex items-start gap-2">
                <input type="checkbox" className="mt-1" checked={selected.has(u.dossierId)} onChange={() => toggle(u.dossierId)} />
                <span>
                  {u.name} <span className="text-slate-500">· {u.commune}</span>
                </span>
              </label>
            </li>
          ))}
        </ul>
        <FieldError id="bulk-revoke-units-error" messages={errors.dossiers} />
      </fieldset>
      <FormField id="bulk-revoke-reference" label="Số, ký hiệu văn bản thu hồi" error={errors.reference} maxLength={200}>
        <TextInput id="bulk-revoke-reference" name="reference" autoComplete="off" maxLength={200} aria-invalid={!!errors.reference} aria-describedby={errors.reference ? "bulk-revoke-reference-error" : undefined} />
      </FormField>
      <FormField id="bulk-revoke-reason" label="Lý do thu hồi" error={errors.reason} maxLength={2000}>
        <textarea id="bulk-revoke-reason" name="reason" rows={3} maxLength={2000} className={textArea} aria-invalid={!!errors.reason} aria-describedby={errors.reason ? "bulk-revoke-reason-error" : undefined} />
      </FormField>
      <Button type="submit" variant="danger" disabled={pending} aria-busy={pending}>
        {pending ? "Đang xử lý…" : "Thu hồi công nhận các đơn vị đã chọn"}
      </Button>
      {dialog}
    </Form>
  );
}
