/**
 * zod schemas of the movement's administration (issue 14 §1): scoring sheets (their lines and
 * classes) and participants, shared by the admin forms and their server actions. Pure.
 */
import { z } from "zod";
import { INVALID_CHOICE, checkbox, idField, optionalId, optionalText, requiredText, savedVersionField, yearField } from "@/lib/validation/input-rules";
import { registryCodeField } from "@/lib/registry/unit-schemas";
import { PARTICIPANT_GROUPS, SCORED_GROUPS } from "./groups";
import { isPrefillKey } from "./prefill-keys";

/** Decimal(6,2): the largest number a points column holds. */
export const MAX_POINTS = 9999.99;
const POINTS_PATTERN = /^\d{1,4}(\.\d{1,2})?$/;

/**
 * Points typed in a text box: "12", "12,5" or "12.25"; at most two decimals (the sheets use 0,5
 * and 0,25 points), never negative. Returned as a number whose hundredths are exact.
 */
export const pointsField = (message = "Điểm là số không âm, tối đa hai chữ số thập phân (ví dụ: 12,5).") =>
  z.preprocess(
    (v) => {
      if (typeof v === "number") return Number.isFinite(v) ? String(v) : v;
      return typeof v === "string" ? v.trim().replace(",", ".") : v;
    },
    z
      .string({ error: message })
      .min(1, "Vui lòng nhập số điểm.")
      .regex(POINTS_PATTERN, message)
      .transform((v) => Math.round(Number(v) * 100) / 100)
      .refine((v) => v <= MAX_POINTS, `Điểm tối đa ${String(MAX_POINTS).replace(".", ",")}.`),
  );

export const scoredGroupField = z.enum(SCORED_GROUPS, { error: "Vui lòng chọn nhóm đối tượng được chấm điểm." });
export const participantGroupField = z.enum(PARTICIPANT_GROUPS, { error: "Vui lòng chọn nhóm (sở, ban, ngành hoặc Mặt trận, đoàn thể)." });

const sheetId = idField("Bảng chấm điểm không hợp lệ.");
const titleField = requiredText("Vui lòng nhập tên bảng chấm điểm.", 300, "Tên bảng chấm điểm tối đa 300 ký tự.", 5, "Tên bảng chấm điểm cần từ 5 ký tự.");
const sourceField = requiredText("Vui lòng nêu văn bản làm căn cứ (nguồn) của bảng chấm điểm.", 1000, "Nguồn tối đa 1.000 ký tự.", 5, "Nguồn cần từ 5 ký tự.");

// ───────────── Sheets ─────────────

export const createSheetSchema = z.object({ year: yearField, group: scoredGroupField, title: titleField, source: sourceField, provisional: checkbox });
export type CreateSheetInput = z.output<typeof createSheetSchema>;

/** Copy the group's latest earlier sheet into `year`, as a draft. */
export const copySheetSchema = z.object({ year: yearField, group: scoredGroupField });

export const updateSheetSchema = z.object({ sheetId, version: savedVersionField, title: titleField, source: sourceField, provisional: checkbox });
export type UpdateSheetInput = z.output<typeof updateSheetSchema>;

export const publishSheetSchema = z.object({ sheetId, version: savedVersionField });

// ───────────── Lines ─────────────

/** "XA-1", "CQDN-3.2": upper-case letters, digits, dot, dash; stable within the sheet. */
export const lineCodeField = z
  .string({ error: "Vui lòng nhập mã tiêu chí." })
  .trim()
  .toUpperCase()
  .min(1, "Vui lòng nhập mã tiêu chí.")
  .max(20, "Mã tiêu chí tối đa 20 ký tự.")
  .regex(/^[A-Z0-9][A-Z0-9._-]*$/, "Mã tiêu chí chỉ gồm chữ in hoa không dấu, số, dấu chấm, gạch ngang (ví dụ: XA-1).");

const optionalPrefillKey = z.preprocess(
  (v) => (v === undefined || v === null || (typeof v === "string" && v.trim() === "") ? null : v),
  z.string({ error: INVALID_CHOICE }).refine(isPrefillKey, INVALID_CHOICE).nullable(),
);

