"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { Controller, useForm, useWatch, type Resolver } from "react-hook-form";
import { UNIT_KIND_LABELS, type UnitKind } from "@/lib/domain/vocabulary";
import type { ActionResult } from "@/lib/validation/action-result";
import { Form, registerWithValue } from "@/components/ui/form";
import { Button } from "@/components/ui/button";
import { FieldError, FormAlert, FormField, TextInput } from "@/components/ui/form-field";
import { DateInput } from "@/components/ui/date-input";
import { useConfirm } from "@/components/ui/confirm-dialog";
import { useNotice } from "@/components/ui/notice";
import { isoToDateText } from "@/lib/domain/date-text";
import { decisionFormSchema } from "./decision-form-schema";

/** One deciding authority and the proposed dossiers it should decide (plain data from the page). */
export type DecisionFormGroup = {
  key: string;
  authorityId: string | null;
  label: string;
  lastSigner: { name: string; title: string } | null;
  dossiers: { dossierId: string; version: number; unitId: string; unitName: string; unitKind: UnitKind; communeName: string }[];
};

type Values = {
  authorityId: string;
  year: number;
  issuedOn: string;
  signerName: string;
  signerTitle: string;
  dossiers: { dossierId: string; version: number }[];
};

type Props = {
  year: number;
  groups: DecisionFormGroup[];
  initialKey: string;
  today: string;
  action: (input: unknown) => Promise<ActionResult<{ id: string; number: string }>>;
};

const all = (g: DecisionFormGroup | undefined) => (g ? g.dossiers.map((d) => ({ dossierId: d.dossierId, version: d.version })) : []);

/**
 * Ban hành quyết định công nhận: choose the deciding authority, tick its proposed units (all by
 * default), date and signer. Validated with the action's schema; the action's refusal (a stale
 * version, a dossier no longer proposed) is shown as is and nothing is issued.
 */
