"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm, type FieldValues, type Path, type Resolver } from "react-hook-form";
import { createParticipantSchema, updateParticipantSchema } from "@/lib/movement/sheet-schemas";
import { MOVEMENT_GROUP_LABEL, PARTICIPANT_GROUPS } from "@/lib/movement/groups";
import type { ActionResult } from "@/lib/validation/action-result";
import { maxLengths } from "@/lib/validation/max-length";
import { NO_CHANGES_MESSAGE } from "@/lib/validation/form-changes";
import { Form, registerWithValue, useLastSaved } from "@/components/ui/form";
import { Button } from "@/components/ui/button";
import { FormAlert, FormField, Select, TextInput } from "@/components/ui/form-field";

type Values = Record<string, string | number | undefined>;
type Action = (input: unknown) => Promise<ActionResult<{ id: string; version?: number }>>;

/** A participant of the movement: one schema with its action; nothing typed is lost on an error. */
export function ParticipantForm({ mode, defaults, action, authorities }: { mode: "create" | "edit"; defaults: Values; action: Action; authorities: { id: string; name: string }[] }) {
  const schema = mode === "create" ? createParticipantSchema : updateParticipantSchema;
  const router = useRouter();
  const [message, setMessage] = useState<{ text: string; tone: "error" | "success" } | null>(null);
  const form = useForm<FieldValues>({ resolver: zodResolver(schema as never) as unknown as Resolver<FieldValues>, defaultValues: defaults });
  const register = registerWithValue({ register: form.register, getValues: form.getValues });
  const err = (name: string) => (form.formState.errors as Record<string, { message?: string } | undefined>)[name]?.message;
  const limits = maxLengths(schema as never);
  const lastSaved = useLastSaved(defaults);
  const onSubmit = form.handleSubmit(async (values) => {
    setMessage(null);
    if (mode === "edit" && lastSaved.unchanged(form.getValues())) {
      setMessage({ text: NO_CHANGES_MESSAGE, tone: "success" });
      return;
    }
    const result = await action(values);
    if (!result.ok) {
      for (const [field, messages] of Object.entries(result.fieldErrors ?? {})) form.setError(field as Path<FieldValues>, { message: messages.join(" ") });
      setMessage({ text: result.message, tone: "error" });
      return;
    }
    if (mode === "create") {
      router.push("/admin/movement/participants");
      return;
    }
    if (result.data.version !== undefined) form.setValue("version", result.data.version);
    lastSaved.remember(form.getValues());
    setMessage({ text: "Đã lưu thay đổi.", tone: "success" });
    router.refresh();
  });
  return (
    <Form onSubmit={onSubmit} className="max-w-2xl space-y-4" aria-label={mode === "create" ? "Thêm thành phần tham gia" : "Sửa thành phần tham gia"}>
      <FormAlert message={message?.text} tone={message?.tone} />
      {mode === "edit" && (
        <>
          <input type="hidden" {...register("participantId")} />
          <input type="hidden" {...register("version")} />
        </>
      )}
      <FormField id="code" label="Mã" error={err("code")} hint="Ví dụ: PT-MTTQ" maxLength={limits.code}>
        <TextInput id="code" autoComplete="off" aria-invalid={!!err("code")} {...register("code")} />
      </FormField>
      <FormField id="name" label="Tên" error={err("name")} maxLength={limits.name}>
        <TextInput id="name" autoComplete="off" aria-invalid={!!err("name")} {...register("name")} />
      </FormField>
      <FormField id="group" label="Nhóm" error={err("group")}>
        <Select id="group" aria-invalid={!!err("group")} {...register("group")}>
          <option value="">— Chọn nhóm —</option>
          {PARTICIPANT_GROUPS.map((g) => (
            <option key={g} value={g}>{MOVEMENT_GROUP_LABEL[g]}</option>
          ))}
        </Select>
      </FormField>
      <FormField id="authorityId" label="Cơ quan trong danh mục (nếu là sở, ban, ngành)" error={err("authorityId")} hint="Không bắt buộc: liên kết với cơ quan quản lý loại sở, ban, ngành đã có trong danh mục.">
        <Select id="authorityId" aria-invalid={!!err("authorityId")} {...register("authorityId")}>
          <option value="">— Không liên kết —</option>
          {authorities.map((a) => (
            <option key={a.id} value={a.id}>{a.name}</option>
          ))}
        </Select>
      </FormField>
      <Button type="submit" disabled={form.formState.isSubmitting}>{form.formState.isSubmitting ? "Đang lưu…" : mode === "create" ? "Thêm" : "Lưu thay đổi"}</Button>
    </Form>
  );
}
