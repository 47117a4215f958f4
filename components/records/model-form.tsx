"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm, type Resolver } from "react-hook-form";
import type { z } from "zod";
import { createModelSchema, updateModelSchema } from "@/lib/records/movement-model-schemas";
import { maxLengths } from "@/lib/validation/max-length";

import { Form, registerWithValue, useLastSaved } from "@/components/ui/form";
import { NO_CHANGES_MESSAGE } from "@/lib/validation/form-changes";
import { Button, LinkButton } from "@/components/ui/button";
import { FormAlert, FormField, TextInput } from "@/components/ui/form-field";
import { DateInput } from "@/components/ui/date-input";
import { CheckboxField, TextArea } from "./controls";
import { applyActionErrors, errorOf, type Action } from "./form-helpers";

/** The text limits of the schema, for the character counters. */
const LIMITS = maxLengths(updateModelSchema);

type Defaults = { modelId?: string; name: string; description: string; startedOn: string; isEffective: boolean };
type FormValues = Omit<z.input<typeof updateModelSchema>, "modelId"> & { modelId?: string };

const EMPTY: Defaults = { name: "", description: "", startedOn: "", isEffective: true };

/** A movement model (mô hình) run by the unit in the year. */
export function ModelForm({ mode, unitId, year, defaults = EMPTY, action }: { mode: "create" | "edit"; unitId: string; year: number; defaults?: Defaults; action: Action }) {
  const router = useRouter();
  const [message, setMessage] = useState<{ text: string; tone: "error" | "success" } | null>(null);
  const schema = mode === "create" ? createModelSchema : updateModelSchema;
  const initial: FormValues = { unitId, year, ...defaults };
  const {
    register: registerField,
    getValues,
    handleSubmit,
    reset,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<FormValues>({ resolver: zodResolver(schema as typeof updateModelSchema) as unknown as Resolver<FormValues>, defaultValues: initial });
  const register = registerWithValue({ register: registerField, getValues });
  // An edit saved unchanged is not sent (ADR 0016): no new version, no audit event for a non-event.
  const lastSaved = useLastSaved(getValues());
  const err = (name: string) => errorOf(errors, name);
  const listHref = `/units/${unitId}/records/models?year=${year}`;

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
    if (mode === "create") {
      reset(initial);
      setMessage({ text: "Đã thêm mô hình.", tone: "success" });
      router.refresh();
    } else {
      router.push(listHref);
      router.refresh();
    }
  });

  return (
    <Form onSubmit={onSubmit} className="max-w-3xl space-y-3" aria-label={mode === "create" ? "Thêm mô hình" : "Sửa mô hình"}>
      <FormAlert message={message?.text} tone={message?.tone} />
      <div className="grid gap-3 sm:grid-cols-2">
        <FormField id="model-name" label="Tên mô hình" error={err("name")} maxLength={LIMITS.name}>
          <TextInput id="model-name" aria-invalid={!!err("name")} placeholder="Ví dụ: Camera an ninh khu dân cư" {...register("name")} />
        </FormField>
        <FormField id="model-startedOn" label="Ngày bắt đầu (nếu có)" error={err("startedOn")}>
          <DateInput id="model-startedOn" aria-invalid={!!err("startedOn")} {...register("startedOn")} />
        </FormField>
      </div>
      <FormField id="model-description" label="Mô tả (nếu có)" error={err("description")} maxLength={LIMITS.description}>
        <TextArea id="model-description" aria-invalid={!!err("description")} {...register("description")} />
      </FormField>
      <CheckboxField id="model-isEffective" label="Mô hình hoạt động hiệu quả" error={err("isEffective")} {...register("isEffective")} />
      <div className="flex flex-wrap gap-3">
        <Button type="submit" disabled={isSubmitting}>{isSubmitting ? "Đang lưu…" : mode === "create" ? "Thêm mô hình" : "Lưu thay đổi"}</Button>
        {mode === "edit" && <LinkButton href={listHref} variant="secondary">Hủy</LinkButton>}
      </div>
    </Form>
  );
}
