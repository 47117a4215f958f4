"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { signOut } from "next-auth/react";
import { useMemo, useState } from "react";
import { useForm } from "react-hook-form";
import { changePasswordAction } from "@/app/(auth)/change-password/actions";
import { changePasswordSchema, type ChangePasswordInput } from "@/lib/users/password-schemas";
import { PASSWORD_MIN_LENGTH } from "@/lib/auth/password-policy";
import { Form } from "@/components/ui/form";
import { Button } from "@/components/ui/button";
import { FormAlert, FormField, TextInput } from "@/components/ui/form-field";

export function ChangePasswordForm({ username }: { username: string }) {
  const schema = useMemo(() => changePasswordSchema(username), [username]);
  const [error, setError] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    setError: setFieldError,
    formState: { errors, isSubmitting },
  } = useForm<ChangePasswordInput>({ resolver: zodResolver(schema), defaultValues: { currentPassword: "", newPassword: "", confirmPassword: "" } });

  const onSubmit = handleSubmit(async (values) => {
    setError(null);
    const result = await changePasswordAction(values);
    if (!result.ok) {
      setError(result.message);
      for (const [field, messages] of Object.entries(result.fieldErrors ?? {})) {
        setFieldError(field as keyof ChangePasswordInput, { message: messages[0] });
      }
      return;
    }
    // Every session has ended on the server; sign in again with the new password.
    await signOut({ callbackUrl: "/login?changed=1" });
  });

  return (
    <Form onSubmit={onSubmit} method="post" className="space-y-4" aria-label="Đổi mật khẩu">
      <FormAlert message={error} />
      {/* For password managers: which account this password belongs to. */}
      <input type="text" name="username" autoComplete="username" value={username} readOnly hidden />
      <FormField id="currentPassword" label="Mật khẩu hiện tại" error={errors.currentPassword?.message}>
        <TextInput id="currentPassword" type="password" autoComplete="current-password" aria-invalid={!!errors.currentPassword} aria-describedby="currentPassword-error" {...register("currentPassword")} />
      </FormField>
      <FormField
        id="newPassword"
        label="Mật khẩu mới"
        error={errors.newPassword?.message}
        hint={`Ít nhất ${PASSWORD_MIN_LENGTH} ký tự, có cả chữ và số; không chứa tên đăng nhập, không dùng mật khẩu phổ biến.`}
      >
        <TextInput id="newPassword" type="password" autoComplete="new-password" aria-invalid={!!errors.newPassword} aria-describedby="newPassword-error" {...register("newPassword")} />
      </FormField>
      <FormField id="confirmPassword" label="Nhập lại mật khẩu mới" error={errors.confirmPassword?.message}>
        <TextInput id="confirmPassword" type="password" autoComplete="new-password" aria-invalid={!!errors.confirmPassword} aria-describedby="confirmPassword-error" {...register("confirmPassword")} />
      </FormField>
      <Button type="submit" className="w-full" disabled={isSubmitting}>
        {isSubmitting ? "Đang đổi mật khẩu…" : "Đổi mật khẩu"}
      </Button>
    </Form>
  );
}
