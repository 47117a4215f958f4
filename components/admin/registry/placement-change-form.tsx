"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { isSuccessionChange, PLACEMENT_CHANGES, PLACEMENT_CHANGE_LABELS, type PlacementChange } from "@/lib/registry/placement-rules";
import { placementChangeSchema, splitCodes } from "@/lib/registry/unit-schemas";
import type { ActionResult } from "@/lib/validation/action-result";
import { Form } from "@/components/ui/form";
import { Button } from "@/components/ui/button";
import { DateInput } from "@/components/ui/date-input";
import { useConfirm } from "@/components/ui/confirm-dialog";
import { FormAlert, FormField, Select } from "@/components/ui/form-field";

type Option = { id: string; name: string };
type Errors = Partial<Record<"change" | "effectiveFrom" | "communeId" | "managingAuthorityId" | "successorCodes" | "predecessorContinues" | "reason", string>>;

/**
 * A dated change of a unit's placement (ADR 0009): chuyển xã, đổi cơ quan quản lý, giải thể /
 * ngừng hoạt động, hoạt động trở lại, sáp nhập, chia tách, from a date. Checked with the server
 * action's own schema first; what was typed stays on any error. The changes that end the unit
 * (giải thể, sáp nhập, chia) ask once, saying so.
 */
