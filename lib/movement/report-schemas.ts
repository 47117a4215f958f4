/** zod schemas of the plan 195 report forms (issue 14 §4), shared by the forms and the server actions. */
import { z } from "zod";
import { idField, optionalCount, optionalText, pastDate, requiredText, unitIdField, versionField, yearField } from "@/lib/validation/input-rules";
import { REPORT_COUNT_FIELDS, REPORT_TEXT_FIELDS, REPORT_TEXT_MAX, type ReportCountField, type ReportTextField } from "./report-rules";

const tooLong = `Tối đa ${REPORT_TEXT_MAX.toLocaleString("vi-VN")} ký tự.`;
const textField = optionalText(REPORT_TEXT_MAX, tooLong);

const content = {
  year: yearField,
  /** The report's version as loaded (0 when there is none yet): optimistic concurrency. */
  version: versionField,
  ...(Object.fromEntries(REPORT_TEXT_FIELDS.map((f) => [f, textField])) as Record<ReportTextField, typeof textField>),
  ...(Object.fromEntries(REPORT_COUNT_FIELDS.map((f) => [f, optionalCount])) as Record<ReportCountField, typeof optionalCount>),
  /** "save" keeps a draft; "submit" saves and sends it to the provincial police. */
  intent: z.enum(["save", "submit"], { error: "Thao tác không hợp lệ." }),
};

export const unitReportSchema = z.object({ unitId: unitIdField, ...content });
export type UnitReportInput = z.output<typeof unitReportSchema>;

export const participantReportSchema = z.object({ participantId: idField("Đối tượng tham gia phong trào không hợp lệ."), ...content });
export type ParticipantReportInput = z.output<typeof participantReportSchema>;

export const returnReportSchema = z.object({
  reportId: idField("Báo cáo không hợp lệ."),
  version: versionField,
  reason: requiredText("Vui lòng nêu lý do trả lại.", 1000, "Lý do tối đa 1.000 ký tự."),
});
export type ReturnReportInput = z.output<typeof returnReportSchema>;

export const buildProvinceReportSchema = z.object({ year: yearField });

export const provinceReportSentSchema = z.object({
  reportId: idField("Báo cáo không hợp lệ."),
  version: versionField,
  number: requiredText("Vui lòng nhập số, ký hiệu báo cáo.", 50, "Số, ký hiệu tối đa 50 ký tự."),
  // The date the report bears: it has been sent, so not after today.
  sentOn: pastDate("Vui lòng nhập ngày báo cáo.", "Ngày báo cáo không được sau ngày hôm nay."),
});
export type ProvinceReportSentInput = z.output<typeof provinceReportSentSchema>;
