/**
 * zod schemas of the rules administration (competence table, the province's extra criteria),
 * shared by the admin forms and their server actions. Pure.
 */
import { z } from "zod";
import { UNIT_KINDS } from "@/lib/domain/vocabulary";
import { INVALID_CHOICE, checkbox, idField, optionalText, requiredDate, requiredText, savedVersionField } from "@/lib/validation/input-rules";
import { DECIDER_KINDS, REVIEWER_LEVELS, isDayOfEveryYear } from "./competence";

const int = (message: string, min: number, max: number) => z.coerce.number({ error: message }).int(message).min(min, message).max(max, message);

export const competenceRuleSchema = z
  .object({
    unitKind: z.enum(UNIT_KINDS, { error: "Vui lòng chọn loại đơn vị." }),
    effectiveFrom: requiredDate("Vui lòng nhập ngày có hiệu lực."),
    reviewerLevel: z.enum(REVIEWER_LEVELS, { error: "Vui lòng chọn cấp thẩm định." }),
    deciderKind: z.enum(DECIDER_KINDS, { error: "Vui lòng chọn cơ quan quyết định công nhận." }),
    decisionDeadlineDay: int("Ngày của hạn quyết định phải từ 1 đến 31.", 1, 31),
    decisionDeadlineMonth: int("Tháng của hạn quyết định phải từ 1 đến 12.", 1, 12),
    provisional: checkbox,
    note: optionalText(500, "Ghi chú tối đa 500 ký tự."),
  })
  .superRefine((v, ctx) => {
    if (!isDayOfEveryYear(v.decisionDeadlineMonth, v.decisionDeadlineDay)) {
      ctx.addIssue({ code: "custom", path: ["decisionDeadlineDay"], message: `Ngày ${v.decisionDeadlineDay}/${v.decisionDeadlineMonth} không có trong mọi năm; vui lòng chọn ngày khác.` });
    }
  });
export type CompetenceRuleInput = z.output<typeof competenceRuleSchema>;

export const deleteCompetenceRuleSchema = z.object({ ruleId: idField("Dòng quy định không hợp lệ.") });

/** "LCI-1", "LCI.ANTT-2": upper-case letters, digits, dot, dash; the engine's id rule. */
export const criterionCodeField = z
  .string({ error: "Vui lòng nhập mã tiêu chí." })
  .trim()
  .toUpperCase()
  .min(1, "Vui lòng nhập mã tiêu chí.")
  .max(40, "Mã tiêu chí tối đa 40 ký tự.")
  .regex(/^[A-Z0-9][A-Z0-9._-]*$/, "Mã tiêu chí chỉ gồm chữ in hoa không dấu, số, dấu chấm, gạch ngang (ví dụ: LCI-1).");

const yearOf = (message: string) => int(message, 2022, 2100);
const optionalYear = z.preprocess(
  (v) => (v === undefined || v === null || (typeof v === "string" && v.trim() === "") ? null : v),
  yearOf("Năm kết thúc không hợp lệ (từ 2022 đến 2100).").nullable(),
);

export const provincialCriterionFields = z
  .object({
    code: criterionCodeField,
    title: requiredText("Vui lòng nhập nội dung tiêu chí.", 500, "Nội dung tiêu chí tối đa 500 ký tự.", 5, "Nội dung tiêu chí cần từ 5 ký tự."),
    unitKinds: z.array(z.enum(UNIT_KINDS, { error: INVALID_CHOICE }), { error: "Vui lòng chọn ít nhất một loại đơn vị." }).min(1, "Vui lòng chọn ít nhất một loại đơn vị."),
    fromYear: yearOf("Năm áp dụng không hợp lệ (từ 2022 đến 2100)."),
    toYear: optionalYear,
    description: optionalText(2000, "Mô tả tối đa 2.000 ký tự."),
    evidenceExpected: optionalText(1000, "Tài liệu kiểm chứng tối đa 1.000 ký tự."),
    legalBasis: requiredText("Vui lòng nhập văn bản của UBND tỉnh quy định tiêu chí.", 500, "Văn bản quy định tối đa 500 ký tự.", 5, "Văn bản quy định cần từ 5 ký tự."),
  })
  .superRefine((v, ctx) => {
    if (v.toYear !== null && v.toYear < v.fromYear) ctx.addIssue({ code: "custom", path: ["toYear"], message: "Năm kết thúc không được trước năm bắt đầu áp dụng." });
    if (new Set(v.unitKinds).size !== v.unitKinds.length) ctx.addIssue({ code: "custom", path: ["unitKinds"], message: "Một loại đơn vị được chọn hai lần." });
  });
export const createProvincialCriterionSchema = provincialCriterionFields;
export type ProvincialCriterionInput = z.output<typeof provincialCriterionFields>;
export const updateProvincialCriterionSchema = z.object({
  criterionId: idField("Tiêu chí không hợp lệ."),
  version: savedVersionField,
  fields: provincialCriterionFields,
});
export const retireProvincialCriterionSchema = z.object({
  criterionId: idField("Tiêu chí không hợp lệ."),
  version: savedVersionField,
  reason: requiredText("Vui lòng nêu lý do.", 500, "Lý do tối đa 500 ký tự.", 5, "Lý do cần từ 5 ký tự."),
});
