/**
 * Input of the criteria engine: the facts of ONE unit for ONE evaluation year, as data.
 *
 * Conventions that the rules rely on (see docs/criteria/README.md):
 * - A field left out means "not provided" → the criteria that need it are MISSING_DATA.
 *   A field given with a failing value (false, null document, a count short of 100 %) → NOT_MET.
 * - Lists (incidents, disciplines, subUnits, …) follow the same rule: absent = not provided,
 *   [] = "there are none".
 * - Dates are ISO yyyy-mm-dd. The caller passes every incident and discipline it knows of;
 *   the ENGINE decides which fall inside the Đ8 k2 window.
 * - Codes are the shared vocabulary of lib/domain/vocabulary.ts, identical to the database enums.
 *
 * Objects are strict: an unknown key (a typo such as "forcemajeure") is an error, not a silent
 * omission that would turn into a wrong verdict.
 */
import { z } from "zod";
import {
  COMMUNE_KINDS,
  CRIME_SEVERITIES,
  DISCIPLINE_LADDERS,
  DISCIPLINE_LEVELS,
  EDUCATION_LEVELS,
  EMULATION_RESULTS,
  EXCLUSION_REASONS,
  INCIDENT_CODES,
  INCIDENT_SOURCES,
  PERSONNEL_TYPES,
  PERSON_BASES,
  UNIT_KINDS,
  DISCIPLINE_LEVEL_LABELS,
  PERSONNEL_TYPE_LABELS,
} from "../domain/vocabulary";
import { CRITERIA_KINDS } from "./types";

/** First year with a rule set: TT124 took effect on 10/02/2022. */
export const FIRST_EVALUATION_YEAR = 2022;
export const LAST_EVALUATION_YEAR = 2100;

// ---------------------------------------------------------------------------------------------
// Shared building blocks
// ---------------------------------------------------------------------------------------------

export const isoDateSchema = z
  .iso.date()
  .meta({ description: "Ngày theo ISO 8601, dạng yyyy-mm-dd." });

const idSchema = z.string().min(1).max(200);

/**
 * Ids must be unique within a list: reasons and facts name records by id, and sorting by id is
 * what makes the result independent of the order the caller sent them in.
 */
function uniqueIds<T extends { readonly id: string }>(item: z.ZodType<T>, max: number) {
  return z
    .array(item)
    .max(max)
    .superRefine((items, ctx) => {
      const seen = new Set<string>();
      items.forEach((entry, index) => {
        if (seen.has(entry.id)) ctx.addIssue({ code: "custom", path: [index, "id"], message: `Mã “${entry.id}” bị trùng trong danh sách` });
        seen.add(entry.id);
      });
    });
}
const textSchema = z.string().max(2000);
const countSchema = z.int().min(0).max(10_000_000);

/**
 * A document of the registration dossier (Đ9 k2 a): {date, ref} when it exists, null when the
 * unit states it does not exist (→ NOT_MET), absent when not declared yet (→ MISSING_DATA).
 */
export const documentFactSchema = z
  .strictObject({
    date: isoDateSchema.meta({ description: "Ngày ban hành / ngày ký." }),
    ref: z.string().max(500).optional().meta({ description: "Số, ký hiệu văn bản (ví dụ 05-NQ/CB)." }),
  })
  .nullable()
  .meta({
    id: "DocumentFact",
    description: "Văn bản: {date, ref} nếu đã có; null nếu khai là chưa có; bỏ trống nếu chưa khai.",
  });

// The same codes as the database enum PersonBasis (lib/domain/vocabulary.ts), so the adapter maps 1:1.
export { PERSON_BASES, type PersonBasis } from "../domain/vocabulary";

