"use client";

import { cycleCalendarSchema } from "@/lib/workflow/cycle-calendar-schema";
import { CALENDAR_DATE_FIELDS, CALENDAR_FIELD_LABELS } from "@/lib/workflow/cycle-calendar";
import type { ActionResult } from "@/lib/validation/action-result";
import { Form } from "@/components/ui/form";
import { useFormAction, versionOf } from "@/components/ui/use-form-action";
import { Button } from "@/components/ui/button";
import { DateInput } from "@/components/ui/date-input";
import { FormAlert, FormField, TextInput } from "@/components/ui/form-field";

type Values = { year: number; version: number; registrationEnd: string; selfAssessmentEndKdc: string; selfAssessmentEndOthers: string; unitReportEnd: string; provinceReportEnd: string; reminderOffsets: string };
type Action = (input: unknown) => Promise<ActionResult<{ version: number }>>;

const HINTS: Partial<Record<keyof Values, string>> = {
  registrationEnd: "Thông tư 124 quy định đăng ký trong quý I; mặc định 31/03.",
  selfAssessmentEndKdc: "Mặc định 31/10, ngày kết thúc mốc đánh giá của khu dân cư (Điều 8).",
  selfAssessmentEndOthers: "Mặc định 15/11, ngày kết thúc mốc đánh giá của xã, cơ quan, doanh nghiệp, cơ sở giáo dục.",
  unitReportEnd: "Kế hoạch 195/KH-UBND: trước ngày 15/11 hằng năm.",
  provinceReportEnd: "Kế hoạch 195/KH-UBND: trước ngày 20/11 hằng năm.",
  reminderOffsets: "Số ngày trước mỗi hạn gửi nhắc nhở, cách nhau bằng dấu phẩy (mặc định: 14, 3). Ngày sau hạn luôn có thông báo quá hạn.",
};

/** The year's deadlines: one schema with the server action; the version kept across saves. */
export function DeadlinesForm({ defaults, action }: { defaults: Values; action: Action }) {
  const { register, err, onSubmit, message, submitting } = useFormAction(cycleCalendarSchema, defaults, action, {
    // A year still on its defaults is saved even unchanged: that fixes its dates for the year.
    editing: defaults.version > 0,
    saved: "Đã lưu mốc thời hạn.",
    after: (data, { setValue }) => {
      setValue("version", versionOf(data));
      return null;
    },
  });
  return (
    <Form onSubmit={onSubmit} className="max-w-2xl space-y-4" aria-label={`Mốc thời hạn năm ${defaults.year}`}>
      <FormAlert message={message?.text} tone={message?.tone} />
      <input type="hidden" {...register("year")} />
      <input type="hidden" {...register("version")} />
      {CALENDAR_DATE_FIELDS.map((name) => (
        <FormField key={name} id={name} label={CALENDAR_FIELD_LABELS[name]} error={err(name)} hint={HINTS[name]}>
          <DateInput id={name} aria-invalid={!!err(name)} {...register(name)} />
        </FormField>
      ))}
      <FormField id="reminderOffsets" label={CALENDAR_FIELD_LABELS.reminderOffsets} error={err("reminderOffsets")} hint={HINTS.reminderOffsets}>
        <TextInput id="reminderOffsets" inputMode="numeric" autoComplete="off" aria-invalid={!!err("reminderOffsets")} {...register("reminderOffsets")} />
      </FormField>
      <Button type="submit" disabled={submitting}>{submitting ? "Đang lưu…" : "Lưu mốc thời hạn"}</Button>
    </Form>
  );
}
