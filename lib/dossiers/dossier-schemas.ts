/** zod schemas of the dossier forms, shared by each form and its server action. */
import { z } from "zod";
import { planTargetsSchema } from "@/lib/criteria";
import { reasonField, referenceField } from "./reason-schema";
import { calendarDate, CONTROL_CHARACTER_MESSAGE, criterionIdField, hasControlCharacters, INVALID_CHOICE, requiredText, savedVersionField, todayInVietnam, yearField } from "@/lib/validation/input-rules";

const id = z.uuid("Mã hồ sơ không hợp lệ.");
const version = savedVersionField;
const capitalised = (label: string) => `${label[0]!.toUpperCase()}${label.slice(1)}`;
/** A real calendar day ("30/02" and "31/04" are refused, not rolled over into the next month). */
const isoDate = (label: string) => calendarDate(`Vui lòng nhập ${label}.`, `${capitalised(label)} không hợp lệ (dd/mm/yyyy).`);
const optionalText = (max: number, message: string) =>
  z
    .string()
    .trim()
    .max(max, message)
    .refine((v) => !hasControlCharacters(v), CONTROL_CHARACTER_MESSAGE)
    .transform((v) => (v === "" ? undefined : v))
    .optional();
/** A registration document or day: it exists, so it is not dated after today (in Việt Nam). */
const optionalDate = (label: string) =>
  z
    .string({ error: `${capitalised(label)} không hợp lệ (dd/mm/yyyy).` })
    .trim()
    .transform((v) => (v === "" ? undefined : v))
    .pipe(isoDate(label).refine((iso) => iso <= todayInVietnam(), `${capitalised(label)} không được sau ngày hôm nay.`).optional())
    .optional();

export const registrationSchema = z
  .object({
    unitId: z.uuid("Đơn vị không hợp lệ."),
    year: yearField,
    // Each registration document: its reference and its date, or neither (checked below).
    partyResolutionRef: optionalText(200, "Số, ký hiệu nghị quyết tối đa 200 ký tự."),
    partyResolutionOn: optionalDate("ngày nghị quyết"),
    planRef: optionalText(200, "Số, ký hiệu kế hoạch tối đa 200 ký tự."),
    planOn: optionalDate("ngày kế hoạch"),
    commitmentRef: optionalText(200, "Số, ký hiệu bản đăng ký tối đa 200 ký tự."),
    commitmentOn: optionalDate("ngày bản đăng ký"),
    /** Day the registration was signed; defaults to today. */
    registeredOn: optionalDate("ngày đăng ký"),
    planTargets: planTargetsSchema.optional(),
  })
  .superRefine((v, ctx) => {
    for (const [ref, date, label] of [
      ["partyResolutionRef", "partyResolutionOn", "nghị quyết"],
      ["planRef", "planOn", "kế hoạch"],
      ["commitmentRef", "commitmentOn", "bản đăng ký"],
    ] as const) {
      if (v[ref] && !v[date]) ctx.addIssue({ code: "custom", path: [date], message: `Vui lòng nhập ngày ${label}.` });
      if (!v[ref] && v[date]) ctx.addIssue({ code: "custom", path: [ref], message: `Vui lòng nhập số, ký hiệu ${label}.` });
    }
  });
export type RegistrationInput = z.output<typeof registrationSchema>;

const optionalPercent = z
  .string({ error: "Tỷ lệ phải là số." })
  .trim()
  .transform((v) => (v === "" ? undefined : Number(v.replace(",", "."))))
  .pipe(z.number({ error: "Tỷ lệ phải là số." }).min(0, "Tỷ lệ từ 0 đến 100.").max(100, "Tỷ lệ từ 0 đến 100.").optional())
  .optional();
const comparator = z.enum([">=", ">"], { error: INVALID_CHOICE }).default(">=");