export const incidentSchema = z
  .strictObject({
    id: idSchema.meta({ description: "Mã vụ việc (duy nhất trong đơn vị)." }),
    code: z.enum(INCIDENT_CODES).meta({ description: "Mã trong danh mục vụ việc không để xảy ra (spec §3)." }),
    date: isoDateSchema.meta({ description: "Ngày xảy ra; động cơ tự quyết định vụ việc có thuộc kỳ đánh giá hay không." }),
    severity: z
      .enum(CRIME_SEVERITIES)
      .optional()
      .meta({ description: "Loại tội phạm theo Điều 9 BLHS 2015; bắt buộc để xét SERIOUS_CRIME." }),
    forceMajeure: z.boolean().optional().meta({ description: "Do bất khả kháng." }),
    detectedTimely: z.boolean().optional().meta({ description: "Kịp thời phát hiện." }),
    mitigated: z.boolean().optional().meta({ description: "Sử dụng đồng bộ các biện pháp giảm thiểu hậu quả." }),
    reportedImmediately: z.boolean().optional().meta({ description: "Báo cáo ngay cấp có thẩm quyền." }),
    personBasis: z
      .enum(PERSON_BASES)
      .optional()
      .meta({
        description:
          "Với STAFF_ANTT_SANCTION_OR_EVIL và MEMBER_CRIME_OR_EVIL_DISCIPLINED: bị xử phạt hành chính về ANTT, mắc tệ nạn xã hội, hay phạm tội.",
      }),
    disciplineLevel: z
      .enum(DISCIPLINE_LEVELS)
      .optional()
      .meta({ description: "Hình thức kỷ luật kèm theo (khi personBasis = SOCIAL_EVIL)." }),
    source: z.enum(INCIDENT_SOURCES).optional(),
    description: textSchema.optional(),
  })
  .meta({ id: "Incident", description: "Một vụ việc thuộc danh mục không để xảy ra." });

export const disciplineRecordSchema = z
  .strictObject({
    id: idSchema,
    personnelType: z.enum(PERSONNEL_TYPES),
    level: z.enum(DISCIPLINE_LEVELS),
    date: isoDateSchema.meta({ description: "Ngày quyết định kỷ luật; động cơ tự xét có thuộc kỳ đánh giá." }),
    inSecurityForce: z.boolean().meta({
      description:
        "Người bị kỷ luật thuộc lực lượng bảo vệ của đơn vị: KDC – lực lượng tham gia bảo vệ ANTT ở cơ sở; XA – Công an cấp xã; CQ/DN/CSGD – lực lượng bảo vệ cơ quan, doanh nghiệp, nhà trường.",
    }),
    subUnitId: idSchema.optional(),
    note: textSchema.optional(),
  })
  .superRefine((record, ctx) => {
    if (!DISCIPLINE_LADDERS[record.personnelType].includes(record.level)) {
      ctx.addIssue({
        code: "custom",
        path: ["level"],
        message: `Hình thức “${DISCIPLINE_LEVEL_LABELS[record.level]}” không áp dụng cho đối tượng “${PERSONNEL_TYPE_LABELS[record.personnelType]}”`,
      });
    }
  })
  .meta({ id: "DisciplineRecord", description: "Một quyết định kỷ luật cá nhân." });

export const movementModelSchema = z
  .strictObject({
    id: idSchema,
    name: z.string().min(1).max(500),
    effective: z.boolean().meta({ description: "Mô hình hoạt động hiệu quả (do đơn vị/cơ quan thẩm định xác nhận)." }),
  })
  .meta({ id: "MovementModel", description: "Mô hình phong trào toàn dân bảo vệ ANTQ." });

export const subUnitSchema = z
  .strictObject({
    id: idSchema,
    name: z.string().min(1).max(500),
    eligibleForRating: z
      .boolean()
      .optional()
      .meta({ description: "Đủ điều kiện bình xét danh hiệu thi đua; false thì không tính vào mẫu số tỷ lệ 70%. Mặc định true." }),
    result: z
      .enum(EMULATION_RESULTS)
      .optional()
      .meta({ description: "Kết quả thi đua năm (danh hiệu hoặc mức xếp loại cao nhất đạt được); bỏ trống nếu chưa bình xét." }),
  })
  .meta({ id: "SubUnit", description: "Đầu mối trực thuộc (phòng, ban, tổ, đội, khoa…)." });

