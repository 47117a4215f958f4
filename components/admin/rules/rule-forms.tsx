"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition, type ReactNode } from "react";
import { competenceRuleSchema, createProvincialCriterionSchema, updateProvincialCriterionSchema } from "@/lib/rules/rule-schemas";
import { COMPETENCE_REVIEWER_LABELS, DECIDER_KINDS, DECIDER_KIND_LABELS, REVIEWER_LEVELS } from "@/lib/rules/competence";
import { UNIT_KINDS, UNIT_KIND_LABELS } from "@/lib/domain/vocabulary";
import { Form } from "@/components/ui/form";
import { useFormAction, type FormAction, type FormActionControls, type FormActionValues } from "@/components/ui/use-form-action";
import { Button } from "@/components/ui/button";
import { DateInput } from "@/components/ui/date-input";
import { FormAlert, FormField, Select, TextInput } from "@/components/ui/form-field";

type Values = FormActionValues;
type Action = FormAction;

/** `editing`: a save that would change nothing is not sent ("Không có thay đổi."). */
function useRuleForm(schema: unknown, defaults: Values, action: Action, after: (data: unknown, controls: FormActionControls) => string | null, editing = false) {
  return useFormAction(schema, defaults, action, { editing, after });
}

type F = ReturnType<typeof useRuleForm>;

function Text({ f, name, label, hint, type = "text" }: { f: F; name: string; label: string; hint?: ReactNode; type?: "text" | "number" }) {
  return (
    <FormField id={name} label={label} error={f.err(name)} hint={hint} maxLength={type === "text" ? f.limits[name] : undefined}>
      <TextInput id={name} type={type} autoComplete="off" aria-invalid={!!f.err(name)} {...f.register(name)} />
    </FormField>
  );
}

function LongText({ f, name, label, hint }: { f: F; name: string; label: string; hint?: ReactNode }) {
  return (
    <FormField id={name} label={label} error={f.err(name)} hint={hint} maxLength={f.limits[name]}>
      <textarea
        id={name}
        rows={3}
        aria-invalid={!!f.err(name)}
        className="block w-full rounded-md border border-slate-300 px-3 py-2 text-sm shadow-sm focus:border-brand-600 focus:ring-1 focus:ring-brand-600"
        {...f.register(name)}
      />
    </FormField>
  );
}

export function CompetenceRuleForm({ action, defaults }: { action: Action; defaults: Values }) {
  const f = useRuleForm(competenceRuleSchema, defaults, action, (_, { reset }) => {
    reset();
    return null;
  });
  return (
    <Form onSubmit={f.onSubmit} className="max-w-2xl space-y-4" aria-label="Thêm dòng bảng thẩm quyền">
      <FormAlert message={f.message?.text} tone={f.message?.tone} />
      <div className="grid gap-4 sm:grid-cols-2">
        <FormField id="unitKind" label="Loại đơn vị" error={f.err("unitKind")}>
          <Select id="unitKind" aria-invalid={!!f.err("unitKind")} {...f.register("unitKind")}>
            <option value="">— Chọn loại đơn vị —</option>
            {UNIT_KINDS.map((k) => (
              <option key={k} value={k}>{UNIT_KIND_LABELS[k]}</option>
            ))}
          </Select>
        </FormField>
        <FormField id="effectiveFrom" label="Có hiệu lực từ ngày" error={f.err("effectiveFrom")} hint="Ngày/tháng/năm. Áp dụng cho năm đánh giá có ngày 15/11 từ ngày này trở đi.">
          <DateInput id="effectiveFrom" aria-invalid={!!f.err("effectiveFrom")} {...f.register("effectiveFrom")} />
        </FormField>
        <FormField id="reviewerLevel" label="Cấp thẩm định" error={f.err("reviewerLevel")}>
          <Select id="reviewerLevel" aria-invalid={!!f.err("reviewerLevel")} {...f.register("reviewerLevel")}>
            <option value="">— Chọn cấp thẩm định —</option>
            {REVIEWER_LEVELS.map((k) => (
              <option key={k} value={k}>{COMPETENCE_REVIEWER_LABELS[k]}</option>
            ))}
          </Select>
        </FormField>
        <FormField id="deciderKind" label="Cơ quan quyết định công nhận" error={f.err("deciderKind")}>
          <Select id="deciderKind" aria-invalid={!!f.err("deciderKind")} {...f.register("deciderKind")}>
            <option value="">— Chọn cơ quan —</option>
            {DECIDER_KINDS.map((k) => (
              <option key={k} value={k}>{DECIDER_KIND_LABELS[k]}</option>
            ))}
          </Select>
        </FormField>
        <Text f={f} name="decisionDeadlineDay" label="Hạn quyết định: ngày" hint="Ví dụ: 20" />
        <Text f={f} name="decisionDeadlineMonth" label="Hạn quyết định: tháng" hint="Ví dụ: 11" />
      </div>
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" {...f.register("provisional")} /> Tạm thời (chưa có văn bản chính thức, theo suy luận)
      </label>
      <LongText f={f} name="note" label="Căn cứ, ghi chú" hint="Ví dụ: Thông tư 48/2025/TT-BCA; Quyết định số … của UBND tỉnh" />
      <Button type="submit" disabled={f.submitting}>{f.submitting ? "Đang lưu…" : "Thêm dòng"}</Button>
    </Form>
  );
}