export const lineFields = z.object({
  code: lineCodeField,
  section: optionalText(300, "Nhóm nội dung tối đa 300 ký tự."),
  text: requiredText("Vui lòng nhập nội dung tiêu chí.", 2000, "Nội dung tiêu chí tối đa 2.000 ký tự.", 5, "Nội dung tiêu chí cần từ 5 ký tự."),
  maxPoints: pointsField("Điểm tối đa là số dương, tối đa hai chữ số thập phân (ví dụ: 12,5).").refine((v) => v > 0, "Điểm tối đa phải lớn hơn 0."),
  evidenceHint: optionalText(1000, "Tài liệu kiểm chứng tối đa 1.000 ký tự."),
  /** Checked against the sheet's group by the use-case (the schema does not know the sheet). */
  prefillKey: optionalPrefillKey,
});
export type LineInput = z.output<typeof lineFields>;

export const addLineSchema = lineFields.extend({ sheetId, version: savedVersionField });
export const updateLineSchema = lineFields.extend({ sheetId, version: savedVersionField, criterionId: idField("Tiêu chí không hợp lệ.") });
export const removeLineSchema = z.object({ sheetId, version: savedVersionField, criterionId: idField("Tiêu chí không hợp lệ.") });
export const moveLineSchema = z.object({
  sheetId,
  version: savedVersionField,
  criterionId: idField("Tiêu chí không hợp lệ."),
  direction: z.enum(["up", "down"], { error: INVALID_CHOICE }),
});

// ───────────── Classes ─────────────

export const classCodeField = z
  .string({ error: "Vui lòng nhập mã mức xếp loại." })
  .trim()
  .toUpperCase()
  .min(1, "Vui lòng nhập mã mức xếp loại.")
  .max(20, "Mã mức xếp loại tối đa 20 ký tự.")
  .regex(/^[A-Z][A-Z0-9_]*$/, "Mã mức xếp loại chỉ gồm chữ in hoa không dấu, số và dấu gạch dưới (ví dụ: XUAT_SAC).");

export const classFields = z.object({
  code: classCodeField,
  name: requiredText("Vui lòng nhập tên mức xếp loại.", 100, "Tên mức xếp loại tối đa 100 ký tự.", 2, "Tên mức xếp loại cần từ 2 ký tự."),
  minPoints: pointsField("Điểm sàn là số không âm, tối đa hai chữ số thập phân (ví dụ: 89,5)."),
  requiresRecognition: checkbox,
});
export type ClassInput = z.output<typeof classFields>;

/** Every class of the sheet at once, best first: the rank is the row's order. */
export const saveClassesSchema = z.object({
  sheetId,
  version: savedVersionField,
  classes: z.array(classFields, { error: "Danh sách mức xếp loại không hợp lệ." }).min(1, "Bảng chấm điểm cần ít nhất một mức xếp loại.").max(10, "Tối đa 10 mức xếp loại."),
});

// ───────────── Participants ─────────────

const participantFields = z.object({
  code: registryCodeField,
  name: requiredText("Vui lòng nhập tên.", 300, "Tên tối đa 300 ký tự.", 2, "Tên cần từ 2 ký tự."),
  group: participantGroupField,
  /** The registry's authority of kind SO_NGANH when the participant is one. */
  authorityId: optionalId("Cơ quan được chọn không hợp lệ."),
});
export const createParticipantSchema = participantFields;
export type ParticipantInput = z.output<typeof participantFields>;
export const updateParticipantSchema = participantFields.extend({ participantId: idField("Thành phần tham gia không hợp lệ."), version: savedVersionField });
const active = z.union([z.boolean(), z.enum(["true", "false"]).transform((v) => v === "true")], { error: INVALID_CHOICE });
export const setParticipantActiveSchema = z.object({
  participantId: idField("Thành phần tham gia không hợp lệ."),
  version: savedVersionField,
  active,
  reason: requiredText("Vui lòng nêu lý do.", 500, "Lý do tối đa 500 ký tự.", 5, "Lý do cần từ 5 ký tự."),
});
