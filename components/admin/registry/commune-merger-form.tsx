"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { mergeCommuneSchema } from "@/lib/registry/area-authority-schemas";
import type { ActionResult } from "@/lib/validation/action-result";
import { Form } from "@/components/ui/form";
import { Button } from "@/components/ui/button";
import { DateInput } from "@/components/ui/date-input";
import { useConfirm } from "@/components/ui/confirm-dialog";
import { FormAlert, FormField, Select } from "@/components/ui/form-field";
import { useNotice } from "@/components/ui/notice";

type Errors = Partial<Record<"intoAreaId" | "effectiveFrom" | "reason", string>>;
type Outcome = { movedUnits: number; reassignedUnits: number; mergedCommuneUnit: string | null; deactivatedAuthorities: string[]; accountsInScope: number };

/**
 * Sáp nhập xã, phường (ADR 0009): the commune's units move to the chosen commune from a date, its
 * UBND's and police's units pass to the receiving ones, and it stops. Asks once, restating that;
 * says afterwards what was done and what is left to the administrator (accounts to re-scope).
 */
export function CommuneMergerForm({
  areaId,
  version,
  name,
  today,
  communes,
  action,
}: {
  areaId: string;
  version: number;
  name: string;
  today: string;
  communes: { id: string; name: string }[];
  action: (input: unknown) => Promise<ActionResult<Outcome>>;
}) {
  const router = useRouter();
  const [intoAreaId, setInto] = useState("");
  const [effectiveFrom, setEffectiveFrom] = useState(today);
  const [reason, setReason] = useState("");
  const [errors, setErrors] = useState<Errors>({});
  const [message, setMessage] = useState<{ text: string; tone: "error" | "success" } | null>(null);
  const [pending, start] = useTransition();
  const { ask, dialog } = useConfirm();
  // The form goes with the commune's activity: what was done is said by the layout's notice.
  const notify = useNotice();

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    setMessage(null);
    const input = { areaId, version, intoAreaId, effectiveFrom, reason };
    const parsed = mergeCommuneSchema.safeParse(input);
    if (!parsed.success) {
      const found: Errors = {};
      for (const issue of parsed.error.issues) found[issue.path[0] as keyof Errors] ??= issue.message;
      setErrors(found);
      setMessage({ text: "Vui lòng kiểm tra các ô được đánh dấu.", tone: "error" });
      return;
    }
    setErrors({});
    const into = communes.find((c) => c.id === intoAreaId)?.name ?? "";
    // Asked before the transition: state set inside one is not shown until it ends.
    const confirmed = await ask({
      title: `Sáp nhập ${name} vào ${into}?`,
      body: `Từ ngày đã chọn, mọi đơn vị đang hoạt động của ${name} chuyển sang ${into}; đơn vị do UBND, Công an của ${name} quản lý chuyển cho cơ quan tương ứng của ${into}; ${name} và các cơ quan không còn quản lý đơn vị nào ngừng hoạt động. Số liệu các năm trước không đổi. Không hoàn tác được bằng một thao tác.`,
      confirmLabel: "Sáp nhập",
      tone: "danger",
    });
    if (!confirmed) return;
    start(async () => {
      const result = await action(input);
      if (!result.ok) {
        setErrors(Object.fromEntries(Object.entries(result.fieldErrors ?? {}).map(([k, v]) => [k, v.join(" ")])) as Errors);
        setMessage({ text: result.message, tone: "error" });
        return;
      }
      const r = result.data;
      const accounts = r.accountsInScope > 0 ? ` Còn ${r.accountsInScope} tài khoản phụ trách ${name}: hãy đổi phạm vi của các tài khoản này.` : "";
      notify(`Đã sáp nhập ${name} vào ${into}: chuyển ${r.movedUnits} đơn vị, trong đó ${r.reassignedUnits} đơn vị đổi cơ quan quản lý.${accounts}`);
      router.refresh();
    });
  };

  return (
    <Form onSubmit={submit} className="space-y-3" aria-label="Sáp nhập vào xã, phường khác">
      <FormAlert message={message?.text} tone={message?.tone} />
      <FormField id="merger-intoAreaId" label="Xã, phường tiếp nhận" error={errors.intoAreaId}>
        <Select id="merger-intoAreaId" value={intoAreaId} onChange={(e) => setInto(e.target.value)} aria-invalid={!!errors.intoAreaId}>
          <option value="">— Chọn xã, phường —</option>
          {communes.map((c) => (
            <option key={c.id} value={c.id}>{c.name}</option>
          ))}
        </Select>
      </FormField>
      <FormField id="merger-effectiveFrom" label="Có hiệu lực từ ngày" error={errors.effectiveFrom} hint="Không sau ngày hôm nay.">
        <DateInput id="merger-effectiveFrom" value={effectiveFrom} onChange={(e) => setEffectiveFrom(e.target.value)} aria-invalid={!!errors.effectiveFrom} />
      </FormField>
      <FormField id="merger-reason" label="Căn cứ" error={errors.reason} hint="Ví dụ: Nghị quyết số … của Ủy ban Thường vụ Quốc hội về sắp xếp đơn vị hành chính cấp xã">
        <textarea
          id="merger-reason"
          rows={2}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          aria-invalid={!!errors.reason}
          className="block w-full rounded-md border border-slate-300 px-3 py-2 text-sm shadow-sm focus:border-brand-600 focus:ring-1 focus:ring-brand-600"
        />
      </FormField>
      <Button type="submit" variant="danger" disabled={pending}>
        {pending ? "Đang sáp nhập…" : "Sáp nhập"}
      </Button>
      {dialog}
    </Form>
  );
}