export const securityForceSchema = z
  .strictObject({
    exists: z.boolean().optional().meta({ description: "Đơn vị có lực lượng bảo vệ hay không." }),
    eligibleForRating: z
      .boolean()
      .optional()
      .meta({ description: "Lực lượng thuộc diện bình xét thi đua; false thì bỏ phần xếp loại. Mặc định true." }),
    result: z.enum(EMULATION_RESULTS).optional().meta({ description: "Kết quả đánh giá, xếp loại năm." }),
  })
  .meta({ id: "SecurityForce" });

export const lawAndOrderCountsSchema = z
  .strictObject({
    crimes: countSchema.meta({ description: "Số vụ phạm tội." }),
    socialEvils: countSchema.meta({ description: "Số vụ/người tệ nạn xã hội." }),
    otherViolations: countSchema.meta({ description: "Số vụ vi phạm pháp luật khác." }),
  })
  .meta({ id: "LawAndOrderCounts" });

export const lawAndOrderSchema = z
  .strictObject({
    current: lawAndOrderCountsSchema.optional().meta({ description: "Số liệu trong kỳ đánh giá năm Y." }),
    previous: lawAndOrderCountsSchema.optional().meta({ description: "Số liệu kỳ đánh giá năm Y-1." }),
    noPreviousYear: z
      .boolean()
      .optional()
      .meta({ description: "Đơn vị mới thành lập/sáp nhập, không có số liệu năm trước để so sánh." }),
  })
  .meta({ id: "LawAndOrder", description: "Số liệu tội phạm, tệ nạn xã hội, vi phạm pháp luật (Đ4 k4 a)." });

export const staffSchema = z
  .strictObject({
    total: countSchema.meta({ description: "Tổng số cán bộ, công chức, viên chức, người lao động (kể cả giáo viên)." }),
    briefed: countSchema.optional().meta({ description: "Số người đã được phổ biến, quán triệt nội quy và tiêu chí." }),
    advancedWorkers: countSchema.optional().meta({ description: "Số đạt danh hiệu “Lao động tiên tiến” (chỉ tiêu kế hoạch)." }),
    emulationSoldiers: countSchema.optional().meta({ description: "Số đạt “Chiến sĩ thi đua cơ sở” (chỉ tiêu kế hoạch)." }),
    commitmentSigned: countSchema.optional().meta({ description: "Số người ký cam kết (chỉ tiêu kế hoạch)." }),
    completedDuties: countSchema.optional().meta({ description: "Số hoàn thành nhiệm vụ trở lên (chỉ tiêu kế hoạch)." }),
    completedDutiesWell: countSchema.optional().meta({ description: "Số hoàn thành tốt nhiệm vụ trở lên (chỉ tiêu kế hoạch)." }),
  })
  .superRefine((staff, ctx) => {
    for (const key of ["briefed", "advancedWorkers", "emulationSoldiers", "commitmentSigned", "completedDuties", "completedDutiesWell"] as const) {
      const value = staff[key];
      if (value !== undefined && value > staff.total) {
        ctx.addIssue({ code: "custom", path: [key], message: `Không được lớn hơn tổng số (${staff.total})` });
      }
    }
  })
  .meta({ id: "Staff" });

export const learnersSchema = z
  .strictObject({
    total: countSchema.meta({ description: "Tổng số người học." }),
    briefed: countSchema.optional().meta({ description: "Số người học đã được phổ biến nội quy và tiêu chí." }),
  })
  .superRefine((learners, ctx) => {
    if (learners.briefed !== undefined && learners.briefed > learners.total) {
      ctx.addIssue({ code: "custom", path: ["briefed"], message: `Không được lớn hơn tổng số (${learners.total})` });
    }
  })
  .meta({ id: "Learners" });

