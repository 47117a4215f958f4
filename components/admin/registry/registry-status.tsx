"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import type { ActionResult } from "@/lib/validation/action-result";
import { Form } from "@/components/ui/form";
import { Button } from "@/components/ui/button";
import { FormAlert, FormField } from "@/components/ui/form-field";

/**
 * Deactivate or reactivate a registry record (unit, commune, authority) with a reason, kept in the
 * audit log. Never a delete: what refers to it stays. `target` names the record for the action,
 * e.g. { unitId }; `noun` is how the form reads ("đơn vị").
 */
export function RegistryStatus({
  target,
  noun,
  version,
  isActive,
  action,
}: {
  target: Record<string, string>;
  noun: string;
  version: number;
  isActive: boolean;
  action: (input: unknown) => Promise<ActionResult<{ id: string; version: number }>>;
}) {
  const router = useRouter();
  const [reason, setReason] = useState("");
  const [pending, start] = useTransition();
  const [error, setError] = useState<{ message: string; field?: string } | null>(null);
  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    setError(null);
    start(async () => {
      const result = await action({ ...target, version, active: !isActive, reason });
      if (!result.ok) {
        setError({ message: result.message, field: result.fieldErrors?.reason?.join(" ") });
        return;
      }
      setReason("");
      router.refresh();
    });
  };
  return (
    <Form onSubmit={submit} className="space-y-3" aria-label={isActive ? `Ngừng hoạt động ${noun}` : `Cho ${noun} hoạt động trở lại`}>
      <FormAlert message={error?.message} />
      <FormField id="reason" label={isActive ? "Lý do ngừng hoạt động" : "Lý do hoạt động trở lại"} error={error?.field} hint="Ghi vào nhật ký hệ thống, ví dụ: sáp nhập theo Quyết định số …">
        <textarea
          id="reason"
          rows={2}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          aria-invalid={!!error?.field}
          className="block w-full rounded-md border border-slate-300 px-3 py-2 text-sm shadow-sm focus:border-brand-600 focus:ring-1 focus:ring-brand-600"
        />
      </FormField>
      <Button type="submit" variant={isActive ? "danger" : "secondary"} disabled={pending}>
        {pending ? "Đang lưu…" : isActive ? "Ngừng hoạt động" : "Hoạt động trở lại"}
      </Button>
    </Form>
  );
}
