/**
 * The rules of editing a scoring sheet (issue 14 §1, ADR 0030): what publishing needs, which
 * pre-fill keys a group's lines may name, the order of lines, and the title of a copied sheet.
 * Pure: no I/O.
 */
import type { MovementGroup } from "@/lib/generated/prisma/enums";
import { classesProblems, maxTotal, type SheetClass, type SheetLine } from "./classification";
import { PREFILL_KEYS, type PrefillKey } from "./prefill-keys";

/** The pre-fill keys a line of this group's sheet may name (a key knows which groups it serves). */
export function prefillKeysFor(group: MovementGroup): PrefillKey[] {
  return (Object.keys(PREFILL_KEYS) as PrefillKey[]).filter((k) => (PREFILL_KEYS[k].groups as readonly MovementGroup[]).includes(group));
}

export function prefillKeyProblem(group: MovementGroup, key: string | null): string | null {
  if (key === null) return null;
  return (prefillKeysFor(group) as string[]).includes(key) ? null : "Dữ liệu gợi ý này không áp dụng cho nhóm đối tượng của bảng chấm điểm.";
}

/** Why a sheet cannot be published yet (empty: it can). */
export function publishProblems(lines: readonly SheetLine[], classes: readonly SheetClass[]): string[] {
  const problems: string[] = [];
  if (lines.length === 0) problems.push("Bảng chấm điểm cần ít nhất một tiêu chí trước khi công bố.");
  else problems.push(...classesProblems(classes, maxTotal(lines)).map((p) => p.message));
  return problems;
}

/**
 * The positions after moving one line up or down: the ids in their new order. Unchanged when the
 * line is already first (up) or last (down), or not on the sheet.
 */
export function moveInOrder(ids: readonly string[], id: string, direction: "up" | "down"): string[] {
  const order = [...ids];
  const i = order.indexOf(id);
  const j = direction === "up" ? i - 1 : i + 1;
  if (i < 0 || j < 0 || j >= order.length) return order;
  [order[i], order[j]] = [order[j]!, order[i]!];
  return order;
}

/** A copied sheet's title names its own year: "… năm 2025" becomes "… năm 2026". */
export function copiedTitle(title: string, fromYear: number, toYear: number): string {
  const replaced = title.replaceAll(String(fromYear), String(toYear));
  return replaced === title ? `${title} (năm ${toYear})` : replaced;
}

/**
 * The classes a new sheet starts with, best first (ADR 0030 addendum: our provisional cut-offs,
 * domain spec §5.1); the admin changes them like any others. "Xuất sắc" needs the year's TT124
 * recognition for the groups of TT124 units; participants are not TT124 units.
 */
export function defaultClasses(group: MovementGroup): { code: string; name: string; minPoints: number; requiresRecognition: boolean }[] {
  const tt124 = group === "COMMUNE" || group === "AGENCY_ENTERPRISE" || group === "RESIDENTIAL_AREA";
  return [
    { code: "XUAT_SAC", name: "Xuất sắc", minPoints: 90, requiresRecognition: tt124 },
    { code: "KHA", name: "Khá", minPoints: 70, requiresRecognition: false },
    { code: "TRUNG_BINH", name: "Trung bình", minPoints: 50, requiresRecognition: false },
    { code: "YEU", name: "Yếu", minPoints: 0, requiresRecognition: false },
  ];
}

export type SheetStatusView = "NONE" | "DRAFT" | "PUBLISHED" | "FROZEN";

export const SHEET_STATUS_LABEL: Readonly<Record<SheetStatusView, string>> = {
  NONE: "Chưa có bảng",
  DRAFT: "Bản nháp",
  PUBLISHED: "Đã công bố",
  FROZEN: "Đã công bố, đã khóa",
};

/** The message of every refused change to a frozen sheet. */
export const FROZEN_MESSAGE =
  "Bảng chấm điểm đã khóa: đã có đơn vị nộp kết quả tự chấm theo bảng này nên không sửa được nữa. Muốn thay đổi cho năm sau, hãy tạo bảng của năm sau.";
