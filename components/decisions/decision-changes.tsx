"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm, type Resolver } from "react-hook-form";
import type { ActionResult } from "@/lib/validation/action-result";
import { Form, registerWithValue } from "@/components/ui/form";
import { Button } from "@/components/ui/button";
import { FieldError, FormAlert, FormField, TextInput } from "@/components/ui/form-field";
import { DateInput } from "@/components/ui/date-input";
import { useConfirm } from "@/components/ui/confirm-dialog";
import { noticeOn, useNotice } from "@/components/ui/notice";
import { isoToDateText } from "@/lib/domain/date-text";
import { decisionCancellationSchema, decisionCorrectionSchema } from "./decision-change-schema";

const textArea =
  "block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm focus:border-brand-600 focus:ring-1 focus:ring-brand-600 aria-[invalid=true]:border-red-600";

type CorrectionValues = {
  decisionId: string;
  textVersion: number;
  year: number;
  issuedOn: string;
  signerName: string;
  signerTitle: string;
  units: { dossierId: string; unitName: string }[];
  note: string;
};

type CorrectionProps = {
  decision: { id: string; number: string; year: number; textVersion: number; issuedOn: string; signerName: string; signerTitle: string };
  units: { dossierId: string; unitName: string }[];
  action: (input: unknown) => Promise<ActionResult<{ id: string; number: string; textVersion: number }>>;
  /** Where to go once corrected (the decision's page); without it, the page is refreshed. */
  doneHref?: string;
};

/**
 * Đính chính: fix a typo in the date, the signer or a unit's name; the decision keeps its number
 * and gets a new version of its text (every earlier version stays downloadable).
 */