export function DecisionForm({ year, groups, initialKey, today, action }: Props) {
  const router = useRouter();
  const notify = useNotice();
  const { ask, dialog } = useConfirm();
  const ids = useId();
  const [message, setMessage] = useState<string | null>(null);
  const initial = groups.find((g) => g.key === initialKey && g.authorityId) ?? groups.find((g) => g.authorityId);
  const {
    register: registerField,
    getValues,
    handleSubmit,
    control,
    setValue,
    getFieldState,
    setError,
    formState: { errors, isSubmitting, isSubmitted },
  } = useForm<Values>({
    resolver: zodResolver(decisionFormSchema as never) as unknown as Resolver<Values>,
    defaultValues: {
      authorityId: initial?.authorityId ?? "",
      year,
      issuedOn: today,
      signerName: initial?.lastSigner?.name ?? "",
      signerTitle: initial?.lastSigner?.title ?? "",
      dossiers: all(initial),
    },
  });
  const register = registerWithValue({ register: registerField, getValues });
  const authorityId = useWatch({ control, name: "authorityId" });
  const group = groups.find((g) => g.authorityId === authorityId);

  // Radios share one registration (and so one onChange): the handler reads the chosen value.
  const chooseGroup = (authorityId: string) => {
    const next = groups.find((g) => g.authorityId === authorityId);
    if (!next) return;
    setValue("dossiers", all(next), { shouldValidate: isSubmitted });
    if (next.lastSigner && !getFieldState("signerName").isDirty) setValue("signerName", next.lastSigner.name);
    if (next.lastSigner && !getFieldState("signerTitle").isDirty) setValue("signerTitle", next.lastSigner.title);
  };

  const onSubmit = handleSubmit(async (values) => {
    setMessage(null);
    const chosen = groups.find((g) => g.authorityId === values.authorityId);
    const sure = await ask({
      title: "Ban hành quyết định công nhận?",
      body: (
        <>
          <p>
            {values.dossiers.length} đơn vị được công nhận đạt tiêu chuẩn “An toàn về an ninh, trật tự” năm {year}
            {chosen ? ` — ${chosen.label}` : ""}, ngày ban hành {isoToDateText(values.issuedOn)}, người ký {values.signerName}.
          </p>
          <p>Quyết định được cấp số tiếp theo của cơ quan ban hành; số đã cấp không dùng lại. Các đơn vị xem được quyết định của mình ngay.</p>
        </>
      ),
      confirmLabel: "Ban hành quyết định",
    });
    if (!sure) return;
    const result = await action(values);
    if (!result.ok) {
      for (const [field, messages] of Object.entries(result.fieldErrors ?? {})) {
        const name = (["authorityId", "issuedOn", "signerName", "signerTitle", "dossiers"] as const).find((f) => field === f || field.startsWith(`${f}.`));
        if (name) setError(name, { message: messages.join(" ") });
      }
      setMessage(result.message);
      return;
    }
    notify(`Đã ban hành Quyết định số ${result.data.number}.`, { path: `/decisions/${result.data.id}` });
    router.push(`/decisions/${result.data.id}`);
  });

  const err = (name: keyof Values) => (errors[name] as { message?: string } | undefined)?.message ?? (name === "dossiers" ? errors.dossiers?.root?.message : undefined);

  return (
    <Form onSubmit={onSubmit} className="space-y-6" aria-label="Ban hành quyết định công nhận">
      <FormAlert message={message} />
      <input type="hidden" {...register("year", { valueAsNumber: true })} />

      <fieldset aria-describedby={err("authorityId") ? "authorityId-error" : undefined}>
        <legend className="mb-2 text-sm font-medium text-slate-800">Cơ quan ban hành</legend>
        <div className="space-y-2">
          {groups.map((g) => {
            const id = `${ids}-authority-${g.key}`;
            return (
              <label key={g.key} htmlFor={id} className={`flex items-start gap-3 rounded-md border px-3 py-2 text-sm ${g.authorityId === authorityId ? "border-slate-500 bg-slate-50" : "border-slate-200 bg-white"} ${g.authorityId ? "cursor-pointer" : "opacity-70"}`}>
                <input
                  id={id}
                  type="radio"
                  value={g.authorityId ?? ""}
                  disabled={!g.authorityId}
                  className="mt-0.5"
                  defaultChecked={g.authorityId === initial?.authorityId}
                  {...registerField("authorityId", { onChange: (e: { target: { value: string } }) => chooseGroup(e.target.value) })}
                />
                <span>
                  <span className="font-medium">{g.label}</span>
                  <span className="text-slate-600"> · {g.dossiers.length} hồ sơ đề nghị công nhận</span>
                  {!g.authorityId && <span className="block text-xs text-red-700">Chưa có cơ quan này trong danh mục; quản trị hệ thống cần khai báo trước khi ban hành.</span>}
                </span>
              </label>
            );
          })}
        </div>
        <FieldError id="authorityId-error" messages={err("authorityId")} />
      </fieldset>

      <Controller
        control={control}
        name="dossiers"
        render={({ field }) => {
          const selected = new Set(field.value.map((d) => d.dossierId));
          const rows = group?.dossiers ?? [];
          const allTicked = rows.length > 0 && rows.every((d) => selected.has(d.dossierId));
          const toggle = (dossierId: string, on: boolean) =>
            field.onChange(rows.filter((d) => (d.dossierId === dossierId ? on : selected.has(d.dossierId))).map((d) => ({ dossierId: d.dossierId, version: d.version })));
          return (
            <fieldset aria-describedby={err("dossiers") ? "dossiers-error" : undefined}>
              <legend className="mb-2 text-sm font-medium text-slate-800">
                Đơn vị được công nhận <span className="font-normal text-slate-600">({selected.size}/{rows.length} đã chọn)</span>
              </legend>
              {rows.length > 0 && (
                <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
                  <table className="min-w-full text-sm" data-testid="decision-units">
                    <thead className="bg-slate-50 text-left text-slate-600">
                      <tr>
                        <th className="w-10 px-3 py-2">
                          <input
                            type="checkbox"
                            aria-label="Chọn tất cả đơn vị"
                            checked={allTicked}
                            onChange={(e) => field.onChange(e.target.checked ? all(group) : [])}
                          />
                        </th>
                        <th className="px-3 py-2 font-medium">Tên đơn vị</th>
                        <th className="px-3 py-2 font-medium">Loại</th>
                        <th className="px-3 py-2 font-medium">Địa bàn (xã, phường)</th>
                      </tr>
                    </thead>
                    <tbody className="divide-y divide-slate-100">
                      {rows.map((d) => {
                        const id = `${ids}-dossier-${d.dossierId}`;
                        return (
                          <tr key={d.dossierId}>
                            <td className="px-3 py-2">
                              <input id={id} type="checkbox" checked={selected.has(d.dossierId)} onChange={(e) => toggle(d.dossierId, e.target.checked)} />
                            </td>
                            <td className="px-3 py-2">
                              <label htmlFor={id} className="cursor-pointer">{d.unitName}</label>
                            </td>
                            <td className="px-3 py-2">{UNIT_KIND_LABELS[d.unitKind]}</td>
                            <td className="px-3 py-2">{d.communeName}</td>
                          </tr>
                        );
                      })}
                    </tbody>
                  </table>
                </div>
              )}
              <FieldError id="dossiers-error" messages={err("dossiers")} />
            </fieldset>
          );
        }}
      />

      <div className="grid max-w-3xl gap-4 sm:grid-cols-3">
        <FormField id="issuedOn" label="Ngày ban hành" error={err("issuedOn")} hint="Ngày Chủ tịch ký quyết định.">
          <DateInput id="issuedOn" aria-invalid={!!err("issuedOn")} aria-describedby={err("issuedOn") ? "issuedOn-error" : undefined} {...register("issuedOn")} />
        </FormField>
        <FormField id="signerName" label="Họ và tên người ký" error={err("signerName")}>
          <TextInput id="signerName" autoComplete="off" aria-invalid={!!err("signerName")} aria-describedby={err("signerName") ? "signerName-error" : undefined} {...register("signerName")} />
        </FormField>
        <FormField id="signerTitle" label="Chức vụ người ký" error={err("signerTitle")} hint="Chủ tịch, hoặc Phó Chủ tịch (ký thay Chủ tịch).">
          <TextInput id="signerTitle" autoComplete="off" aria-invalid={!!err("signerTitle")} aria-describedby={err("signerTitle") ? "signerTitle-error" : undefined} {...register("signerTitle")} />
        </FormField>
      </div>

      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={isSubmitting} aria-busy={isSubmitting}>
          Ban hành quyết định
        </Button>
        {isSubmitting && <span role="status" className="text-sm text-slate-600">Đang ban hành quyết định…</span>}
        <span className="text-xs text-slate-500">Số quyết định được cấp tự động theo cơ quan ban hành và năm {year}.</span>
      </div>
      {dialog}
    </Form>
  );
}
