/**
 * Inputs of the document builders: plain data, validated with zod at the entry of every builder so
 * that a route handler gets a `z.ZodError` with Vietnamese messages (usable with `fieldErrorsOf`)
 * instead of a malformed Word file.
 *
 * Text fields are normalised to Unicode NFC (Vietnamese typed with a decomposed input method would
 * otherwise show detached diacritics in some Word versions) and stripped of the control characters
 * XML 1.0 cannot carry, then trimmed.
 */
import { z } from "zod";
import { UNIT_KINDS } from "@/lib/domain/vocabulary";
import { parseIsoDate } from "./vietnamese-date";

const XML_FORBIDDEN_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

function cleanText(value: string): string {
  return value.normalize("NFC").replace(XML_FORBIDDEN_CHARS, "");
}

function requiredText(label: string, max = 500) {
  return z
    .string({ error: `${label}: phải là chuỗi ký tự.` })
    .overwrite(cleanText)
    .trim()
    .min(1, { error: `${label}: không được để trống.` })
    .max(max, { error: `${label}: quá dài (tối đa ${max} ký tự).` });
}

function optionalText(label: string, max = 500) {
  return z
    .string({ error: `${label}: phải là chuỗi ký tự.` })
    .overwrite(cleanText)
    .trim()
    .max(max, { error: `${label}: quá dài (tối đa ${max} ký tự).` })
    .optional()
    .transform((value) => (value === "" ? undefined : value));
}

/** An ISO calendar date "yyyy-mm-dd" that exists (2026-02-30 is refused). */
export const isoDateSchema = z
  .string({ error: "Ngày: phải là chuỗi dạng yyyy-mm-dd." })
  .trim()
  .refine((value) => parseIsoDate(value) !== null, {
    error: "Ngày không hợp lệ: cần định dạng yyyy-mm-dd và là ngày có thật (ví dụ 2026-11-20).",
  });

export const yearSchema = z
  .number({ error: "Năm: phải là số." })
  .int({ error: "Năm: phải là số nguyên." })
  .min(2000, { error: "Năm: không được trước năm 2000." })
  .max(2100, { error: "Năm: không được sau năm 2100." });

/** "15/QĐ-UBND": số, then "/", then ký hiệu (NĐ 30, Phụ lục I, mục II.3). */
export const documentNumberSchema = requiredText("Số văn bản", 60).regex(/^\d+\/\S+$/u, {
  error: "Số văn bản: phải có dạng số/ký hiệu, ví dụ 15/QĐ-UBND.",
});

/**
 * The issuing body as printed in the header. `name` may hold line breaks ("ỦY BAN NHÂN DÂN\nTỈNH LÀO CAI");
 * `parentName` is the cơ quan chủ quản printed above it, when there is one. Both are printed in upper case.
 */
export const authoritySchema = z.object(
  {
    parentName: optionalText("Tên cơ quan chủ quản", 200),
    name: requiredText("Tên cơ quan ban hành", 200),
  },
  { error: "Cơ quan ban hành: thiếu thông tin." },
);

/** Thẩm quyền ký (NĐ 30, Phụ lục I, mục II.8): KT. = ký thay, TM. = thay mặt, TL. = thừa lệnh, TUQ. = thừa ủy quyền. */
export const SIGNING_CAPACITIES = ["KT", "TM", "TL", "TUQ"] as const;

/**
 * The person who signs. `position` is their own title ("Chủ tịch", "Phó Chủ tịch"); `actingFor` adds the
 * line above it, e.g. `{ kind: "KT", of: "Chủ tịch" }` prints "KT. CHỦ TỊCH" / "PHÓ CHỦ TỊCH".
 */
export const signerSchema = z.object(
  {
    fullName: requiredText("Họ và tên người ký", 100),
    position: requiredText("Chức vụ người ký", 150),
    actingFor: z
      .object({
        kind: z.enum(SIGNING_CAPACITIES, { error: "Thẩm quyền ký: phải là KT, TM, TL hoặc TUQ." }),
        of: requiredText("Thẩm quyền ký (ký thay/thay mặt cho)", 150),
      })
      .optional(),
  },
  { error: "Người ký: thiếu thông tin." },
);

/** One recognised unit: a row of the decision's annex, and the subject of a certificate. */
export const recognizedUnitSchema = z.object({
  name: requiredText("Tên đơn vị", 300),
  kind: z.enum(UNIT_KINDS, {
    error: "Loại đơn vị: phải là KDC, XA, CQ, DN hoặc CSGD.",
  }),
  /** The commune the unit lies in, as printed: "Phường Cam Đường". For an XA unit, the commune itself. */
  commune: requiredText("Địa bàn (xã, phường)", 200),
  address: optionalText("Địa chỉ", 300),
});

function issuedWithinYear(
  data: { year: number; issuedOn: string },
  ctx: z.RefinementCtx,
  path: (string | number)[],
  label: string,
): void {
  const issued = parseIsoDate(data.issuedOn);
  if (issued && issued.year !== data.year && issued.year !== data.year + 1) {
    ctx.addIssue({
      code: "custom",
      path,
      message: `${label}: phải thuộc năm ${data.year} hoặc đầu năm ${data.year + 1}.`,
    });
  }
}

