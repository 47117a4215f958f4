/** zod schemas for the sub-unit forms (phòng, ban, tổ, đội, khoa…), shared by forms and server actions. */
import { z } from "zod";
import { EMULATION_RESULTS, type EmulationResult } from "@/lib/domain/vocabulary";
import { checkbox, idField, INVALID_CHOICE, optionalEnum, optionalText, requiredText, unitIdField, yearField } from "@/lib/validation/input-rules";

/** Mirrors the SubUnitKind enum of prisma/schema.prisma (not in lib/domain/vocabulary yet). */
export const SUB_UNIT_KINDS = ["PHONG", "BAN", "TO", "DOI", "KHOA", "TRUNG_TAM", "PHAN_XUONG", "CHI_NHANH", "KHAC"] as const;
export type SubUnitKind = (typeof SUB_UNIT_KINDS)[number];

export const SUB_UNIT_KIND_LABELS: Record<SubUnitKind, string> = {
  PHONG: "Phòng",
  BAN: "Ban",
  TO: "Tổ",
  DOI: "Đội",
  KHOA: "Khoa",
  TRUNG_TAM: "Trung tâm",
  PHAN_XUONG: "Phân xưởng",
  CHI_NHANH: "Chi nhánh",
  KHAC: "Khác",
};

/**
 * Results that meet CQDN-5 / CSGD-6 ("đạt danh hiệu Tập thể lao động tiên tiến hoặc được đánh giá
 * Hoàn thành tốt nhiệm vụ trở lên").
 */
export const GOOD_RESULTS: readonly EmulationResult[] = ["TTLDTT", "HTXSNV", "HTTNV"];

const subUnitFields = {
  unitId: unitIdField,
  name: requiredText("Vui lòng nhập tên đơn vị trực thuộc.", 150, "Tên tối đa 150 ký tự.", 2, "Tên cần từ 2 ký tự."),
  kind: z.enum(SUB_UNIT_KINDS, { error: "Vui lòng chọn loại đơn vị trực thuộc." }),
  eligibleForRating: checkbox,
  isSecurityForce: checkbox,
};

export const createSubUnitSchema = z.object(subUnitFields);
export const updateSubUnitSchema = z.object({ ...subUnitFields, subUnitId: idField("Đơn vị trực thuộc không hợp lệ.") });

/** Sets (or clears, with "") a sub-unit's emulation result for the year. */
export const subUnitResultSchema = z.object({
  unitId: unitIdField,
  subUnitId: idField("Đơn vị trực thuộc không hợp lệ."),
  year: yearField,
  result: optionalEnum(EMULATION_RESULTS, "Kết quả xếp loại không hợp lệ."),
  decisionRef: optionalText(100, "Số quyết định tối đa 100 ký tự.").optional(),
});

/** Deactivate (active: false) or reactivate a sub-unit. */
export const subUnitStatusSchema = z.object({
  unitId: unitIdField,
  subUnitId: idField("Đơn vị trực thuộc không hợp lệ."),
  active: z.boolean({ error: INVALID_CHOICE }),
});

export const deleteSubUnitSchema = z.object({ unitId: unitIdField, subUnitId: idField("Đơn vị trực thuộc không hợp lệ.") });

export type CreateSubUnitInput = z.output<typeof createSubUnitSchema>;
export type UpdateSubUnitInput = z.output<typeof updateSubUnitSchema>;
export type SubUnitResultInput = z.output<typeof subUnitResultSchema>;
