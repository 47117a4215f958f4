"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { loginSchema, type LoginInput } from "@/lib/auth/login-schema";
import { signInErrorMessage } from "@/lib/auth/sign-in-errors";
import { Form } from "@/components/ui/form";
import { Button } from "@/components/ui/button";
import { FormAlert, FormField, TextInput } from "@/components/ui/form-field";

/** `returnTo` is already a safe same-site path (the login page checked it). */
export function LoginForm({ returnTo = "/", initialError, oidcName }: { returnTo?: string; initialError?: string | null; oidcName?: string | null }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(signInErrorMessage(initialError));
  const {
    register,
    handleSubmit,
    formState: { errors, isSubmitting },
  } = useForm<LoginInput>({ resolver: zodResolver(loginSchema), defaultValues: { username: "", password: "" } });

  const onSubmit = handleSubmit(async (values) => {
    setError(null);
    const result = await signIn("credentials", { ...values, redirect: false });
    if (!result || result.error) {
      setError(signInErrorMessage(result?.error ?? "INVALID"));
      return;
    }
    router.replace(returnTo);
    router.refresh();
  });

  // method="post": a submit before hydration must never put the password in the URL.
  return (
    <Form onSubmit={onSubmit} method="post" className="space-y-4" aria-label="Đăng nhập">
      <FormAlert message={error} />
      <FormField id="username" label="Tên đăng nhập" error={errors.username?.message}>
        <TextInput id="username" autoComplete="username" autoFocus aria-invalid={!!errors.username} aria-describedby="username-error" {...register("username")} />
      </FormField>
      <FormField id="password" label="Mật khẩu" error={errors.password?.message}>
        <TextInput id="password" type="password" autoComplete="current-password" aria-invalid={!!errors.password} aria-describedby="password-error" {...register("password")} />
      </FormField>
      <Button type="submit" className="w-full" disabled={isSubmitting}>
        {isSubmitting ? "Đang đăng nhập…" : "Đăng nhập"}
      </Button>
      {oidcName && (
        <Button type="button" variant="secondary" className="w-full" onClick={() => void signIn("oidc", { callbackUrl: returnTo })}>
          {oidcName}
        </Button>
      )}
    </Form>
  );
}
