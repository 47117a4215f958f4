"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm, useWatch, type Resolver } from "react-hook-form";
import type { z } from "zod";
import {
  DISCIPLINE_LADDERS,
  DISCIPLINE_LEVEL_LABELS,
  PERSONNEL_TYPES,
  PERSONNEL_TYPE_LABELS,
  type DisciplineLevel,
  type PersonnelType,
} from "@/lib/domain/vocabulary";
import { createDisciplineSchema, updateDisciplineSchema } from "@/lib/records/discipline-schemas";
import { maxLengths } from "@/lib/validation/max-length";

import { Form, registerWithValue, useLastSaved } from "@/components/ui/form";
import { NO_CHANGES_MESSAGE } from "@/lib/validation/form-changes";
import { Button, LinkButton } from "@/components/ui/button";
import { FormAlert, FormField, Select, TextInput } from "@/components/ui/form-field";
import { DateInput } from "@/components/ui/date-input";
import { isoToDateText } from "@/lib/domain/date-text";
import { CheckboxField, TextArea } from "./controls";
import { applyActionErrors, errorOf, type Action } from "./form-helpers";

/** The text limits of the schema, for the character counters. */
const LIMITS = maxLengths(updateDisciplineSchema);

type PersonOption = { id: string; fullName: string; personnelType: PersonnelType; position: string; isSecurityForceMember: boolean; subUnitId: string };

type Defaults = {
  recordId?: string;
  fullName: string;
  personnelType: PersonnelType | "";
  position: string;
  isSecurityForceMember: boolean;
  subUnitId: string;
  level: DisciplineLevel | "";
  decidedOn: string;
  decisionRef: string;
  reason: string;
  forSocialEvil: boolean;
};

type Props = {
  mode: "create" | "edit";
  unitId: string;
  year: number;
  today: string;
  people: PersonOption[];
  subUnits: { id: string; name: string }[];
  defaults?: Defaults;
  action: Action;
};

/** What the inputs hold: selects start empty (""), which the schema then rejects with a message. */
type FormValues = Omit<z.input<typeof updateDisciplineSchema>, "personnelType" | "level" | "recordId"> & {
  recordId?: string;
  personnelType: PersonnelType | "";
  level: DisciplineLevel | "";
};

const EMPTY: Defaults = { fullName: "", personnelType: "", position: "", isSecurityForceMember: false, subUnitId: "", level: "", decidedOn: "", decisionRef: "", reason: "", forSocialEvil: false };

