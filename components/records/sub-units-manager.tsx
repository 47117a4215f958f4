"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useOptimistic, useState, useTransition } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { EMULATION_RESULTS, EMULATION_RESULT_LABELS, type EmulationResult } from "@/lib/domain/vocabulary";
import { createSubUnitSchema, SUB_UNIT_KINDS, SUB_UNIT_KIND_LABELS, type SubUnitKind } from "@/lib/records/sub-unit-schemas";
import { maxLengths } from "@/lib/validation/max-length";

import { NO_CHANGES_MESSAGE, sameFormValues } from "@/lib/validation/form-changes";
import { subUnitShare } from "@/lib/records/sub-unit-share";
import { formatPercent } from "@/lib/format";
import { Form, registerWithValue } from "@/components/ui/form";
import { Button } from "@/components/ui/button";
import { useConfirm } from "@/components/ui/confirm-dialog";
import { Badge, Card, EmptyState } from "@/components/ui/card";
import { FormAlert, FormField, Select, TextInput } from "@/components/ui/form-field";
import { CheckboxField } from "./controls";
import { applyActionErrors, errorOf, type Action } from "./form-helpers";

/** The name's limit in the schema, for the character counter. */
const NAME_LIMIT = maxLengths(createSubUnitSchema).name;

export type SubUnitRow = {
  id: string;
  name: string;
  kind: SubUnitKind;
  eligibleForRating: boolean;
  isSecurityForce: boolean;
  isActive: boolean;
  result: EmulationResult | null;
  decisionRef: string | null;
  deletable: boolean;
};

type Actions = { create: Action<{ id: string }>; update: Action<{ id: string }>; setResult: Action; setActive: Action<{ id: string }>; remove: Action };

type Props = { unitId: string; year: number; canEdit: boolean; subUnits: SubUnitRow[]; actions: Actions };

type Message = { text: string; tone: "error" | "success" } | null;

