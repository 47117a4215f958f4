"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { EMULATION_RESULTS, EMULATION_RESULT_LABELS, type EmulationResult, type UnitKind } from "@/lib/domain/vocabulary";
import { FACT_LABELS, SECURITY_FORCE_RATING_LABEL, yearFactsSchema, type CountField, type FactField } from "@/lib/records/year-facts-schemas";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Form, registerWithValue, useLastSaved } from "@/components/ui/form";
import { NO_CHANGES_MESSAGE } from "@/lib/validation/form-changes";
import { FormAlert, FormField, Select, TextInput } from "@/components/ui/form-field";
import { CheckboxField } from "./controls";
import { applyActionErrors, errorOf, type Action } from "./form-helpers";

export type FactValues = Record<CountField, string>;

const GROUPS: { title: string; fields: readonly CountField[] }[] = [
  { title: "Cán bộ, công chức, viên chức, người lao động", fields: ["staffTotal", "staffBriefed", "staffCommitted", "staffLaoDongTienTien", "staffChienSiThiDua"] },
  { title: "Người học", fields: ["learnersTotal", "learnersBriefed"] },
  { title: "Hộ gia đình", fields: ["householdsResident", "householdsRegistered"] },
  { title: "Tội phạm, tệ nạn xã hội, vi phạm pháp luật (so với năm trước)", fields: ["crimeCount", "socialEvilCount", "violationCount"] },
];

/** For a commune the staff are the commune's own cán bộ, công chức. */
const labelFor = (field: FactField, kind: UnitKind) => (field === "staffTotal" && kind === "XA" ? "Tổng số cán bộ, công chức xã, phường" : FACT_LABELS[field]);

type Props = {
  unitId: string;
  kind: UnitKind;
  year: number;
  fields: readonly FactField[];
  canEdit: boolean;
  version: number;
  values: FactValues;
  securityForceRating: EmulationResult | "";
  /** KDC-4a: the unit says it has no previous year (created in this year). */
  noPreviousYear: boolean;
  previous: FactValues;
  previousSecurityForceRating: EmulationResult | null;
  action: Action<{ version: number }>;
};

type FormValues = z.input<typeof yearFactsSchema>;