/** A discipline decision and the person it concerns; the level list follows the person's ladder. */
export function DisciplineForm({ mode, unitId, year, today, people, subUnits, defaults = EMPTY, action }: Props) {
  const router = useRouter();
  const [message, setMessage] = useState<{ text: string; tone: "error" | "success" } | null>(null);
  const schema = mode === "create" ? createDisciplineSchema : updateDisciplineSchema;
  const {
    register: registerField,
    handleSubmit,
    control,
    setError,
    setValue,
    getValues,
    formState: { errors, isSubmitting },
  } = useForm<FormValues>({
    // One form for both schemas; they differ only by recordId, which the edit page sets.
    resolver: zodResolver(schema as typeof updateDisciplineSchema) as unknown as Resolver<FormValues>,
    defaultValues: { unitId, personId: "", ...defaults },
  });
  const register = registerWithValue({ register: registerField, getValues });
  // An edit saved unchanged is not sent (ADR 0016): no new version, no audit event for a non-event.
  const lastSaved = useLastSaved(getValues());
  const personnelType = useWatch({ control, name: "personnelType" });
  const ladder = personnelType ? DISCIPLINE_LADDERS[personnelType] : [];
  const err = (name: string) => errorOf(errors, name);
  const listHref = `/units/${unitId}/records/discipline?year=${year}`;

  const onPersonChosen = (id: string) => {
    const p = people.find((x) => x.id === id);
    if (!p) return;
    setValue("fullName", p.fullName);
    setValue("personnelType", p.personnelType);
    setValue("position", p.position);
    setValue("isSecurityForceMember", p.isSecurityForceMember);
    setValue("subUnitId", p.subUnitId);
    const level = getValues("level");
    if (level && !DISCIPLINE_LADDERS[p.personnelType].includes(level)) setValue("level", "");
  };

  const onSubmit = handleSubmit(async (values) => {
    setMessage(null);
    if (mode === "edit" && lastSaved.unchanged(getValues())) {
      setMessage({ text: NO_CHANGES_MESSAGE, tone: "success" });
      return;
    }
    const result = await action(values);
    if (!result.ok) {
      setMessage({ text: applyActionErrors(result, setError), tone: "error" });
      return;
    }
    router.push(listHref);
    router.refresh();
  });

  const personnelTypeField = register("personnelType", {
    onChange: (e: { target: { value: string } }) => {
      const type = e.target.value as PersonnelType | "";
      const level = getValues("level");
      if (type && level && !DISCIPLINE_LADDERS[type].includes(level)) setValue("level", "");
    },
  });

  return (
    <Form onSubmit={onSubmit} className="max-w-3xl space-y-5" aria-label={mode === "create" ? "Thêm quyết định kỷ luật" : "Sửa quyết định kỷ luật"}>
      <FormAlert message={message?.text} tone={message?.tone} />
      <fieldset className="space-y-3">
        <legend className="mb-2 text-base font-semibold text-slate-900">Người bị kỷ luật</legend>
        {mode === "create" && people.length > 0 && (
          <FormField id="personId" label="Chọn người đã có trong danh sách (nếu có)" error={err("personId")}>
            <Select id="personId" {...register("personId", { onChange: (e: { target: { value: string } }) => onPersonChosen(e.target.value) })}>
              <option value="">— Người mới —</option>
              {people.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.fullName} ({PERSONNEL_TYPE_LABELS[p.personnelType]}{p.position ? `, ${p.position}` : ""})
                </option>
              ))}
            </Select>
          </FormField>
        )}
        <div className="grid gap-3 sm:grid-cols-2">
          <FormField id="fullName" label="Họ và tên" error={err("fullName")} maxLength={LIMITS.fullName}>
            <TextInput id="fullName" autoComplete="off" aria-invalid={!!err("fullName")} {...register("fullName")} />
          </FormField>
          <FormField id="personnelType" label="Đối tượng" error={err("personnelType")}>
            <Select id="personnelType" aria-invalid={!!err("personnelType")} {...personnelTypeField}>
              <option value="">— Chọn đối tượng —</option>
              {PERSONNEL_TYPES.map((t) => (
                <option key={t} value={t}>{PERSONNEL_TYPE_LABELS[t]}</option>
              ))}
            </Select>
          </FormField>
          <FormField id="position" label="Chức vụ (nếu có)" error={err("position")} maxLength={LIMITS.position}>
            <TextInput id="position" aria-invalid={!!err("position")} {...register("position")} />
          </FormField>
          <FormField id="subUnitId" label="Thuộc phòng, ban, tổ (nếu có)" error={err("subUnitId")}>
            <Select id="subUnitId" aria-invalid={!!err("subUnitId")} {...register("subUnitId")}>
              <option value="">— Không —</option>
              {subUnits.map((s) => (
                <option key={s.id} value={s.id}>{s.name}</option>
              ))}
            </Select>
          </FormField>
        </div>
        <CheckboxField id="isSecurityForceMember" label="Là thành viên lực lượng bảo vệ (lực lượng tham gia bảo vệ ANTT)" error={err("isSecurityForceMember")} {...register("isSecurityForceMember")} />
      </fieldset>

      <fieldset className="space-y-3">
        <legend className="mb-2 text-base font-semibold text-slate-900">Quyết định kỷ luật</legend>
        <div className="grid gap-3 sm:grid-cols-2">
          <FormField id="level" label="Hình thức kỷ luật" error={err("level")} hint={personnelType ? undefined : "Chọn đối tượng trước để xem các hình thức áp dụng."}>
            <Select id="level" aria-invalid={!!err("level")} {...register("level")}>
              <option value="">— Chọn hình thức —</option>
              {ladder.map((l) => (
                <option key={l} value={l}>{DISCIPLINE_LEVEL_LABELS[l]}</option>
              ))}
            </Select>
          </FormField>
          <FormField id="decidedOn" label="Ngày quyết định" error={err("decidedOn")} hint={`Ngày/tháng/năm ghi trên quyết định, không sau hôm nay (${isoToDateText(today)}).`}>
            <DateInput id="decidedOn" aria-invalid={!!err("decidedOn")} {...register("decidedOn")} />
          </FormField>
          <FormField id="decisionRef" label="Số quyết định" error={err("decisionRef")} hint="Ví dụ: 12/QĐ-STP" maxLength={LIMITS.decisionRef}>
            <TextInput id="decisionRef" aria-invalid={!!err("decisionRef")} {...register("decisionRef")} />
          </FormField>
        </div>
        <FormField id="reason" label="Lý do kỷ luật" error={err("reason")} maxLength={LIMITS.reason}>
          <TextArea id="reason" aria-invalid={!!err("reason")} {...register("reason")} />
        </FormField>
        <CheckboxField id="forSocialEvil" label="Kỷ luật do mắc tệ nạn xã hội" error={err("forSocialEvil")} {...register("forSocialEvil")} />
      </fieldset>

      <div className="flex flex-wrap gap-3">
        <Button type="submit" disabled={isSubmitting}>{isSubmitting ? "Đang lưu…" : mode === "create" ? "Thêm quyết định kỷ luật" : "Lưu thay đổi"}</Button>
        <LinkButton href={listHref} variant="secondary">Hủy</LinkButton>
      </div>
    </Form>
  );
}
