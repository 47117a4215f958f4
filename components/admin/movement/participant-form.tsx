"use client";

import { createParticipantSchema, updateParticipantSchema } from "@/lib/movement/sheet-schemas";
import { MOVEMENT_GROUP_LABEL, PARTICIPANT_GROUPS } from "@/lib/movement/groups";
import { Form } from "@/components/ui/form";
import { useFormAction, versionOf, type FormAction, type FormActionValues } from "@/components/ui/use-form-action";
import { Button } from "@/components/ui/button";
import { FormAlert, FormField, Select, TextInput } from "@/components/ui/form-field";

type Values = FormActionValues;

/** A participant of the movement: one schema with its action; nothing typed is lost on an error. */
export function ParticipantForm({ mode, defaults, action, authorities }: { mode: "create" | "edit"; defaults: Values; action: FormAction; authorities: { id: string; name: string }[] }) {
  const f = useFormAction(mode === "create" ? createParticipantSchema : updateParticipantSchema, defaults, action, {
    editing: mode === "edit",
    saved: "Đã lưu thay đổi.",
    after: (data, { setValue }) => {
      if (mode === "create") return "/admin/movement/participants";
      const version = versionOf(data);
      if (version !== undefined) setValue("version", version);
      return null;
    },
  });
  const { register, err, limits, onSubmit, message } = f;
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
      <Button type="submit" disabled={f.submitting}>{f.submitting ? "Đang lưu…" : mode === "create" ? "Thêm" : "Lưu thay đổi"}</Button>
    </Form>
  );
}
