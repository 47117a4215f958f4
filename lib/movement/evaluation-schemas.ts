/** zod schemas of the movement evaluation's forms, shared by the forms and their server actions. */
import { z } from "zod";
import { checkbox, idField, optionalText, savedVersionField, unitIdField, yearField } from "@/lib/validation/input-rules";

export const POINTS_MESSAGE = "Điểm phải là số không âm, tối đa hai chữ số thập phân (ví dụ 7,5).";
const blank = (v: unknown) => v === undefined || v === null || (typeof v === "string" && v.trim() === "");

/** Points typed in a box ("7,5" or "7.5"); empty → null. The sheet's maximum is the use-case's check. */
export const optionalPoints = z.preprocess(
  (v) => (blank(v) ? null : typeof v === "string" ? (/^\s*\d{1,4}([.,]\d{1,2})?\s*$/.test(v) ? Number(v.trim().replace(",", ".")) : Number.NaN) : v),
  z.number({ error: POINTS_MESSAGE }).min(0, POINTS_MESSAGE).max(9999.99, POINTS_MESSAGE).nullable(),
);

const evaluationId = idField("Phiếu chấm điểm không hợp lệ.");
const criterionId = idField("Tiêu chí không hợp lệ.");
const MAX_LINES = 200;

export const openUnitEvaluationSchema = z.object({ unitId: unitIdField, year: yearField });
export const openParticipantEvaluationSchema = z.object({ participantId: idField("Đơn vị tham gia không hợp lệ."), year: yearField });

export const saveSelfScoresSchema = z.object({
  evaluationId,
  version: savedVersionField,
  lines: z
    .array(z.object({ criterionId, selfPoints: optionalPoints, explanation: optionalText(2000, "Giải trình tối đa 2000 ký tự.") }), { error: "Danh sách tiêu chí không hợp lệ." })
    .max(MAX_LINES, "Danh sách tiêu chí không hợp lệ."),
});

export const evaluationVersionSchema = z.object({ evaluationId, version: savedVersionField });

const reviewLines = z
  .array(
    z.object({
      criterionId,
      reviewedPoints: optionalPoints,
      comment: optionalText(2000, "Nhận xét tối đa 2000 ký tự."),
      flagged: checkbox,
    }),
    { error: "Danh sách tiêu chí không hợp lệ." },
  )
  .max(MAX_LINES, "Danh sách tiêu chí không hợp lệ.");

export const saveReviewSchema = z.object({ evaluationId, version: savedVersionField, lines: reviewLines });
export const returnEvaluationSchema = z.object({ evaluationId, version: savedVersionField, reason: optionalText(2000, "Lý do trả lại tối đa 2000 ký tự."), lines: reviewLines.optional() });
export const classifyEvaluationSchema = z.object({ evaluationId, version: savedVersionField, lines: reviewLines.optional() });
export const removeMovementEvidenceSchema = z.object({ evaluationId, fileId: idField("Tệp minh chứng không hợp lệ.") });
