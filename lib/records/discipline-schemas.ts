/** zod schemas for the discipline-record form, shared by the form and its server actions. */
import { z } from "zod";
import {
  DISCIPLINE_LADDERS,
  DISCIPLINE_LEVEL_LABELS,
  DISCIPLINE_LEVELS,
  PERSONNEL_TYPE_LABELS,
  PERSONNEL_TYPES,
} from "@/lib/domain/vocabulary";
import { checkbox, evenWithOtherErrors, idField, optionalId, optionalText, pastDate, requiredText, unitIdField } from "@/lib/validation/input-rules";

const fields = {
  unitId: unitIdField,
  /** An existing person of the unit (create only); empty: a new person. */
  personId: optionalId("Người được chọn không hợp lệ.").optional(),
  fullName: requiredText("Vui lòng nhập họ và tên.", 120, "Họ và tên tối đa 120 ký tự.", 2, "Họ và tên cần từ 2 ký tự."),
  personnelType: z.enum(PERSONNEL_TYPES, { error: "Vui lòng chọn đối tượng." }),
  position: optionalText(150, "Chức vụ tối đa 150 ký tự."),
  isSecurityForceMember: checkbox,
  subUnitId: optionalId("Đơn vị trực thuộc không hợp lệ."),
  level: z.enum(DISCIPLINE_LEVELS, { error: "Vui lòng chọn hình thức kỷ luật." }),
  decidedOn: pastDate("Vui lòng nhập ngày quyết định kỷ luật.", "Ngày quyết định không được sau ngày hôm nay."),
  decisionRef: optionalText(100, "Số quyết định tối đa 100 ký tự."),
  reason: requiredText("Vui lòng nhập lý do kỷ luật.", 1000, "Lý do tối đa 1000 ký tự.", 3, "Lý do cần từ 3 ký tự."),
  forSocialEvil: checkbox,
};

/** The level must exist on the ladder of the person's type (DISCIPLINE_LADDERS). */
function levelOnLadder(v: { personnelType: unknown; level: unknown }, ctx: z.RefinementCtx) {
  const type = PERSONNEL_TYPES.find((t) => t === v.personnelType);
  const level = DISCIPLINE_LEVELS.find((l) => l === v.level);
  if (type && level && !DISCIPLINE_LADDERS[type].includes(level)) {
    ctx.addIssue({
      code: "custom",
      path: ["level"],
      message: `Hình thức “${DISCIPLINE_LEVEL_LABELS[level]}” không áp dụng cho đối tượng “${PERSONNEL_TYPE_LABELS[type]}”.`,
    });
  }
}

export const createDisciplineSchema = z.object(fields).superRefine(levelOnLadder, evenWithOtherErrors);
export const updateDisciplineSchema = z.object({ ...fields, recordId: idField("Quyết định kỷ luật không hợp lệ.") }).superRefine(levelOnLadder, evenWithOtherErrors);
export const deleteDisciplineSchema = z.object({ unitId: unitIdField, recordId: idField("Quyết định kỷ luật không hợp lệ.") });

export type CreateDisciplineInput = z.output<typeof createDisciplineSchema>;
export type UpdateDisciplineInput = z.output<typeof updateDisciplineSchema>;