export const managedUnitSchema = z
  .strictObject({
    id: idSchema,
    name: z.string().min(1).max(500),
    kind: z.enum(UNIT_KINDS).refine((kind) => kind !== "XA", { message: "Xã không quản lý xã khác" }),
    excludedReason: z.enum(EXCLUSION_REASONS).nullable().optional().meta({
      description: "Đơn vị không thuộc diện (Đ1 k2 b): không tính vào mẫu số.",
    }),
    registered: z.boolean().optional().meta({ description: "Đã đăng ký phấn đấu đạt tiêu chuẩn trong năm." }),
    recognised: z
      .boolean()
      .optional()
      .meta({ description: "Đã được công nhận đạt tiêu chuẩn năm Y (true/false); bỏ trống nếu chưa có quyết định." }),
  })
  .meta({ id: "ManagedUnit", description: "KDC, CQ, DN, CSGD do xã quản lý trực tiếp hoặc được ủy quyền (Đ5 k4)." });

export const PLAN_METRICS = [
  "SUB_UNITS_TTLDTT_OR_HTTNV",
  "SUB_UNITS_TTLDTT",
  "STAFF_BRIEFED",
  "STAFF_ADVANCED_WORKER",
  "STAFF_EMULATION_SOLDIER",
  "STAFF_COMMITMENT_SIGNED",
  "STAFF_COMPLETED_DUTIES",
  "STAFF_COMPLETED_DUTIES_WELL",
  "MANAGED_UNITS_RECOGNISED",
] as const;
export type PlanMetric = (typeof PLAN_METRICS)[number];

const percentSchema = z
  .number()
  .min(0)
  .max(100)
  .refine((p) => Math.abs(Math.round(p * 100) - p * 100) < 1e-6, { message: "Tỷ lệ phần trăm có tối đa 2 chữ số thập phân" });

export const planTargetSchema = z
  .strictObject({
    metric: z.enum(PLAN_METRICS),
    comparator: z.enum([">=", ">"]).meta({ description: "\">=\" cho “… trở lên”, \">\" cho “trên …”." }),
    percent: percentSchema,
  })
  .refine((t) => !(t.comparator === ">" && t.percent >= 100), { message: "“Trên 100%” không thể đạt", path: ["percent"] })
  .meta({ id: "PlanTarget" });

export const planTargetsSchema = z
  .strictObject({
    source: z.string().max(500).optional().meta({ description: "Kế hoạch đặt chỉ tiêu (số, ngày)." }),
    targets: z.array(planTargetSchema).max(50).optional(),
    noDisciplineFrom: z
      .enum(DISCIPLINE_LEVELS)
      .optional()
      .meta({ description: "Không có cá nhân bị kỷ luật từ hình thức này trở lên (ví dụ KHIEN_TRACH)." }),
  })
  .meta({ id: "PlanTargets", description: "Chỉ tiêu riêng trong kế hoạch của đơn vị; không ảnh hưởng kết quả theo Thông tư." });

// ---------------------------------------------------------------------------------------------
// One schema per unit kind
// ---------------------------------------------------------------------------------------------

const baseFields = {
  $schema: z.string().optional().meta({ description: "Đường dẫn JSON Schema (cho trình soạn thảo); động cơ bỏ qua." }),
  unitId: idSchema,
  name: z.string().min(1).max(500),
  year: z
    .int()
    .min(FIRST_EVALUATION_YEAR, {
      error: `Năm đánh giá phải từ ${FIRST_EVALUATION_YEAR} (Thông tư 124/2021/TT-BCA có hiệu lực từ 10/02/2022)`,
    })
    .max(LAST_EVALUATION_YEAR),
  province: z.string().max(200).optional().meta({ description: "Tỉnh/thành; dùng để chọn tiêu chí bổ sung của tỉnh." }),
  excludedReason: z
    .enum(EXCLUSION_REASONS)
    .nullable()
    .optional()
    .meta({ description: "Lý do không thuộc diện (Đ1 k2 b). Động cơ còn tự suy ra từ enterpriseSize, educationLevels." }),
  incidents: uniqueIds(incidentSchema, 10_000).optional(),
  disciplines: uniqueIds(disciplineRecordSchema, 10_000).optional(),
  planTargets: planTargetsSchema.optional(),
  extraFacts: z
    .record(z.string(), z.union([z.boolean(), z.number()]))
    .optional()
    .meta({ description: "Dữ kiện cho tiêu chí bổ sung của tỉnh (Đ8 k1), theo khóa `fact` của tiêu chí." }),
};

