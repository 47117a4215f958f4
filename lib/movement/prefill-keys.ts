/**
 * What the product already knows that a scoring line may be pre-filled from (issue 14 §2). A
 * ScoringCriterion names one of these in `prefillKey`; lib/movement/prefill.ts computes the
 * suggestion from the unit's data. The unit's officer may still change the score (with an
 * explanation); the reviewer sees the suggestion beside it. Pure data.
 */
import type { MovementGroup } from "@/lib/generated/prisma/enums";

export const PREFILL_KEYS = {
  /** The TT124 registration (đăng ký phấn đấu) was made in quarter I of the year, not late. */
  registeredInQuarterI: { label: "Đăng ký phấn đấu đạt tiêu chuẩn “An toàn về an ninh, trật tự” trong quý I", groups: ["COMMUNE", "AGENCY_ENTERPRISE", "RESIDENTIAL_AREA"] },
  /** The registration cites a Party resolution (nghị quyết) dated in quarter I. */
  partyResolutionInQuarterI: { label: "Quý I có nghị quyết của tổ chức Đảng (chi bộ, Đảng ủy)", groups: ["COMMUNE", "AGENCY_ENTERPRISE", "RESIDENTIAL_AREA"] },
  /** The registration cites the unit's plan (kế hoạch) on security and order. */
  unitPlan: { label: "Có kế hoạch bảo đảm an ninh, trật tự", groups: ["COMMUNE", "AGENCY_ENTERPRISE"] },
  /** The unit was recognised under TT124 for the same year. */
  recognisedUnderTt124: { label: "Được công nhận đạt tiêu chuẩn “An toàn về an ninh, trật tự” trong năm", groups: ["COMMUNE", "AGENCY_ENTERPRISE", "RESIDENTIAL_AREA"] },
  /** At least one effective movement model recorded for the year (MovementModel.isEffective). */
  effectiveModel: { label: "Có ít nhất 01 mô hình phong trào hoạt động hiệu quả", groups: ["COMMUNE", "AGENCY_ENTERPRISE"] },
  /** Nobody of the unit disciplined in the year, at any level (communes, residential areas). */
  noDiscipline: { label: "Không có cá nhân vi phạm bị xử lý kỷ luật", groups: ["COMMUNE", "RESIDENTIAL_AREA"] },
  /** Nobody of the unit disciplined in the year from "cảnh cáo" up (agencies, seed 004 d). */
  noDisciplineFromWarning: { label: "Không có cá nhân bị kỷ luật từ hình thức cảnh cáo trở lên", groups: ["AGENCY_ENTERPRISE"] },
  /** ≥ 70 % of the sub-units eligible for rating are "Tập thể LĐTT" or "Hoàn thành tốt nhiệm vụ" and above. */
  subUnitsSeventyPercent: { label: "70% trở lên số đầu mối trực thuộc đạt “Tập thể lao động tiên tiến” hoặc “Hoàn thành tốt nhiệm vụ” trở lên", groups: ["AGENCY_ENTERPRISE"] },
  /** 100 % of the staff informed of the rules and criteria (UnitYearFacts.staffBriefed / staffTotal). */
  staffBriefed: { label: "100% cán bộ, công chức, viên chức, người lao động được phổ biến, quán triệt", groups: ["AGENCY_ENTERPRISE"] },
  /** Every KDC, agency, enterprise and school of the commune registered, ≥ 70 % of them recognised (seed 004 b). */
  communeUnitsSeventyPercent: { label: "100% khu dân cư, cơ quan, doanh nghiệp, cơ sở giáo dục trên địa bàn đăng ký, từ 70% trở lên được công nhận", groups: ["COMMUNE"] },
  /** 100 % of the resident households registered (UnitYearFacts.householdsRegistered / householdsResident). */
  householdsRegistered: { label: "100% hộ gia đình đang cư trú đăng ký tham gia xây dựng khu dân cư “An toàn về an ninh, trật tự”", groups: ["RESIDENTIAL_AREA"] },
  /** The grassroots security force rated "Hoàn thành nhiệm vụ" or better (UnitYearFacts.securityForceRating). */
  securityForceRated: { label: "Lực lượng tham gia bảo vệ an ninh, trật tự ở cơ sở được đánh giá hoàn thành nhiệm vụ trở lên", groups: ["RESIDENTIAL_AREA"] },
} as const satisfies Record<string, { label: string; groups: readonly MovementGroup[] }>;

export type PrefillKey = keyof typeof PREFILL_KEYS;

export function isPrefillKey(value: string): value is PrefillKey {
  return Object.prototype.hasOwnProperty.call(PREFILL_KEYS, value);
}