/** The year's counts for the unit's kind; "part ≤ whole" errors appear next to the field, input kept. */
export function YearFactsForm({ unitId, kind, year, fields, canEdit, version, values, securityForceRating, noPreviousYear, previous, previousSecurityForceRating, action }: Props) {
  const router = useRouter();
  const [message, setMessage] = useState<{ text: string; tone: "error" | "success" } | null>(null);
  const form = useForm<FormValues>({ resolver: zodResolver(yearFactsSchema), defaultValues: { unitId, year, version, ...values, securityForceRating, noPreviousYear } });
  const {
    handleSubmit,
    setError,
    setValue,
    formState: { errors, isSubmitting },
  } = form;
  const register = registerWithValue(form);
  const lastSaved = useLastSaved(form.getValues());
  const err = (name: string) => errorOf(errors, name);
  const groups = GROUPS.map((g) => ({ ...g, fields: g.fields.filter((f) => fields.includes(f)) })).filter((g) => g.fields.length > 0);
  const hasRating = fields.includes("securityForceRating");
  // Offered while year Y-1 has no counts (or once stated, so it can be withdrawn): with last
  // year's figures on record there is a year to compare with. The server decides either way.
  const previousHasCounts = previous.crimeCount !== "" || previous.socialEvilCount !== "" || previous.violationCount !== "";
  const hasNoPreviousYear = fields.includes("noPreviousYear") && (noPreviousYear || !previousHasCounts);
  /** The law-and-order card carries the "no previous year" statement (KDC-4a compares with Y-1). */
  const isTrendGroup = (g: { fields: readonly CountField[] }) => g.fields.includes("crimeCount");

  const onSubmit = handleSubmit(async (data) => {
    setMessage(null);
    if (lastSaved.unchanged(form.getValues())) {
      setMessage({ text: NO_CHANGES_MESSAGE, tone: "success" });
      return;
    }
    const result = await action(data);
    if (!result.ok) {
      setMessage({ text: applyActionErrors(result, setError), tone: "error" });
      return;
    }
    setValue("version", result.data.version);
    lastSaved.remember(form.getValues());
    setMessage({ text: `Đã lưu số liệu năm ${year}.`, tone: "success" });
    router.refresh();
  });

  if (!canEdit) {
    return (
      <div className="grid gap-4 lg:grid-cols-2">
        {groups.map((g) => (
          <Card key={g.title} title={g.title}>
            <dl className="grid grid-cols-[1fr_auto] gap-x-4 gap-y-2 text-sm">
              {g.fields.map((f) => (
                <div key={f} className="contents">
                  <dt className="text-slate-600">{labelFor(f, kind)}</dt>
                  <dd className="text-right font-medium">{values[f] === "" ? "—" : Number(values[f]).toLocaleString("vi-VN")}</dd>
                </div>
              ))}
            </dl>
            {hasNoPreviousYear && isTrendGroup(g) && noPreviousYear && <p className="mt-2 text-sm text-slate-700">{FACT_LABELS.noPreviousYear}.</p>}
          </Card>
        ))}
        {hasRating && (
          <Card title={SECURITY_FORCE_RATING_LABEL[kind] ?? FACT_LABELS.securityForceRating}>
            <p className="text-sm">{securityForceRating ? EMULATION_RESULT_LABELS[securityForceRating] : "Chưa xếp loại"}</p>
          </Card>
        )}
      </div>
    );
  }

  return (
    <Form onSubmit={onSubmit} className="space-y-4" aria-label={`Số liệu năm ${year}`}>
      <FormAlert message={message?.text} tone={message?.tone} />
      <input type="hidden" {...register("version")} />
      <div className="grid gap-4 lg:grid-cols-2">
        {groups.map((g) => (
          <Card key={g.title} title={g.title}>
            <div className="space-y-3">
              {g.fields.map((f) => (
                <FormField key={f} id={f} label={labelFor(f, kind)} error={err(f)} hint={previous[f] !== "" ? `Năm ${year - 1}: ${Number(previous[f]).toLocaleString("vi-VN")}` : undefined}>
                  <TextInput id={f} inputMode="numeric" autoComplete="off" aria-invalid={!!err(f)} aria-describedby={err(f) ? `${f}-error` : undefined} {...register(f)} />
                </FormField>
              ))}
              {hasNoPreviousYear && isTrendGroup(g) && (
                <CheckboxField
                  id="noPreviousYear"
                  label={FACT_LABELS.noPreviousYear}
                  hint="Chỉ chọn khi đơn vị được thành lập trong năm: tiêu chí “kiềm chế, kéo giảm so với năm trước” khi đó không xét."
                  error={err("noPreviousYear")}
                  {...register("noPreviousYear")}
                />
              )}
            </div>
          </Card>
        ))}
        {hasRating && (
          <Card title="Xếp loại">
            <FormField
              id="securityForceRating"
              label={SECURITY_FORCE_RATING_LABEL[kind] ?? FACT_LABELS.securityForceRating}
              error={err("securityForceRating")}
              hint={previousSecurityForceRating ? `Năm ${year - 1}: ${EMULATION_RESULT_LABELS[previousSecurityForceRating]}` : undefined}
            >
              <Select id="securityForceRating" aria-invalid={!!err("securityForceRating")} {...register("securityForceRating")}>
                <option value="">— Chưa xếp loại —</option>
                {EMULATION_RESULTS.map((r) => (
                  <option key={r} value={r}>{EMULATION_RESULT_LABELS[r]}</option>
                ))}
              </Select>
            </FormField>
          </Card>
        )}
      </div>
      <Button type="submit" disabled={isSubmitting}>{isSubmitting ? "Đang lưu…" : `Lưu số liệu năm ${year}`}</Button>
    </Form>
  );
}
