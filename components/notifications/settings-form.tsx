"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm, type Resolver } from "react-hook-form";
import type { z } from "zod";
import { saveNotificationSettingsAction } from "@/app/(app)/account/actions";
import { EMAIL_MAX, notificationSettingsSchema } from "@/lib/notifications/settings-schema";
import { Form } from "@/components/ui/form";
import { Button } from "@/components/ui/button";
import { FormAlert, FormField, TextInput } from "@/components/ui/form-field";

type Values = z.input<typeof notificationSettingsSchema>;

/** The account page's e-mail address and per-kind e-mail choices; the schema is the action's own. */
export function NotificationSettingsForm({ email, choices }: { email: string | null; choices: { kind: string; label: string; byEmail: boolean }[] }) {
  const router = useRouter();
  const [message, setMessage] = useState<{ text: string; tone: "error" | "success" } | null>(null);
  const form = useForm<Values>({
    resolver: zodResolver(notificationSettingsSchema) as unknown as Resolver<Values>,
    defaultValues: { email: email ?? "", emailKinds: choices.filter((c) => c.byEmail).map((c) => c.kind) },
  });
  const error = form.formState.errors.email?.message;
  const onSubmit = form.handleSubmit(async (values) => {
    setMessage(null);
    const result = await saveNotificationSettingsAction(values);
    if (!result.ok) {
      for (const [field, messages] of Object.entries(result.fieldErrors ?? {})) form.setError(field as "email", { message: messages.join(" ") });
      setMessage({ text: result.message, tone: "error" });
      return;
    }
    setMessage({ text: "Đã lưu cài đặt thông báo.", tone: "success" });
    router.refresh();
  });
  return (
    <Form onSubmit={onSubmit} className="space-y-4" aria-label="Cài đặt thông báo">
      <FormAlert message={message?.text} tone={message?.tone} />
      <FormField id="email" label="Địa chỉ thư điện tử" error={error} hint="Để trống nếu chỉ nhận thông báo trong ứng dụng." maxLength={EMAIL_MAX}>
        <TextInput id="email" type="email" autoComplete="email" aria-invalid={!!error} defaultValue={email ?? ""} {...form.register("email")} />
      </FormField>
      {choices.length > 0 && (
        <fieldset>
          <legend className="mb-1 text-sm font-medium text-slate-800">Nhận qua thư điện tử</legend>
          <p className="mb-2 text-xs text-slate-500">Mọi thông báo luôn có trong mục Thông báo; chọn những loại muốn nhận thêm qua thư.</p>
          <div className="space-y-2">
            {choices.map((c) => (
              <label key={c.kind} className="flex items-start gap-2 text-sm">
                <input type="checkbox" value={c.kind} defaultChecked={c.byEmail} className="mt-0.5" {...form.register("emailKinds")} />
                <span>{c.label}</span>
              </label>
            ))}
          </div>
        </fieldset>
      )}
      <Button type="submit" disabled={form.formState.isSubmitting}>{form.formState.isSubmitting ? "Đang lưu…" : "Lưu cài đặt"}</Button>
    </Form>
  );
}