/**
 * The registration form: flat fields a person fills in (documents, and the unit's own stricter
 * plan targets such as "trên 90% phòng đạt TTLĐTT"), turned into the registration input. The
 * form validates with it and the server action parses the same raw values with it again.
 */
export const registrationFormSchema = z
  .object({
    unitId: z.string({ error: "Đơn vị không hợp lệ." }),
    year: yearField,
    partyResolutionRef: z.string().optional(),
    partyResolutionOn: z.string().optional(),
    planRef: z.string().optional(),
    planOn: z.string().optional(),
    commitmentRef: z.string().optional(),
    commitmentOn: z.string().optional(),
    registeredOn: z.string().optional(),
    targetSubUnitsPercent: optionalPercent,
    targetSubUnitsComparator: comparator,
    targetAdvancedWorkersPercent: optionalPercent,
    targetEmulationSoldiersPercent: optionalPercent,
    targetCommitmentPercent: optionalPercent,
    noDisciplineFrom: z.enum(["", "KHIEN_TRACH", "CANH_CAO"], { error: INVALID_CHOICE }).default(""),
  })
  .transform((f, ctx) => {
    const targets = [
      f.targetSubUnitsPercent !== undefined && { metric: "SUB_UNITS_TTLDTT_OR_HTTNV" as const, comparator: f.targetSubUnitsComparator, percent: f.targetSubUnitsPercent },
      f.targetAdvancedWorkersPercent !== undefined && { metric: "STAFF_ADVANCED_WORKER" as const, comparator: ">=" as const, percent: f.targetAdvancedWorkersPercent },
      f.targetEmulationSoldiersPercent !== undefined && { metric: "STAFF_EMULATION_SOLDIER" as const, comparator: ">=" as const, percent: f.targetEmulationSoldiersPercent },
      f.targetCommitmentPercent !== undefined && { metric: "STAFF_COMMITMENT_SIGNED" as const, comparator: ">=" as const, percent: f.targetCommitmentPercent },
    ].filter((t) => t !== false);
    const planTargets = targets.length || f.noDisciplineFrom ? { ...(targets.length ? { targets } : {}), ...(f.noDisciplineFrom ? { noDisciplineFrom: f.noDisciplineFrom } : {}) } : undefined;
    const parsed = registrationSchema.safeParse({ ...f, planTargets });
    if (!parsed.success) {
      for (const issue of parsed.error.issues) ctx.addIssue({ ...issue, code: "custom", message: issue.message, path: issue.path });
      return z.NEVER;
    }
    return parsed.data;
  });

export const dossierVersionSchema = z.object({ dossierId: id, version });

export const criterionReviewSchema = z.object({
  dossierId: id,
  version,
  criterionId: criterionIdField,
  status: z.enum(["ACCEPTED", "FLAGGED"], { error: "Vui lòng chọn kết quả thẩm định tiêu chí." }),
  comment: optionalText(2000, "Nhận xét tối đa 2000 ký tự."),
});

export const refusalSchema = z.object({
  dossierId: id,
  version,
  reason: reasonField,
});

export const revocationSchema = refusalSchema.extend({
  reference: referenceField,
});

export const decisionSchema = z.object({
  authorityId: z.uuid("Vui lòng chọn cơ quan ban hành."),
  year: yearField,
  issuedOn: isoDate("ngày ban hành"),
  signerName: requiredText("Vui lòng nhập họ tên người ký.", 120, "Họ tên người ký tối đa 120 ký tự.", 3),
  signerTitle: requiredText("Vui lòng nhập chức vụ người ký.", 120, "Chức vụ người ký tối đa 120 ký tự.", 3),
  dossiers: z
    .array(z.object({ dossierId: id, version }), { error: "Vui lòng chọn đơn vị." })
    .min(1, "Vui lòng chọn ít nhất một đơn vị được đề nghị công nhận.")
    .max(2000, "Một quyết định công nhận tối đa 2000 đơn vị."),
});
export type DecisionInput = z.output<typeof decisionSchema>;