/** Sub-units of the unit with their result for the year, the live 70 % share, and (for officers) the edit controls. */
export function SubUnitsManager({ unitId, year, canEdit, subUnits, actions }: Props) {
  const router = useRouter();
  const { ask, dialog } = useConfirm();
  const [message, setMessage] = useState<Message>(null);
  const [editing, setEditing] = useState<string | null>(null);
  const [, startTransition] = useTransition();
  const [rows, setOptimisticResult] = useOptimistic(subUnits, (state, change: { id: string; result: EmulationResult | null }) =>
    state.map((r) => (r.id === change.id ? { ...r, result: change.result } : r)),
  );
  const share = subUnitShare(rows);
  const active = rows.filter((r) => r.isActive);
  const inactive = rows.filter((r) => !r.isActive);

  const changeResult = (row: SubUnitRow, value: string) => {
    const result = (value === "" ? null : value) as EmulationResult | null;
    setMessage(null);
    startTransition(async () => {
      setOptimisticResult({ id: row.id, result });
      const outcome = await actions.setResult({ unitId, subUnitId: row.id, year, result: value });
      if (!outcome.ok) setMessage({ text: `${row.name}: ${Object.values(outcome.fieldErrors ?? {})[0]?.[0] ?? outcome.message}`, tone: "error" });
      else setMessage({ text: `Đã lưu kết quả năm ${year} của ${row.name}.`, tone: "success" });
      router.refresh();
    });
  };

  const run = async (action: Action, input: object, success: string, confirm?: { title: string; body: string; confirmLabel: string }) => {
    if (confirm && !(await ask({ ...confirm, tone: "danger" }))) return;
    setMessage(null);
    startTransition(async () => {
      const outcome = await action({ unitId, ...input });
      setMessage(outcome.ok ? { text: success, tone: "success" } : { text: outcome.message, tone: "error" });
      router.refresh();
    });
  };

  return (
    <div className="space-y-4">
      <ShareSummary year={year} share={share} />
      <FormAlert message={message?.text} tone={message?.tone} />
      {dialog}
      <Card title={`Đơn vị trực thuộc đang hoạt động (${active.length})`}>
        {active.length === 0 ? (
          <EmptyState title="Chưa khai báo phòng, ban, tổ, đội trực thuộc.">{canEdit && "Thêm đơn vị trực thuộc ở biểu mẫu bên dưới."}</EmptyState>
        ) : (
          <div className="-mx-4 overflow-x-auto">
            <table className="card-table min-w-full text-sm" data-testid="sub-unit-table">
              <thead className="bg-slate-50 text-left text-slate-600">
                <tr>
                  <th className="px-4 py-2 font-medium">Tên</th>
                  <th className="px-4 py-2 font-medium">Loại</th>
                  <th className="px-4 py-2 font-medium">Đặc điểm</th>
                  <th className="px-4 py-2 font-medium">Kết quả năm {year}</th>
                  {canEdit && <th className="px-4 py-2 font-medium">Thao tác</th>}
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {active.map((row) =>
                  editing === row.id ? (
                    <tr key={row.id}>
                      <td colSpan={5} className="px-4 py-3">
                        <SubUnitForm
                          mode="edit"
                          unitId={unitId}
                          row={row}
                          action={actions.update}
                          onDone={(text) => {
                            setEditing(null);
                            setMessage({ text, tone: "success" });
                          }}
                          onCancel={() => setEditing(null)}
                        />
                      </td>
                    </tr>
                  ) : (
                    <tr key={row.id} data-testid="sub-unit-row">
                      <td className="min-w-40 px-4 py-2 font-medium text-slate-900">{row.name}</td>
                      <td className="px-4 py-2" data-label="Loại">{SUB_UNIT_KIND_LABELS[row.kind]}</td>
                      <td className="px-4 py-2" data-label="Đặc điểm">
                        <div className="flex flex-wrap gap-1">
                          {row.isSecurityForce && <Badge tone="blue">Lực lượng bảo vệ</Badge>}
                          {!row.eligibleForRating && <Badge>Không xét thi đua</Badge>}
                        </div>
                      </td>
                      <td className="px-4 py-2" data-label={`Kết quả năm ${year}`}>
                        {canEdit ? (
                          <Select aria-label={`Kết quả năm ${year} của ${row.name}`} className="sm:min-w-56" value={row.result ?? ""} onChange={(e) => changeResult(row, e.target.value)}>
                            <option value="">— Chưa xếp loại —</option>
                            {EMULATION_RESULTS.map((r) => (
                              <option key={r} value={r}>{EMULATION_RESULT_LABELS[r]}</option>
                            ))}
                          </Select>
                        ) : (
                          <span>{row.result ? EMULATION_RESULT_LABELS[row.result] : "Chưa xếp loại"}</span>
                        )}
                      </td>
                      {canEdit && (
                        <td className="px-4 py-2">
                          <div className="flex flex-wrap gap-2 whitespace-nowrap">
                            <Button type="button" variant="secondary" className="px-3 py-1" onClick={() => setEditing(row.id)} aria-label={`Sửa ${row.name}`}>Sửa</Button>
                            <Button type="button" variant="ghost" className="px-3 py-1" onClick={() => run(actions.setActive, { subUnitId: row.id, active: false }, `Đã chuyển ${row.name} sang ngừng hoạt động.`, { title: `Chuyển “${row.name}” sang ngừng hoạt động?`, body: "Đơn vị trực thuộc ngừng hoạt động không còn được tính vào tỷ lệ 70%; kết quả các năm vẫn được giữ lại và có thể kích hoạt lại.", confirmLabel: "Ngừng hoạt động" })}>
                              Ngừng hoạt động
                            </Button>
                            {row.deletable && (
                              <Button type="button" variant="ghost" className="px-3 py-1 text-red-700" onClick={() => run(actions.remove, { subUnitId: row.id }, `Đã xóa ${row.name}.`, { title: `Xóa “${row.name}”?`, body: "Chỉ nên xóa đơn vị trực thuộc nhập nhầm; việc xóa không khôi phục được và được ghi vào nhật ký.", confirmLabel: "Xóa" })}>
                                Xóa
                              </Button>
                            )}
                          </div>
                        </td>
                      )}
                    </tr>
                  ),
                )}
              </tbody>
            </table>
          </div>
        )}
      </Card>
      {canEdit && (
        <Card title="Thêm đơn vị trực thuộc">
          <SubUnitForm mode="create" unitId={unitId} action={actions.create} onDone={(text) => setMessage({ text, tone: "success" })} />
        </Card>
      )}
      {inactive.length > 0 && (
        <Card title={`Đã ngừng hoạt động (${inactive.length})`}>
          <ul className="divide-y divide-slate-100 text-sm">
            {inactive.map((row) => (
              <li key={row.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
                <span className="text-slate-600">
                  {row.name} · {SUB_UNIT_KIND_LABELS[row.kind]}
                  {row.result && ` · Năm ${year}: ${EMULATION_RESULT_LABELS[row.result]}`}
                </span>
                {canEdit && (
                  <Button type="button" variant="secondary" className="px-3 py-1" onClick={() => run(actions.setActive, { subUnitId: row.id, active: true }, `Đã kích hoạt lại ${row.name}.`)}>
                    Kích hoạt lại
                  </Button>
                )}
              </li>
            ))}
          </ul>
        </Card>
      )}
    </div>
  );
}

function ShareSummary({ year, share }: { year: number; share: ReturnType<typeof subUnitShare> }) {
  return (
    <div className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      <div className="flex flex-wrap items-center gap-3">
        <p className="text-lg font-semibold text-slate-900" data-testid="sub-unit-share">
          {share.good}/{share.total} đạt TTLĐTT hoặc HTTNV trở lên
        </p>
        {share.total > 0 && <span className="text-sm text-slate-600">({formatPercent(share.good, share.total)})</span>}
        {share.total > 0 && (share.meetsSeventyPercent ? <Badge tone="green">Đạt từ 70% trở lên</Badge> : <Badge tone="amber">Chưa đạt 70%</Badge>)}
      </div>
      <p className="mt-1 text-xs text-slate-500">
        Năm {year}. Tính trên các phòng, ban, tổ, đội đang hoạt động và thuộc diện xét thi đua; lực lượng bảo vệ được đánh giá riêng.
        {share.unrated > 0 && ` Còn ${share.unrated} đơn vị chưa có kết quả.`}
      </p>
    </div>
  );
}

type FormValues = z.input<typeof createSubUnitSchema> & { subUnitId?: string };

function SubUnitForm({
  mode,
  unitId,
  row,
  action,
  onDone,
  onCancel,
}: {
  mode: "create" | "edit";
  unitId: string;
  row?: SubUnitRow;
  action: Action<{ id: string }>;
  onDone: (message: string) => void;
  onCancel?: () => void;
}) {
  const router = useRouter();
  const [error, setErrorMessage] = useState<string | null>(null);
  const defaults: FormValues = row
    ? { unitId, subUnitId: row.id, name: row.name, kind: row.kind, eligibleForRating: row.eligibleForRating, isSecurityForce: row.isSecurityForce }
    : { unitId, name: "", kind: "PHONG", eligibleForRating: true, isSecurityForce: false };
  const {
    register: registerField,
    getValues,
    handleSubmit,
    reset,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<FormValues>({ resolver: zodResolver(createSubUnitSchema), defaultValues: defaults });
  const register = registerWithValue({ register: registerField, getValues });
  const p = mode === "create" ? "new-sub-unit" : `edit-${row?.id}`;
  const err = (name: string) => errorOf(errors, name);

  const onSubmit = handleSubmit(async (values) => {
    setErrorMessage(null);
    // Saving an edit that changes nothing closes it without writing anything.
    if (mode === "edit" && sameFormValues(defaults, getValues())) {
      onDone(NO_CHANGES_MESSAGE);
      return;
    }
    const result = await action({ ...values, ...(row ? { subUnitId: row.id } : {}) });
    if (!result.ok) {
      setErrorMessage(applyActionErrors(result, setError));
      return;
    }
    if (mode === "create") reset(defaults);
    onDone(mode === "create" ? `Đã thêm ${values.name.trim()}.` : `Đã lưu ${values.name.trim()}.`);
    router.refresh();
  });

  return (
    <Form onSubmit={onSubmit} className="space-y-3" aria-label={mode === "create" ? "Thêm đơn vị trực thuộc" : `Sửa ${row?.name}`}>
      <FormAlert message={error} />
      <div className="grid gap-3 sm:grid-cols-2">
        <FormField id={`${p}-name`} label="Tên đơn vị trực thuộc" error={err("name")} maxLength={NAME_LIMIT}>
          <TextInput id={`${p}-name`} aria-invalid={!!err("name")} placeholder="Ví dụ: Phòng Tổ chức cán bộ" {...register("name")} />
        </FormField>
        <FormField id={`${p}-kind`} label="Loại" error={err("kind")}>
          <Select id={`${p}-kind`} aria-invalid={!!err("kind")} {...register("kind")}>
            {SUB_UNIT_KINDS.map((k) => (
              <option key={k} value={k}>{SUB_UNIT_KIND_LABELS[k]}</option>
            ))}
          </Select>
        </FormField>
      </div>
      <div className="flex flex-wrap gap-x-6 gap-y-2">
        <CheckboxField id={`${p}-eligible`} label="Thuộc diện xét thi đua" hint="Bỏ chọn nếu đơn vị không được bình xét danh hiệu, xếp loại." error={err("eligibleForRating")} {...register("eligibleForRating")} />
        <CheckboxField id={`${p}-security`} label="Là lực lượng bảo vệ của đơn vị" error={err("isSecurityForce")} {...register("isSecurityForce")} />
      </div>
      <div className="flex gap-2">
        <Button type="submit" disabled={isSubmitting}>{isSubmitting ? "Đang lưu…" : mode === "create" ? "Thêm đơn vị trực thuộc" : "Lưu"}</Button>
        {onCancel && <Button type="button" variant="secondary" onClick={onCancel}>Hủy</Button>}
      </div>
    </Form>
  );
}