export function DecisionCorrectionForm({ decision, units, action, doneHref }: CorrectionProps) {
  const router = useRouter();
  const notify = useNotice();
  const { ask, dialog } = useConfirm();
  const [message, setMessage] = useState<string | null>(null);
  const {
    register: registerField,
    getValues,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<CorrectionValues>({
    resolver: zodResolver(decisionCorrectionSchema as never) as unknown as Resolver<CorrectionValues>,
    defaultValues: { decisionId: decision.id, textVersion: decision.textVersion, year: decision.year, issuedOn: decision.issuedOn, signerName: decision.signerName, signerTitle: decision.signerTitle, units, note: "" },
  });
  const register = registerWithValue({ register: registerField, getValues });
  const err = (name: "issuedOn" | "signerName" | "signerTitle" | "note") => errors[name]?.message;

  const onSubmit = handleSubmit(async (values) => {
    setMessage(null);
    const sure = await ask({
      title: `Đính chính Quyết định số ${decision.number}?`,
      body: (
        <>
          <p>
            Quyết định giữ nguyên số {decision.number}; nội dung được cập nhật thành phiên bản {decision.textVersion + 1} (ngày ban hành {isoToDateText(values.issuedOn)}, người ký {values.signerName}).
          </p>
          <p>Các phiên bản trước vẫn được lưu và tải được. Đơn vị và cán bộ thẩm định thấy bản hiện hành cùng lịch sử đính chính.</p>
        </>
      ),
      confirmLabel: "Đính chính quyết định",
    });
    if (!sure) return;
    const result = await action(values);
    if (!result.ok) {
      for (const [field, messages] of Object.entries(result.fieldErrors ?? {})) {
        const name = (["issuedOn", "signerName", "signerTitle", "note"] as const).find((f) => field === f);
        if (name) setError(name, { message: messages.join(" ") });
      }
      setMessage(result.message);
      return;
    }
    notify(`Đã đính chính Quyết định số ${result.data.number} (phiên bản ${result.data.textVersion}).`, doneHref ? noticeOn(doneHref) : undefined);
    if (doneHref) router.push(doneHref);
    else router.refresh();
  });

  return (
    <Form onSubmit={onSubmit} className="space-y-4" aria-label="Đính chính quyết định">
      <FormAlert message={message} />
      <div className="grid gap-4 sm:grid-cols-3">
        <FormField id="fix-issuedOn" label="Ngày ban hành" error={err("issuedOn")}>
          <DateInput id="fix-issuedOn" aria-invalid={!!err("issuedOn")} aria-describedby={err("issuedOn") ? "fix-issuedOn-error" : undefined} {...register("issuedOn")} />
        </FormField>
        <FormField id="fix-signerName" label="Họ và tên người ký" error={err("signerName")}>
          <TextInput id="fix-signerName" autoComplete="off" aria-invalid={!!err("signerName")} aria-describedby={err("signerName") ? "fix-signerName-error" : undefined} {...register("signerName")} />
        </FormField>
        <FormField id="fix-signerTitle" label="Chức vụ người ký" error={err("signerTitle")}>
          <TextInput id="fix-signerTitle" autoComplete="off" aria-invalid={!!err("signerTitle")} aria-describedby={err("signerTitle") ? "fix-signerTitle-error" : undefined} {...register("signerTitle")} />
        </FormField>
      </div>
      {units.length > 0 && (
        <fieldset className="space-y-2">
          <legend className="mb-1 text-sm font-medium text-slate-800">Tên đơn vị trong danh sách kèm theo</legend>
          {units.map((u, i) => {
            const message = errors.units?.[i]?.unitName?.message;
            return (
              <div key={u.dossierId}>
                <label htmlFor={`fix-unit-${i}`} className="sr-only">{`Tên đơn vị thứ ${i + 1}`}</label>
                <TextInput id={`fix-unit-${i}`} autoComplete="off" aria-invalid={!!message} aria-describedby={message ? `fix-unit-${i}-error` : undefined} {...register(`units.${i}.unitName`)} />
                <FieldError id={`fix-unit-${i}-error`} messages={message} />
              </div>
            );
          })}
        </fieldset>
      )}
      <FormField id="fix-note" label="Nội dung đính chính" error={err("note")} hint="Ghi rõ sai sót và nội dung đã sửa; nội dung này được lưu trong lịch sử quyết định.">
        <textarea id="fix-note" rows={2} maxLength={1000} className={textArea} aria-invalid={!!err("note")} aria-describedby={err("note") ? "fix-note-error" : undefined} {...register("note")} />
      </FormField>
      <Button type="submit" variant="secondary" disabled={isSubmitting} aria-busy={isSubmitting}>
        Đính chính quyết định
      </Button>
      {dialog}
    </Form>
  );
}

type CancellationValues = { decisionId: string; textVersion: number; reason: string; reference: string };

type CancellationProps = {
  decision: { id: string; number: string; textVersion: number; recognisedUnits: number };
  action: (input: unknown) => Promise<ActionResult<{ id: string; number: string; returnedUnits: number }>>;
};

/**
 * Hủy quyết định: for a decision issued by mistake (not the thu hồi of a unit's recognition). The
 * decision is void, its units go back to awaiting a decision, and its number is never given again.
 */
export function DecisionCancellationForm({ decision, action }: CancellationProps) {
  const router = useRouter();
  const notify = useNotice();
  const { ask, dialog } = useConfirm();
  const [message, setMessage] = useState<string | null>(null);
  const {
    register: registerField,
    getValues,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<CancellationValues>({
    resolver: zodResolver(decisionCancellationSchema as never) as unknown as Resolver<CancellationValues>,
    defaultValues: { decisionId: decision.id, textVersion: decision.textVersion, reason: "", reference: "" },
  });
  const register = registerWithValue({ register: registerField, getValues });

  const onSubmit = handleSubmit(async (values) => {
    setMessage(null);
    const sure = await ask({
      title: `Hủy Quyết định số ${decision.number}?`,
      body: (
        <>
          <p>
            Quyết định bị hủy theo văn bản {values.reference}. {decision.recognisedUnits} đơn vị đang được công nhận theo quyết định này trở lại trạng thái “Đề nghị công nhận”, chờ quyết định mới; giấy công nhận đã in không còn giá trị.
          </p>
          <p>Số {decision.number} không được cấp lại cho quyết định khác. Không thể hoàn tác.</p>
        </>
      ),
      confirmLabel: "Hủy quyết định",
      tone: "danger",
    });
    if (!sure) return;
    const result = await action(values);
    if (!result.ok) {
      for (const [field, messages] of Object.entries(result.fieldErrors ?? {})) {
        const name = (["reason", "reference"] as const).find((f) => field === f);
        if (name) setError(name, { message: messages.join(" ") });
      }
      setMessage(result.message);
      return;
    }
    notify(`Đã hủy Quyết định số ${result.data.number}; ${result.data.returnedUnits} đơn vị trở lại chờ quyết định công nhận.`);
    router.refresh();
  });

  return (
    <Form onSubmit={onSubmit} className="space-y-4" aria-label="Hủy quyết định">
      <FormAlert message={message} />
      <FormField id="cancel-reference" label="Số, ký hiệu văn bản hủy quyết định" error={errors.reference?.message}>
        <TextInput id="cancel-reference" autoComplete="off" aria-invalid={!!errors.reference} aria-describedby={errors.reference ? "cancel-reference-error" : undefined} {...register("reference")} />
      </FormField>
      <FormField id="cancel-reason" label="Lý do hủy" error={errors.reason?.message}>
        <textarea id="cancel-reason" rows={2} maxLength={2000} className={textArea} aria-invalid={!!errors.reason} aria-describedby={errors.reason ? "cancel-reason-error" : undefined} {...register("reason")} />
      </FormField>
      <Button type="submit" variant="danger" disabled={isSubmitting} aria-busy={isSubmitting}>
        Hủy quyết định
      </Button>
      {dialog}
    </Form>
  );
}
