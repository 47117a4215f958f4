/**
 * The award kinds of plan 195/KH-UBND §III.2 a) (seed 003) and what the product needs to know
 * about each: its Vietnamese name, who gives it, and whether the province gives it itself or only
 * proposes it upward. Pure: no I/O.
 */
import type { AwardKind, CommendationProposalState } from "@/lib/generated/prisma/enums";

export const AWARD_KINDS = [
  "GIAY_KHEN",
  "BANG_KHEN_CHU_TICH_UBND_TINH",
  "CO_THI_DUA_UBND_TINH",
  "BANG_KHEN_THU_TUONG",
  "HUAN_CHUONG_LAO_DONG",
  "CO_THI_DUA_CHINH_PHU",
] as const satisfies readonly AwardKind[];

export const AWARD_KIND_LABELS: Record<AwardKind, string> = {
  GIAY_KHEN: "Giấy khen",
  BANG_KHEN_CHU_TICH_UBND_TINH: "Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh",
  CO_THI_DUA_UBND_TINH: "Cờ thi đua của Ủy ban nhân dân tỉnh",
  BANG_KHEN_THU_TUONG: "Bằng khen của Thủ tướng Chính phủ",
  HUAN_CHUONG_LAO_DONG: "Huân chương Lao động",
  CO_THI_DUA_CHINH_PHU: "Cờ thi đua của Chính phủ",
};

/** Short labels for lists and badges. */
export const AWARD_KIND_SHORT_LABELS: Record<AwardKind, string> = {
  GIAY_KHEN: "Giấy khen",
  BANG_KHEN_CHU_TICH_UBND_TINH: "Bằng khen UBND tỉnh",
  CO_THI_DUA_UBND_TINH: "Cờ thi đua UBND tỉnh",
  BANG_KHEN_THU_TUONG: "Bằng khen Thủ tướng",
  HUAN_CHUONG_LAO_DONG: "Huân chương Lao động",
  CO_THI_DUA_CHINH_PHU: "Cờ thi đua Chính phủ",
};

/**
 * Who decides: the province itself (its People's Committee, numbered in the authority's register
 * of decisions), a head of an agency or a commune chairman (Giấy khen: the head may be outside
 * the registry, e.g. the Director of the provincial police), or the national level (the province
 * proposes upward; the decision is recorded with its number as printed).
 */
export type AwardLevel = "PROVINCE" | "AGENCY_OR_COMMUNE" | "NATIONAL";

export const AWARD_LEVEL: Record<AwardKind, AwardLevel> = {
  GIAY_KHEN: "AGENCY_OR_COMMUNE",
  BANG_KHEN_CHU_TICH_UBND_TINH: "PROVINCE",
  CO_THI_DUA_UBND_TINH: "PROVINCE",
  BANG_KHEN_THU_TUONG: "NATIONAL",
  HUAN_CHUONG_LAO_DONG: "NATIONAL",
  CO_THI_DUA_CHINH_PHU: "NATIONAL",
};

/** The issuer printed when a national decision is recorded and the person types none. */
export const NATIONAL_ISSUERS: Partial<Record<AwardKind, string>> = {
  BANG_KHEN_THU_TUONG: "Thủ tướng Chính phủ",
  HUAN_CHUONG_LAO_DONG: "Chủ tịch nước Cộng hòa xã hội chủ nghĩa Việt Nam",
  CO_THI_DUA_CHINH_PHU: "Thủ tướng Chính phủ",
};

/** Whether the award goes to collectives only (the flags) or also to individuals. */
export const COLLECTIVE_ONLY: Record<AwardKind, boolean> = {
  GIAY_KHEN: false,
  BANG_KHEN_CHU_TICH_UBND_TINH: false,
  CO_THI_DUA_UBND_TINH: true,
  BANG_KHEN_THU_TUONG: false,
  HUAN_CHUONG_LAO_DONG: false,
  CO_THI_DUA_CHINH_PHU: true,
};

export const PROPOSAL_STATE_LABELS: Record<CommendationProposalState, string> = {
  DRAFT: "Đang chuẩn bị",
  SUBMITTED: "Đã trình",
  DECIDED: "Đã có quyết định",
  WITHDRAWN: "Đã rút",
};

export const PROPOSAL_STATE_TONES: Record<CommendationProposalState, "slate" | "blue" | "green" | "amber"> = {
  DRAFT: "slate",
  SUBMITTED: "blue",
  DECIDED: "green",
  WITHDRAWN: "amber",
};

/** The default title of a proposal: "Đề nghị tặng Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh năm 2026". */
export function defaultProposalTitle(kind: AwardKind, year: number): string {
  const verb = kind === "HUAN_CHUONG_LAO_DONG" ? "tặng thưởng" : "tặng";
  return `Đề nghị ${verb} ${AWARD_KIND_LABELS[kind]} trong Phong trào toàn dân bảo vệ an ninh Tổ quốc năm ${year}`;
}