const q1DocumentsForOrganisation = {
  hasPartyOrganisation: z.boolean().optional().meta({ description: "Đơn vị có tổ chức Đảng." }),
  partyResolution: documentFactSchema.optional().meta({ description: "Nghị quyết chuyên đề hoặc nghị quyết có nội dung ANTT (quý I)." }),
  plan: documentFactSchema.optional().meta({ description: "Kế hoạch bảo đảm ANTT (quý I)." }),
  registration: documentFactSchema.optional().meta({ description: "Bản đăng ký phấn đấu đạt tiêu chuẩn (quý I)." }),
};

export const kdcInputSchema = z
  .strictObject({
    ...baseFields,
    kind: z.literal("KDC"),
    registration: z
      .strictObject({
        chiBoResolution: documentFactSchema.optional().meta({ description: "Nghị quyết của chi bộ (quý I)." }),
        kdcRegistration: documentFactSchema.optional().meta({ description: "Đăng ký phấn đấu của khu dân cư (quý I)." }),
        householdsResident: countSchema.optional().meta({ description: "Số hộ gia đình đang cư trú." }),
        householdsRegistered: countSchema.optional().meta({ description: "Số hộ đã đăng ký tham gia." }),
      })
      .optional(),
    declarations: z
      .strictObject({
        implementsPolicies: z.boolean().optional().meta({
          description: "Triển khai, thực hiện đầy đủ chủ trương của Đảng, chính sách, pháp luật, quy định của địa phương về ANTT (Đ4 k2).",
        }),
        managedGroupsHandledEffectively: z.boolean().optional().meta({
          description: "Các đối tượng phải quản lý, giáo dục theo quy định được quản lý, giáo dục có hiệu quả (Đ4 k4 c).",
        }),
      })
      .optional(),
    lawAndOrder: lawAndOrderSchema.optional(),
    securityForce: securityForceSchema.optional().meta({
      description: "Lực lượng tham gia bảo vệ ANTT ở cơ sở (Đ4 k5): cần “Hoàn thành nhiệm vụ” trở lên.",
    }),
  })
  .meta({ id: "KdcInput", title: "Khu dân cư (Điều 4)" });

export const communeInputSchema = z
  .strictObject({
    ...baseFields,
    kind: z.literal("XA"),
    communeKind: z.enum(COMMUNE_KINDS).optional(),
    registration: z
      .strictObject({
        partyResolution: documentFactSchema.optional().meta({ description: "Nghị quyết của Đảng ủy (quý I)." }),
        plan: documentFactSchema.optional().meta({ description: "Kế hoạch bảo đảm ANTT của UBND cấp xã (quý I)." }),
        registration: documentFactSchema.optional().meta({ description: "Đăng ký phấn đấu đạt tiêu chuẩn (quý I)." }),
      })
      .optional(),
    movementModels: uniqueIds(movementModelSchema, 1000).optional(),
    declarations: z
      .strictObject({
        implementsPolicies: z.boolean().optional().meta({ description: "Như Đ4 k2, trên toàn địa bàn xã." }),
        managedGroupsHandledEffectively: z.boolean().optional().meta({ description: "Như Đ4 k4 c, trên toàn địa bàn xã." }),
        communePoliceEffective: z.boolean().optional().meta({
          description:
            "Công an cấp xã nắm chắc tình hình, kịp thời tham mưu, tổ chức thực hiện có hiệu quả công tác bảo đảm ANTT và phong trào (Đ5 k3).",
        }),
      })
      .optional(),
    lawAndOrder: lawAndOrderSchema.optional(),
    managedUnits: uniqueIds(managedUnitSchema, 100_000).optional(),
  })
  .meta({ id: "CommuneInput", title: "Xã, phường, đặc khu (Điều 5)" });

export const ENTERPRISE_SIZES = ["MICRO", "SMALL", "MEDIUM", "LARGE"] as const;