export const recognitionDecisionInputSchema = z
  .object({
    /** Evaluation year the recognition is for. */
    year: yearSchema,
    /** Full number as printed: "15/QĐ-UBND". */
    number: documentNumberSchema,
    /** Signing date, ISO "yyyy-mm-dd". */
    issuedOn: isoDateSchema,
    /** Địa danh of the place/date line: "Lào Cai". */
    place: requiredText("Địa danh", 100),
    authority: authoritySchema,
    /**
     * Who decides, in running-text case: "Chủ tịch Ủy ban nhân dân tỉnh Lào Cai". Printed in upper case
     * under the title, and as is in the annex reference "(Kèm theo Quyết định số … của …)".
     */
    issuer: requiredText("Thẩm quyền ban hành", 200),
    /** What is recognised, for "Về việc công nhận … đạt tiêu chuẩn …"; derived from the unit kinds when absent. */
    subject: optionalText("Trích yếu", 300),
    /** The "Căn cứ …" lines, without "Căn cứ" and the final ";". Defaults: DEFAULT_LEGAL_BASES. */
    legalBases: z.array(requiredText("Căn cứ ban hành", 600)).max(20).optional(),
    /** "Giám đốc Công an tỉnh" → "Theo đề nghị của Giám đốc Công an tỉnh." */
    proposedBy: requiredText("Cơ quan đề nghị", 300),
    /** Subject of Điều 3: "Chánh Văn phòng …, Giám đốc Công an tỉnh và các đơn vị có tên tại Điều 1". */
    executors: requiredText("Cơ quan, đơn vị thi hành (Điều 3)", 600),
    /** "Nơi nhận" lines without the leading "- " and the final ";". The archive line is added from `archive`. */
    recipients: z.array(requiredText("Nơi nhận", 300)).max(30).default(["Như Điều 3"]),
    /** What follows "Lưu:" on the last line of "Nơi nhận": "VT" or "VT, CAT(PV05)". */
    archive: requiredText("Nơi lưu", 100).default("VT"),
    signer: signerSchema,
    units: z
      .array(recognizedUnitSchema, { error: "Danh sách đơn vị: phải là một danh sách." })
      .min(1, { error: "Danh sách đơn vị được công nhận không được để trống." })
      .max(20_000, { error: "Danh sách đơn vị: quá nhiều đơn vị trong một quyết định (tối đa 20.000)." }),
    /**
     * An extract (trích) for a unit: `units` holds only its part of the annex and this is how many
     * units the decision recognised, for its Điều 1. Absent for the decision as issued.
     */
    extractOf: z.number().int().min(1).max(20_000).optional(),
  })
  .superRefine((data, ctx) => issuedWithinYear(data, ctx, ["issuedOn"], "Ngày ký quyết định"))
  .refine((data) => data.extractOf === undefined || data.extractOf >= data.units.length, {
    path: ["extractOf"],
    error: "Bản trích không thể có nhiều đơn vị hơn quyết định.",
  });

/** The decision a certificate refers to: "(Theo Quyết định số 15/QĐ-UBND ngày 20/11/2026 của …)". */
export const decisionReferenceSchema = z.object(
  {
    number: documentNumberSchema,
    issuedOn: isoDateSchema,
    /** "Chủ tịch Ủy ban nhân dân tỉnh Lào Cai"; left out of the reference when absent. */
    issuer: optionalText("Thẩm quyền ban hành quyết định", 200),
  },
  { error: "Quyết định công nhận: thiếu thông tin." },
);

export const recognitionCertificateInputSchema = z
  .object({
    year: yearSchema,
    authority: authoritySchema,
    /** Optional number of the certificate itself ("25/GCN-UBND"); the header shows "Số: …" only when given. */
    certificateNumber: documentNumberSchema.optional(),
    unit: recognizedUnitSchema,
    decision: decisionReferenceSchema,
    place: requiredText("Địa danh", 100),
    /** Date printed above the signature; the decision's date when absent. */
    issuedOn: isoDateSchema.optional(),
    signer: signerSchema,
    /** Public verification address printed as a QR code (/xac-minh/<token>); no QR when absent. */
    verificationUrl: z.url({ protocol: /^https?$/, error: "Địa chỉ xác minh không hợp lệ." }).max(500, { error: "Địa chỉ xác minh quá dài." }).optional(),
  })
  .superRefine((data, ctx) => {
    issuedWithinYear({ year: data.year, issuedOn: data.decision.issuedOn }, ctx, ["decision", "issuedOn"], "Ngày ký quyết định");
  });

export const certificatesInputSchema = z
  .array(recognitionCertificateInputSchema, { error: "Danh sách giấy công nhận: phải là một danh sách." })
  .min(1, { error: "Danh sách giấy công nhận không được để trống." })
  .max(20_000, { error: "Danh sách giấy công nhận: quá nhiều (tối đa 20.000)." });

export type AuthorityInput = z.input<typeof authoritySchema>;
export type SignerInput = z.input<typeof signerSchema>;
export type SigningCapacity = (typeof SIGNING_CAPACITIES)[number];
export type RecognizedUnitInput = z.input<typeof recognizedUnitSchema>;
export type DecisionReferenceInput = z.input<typeof decisionReferenceSchema>;
export type RecognitionDecisionInput = z.input<typeof recognitionDecisionInputSchema>;
export type RecognitionCertificateInput = z.input<typeof recognitionCertificateInputSchema>;

export type Authority = z.output<typeof authoritySchema>;
export type Signer = z.output<typeof signerSchema>;
export type RecognizedUnit = z.output<typeof recognizedUnitSchema>;
export type RecognitionDecisionData = z.output<typeof recognitionDecisionInputSchema>;
export type RecognitionCertificateData = z.output<typeof recognitionCertificateInputSchema>;

/**
 * Parses with the schema's own Vietnamese messages, and zod's Vietnamese locale for anything they do
 * not cover (an unexpected key type, say). Throws `z.ZodError`.
 */
const vietnameseFallback = z.locales.vi().localeError;

export function parseDocumentInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  return schema.parse(input, { error: vietnameseFallback });
}
