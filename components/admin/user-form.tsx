"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm, useWatch, type FieldValues, type Path, type Resolver } from "react-hook-form";
import { createUserSchema, updateUserAccessSchema, ROLES, REVIEWER_LEVELS } from "@/lib/users/user-schemas";
import { maxLengths } from "@/lib/validation/max-length";
import { ROLE_LABELS, REVIEWER_LEVEL_LABELS } from "@/lib/auth/actor";
import type { ActionResult } from "@/lib/validation/action-result";
import { Form, registerWithValue, useLastSaved } from "@/components/ui/form";
import { NO_CHANGES_MESSAGE } from "@/lib/validation/form-changes";
import { Button } from "@/components/ui/button";
import { FormAlert, FormField, Select, TextInput } from "@/components/ui/form-field";

/** The text limits of the schema, for the character counters. */
const LIMITS = maxLengths(createUserSchema);

type Option = { id: string; name: string };
type Values = Record<string, string | boolean | undefined>;

type Props = {
  mode: "create" | "edit";
  units: Option[];
  communes: Option[];
  defaults: Values;
  action: (input: unknown) => Promise<ActionResult<{ id: string }>>;
};

/** Create a user, or change an existing user's role, scope and status. One schema with the server action. */
export function UserForm({ mode, units, communes, defaults, action }: Props) {
  const router = useRouter();
  const [message, setMessage] = useState<{ text: string; tone: "error" | "success" } | null>(null);
  const schema = mode === "create" ? createUserSchema : updateUserAccessSchema;
  const {
    register: registerField,
    getValues,
    handleSubmit,
    control,
    setError,
    formState: { errors, isSubmitting },
    // One form serves two schemas, so its values are typed loosely; the schema still validates them.
  } = useForm<FieldValues>({ resolver: zodResolver(schema as never) as unknown as Resolver<FieldValues>, defaultValues: defaults });
  const register = registerWithValue({ register: registerField, getValues });
  const lastSaved = useLastSaved(defaults);

  const [role, reviewerLevel, officerScope] = useWatch({ control, name: ["role", "reviewerLevel", "officerScope"] });
  const err = (name: string) => (errors as Record<string, { message?: string } | undefined>)[name]?.message;

  const onSubmit = handleSubmit(async (values) => {
    setMessage(null);
    if (mode === "edit" && lastSaved.unchanged(getValues())) {
      setMessage({ text: NO_CHANGES_MESSAGE, tone: "success" });
      return;
    }
    const result = await action(values);
    if (!result.ok) {
      for (const [field, messages] of Object.entries(result.fieldErrors ?? {})) setError(field as Path<FieldValues>, { message: messages.join(" ") });
      setMessage({ text: result.message, tone: "error" });
      return;
    }
    if (mode === "create") {
      router.push("/admin/users");
    } else {
      lastSaved.remember(getValues());
      setMessage({ text: "Đã lưu thay đổi.", tone: "success" });
    }
    router.refresh();
  });

  return (
    <Form onSubmit={onSubmit} className="max-w-2xl space-y-4">
      <FormAlert message={message?.text} tone={message?.tone} />
      {mode === "edit" && <input type="hidden" {...register("userId")} />}
      {mode === "create" && (
        <>
          <FormField id="username" label="Tên đăng nhập" error={err("username")} hint="Chữ không dấu, số và . _ -, ví dụ: canbo.sotuphap" maxLength={LIMITS.username}>
            <TextInput id="username" autoComplete="off" aria-invalid={!!err("username")} {...register("username")} />
          </FormField>
          <FormField id="fullName" label="Họ và tên" error={err("fullName")} maxLength={LIMITS.fullName}>
            <TextInput id="fullName" aria-invalid={!!err("fullName")} {...register("fullName")} />
          </FormField>
          <FormField id="password" label="Mật khẩu ban đầu" error={err("password")} hint="Ít nhất 10 ký tự, có cả chữ và số.">
            <TextInput id="password" type="password" autoComplete="new-password" aria-invalid={!!err("password")} {...register("password")} />
          </FormField>
        </>
      )}
      <FormField id="role" label="Vai trò" error={err("role")}>
        <Select id="role" aria-invalid={!!err("role")} {...register("role")}>
          <option value="">— Chọn vai trò —</option>
          {ROLES.map((r) => (
            <option key={r} value={r}>{ROLE_LABELS[r]}</option>
          ))}
        </Select>
      </FormField>
      {role === "REVIEWER" && (
        <FormField id="reviewerLevel" label="Cấp thẩm định" error={err("reviewerLevel")}>
          <Select id="reviewerLevel" aria-invalid={!!err("reviewerLevel")} {...register("reviewerLevel")}>
            <option value="">— Chọn cấp —</option>
            {REVIEWER_LEVELS.map((l) => (
              <option key={l} value={l}>{REVIEWER_LEVEL_LABELS[l]}</option>
            ))}
          </Select>
        </FormField>
      )}
      {role === "UNIT_OFFICER" && (
        <FormField id="officerScope" label="Phạm vi phụ trách" error={err("officerScope")}>
          <Select id="officerScope" aria-invalid={!!err("officerScope")} {...register("officerScope")}>
            <option value="">— Chọn phạm vi —</option>
            <option value="UNIT">Một đơn vị (cơ quan, doanh nghiệp, cơ sở giáo dục, khu dân cư)</option>
            <option value="COMMUNE">Một xã, phường và các khu dân cư trực thuộc</option>
          </Select>
        </FormField>
      )}
      {role === "UNIT_OFFICER" && officerScope === "UNIT" && (
        <FormField id="unitId" label="Đơn vị" error={err("unitId")}>
          <Select id="unitId" aria-invalid={!!err("unitId")} {...register("unitId")}>
            <option value="">— Chọn đơn vị —</option>
            {units.map((u) => (
              <option key={u.id} value={u.id}>{u.name}</option>
            ))}
          </Select>
        </FormField>
      )}
      {((role === "UNIT_OFFICER" && officerScope === "COMMUNE") || (role === "REVIEWER" && reviewerLevel === "COMMUNE_POLICE")) && (
        <FormField id="areaId" label="Xã, phường" error={err("areaId")}>
          <Select id="areaId" aria-invalid={!!err("areaId")} {...register("areaId")}>
            <option value="">— Chọn xã, phường —</option>
            {communes.map((c) => (
              <option key={c.id} value={c.id}>{c.name}</option>
            ))}
          </Select>
        </FormField>
      )}
      {mode === "edit" && (
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" {...register("isActive")} /> Tài khoản đang hoạt động
        </label>
      )}
      <div className="flex gap-3">
        <Button type="submit" disabled={isSubmitting}>{isSubmitting ? "Đang lưu…" : mode === "create" ? "Tạo người dùng" : "Lưu thay đổi"}</Button>
      </div>
    </Form>
  );
}