export const agencyInputSchema = z
  .strictObject({
    ...baseFields,
    kind: z.literal("CQDN"),
    subtype: z.enum(["CQ", "DN"]).meta({ description: "CQ: cơ quan; DN: doanh nghiệp." }),
    enterpriseSize: z
      .enum(ENTERPRISE_SIZES)
      .optional()
      .meta({ description: "Quy mô doanh nghiệp (NĐ 80/2021/NĐ-CP); MICRO, SMALL không thuộc diện." }),
    registration: z.strictObject(q1DocumentsForOrganisation).optional(),
    internalRules: z
      .strictObject({
        unitProtection: z.boolean().optional().meta({ description: "Bảo vệ cơ quan, doanh nghiệp." }),
        stateSecrets: z.boolean().optional().meta({ description: "Bảo vệ bí mật nhà nước." }),
        internalPolitics: z.boolean().optional().meta({ description: "Bảo vệ chính trị nội bộ." }),
        labourSafety: z.boolean().optional().meta({ description: "An toàn lao động." }),
        fireExplosion: z.boolean().optional().meta({ description: "Phòng, chống cháy, nổ." }),
        environment: z.boolean().optional().meta({ description: "Bảo vệ môi trường." }),
      })
      .optional()
      .meta({ description: "Có nội quy, quy định (Đ6 k1): true có, false chưa có." }),
    staff: staffSchema.optional(),
    movementModels: uniqueIds(movementModelSchema, 1000).optional(),
    declarations: z
      .strictObject({
        implementsPolicies: z.boolean().optional().meta({
          description:
            "Thực hiện đầy đủ chính sách, pháp luật, quy chế phối hợp, chương trình, kế hoạch với cơ quan Công an (nếu có) và quy định của địa phương về ANTT (Đ6 k2).",
        }),
      })
      .optional(),
    securityForce: securityForceSchema.optional().meta({ description: "Lực lượng bảo vệ cơ quan, doanh nghiệp (Đ6 k4)." }),
    subUnits: uniqueIds(subUnitSchema, 10_000).optional(),
  })
  .meta({ id: "AgencyInput", title: "Cơ quan, doanh nghiệp (Điều 6)" });

export const schoolInputSchema = z
  .strictObject({
    ...baseFields,
    kind: z.literal("CSGD"),
    educationLevels: z
      .array(z.enum(EDUCATION_LEVELS))
      .min(1)
      .max(EDUCATION_LEVELS.length)
      .meta({ description: "Cấp học, trình độ đào tạo; chỉ có mầm non/tiểu học thì không thuộc diện." }),
    registration: z.strictObject(q1DocumentsForOrganisation).optional(),
    internalRules: z
      .strictObject({
        institutionProtection: z.boolean().optional().meta({ description: "Bảo vệ cơ sở giáo dục." }),
        internalPolitics: z.boolean().optional().meta({ description: "Bảo vệ chính trị nội bộ." }),
        learnerManagement: z.boolean().optional().meta({ description: "Quản lý người học." }),
        fireExplosion: z.boolean().optional().meta({ description: "Phòng, chống cháy, nổ." }),
      })
      .optional()
      .meta({ description: "Có nội quy, quy định (Đ7 k1)." }),
    staff: staffSchema.optional(),
    learners: learnersSchema.optional(),
    movementModels: uniqueIds(movementModelSchema, 1000).optional(),
    declarations: z
      .strictObject({
        implementsPolicies: z.boolean().optional().meta({ description: "Như Đ6 k2 (Đ7 k2)." }),
        parentsBoardCoordination: z.boolean().optional().meta({
          description: "Có hình thức, biện pháp phối hợp với Ban đại diện cha mẹ học sinh trong quản lý học sinh (chỉ xét với phổ thông).",
        }),
      })
      .optional(),
    securityForce: securityForceSchema.optional().meta({ description: "Lực lượng bảo vệ nhà trường, nếu có (Đ7 k5)." }),
    subUnits: uniqueIds(subUnitSchema, 10_000).optional(),
  })
  .meta({ id: "SchoolInput", title: "Cơ sở giáo dục (Điều 7)" });

export const unitInputSchema = z
  .discriminatedUnion("kind", [kdcInputSchema, communeInputSchema, agencyInputSchema, schoolInputSchema])
  .meta({ id: "UnitInput", description: "Dữ kiện của một đơn vị cho một năm đánh giá." });

