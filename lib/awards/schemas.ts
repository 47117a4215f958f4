/**
 * The commendation forms' schemas, shared by the forms and their server actions (issue 14 §3).
 */
import { z } from "zod";
import { idField, optionalId, optionalText, pastDate, requiredText, savedVersionField, yearField, evenWithOtherErrors } from "@/lib/validation/input-rules";
import { AWARD_KINDS } from "./kinds";

const proposalId = idField("Đề nghị khen thưởng không hợp lệ.");
const achievement = requiredText("Vui lòng nhập thành tích.", 4000, "Thành tích tối đa 4000 ký tự.", 10, "Thành tích cần ít nhất 10 ký tự.");

export const createProposalSchema = z.object({
  year: yearField,
  awardKind: z.enum(AWARD_KINDS, { error: "Vui lòng chọn hình thức khen thưởng." }),
  title: optionalText(300, "Tiêu đề tối đa 300 ký tự."),
});
export type CreateProposalInput = z.output<typeof createProposalSchema>;

/** A collective from the candidate list: exactly one of unitId / participantId. */
export const addCollectiveNomineeSchema = z
  .object({
    proposalId,
    version: savedVersionField,
    unitId: optionalId("Đơn vị không hợp lệ."),
    participantId: optionalId("Tập thể không hợp lệ."),
    achievement,
  })
  .refine((v) => (v.unitId ? 1 : 0) + (v.participantId ? 1 : 0) === 1, { message: "Vui lòng chọn một tập thể trong danh sách đề xuất.", path: ["unitId"], ...evenWithOtherErrors });
export type AddCollectiveNomineeInput = z.output<typeof addCollectiveNomineeSchema>;

/** An individual, entered by hand, with the workplace (a unit or a participant). */
export const addIndividualNomineeSchema = z
  .object({
    proposalId,
    version: savedVersionField,
    fullName: requiredText("Vui lòng nhập họ và tên.", 120, "Họ và tên tối đa 120 ký tự.", 3, "Họ và tên cần ít nhất 3 ký tự."),
    jobTitle: requiredText("Vui lòng nhập chức vụ.", 150, "Chức vụ tối đa 150 ký tự.", 2),
    workUnitId: optionalId("Nơi công tác không hợp lệ."),
    workParticipantId: optionalId("Nơi công tác không hợp lệ."),
    achievement,
  })
  .refine((v) => (v.workUnitId ? 1 : 0) + (v.workParticipantId ? 1 : 0) === 1, { message: "Vui lòng chọn nơi công tác.", path: ["workUnitId"], ...evenWithOtherErrors });
export type AddIndividualNomineeInput = z.output<typeof addIndividualNomineeSchema>;

export const removeNomineeSchema = z.object({ proposalId, version: savedVersionField, nomineeId: idField("Người, tập thể được đề nghị không hợp lệ.") });

export const submitProposalSchema = z.object({
  proposalId,
  version: savedVersionField,
  submissionNumber: requiredText("Vui lòng nhập số tờ trình.", 50, "Số tờ trình tối đa 50 ký tự.", 3, "Số tờ trình không hợp lệ (ví dụ 15/TTr-CAT)."),
  submittedOn: pastDate("Vui lòng nhập ngày tờ trình.", "Ngày tờ trình không được sau ngày hôm nay."),
});
export type SubmitProposalInput = z.output<typeof submitProposalSchema>;

/**
 * The award decision: given by an authority of the registry (numbered by the product), or recorded
 * from outside (a national decision, a head outside the registry) with its issuer and number.
 */
export const recordDecisionSchema = z
  .object({
    proposalId,
    version: savedVersionField,
    authorityId: optionalId("Cơ quan ban hành không hợp lệ."),
    issuerName: optionalText(200, "Người, cơ quan ban hành tối đa 200 ký tự."),
    number: optionalText(50, "Số quyết định tối đa 50 ký tự."),
    issuedOn: pastDate("Vui lòng nhập ngày ban hành.", "Ngày ban hành không được sau ngày hôm nay."),
    signerName: requiredText("Vui lòng nhập họ tên người ký.", 120, "Họ tên người ký tối đa 120 ký tự.", 3),
    signerTitle: requiredText("Vui lòng nhập chức vụ người ký.", 120, "Chức vụ người ký tối đa 120 ký tự.", 3),
  })
  .superRefine((v, ctx) => {
    if (v.authorityId && (v.number || v.issuerName)) ctx.addIssue({ code: "custom", path: ["number"], message: "Quyết định của cơ quan trong danh mục được cấp số tự động; không nhập số." });
    if (!v.authorityId && !v.number) ctx.addIssue({ code: "custom", path: ["number"], message: "Vui lòng nhập số quyết định (hoặc chọn cơ quan ban hành để cấp số tự động)." });
  });
export type RecordDecisionInput = z.output<typeof recordDecisionSchema>;

export const withdrawProposalSchema = z.object({
  proposalId,
  version: savedVersionField,
  reason: requiredText("Vui lòng nhập lý do rút đề nghị.", 1000, "Lý do tối đa 1000 ký tự.", 5, "Lý do cần ít nhất 5 ký tự."),
});

