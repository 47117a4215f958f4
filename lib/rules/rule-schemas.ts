/**
 * zod schemas of the rules administration (competence table, the province's extra criteria),
 * shared by the admin forms and their server actions. Pure.
 */
import { z } from "zod";
import { UNIT_KINDS } from "@/lib/domain/vocabulary";
import { INVALID_CHOICE, checkbox, idField, optionalText, requiredDate, requiredText, savedVersionField, todayInVietnam } from "@/lib/validation/input-rules";
import { DECIDER_KINDS, REVIEWER_LEVELS, isDayOfEveryYear } from "./competence";

const MAX_YEARS_AHEAD = 5;

const int = (message: string, min: number, max: number) => z.coerce.number({ error: message }).int(message).min(min, message).max(max, message);

export const competenceRuleSchema = z
  .object({
    unitKind: z.enum(UNIT_KINDS, { error: "Vui lòng chọn loại đơn vị." }),
    // A row is written for a rule already issued or about to be: not decades ahead.
    effectiveFrom: requiredDate("Vui lòng nhập ngày có hiệu lực.").refine(
      (iso) => Number(iso.slice(0, 4)) <= Number(todayInVietnam().slice(0, 4)) + MAX_YEARS_AHEAD,
      `Ngày có hiệu lực không quá ${MAX_YEARS_AHEAD} năm kể từ năm nay.`,
    ),
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
  .regex(/^[A-Z0-9][A-Z0-9._-]*$/, "Mã tiêu chí chỉ gồm chữ in hoa không dấu, số, dấu chấm, gạch ngang (ví dụ: LCI-1).")
  // The engine's national ids (KDC-1, XA-2.KDC-3, CQDN-4, CSGD-1…) share one namespace with these
  // codes in answers, reviews and evidence: a province's code must never shadow one of them.
  .refine((v) => !/^(KDC|XA|CQDN|CSGD)[-.]/.test(v), "Mã bắt đầu bằng KDC-, XA-, CQDN-, CSGD- dành cho tiêu chí của Thông tư; vui lòng dùng mã khác (ví dụ: LCI-1).");

const yearOf = (message: string) => int(message, 2022, 2100);
const optionalYear = z.preprocess(
  (v) => (v === undefined || v === null || (typeof v === "string" && v.trim() === "") ? null : v),
  yearOf("Năm kết thúc không hợp lệ (từ 2022 đến 2100).").nullable(),
);

const criterionBase = z.object({
  code: criterionCodeField,
  title: requiredText("Vui lòng nhập nội dung tiêu chí.", 500, "Nội dung tiêu chí tối đa 500 ký tự.", 5, "Nội dung tiêu chí cần từ 5 ký tự."),
  // Checkboxes: none ticked arrives as false or nothing, one ticked as a string in some browsers' forms.
  unitKinds: z.preprocess(
    (v) => (v === undefined || v === null || v === false ? [] : typeof v === "string" ? [v] : v),
    z.array(z.enum(UNIT_KINDS, { error: INVALID_CHOICE }), { error: "Vui lòng chọn ít nhất một loại đơn vị." }).min(1, "Vui lòng chọn ít nhất một loại đơn vị."),
  ),
  fromYear: yearOf("Năm áp dụng không hợp lệ (từ 2022 đến 2100)."),
  toYear: optionalYear,
  description: optionalText(2000, "Mô tả tối đa 2.000 ký tự."),
  evidenceExpected: optionalText(1000, "Tài liệu kiểm chứng tối đa 1.000 ký tự."),
  legalBasis: requiredText("Vui lòng nhập văn bản của UBND tỉnh quy định tiêu chí.", 500, "Văn bản quy định tối đa 500 ký tự.", 5, "Văn bản quy định cần từ 5 ký tự."),
});

function criterionRules(v: { fromYear: number; toYear: number | null; unitKinds: string[] }, ctx: z.RefinementCtx) {
  if (v.toYear !== null && v.toYear < v.fromYear) ctx.addIssue({ code: "custom", path: ["toYear"], message: "Năm kết thúc không được trước năm bắt đầu áp dụng." });
  if (new Set(v.unitKinds).size !== v.unitKinds.length) ctx.addIssue({ code: "custom", path: ["unitKinds"], message: "Một loại đơn vị được chọn hai lần." });
}

export const createProvincialCriterionSchema = criterionBase.superRefine(criterionRules);
export type ProvincialCriterionInput = z.output<typeof createProvincialCriterionSchema>;
/** The edit form: the same fields, flat, with the row and its version. */
export const updateProvincialCriterionSchema = criterionBase
  .extend({ criterionId: idField("Tiêu chí không hợp lệ."), version: savedVersionField })
  .superRefine(criterionRules);
export const retireProvincialCriterionSchema = z.object({
  criterionId: idField("Tiêu chí không hợp lệ."),
  version: savedVersionField,
  reason: requiredText("Vui lòng nêu lý do.", 500, "Lý do tối đa 500 ký tự.", 5, "Lý do cần từ 5 ký tự."),
});
