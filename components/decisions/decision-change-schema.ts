/**
 * Schemas of the two acts on an issued decision (ADR "decision correction and cancellation"),
 * shared by their forms and server actions:
 * - đính chính: a typo in the signer, a unit's name in the annex or the date; a new version of the
 *   text under the same number, with a note saying what was corrected;
 * - hủy quyết định: the decision was issued by mistake; a reason and the cancelling document.
 * The date rule is checked again in the use-case against the decision's stored year.
 */
import { z } from "zod";
import { calendarDate, requiredText, savedVersionField, yearField } from "@/lib/validation/input-rules";
import { issuedOnProblem } from "./decision-form-schema";
import { reasonField, referenceField } from "@/lib/dossiers/reason-schema";

const decisionId = z.uuid("Mã quyết định không hợp lệ.");

export const decisionCorrectionSchema = z
  .object({
    decisionId,
    /** The text version the person corrected (optimistic concurrency). */
    textVersion: savedVersionField,
    year: yearField,
    issuedOn: calendarDate("Vui lòng nhập ngày ban hành.", "Ngày ban hành không hợp lệ (dd/mm/yyyy)."),
    signerName: requiredText("Vui lòng nhập họ tên người ký.", 120, "Họ tên người ký tối đa 120 ký tự.", 3),
    signerTitle: requiredText("Vui lòng nhập chức vụ người ký.", 120, "Chức vụ người ký tối đa 120 ký tự.", 3),
    units: z
      .array(
        z.object({
          dossierId: z.uuid("Mã hồ sơ không hợp lệ."),
          unitName: requiredText("Vui lòng nhập tên đơn vị.", 300, "Tên đơn vị tối đa 300 ký tự.", 2, "Tên đơn vị quá ngắn."),
        }),
        { error: "Danh sách đơn vị không hợp lệ." },
      )
      .max(2000, "Một quyết định công nhận tối đa 2000 đơn vị."),
    note: requiredText("Vui lòng ghi nội dung đính chính.", 1000, "Nội dung đính chính tối đa 1000 ký tự.", 10, "Nội dung đính chính cần cụ thể (ít nhất 10 ký tự)."),
  })
  .superRefine((value, ctx) => {
    if (typeof value.issuedOn !== "string" || !/^\d{4}-\d{2}-\d{2}$/.test(value.issuedOn) || !Number.isInteger(value.year)) return;
    const problem = issuedOnProblem(value.year, value.issuedOn);
    if (problem) ctx.addIssue({ code: "custom", path: ["issuedOn"], message: problem });
  });
export type DecisionCorrectionInput = z.output<typeof decisionCorrectionSchema>;

export const decisionCancellationSchema = z.object({
  decisionId,
  textVersion: savedVersionField,
  reason: requiredText("Vui lòng nêu rõ lý do hủy quyết định.", 2000, "Lý do tối đa 2000 ký tự.", 10, "Lý do cần cụ thể (ít nhất 10 ký tự)."),
  reference: requiredText("Vui lòng ghi số, ký hiệu văn bản hủy quyết định.", 200, "Số, ký hiệu văn bản tối đa 200 ký tự.", 3),
});
export type DecisionCancellationInput = z.output<typeof decisionCancellationSchema>;

/**
 * Thu hồi công nhận for several units of one decision at once (issue 12 §2): the units chosen, each
 * with the dossier version the person saw, one reason and one revoking document for all of them.
 * The same reason and reference rules as the single revocation on a dossier page.
 */
export const decisionRevocationSchema = z.object({
  decisionId,
  dossiers: z
    .array(z.object({ dossierId: z.uuid("Mã hồ sơ không hợp lệ."), version: savedVersionField }), { error: "Danh sách đơn vị không hợp lệ." })
    .min(1, "Vui lòng chọn ít nhất một đơn vị để thu hồi công nhận.")
    .max(2000, "Một lần thu hồi tối đa 2000 đơn vị."),
  reason: reasonField,
  reference: referenceField,
});
export type DecisionRevocationInput = z.output<typeof decisionRevocationSchema>;
