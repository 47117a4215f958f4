/** zod schema for the year-facts form (UnitYearFacts), shared by the form and its server action. */
import { z } from "zod";
import { EMULATION_RESULTS, type UnitKind } from "@/lib/domain/vocabulary";
import { checkbox, evenWithOtherErrors, isNumber, optionalCount, optionalEnum, unitIdField, versionField, yearField } from "@/lib/validation/input-rules";

export const COUNT_FIELDS = [
  "staffTotal",
  "staffBriefed",
  "staffCommitted",
  "staffLaoDongTienTien",
  "staffChienSiThiDua",
  "learnersTotal",
  "learnersBriefed",
  "householdsResident",
  "householdsRegistered",
  "crimeCount",
  "socialEvilCount",
  "violationCount",
] as const;
export type CountField = (typeof COUNT_FIELDS)[number];
export type FactField = CountField | "securityForceRating" | "noPreviousYear";

export const FACT_LABELS: Record<FactField, string> = {
  staffTotal: "Tổng số cán bộ, công chức, viên chức, người lao động",
  staffBriefed: "Số đã được phổ biến nội quy, quy định và tiêu chí",
  staffCommitted: "Số đã ký cam kết, đăng ký thi đua",
  staffLaoDongTienTien: "Số đạt danh hiệu “Lao động tiên tiến”",
  staffChienSiThiDua: "Số đạt danh hiệu “Chiến sĩ thi đua cơ sở”",
  learnersTotal: "Tổng số người học",
  learnersBriefed: "Số người học đã được phổ biến nội quy, quy định",
  householdsResident: "Số hộ gia đình đang cư trú",
  householdsRegistered: "Số hộ đăng ký tham gia phong trào",
  crimeCount: "Số vụ phạm tội trong năm",
  socialEvilCount: "Số vụ, người mắc tệ nạn xã hội",
  violationCount: "Số vụ vi phạm pháp luật khác",
  securityForceRating: "Xếp loại lực lượng bảo vệ ANTT",
  noPreviousYear: "Đơn vị mới thành lập (hoặc sắp xếp lại) trong năm, không có số liệu năm trước để so sánh",
};

/**
 * Which facts each kind records (domain spec §2). The security force of an agency, enterprise or
 * school is rated as a sub-unit (isSecurityForce), so its rating is not a year fact here; for a
 * KDC it is the grassroots security force (KDC-5), for a commune the commune police (XA-3).
 */
export const FACT_FIELDS_BY_KIND: Record<UnitKind, readonly FactField[]> = {
  KDC: ["householdsResident", "householdsRegistered", "crimeCount", "socialEvilCount", "violationCount", "noPreviousYear", "securityForceRating"],
  XA: ["staffTotal", "crimeCount", "socialEvilCount", "violationCount", "noPreviousYear", "securityForceRating"],
  CQ: ["staffTotal", "staffBriefed", "staffCommitted", "staffLaoDongTienTien", "staffChienSiThiDua"],
  DN: ["staffTotal", "staffBriefed", "staffCommitted", "staffLaoDongTienTien", "staffChienSiThiDua"],
  CSGD: ["staffTotal", "staffBriefed", "staffCommitted", "staffLaoDongTienTien", "staffChienSiThiDua", "learnersTotal", "learnersBriefed"],
};

export const SECURITY_FORCE_RATING_LABEL: Partial<Record<UnitKind, string>> = {
  KDC: "Xếp loại lực lượng tham gia bảo vệ ANTT ở cơ sở",
  XA: "Xếp loại Công an xã, phường",
};

/** "part ≤ whole" rules: [part, whole, message on the part, message on the whole when it is missing]. */
const PART_OF: readonly (readonly [CountField, CountField, string, string])[] = [
  ["staffBriefed", "staffTotal", "Số đã được phổ biến không được lớn hơn tổng số cán bộ, người lao động.", "Vui lòng nhập tổng số cán bộ, người lao động."],
  ["staffCommitted", "staffTotal", "Số đã cam kết thi đua không được lớn hơn tổng số cán bộ, người lao động.", "Vui lòng nhập tổng số cán bộ, người lao động."],
  ["staffLaoDongTienTien", "staffTotal", "Số “Lao động tiên tiến” không được lớn hơn tổng số cán bộ, người lao động.", "Vui lòng nhập tổng số cán bộ, người lao động."],
  ["learnersBriefed", "learnersTotal", "Số người học đã được phổ biến không được lớn hơn tổng số người học.", "Vui lòng nhập tổng số người học."],
  ["householdsRegistered", "householdsResident", "Số hộ đăng ký không được lớn hơn số hộ đang cư trú.", "Vui lòng nhập số hộ đang cư trú."],
];

export const yearFactsSchema = z
  .object({
    unitId: unitIdField,
    year: yearField,
    /** The row's version as loaded (0 when the year has no row yet): optimistic concurrency. */
    version: versionField,
    ...(Object.fromEntries(COUNT_FIELDS.map((f) => [f, optionalCount])) as Record<CountField, typeof optionalCount>),
    securityForceRating: optionalEnum(EMULATION_RESULTS, "Kết quả xếp loại không hợp lệ."),
    /** KDC-4a: no year Y-1 to compare with (unit created in Y). The use-case checks it against the register. */
    noPreviousYear: checkbox,
  })
  .superRefine((v, ctx) => {
    for (const [part, whole, tooMany, missingWhole] of PART_OF) {
      const p: unknown = v[part];
      const w: unknown = v[whole];
      if (!isNumber(p)) continue; // empty, or already flagged as not a count
      if (w === null) ctx.addIssue({ code: "custom", path: [whole], message: missingWhole });
      else if (isNumber(w) && p > w) ctx.addIssue({ code: "custom", path: [part], message: tooMany });
    }
    // A "Chiến sĩ thi đua cơ sở" must first be a "Lao động tiên tiến" (Luật Thi đua, khen thưởng 2022).
    const cstd: unknown = v.staffChienSiThiDua;
    const ldtt: unknown = v.staffLaoDongTienTien;
    const total: unknown = v.staffTotal;
    if (isNumber(cstd)) {
      if (isNumber(ldtt) && cstd > ldtt) {
        ctx.addIssue({ code: "custom", path: ["staffChienSiThiDua"], message: "Số “Chiến sĩ thi đua cơ sở” không được lớn hơn số “Lao động tiên tiến”." });
      } else if (isNumber(total) && cstd > total) {
        ctx.addIssue({ code: "custom", path: ["staffChienSiThiDua"], message: "Số “Chiến sĩ thi đua cơ sở” không được lớn hơn tổng số cán bộ, người lao động." });
      }
    }
  }, evenWithOtherErrors);

export type YearFactsInput = z.output<typeof yearFactsSchema>;