export function ProvincialCriterionForm({ mode, action, defaults }: { mode: "create" | "edit"; action: Action; defaults: Values }) {
  const f = useRuleForm(mode === "create" ? createProvincialCriterionSchema : updateProvincialCriterionSchema, defaults, action, (data, { setValue }) => {
    if (mode === "create") return `/admin/rules/criteria/${(data as { id: string }).id}`;
    const version = (data as { version?: number }).version;
    if (version !== undefined) setValue("version", version);
    return null;
  }, mode === "edit");
  const label = mode === "create" ? "Thêm tiêu chí bổ sung của tỉnh" : "Sửa tiêu chí bổ sung của tỉnh";
  return (
    <Form onSubmit={f.onSubmit} className="max-w-2xl space-y-4" aria-label={label}>
      <FormAlert message={f.message?.text} tone={f.message?.tone} />
      {mode === "edit" && (
        <>
          <input type="hidden" {...f.register("criterionId")} />
          <input type="hidden" {...f.register("version")} />
        </>
      )}
      <Text f={f} name="code" label="Mã tiêu chí" hint="Chữ in hoa không dấu, số, dấu gạch: ví dụ LCI-1. Không đổi được sau khi hồ sơ đã áp dụng." />
      <LongText f={f} name="title" label="Nội dung tiêu chí" />
      <fieldset>
        <legend className="text-sm font-medium text-slate-700">Áp dụng cho loại đơn vị</legend>
        <div className="mt-1 flex flex-wrap gap-4">
          {UNIT_KINDS.map((k) => (
            <label key={k} className="flex items-center gap-2 text-sm">
              <input type="checkbox" value={k} {...f.form.register("unitKinds")} /> {UNIT_KIND_LABELS[k]}
            </label>
          ))}
        </div>
        {f.err("unitKinds") && <p className="mt-1 text-sm text-red-700" role="alert">{f.err("unitKinds")}</p>}
      </fieldset>
      <div className="grid gap-4 sm:grid-cols-2">
        <Text f={f} name="fromYear" label="Áp dụng từ năm đánh giá" hint="Ví dụ: 2026" />
        <Text f={f} name="toYear" label="Đến năm đánh giá" hint="Để trống nếu chưa có năm kết thúc." />
      </div>
      <LongText f={f} name="description" label="Mô tả, cách đánh giá" />
      <LongText f={f} name="evidenceExpected" label="Tài liệu kiểm chứng cần có" />
      <Text f={f} name="legalBasis" label="Văn bản của UBND tỉnh quy định" hint="Ví dụ: Quyết định số 12/2026/QĐ-UBND ngày 10/01/2026 của UBND tỉnh" />
      <Button type="submit" disabled={f.submitting}>{f.submitting ? "Đang lưu…" : mode === "create" ? "Thêm tiêu chí" : "Lưu thay đổi"}</Button>
    </Form>
  );
}

/** A one-click change with an optional reason (remove an unapplied competence row, retire a criterion). */
export function ConfirmAction({ label, pendingLabel, payload, action, reasonLabel, variant = "danger" }: { label: string; pendingLabel: string; payload: Record<string, unknown>; action: Action; reasonLabel?: string; variant?: "danger" | "secondary" }) {
  const router = useRouter();
  const [reason, setReason] = useState("");
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    setError(null);
    start(async () => {
      const result = await action(reasonLabel ? { ...payload, reason } : payload);
      if (!result.ok) {
        setError([result.message, ...Object.values(result.fieldErrors ?? {}).flat()].join(" "));
        return;
      }
      router.refresh();
    });
  };
  return (
    <Form onSubmit={submit} className="space-y-2" aria-label={label}>
      <FormAlert message={error} />
      {reasonLabel && (
        <FormField id="reason" label={reasonLabel}>
          <TextInput id="reason" value={reason} onChange={(e) => setReason(e.target.value)} />
        </FormField>
      )}
      <Button type="submit" variant={variant} disabled={pending}>{pending ? pendingLabel : label}</Button>
    </Form>
  );
}
