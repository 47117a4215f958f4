/** zod schemas for the movement-model form (mô hình phong trào), shared by the form and its server actions. */
import { z } from "zod";
import { checkbox, evenWithOtherErrors, idField, optionalDate, optionalText, requiredText, unitIdField, yearField } from "@/lib/validation/input-rules";

const fields = {
  unitId: unitIdField,
  year: yearField,
  name: requiredText("Vui lòng nhập tên mô hình.", 200, "Tên mô hình tối đa 200 ký tự.", 3, "Tên mô hình cần từ 3 ký tự."),
  description: optionalText(2000, "Mô tả tối đa 2000 ký tự."),
  startedOn: optionalDate,
  isEffective: checkbox,
};

/** A model running in year Y cannot have started after 31/12 of Y. */
function startedByYearEnd(v: { year: unknown; startedOn: unknown }, ctx: z.RefinementCtx) {
  if (typeof v.year === "number" && typeof v.startedOn === "string" && /^\d{4}-\d{2}-\d{2}$/.test(v.startedOn) && v.startedOn > `${v.year}-12-31`) {
    ctx.addIssue({ code: "custom", path: ["startedOn"], message: `Ngày bắt đầu không được sau năm đánh giá ${v.year}.` });
  }
}

export const createModelSchema = z.object(fields).superRefine(startedByYearEnd, evenWithOtherErrors);
export const updateModelSchema = z.object({ ...fields, modelId: idField("Mô hình không hợp lệ.") }).superRefine(startedByYearEnd, evenWithOtherErrors);
export const deleteModelSchema = z.object({ unitId: unitIdField, modelId: idField("Mô hình không hợp lệ.") });

export type CreateModelInput = z.output<typeof createModelSchema>;
export type UpdateModelInput = z.output<typeof updateModelSchema>;