// ---------------------------------------------------------------------------------------------
// Provincial extra criteria (Đ8 k1) and the request envelope
// ---------------------------------------------------------------------------------------------

const numericComparators = [">=", ">", "<=", "<", "="] as const;

export const extraCriterionTestSchema = z
  .discriminatedUnion("type", [
    z.strictObject({
      type: z.literal("DECLARATION"),
      fact: idSchema.meta({ description: "Khóa trong extraFacts; đạt khi giá trị là true." }),
    }),
    z.strictObject({
      type: z.literal("THRESHOLD"),
      fact: idSchema,
      comparator: z.enum(numericComparators),
      value: z.number(),
    }),
    z.strictObject({
      type: z.literal("RATIO"),
      numeratorFact: idSchema,
      denominatorFact: idSchema,
      comparator: z.enum([">=", ">"]),
      percent: percentSchema,
    }),
  ])
  .meta({ id: "ExtraCriterionTest" });

export const extraCriterionSchema = z
  .strictObject({
    id: z
      .string()
      .regex(/^[A-Z0-9][A-Z0-9._-]{0,63}$/, { message: "Mã tiêu chí chỉ gồm chữ in hoa, số, dấu chấm, gạch ngang, gạch dưới" }),
    title: z.string().min(1).max(500),
    legalBasis: z.string().min(1).max(500).meta({ description: "Văn bản của UBND tỉnh ban hành tiêu chí." }),
    appliesTo: z.array(z.enum(CRITERIA_KINDS)).min(1),
    province: z.string().max(200).optional().meta({ description: "Chỉ áp dụng cho đơn vị có cùng `province`." }),
    effectiveFrom: isoDateSchema.optional(),
    effectiveTo: isoDateSchema.optional(),
    test: extraCriterionTestSchema,
  })
  .meta({ id: "ExtraCriterion", description: "Tiêu chí bổ sung do UBND cấp tỉnh quy định (Đ8 k1)." });

export const evaluationRequestSchema = z
  .strictObject({
    $schema: z.string().optional(),
    unit: unitInputSchema,
    extraCriteria: z.array(extraCriterionSchema).max(200).optional(),
    ruleSetId: z.string().optional().meta({ description: "Ép dùng một bộ quy tắc; mặc định chọn theo năm." }),
    asOf: isoDateSchema.optional().meta({ description: "Ngày xem xét, để biết hạn quý I đã qua chưa (mục “Cần làm”)." }),
  })
  .meta({ id: "EvaluationRequest" });

/** What the CLI and the JSON Schema accept: a bare unit, or a unit with evaluation options. */
export const criteriaInputSchema = z.union([unitInputSchema, evaluationRequestSchema]);

export type DocumentFact = z.infer<typeof documentFactSchema>;
export type Incident = z.infer<typeof incidentSchema>;
export type DisciplineRecord = z.infer<typeof disciplineRecordSchema>;
export type MovementModel = z.infer<typeof movementModelSchema>;
export type SubUnit = z.infer<typeof subUnitSchema>;
export type SecurityForce = z.infer<typeof securityForceSchema>;
export type LawAndOrder = z.infer<typeof lawAndOrderSchema>;
export type LawAndOrderCounts = z.infer<typeof lawAndOrderCountsSchema>;
export type Staff = z.infer<typeof staffSchema>;
export type ManagedUnit = z.infer<typeof managedUnitSchema>;
export type PlanTarget = z.infer<typeof planTargetSchema>;
export type PlanTargets = z.infer<typeof planTargetsSchema>;
export type KdcInput = z.infer<typeof kdcInputSchema>;
export type CommuneInput = z.infer<typeof communeInputSchema>;
export type AgencyInput = z.infer<typeof agencyInputSchema>;
export type SchoolInput = z.infer<typeof schoolInputSchema>;
export type UnitInput = z.infer<typeof unitInputSchema>;
export type ExtraCriterion = z.infer<typeof extraCriterionSchema>;
export type EvaluationRequest = z.infer<typeof evaluationRequestSchema>;