export function PlacementChangeForm({
  unitId,
  version,
  isActive,
  isCommune,
  today,
  communes,
  authorities,
  action,
}: {
  unitId: string;
  version: number;
  isActive: boolean;
  /** An XA unit is the commune itself: it never moves. */
  isCommune: boolean;
  today: string;
  communes: Option[];
  authorities: Option[];
  action: (input: unknown) => Promise<ActionResult<{ id: string; version: number }>>;
}) {
  const router = useRouter();
  const choices = PLACEMENT_CHANGES.filter((c) => (isActive ? c !== "REOPEN" && !(isCommune && (c === "MOVE" || isSuccessionChange(c))) : c === "REOPEN"));
  const [picked, setChange] = useState<PlacementChange>(choices[0]!);
  // After a change that ends or reopens the unit, the choices change under the form.
  const change = choices.includes(picked) ? picked : choices[0]!;
  const [effectiveFrom, setEffectiveFrom] = useState(today);
  const [communeId, setCommuneId] = useState("");
  const [managingAuthorityId, setManagingAuthorityId] = useState("");
  const [successorCodes, setSuccessorCodes] = useState("");
  const [predecessorContinues, setPredecessorContinues] = useState(false);
  const [reason, setReason] = useState("");
  const { ask, dialog } = useConfirm();
  const [errors, setErrors] = useState<Errors>({});
  const [message, setMessage] = useState<{ text: string; tone: "error" | "success" } | null>(null);
  const [pending, start] = useTransition();

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    setMessage(null);
    const input = {
      unitId,
      version,
      change,
      effectiveFrom,
      communeId: change === "MOVE" ? communeId : "",
      managingAuthorityId: change === "CHANGE_AUTHORITY" ? managingAuthorityId : "",
      successorCodes: isSuccessionChange(change) ? successorCodes : "",
      predecessorContinues: change === "SPLIT" && predecessorContinues,
      reason,
    };
    const parsed = placementChangeSchema.safeParse(input);
    if (!parsed.success) {
      const found: Errors = {};
      for (const issue of parsed.error.issues) {
        const field = issue.path[0] as keyof Errors;
        found[field] ??= issue.message;
      }
      setErrors(found);
      setMessage({ text: "Vui lòng kiểm tra các ô được đánh dấu.", tone: "error" });
      return;
    }
    setErrors({});
    const ends = change === "CLOSE" || change === "MERGE" || (change === "SPLIT" && !predecessorContinues);
    // Asked before the transition: state set inside it (the dialog opening) waits for it to end.
    if (ends) {
      const codes = splitCodes(successorCodes).join(", ");
      const body =
        change === "MERGE"
          ? `Đơn vị này sẽ ngừng hoạt động từ ngày đã chọn và được ghi là đã sáp nhập vào đơn vị ${codes}. Hồ sơ, quyết định các năm trước vẫn được giữ.`
          : change === "SPLIT"
            ? `Đơn vị này sẽ ngừng hoạt động từ ngày đã chọn và được ghi là đã chia thành các đơn vị ${codes}. Hồ sơ, quyết định các năm trước vẫn được giữ.`
            : "Đơn vị sẽ ngừng hoạt động từ ngày đã chọn. Hồ sơ, quyết định các năm trước vẫn được giữ; có thể cho hoạt động trở lại sau.";
      if (!(await ask({ title: `${PLACEMENT_CHANGE_LABELS[change]}?`, body, confirmLabel: "Ghi thay đổi", tone: "danger" }))) return;
    }
    start(async () => {
      const result = await action(input);
      if (!result.ok) {
        setErrors(Object.fromEntries(Object.entries(result.fieldErrors ?? {}).map(([k, v]) => [k, v.join(" ")])) as Errors);
        setMessage({ text: result.message, tone: "error" });
        return;
      }
      setReason("");
      setSuccessorCodes("");
      setPredecessorContinues(false);
      setMessage({ text: "Đã ghi thay đổi vào lịch sử của đơn vị.", tone: "success" });
      router.refresh();
    });
  };

  return (
    <Form onSubmit={submit} className="space-y-3" aria-label="Thay đổi có ngày hiệu lực">
      <FormAlert message={message?.text} tone={message?.tone} />
      <FormField id="placement-change" label="Loại thay đổi" error={errors.change}>
        <Select id="placement-change" value={change} onChange={(e) => setChange(e.target.value as PlacementChange)} aria-invalid={!!errors.change}>
          {choices.map((c) => (
            <option key={c} value={c}>{PLACEMENT_CHANGE_LABELS[c]}</option>
          ))}
        </Select>
      </FormField>
      <FormField id="placement-effectiveFrom" label="Có hiệu lực từ ngày" error={errors.effectiveFrom} hint="Không sau ngày hôm nay. Năm đánh giá tính theo vị trí của đơn vị vào ngày 15/11.">
        <DateInput id="placement-effectiveFrom" value={effectiveFrom} onChange={(e) => setEffectiveFrom(e.target.value)} aria-invalid={!!errors.effectiveFrom} />
      </FormField>
      {change === "MOVE" && (
        <FormField id="placement-communeId" label="Chuyển đến xã, phường, đặc khu" error={errors.communeId}>
          <Select id="placement-communeId" value={communeId} onChange={(e) => setCommuneId(e.target.value)} aria-invalid={!!errors.communeId}>
            <option value="">— Chọn xã, phường —</option>
            {communes.map((c) => (
              <option key={c.id} value={c.id}>{c.name}</option>
            ))}
          </Select>
        </FormField>
      )}
      {change === "CHANGE_AUTHORITY" && (
        <FormField id="placement-managingAuthorityId" label="Cơ quan quản lý mới" error={errors.managingAuthorityId}>
          <Select id="placement-managingAuthorityId" value={managingAuthorityId} onChange={(e) => setManagingAuthorityId(e.target.value)} aria-invalid={!!errors.managingAuthorityId}>
            <option value="">— Chọn cơ quan —</option>
            {authorities.map((a) => (
              <option key={a.id} value={a.id}>{a.name}</option>
            ))}
          </Select>
        </FormField>
      )}
      {isSuccessionChange(change) && (
        <FormField
          id="placement-successorCodes"
          label={change === "MERGE" ? "Mã đơn vị tiếp nhận" : "Mã các đơn vị được chia, tách ra"}
          error={errors.successorCodes}
          hint={change === "MERGE" ? "Đơn vị cùng loại, đang hoạt động, đã có trong danh mục." : "Cách nhau bởi dấu phẩy. Đơn vị mới cần được thêm vào danh mục trước; cùng loại với đơn vị này."}
        >
          <input
            id="placement-successorCodes"
            value={successorCodes}
            onChange={(e) => setSuccessorCodes(e.target.value)}
            aria-invalid={!!errors.successorCodes}
            className="block w-full rounded-md border border-slate-300 px-3 py-2 text-sm shadow-sm focus:border-brand-600 focus:ring-1 focus:ring-brand-600"
          />
        </FormField>
      )}
      {change === "SPLIT" && (
        <label className="flex items-start gap-2 text-sm text-slate-800">
          <input type="checkbox" className="mt-1" checked={predecessorContinues} onChange={(e) => setPredecessorContinues(e.target.checked)} />
          <span>Đơn vị này vẫn tiếp tục hoạt động (chỉ tách một bộ phận ra). Bỏ chọn nếu đơn vị được chia hẳn và chấm dứt hoạt động.</span>
        </label>
      )}
      <FormField id="placement-reason" label="Lý do, căn cứ" error={errors.reason} hint="Ví dụ: theo Quyết định số 12/QĐ-UBND ngày …">
        <textarea
          id="placement-reason"
          rows={2}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          aria-invalid={!!errors.reason}
          className="block w-full rounded-md border border-slate-300 px-3 py-2 text-sm shadow-sm focus:border-brand-600 focus:ring-1 focus:ring-brand-600"
        />
      </FormField>
      <Button type="submit" variant={change === "CLOSE" || change === "MERGE" ? "danger" : "primary"} disabled={pending}>
        {pending ? "Đang lưu…" : "Ghi thay đổi"}
      </Button>
      {dialog}
    </Form>
  );
}
