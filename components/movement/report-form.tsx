"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import type { ActionResult } from "@/lib/validation/action-result";
import { REPORT_COUNT_FIELDS, REPORT_COUNT_LABELS, REPORT_TEXT_FIELDS, REPORT_TEXT_LABELS, REPORT_TEXT_MAX, type ReportCountField, type ReportTextField } from "@/lib/movement/report-rules";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Form } from "@/components/ui/form";
import { FieldError, FormAlert, TextInput } from "@/components/ui/form-field";
import { useConfirm } from "@/components/ui/confirm-dialog";
import { useNotice } from "@/components/ui/notice";

export type ReportValues = Record<ReportTextField | ReportCountField, string>;

type Props = {
  /** { unitId } or { participantId }: sent with every save. */
  subject: Record<string, string>;
  year: number;
  version: number;
  values: ReportValues;
  canEdit: boolean;
  deadlineText: string;
  action: (input: unknown) => Promise<ActionResult<{ version: number; state: string }>>;
};

/**
 * The plan 195 report: five prose sections and four declared figures. "Lưu nháp" keeps a draft;
 * "Gửi báo cáo" asks first (a sent report is read-only until returned). Whatever was typed stays
 * in the boxes when the server refuses it; each message sits under its field.
 */
export function MovementReportForm({ subject, year, version, values, canEdit, deadlineText, action }: Props) {
  const router = useRouter();
  const notify = useNotice();
  const { ask, dialog } = useConfirm();
  const [pending, start] = useTransition();
  const [currentVersion, setVersion] = useState(version);
  const [result, setResult] = useState<ActionResult<unknown> | null>(null);
  const errors = result && !result.ok ? (result.fieldErrors ?? {}) : {};

  if (!canEdit) {
    return (
      <div className="space-y-4">
        {REPORT_TEXT_FIELDS.map((f) => (
          <Card key={f} title={REPORT_TEXT_LABELS[f]}>
            <p className="whitespace-pre-wrap text-sm">{values[f] || "—"}</p>
          </Card>
        ))}
        <Card title="Số liệu">
          <dl className="grid grid-cols-[1fr_auto] gap-x-4 gap-y-2 text-sm">
            {REPORT_COUNT_FIELDS.map((f) => (
              <div key={f} className="contents">
                <dt className="text-slate-600">{REPORT_COUNT_LABELS[f]}</dt>
                <dd className="text-right font-medium">{values[f] === "" ? "—" : Number(values[f]).toLocaleString("vi-VN")}</dd>
              </div>
            ))}
          </dl>
        </Card>
      </div>
    );
  }

  const submitWith = (intent: "save" | "submit") => async (form: HTMLFormElement) => {
    const data = Object.fromEntries(new FormData(form).entries());
    if (
      intent === "submit" &&
      !(await ask({
        title: `Gửi báo cáo năm ${year} cho Công an tỉnh?`,
        body: `Sau khi gửi, báo cáo chỉ sửa được khi Công an tỉnh trả lại. Hạn gửi: ${deadlineText}.`,
        confirmLabel: "Gửi báo cáo",
      }))
    )
      return;
    start(async () => {
      const r = await action({ ...data, ...subject, year, version: currentVersion, intent });
      setResult(r);
      if (r.ok) {
        setVersion(r.data.version);
        notify(intent === "submit" ? `Đã gửi báo cáo năm ${year} cho Công an tỉnh.` : `Đã lưu nháp báo cáo năm ${year}.`);
        router.refresh();
      }
    });
  };

  return (
    <Form
      className="space-y-4"
      aria-label={`Báo cáo phong trào năm ${year}`}
      onSubmit={(e) => {
        e.preventDefault();
        const submitter = (e.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
        void submitWith(submitter?.value === "submit" ? "submit" : "save")(e.currentTarget);
      }}
    >
      <FormAlert message={result && !result.ok ? result.message : null} />
      {REPORT_TEXT_FIELDS.map((f) => (
        <div key={f}>
          <label className="block text-sm font-medium" htmlFor={`report-${f}`}>
            {REPORT_TEXT_LABELS[f]}
            {f === "results" && <span className="text-red-700"> *</span>}
          </label>
          <textarea
            id={`report-${f}`}
            name={f}
            rows={f === "results" ? 6 : 3}
            maxLength={REPORT_TEXT_MAX}
            defaultValue={values[f]}
            aria-invalid={!!errors[f]}
            aria-describedby={errors[f] ? `report-${f}-error` : undefined}
            className="mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 text-sm"
          />
          <FieldError id={`report-${f}-error`} messages={errors[f]} />
        </div>
      ))}
      <fieldset className="grid gap-3 sm:grid-cols-2">
        <legend className="mb-2 text-sm font-semibold">Số liệu của đơn vị</legend>
        {REPORT_COUNT_FIELDS.map((f) => (
          <div key={f}>
            <label className="block text-sm font-medium" htmlFor={`report-${f}`}>
              {REPORT_COUNT_LABELS[f]}
            </label>
            <TextInput id={`report-${f}`} name={f} inputMode="numeric" defaultValue={values[f]} aria-invalid={!!errors[f]} aria-describedby={errors[f] ? `report-${f}-error` : undefined} />
            <FieldError id={`report-${f}-error`} messages={errors[f]} />
          </div>
        ))}
      </fieldset>
      <div className="flex flex-wrap gap-2">
        <Button type="submit" name="intent" value="save" variant="secondary" disabled={pending}>
          {pending ? "Đang lưu…" : "Lưu nháp"}
        </Button>
        <Button type="submit" name="intent" value="submit" disabled={pending}>
          Gửi báo cáo
        </Button>
      </div>
      {dialog}
    </Form>
  );
}

/** The provincial police send a submitted report back with a reason. */
export function ReturnReportForm({ reportId, version, action }: { reportId: string; version: number; action: (input: unknown) => Promise<ActionResult<unknown>> }) {
  const router = useRouter();
  const notify = useNotice();
  const { ask, dialog } = useConfirm();
  const [pending, start] = useTransition();
  const [result, setResult] = useState<ActionResult<unknown> | null>(null);
  const errors = result && !result.ok ? (result.fieldErrors ?? {}) : {};
  return (
    <Form
      className="space-y-2"
      aria-label="Trả lại báo cáo"
      onSubmit={async (e) => {
        e.preventDefault();
        const data = Object.fromEntries(new FormData(e.currentTarget).entries());
        if (!(await ask({ title: "Trả lại báo cáo?", body: "Đơn vị sẽ sửa và gửi lại báo cáo.", confirmLabel: "Trả lại báo cáo", tone: "danger" }))) return;
        start(async () => {
          const r = await action({ ...data, reportId, version });
          setResult(r);
          if (r.ok) {
            notify("Đã trả lại báo cáo.");
            router.refresh();
          }
        });
      }}
    >
      <FormAlert message={result && !result.ok ? result.message : null} />
      <label className="block text-sm font-medium" htmlFor="return-reason">
        Lý do trả lại
      </label>
      <textarea id="return-reason" name="reason" rows={2} className="block w-full rounded-md border border-slate-300 px-3 py-2 text-sm" aria-invalid={!!errors.reason} />
      <FieldError id="return-reason-error" messages={errors.reason} />
      <Button type="submit" variant="danger" disabled={pending}>
        Trả lại báo cáo
      </Button>
      {dialog}
    </Form>
  );
}
