/**
 * Input of the year-end report (báo cáo kết quả năm) the provincial police send to the People's Committee
 * (Kế hoạch 195/KH-UBND, mục 6: before 20/11 each year). Validated with zod at the builder's entry, with
 * Vietnamese messages: a route handler gets a `z.ZodError` rather than a malformed report.
 *
 * The unit lists must agree with the figures: the report states "N đơn vị được công nhận" in section I and
 * lists them in section III, so a list whose length differs from `data.headline` is refused rather than
 * printed as a report that contradicts itself.
 */
import { z } from "zod";
import { UNIT_KINDS } from "@/lib/domain/vocabulary";
import { authoritySchema, documentNumberSchema, isoDateSchema, signerSchema } from "@/lib/documents/schemas";
import { parseIsoDate } from "@/lib/documents/vietnamese-date";
import { cleanText, dashboardDataSchema } from "./dashboard-data-schema";

function requiredText(label: string, max = 500) {
  return z
    .string({ error: `${label}: phải là chuỗi ký tự.` })
    .overwrite(cleanText)
    .trim()
    .min(1, { error: `${label}: không được để trống.` })
    .max(max, { error: `${label}: quá dài (tối đa ${max} ký tự).` });
}

const unitKind = z.enum(UNIT_KINDS, { error: "Loại đơn vị: phải là KDC, XA, CQ, DN hoặc CSGD." });
// A province of 40,000 units (8× README's size) recognises ~30,000 in a year; the lists are written without
// docx's object model (lib/documents/bulk-rows.ts), so the cap only guards against absurd input.
const MAX_UNITS = 200_000;

export const recognisedUnitSchema = z.object({
  name: requiredText("Tên đơn vị", 300),
  kind: unitKind,
  /** The commune the unit lies in, as printed: "Phường Cam Đường". */
  commune: requiredText("Địa bàn (xã, phường)", 200),
  /** The recognising decision: "15/QĐ-UBND". */
  decisionNumber: documentNumberSchema,
});

export const notRecognisedUnitSchema = z.object({
  name: requiredText("Tên đơn vị", 300),
  kind: unitKind,
  commune: requiredText("Địa bàn (xã, phường)", 200),
  /** Why, in Vietnamese: the criteria engine's overall reason or the reviewer's refusal reason. */
  reason: requiredText("Lý do không được công nhận", 2000),
});

/** Defaults of the header: the cơ quan chủ quản over the issuing body, as the brief of issue 5 gives them. */
export const DEFAULT_REPORT_AUTHORITY = { parentName: "UBND tỉnh Lào Cai", name: "Công an tỉnh" } as const;
export const DEFAULT_ADDRESSEE = "Ủy ban nhân dân tỉnh Lào Cai";
export const DEFAULT_REPORTER = "Công an tỉnh";
export const DEFAULT_SYMBOL = "BC-CAT";

export const yearEndReportInputSchema = z
  .object({
    data: dashboardDataSchema,
    /** Full number as printed, "125/BC-CAT"; absent on a draft: "Số:      /BC-CAT" is left for the clerk. */
    number: documentNumberSchema.optional(),
    /** Ký hiệu printed after the blank number of a draft. */
    symbol: requiredText("Ký hiệu văn bản", 40).default(DEFAULT_SYMBOL),
    /** Signing date, ISO "yyyy-mm-dd". */
    issuedOn: isoDateSchema,
    /** Địa danh of the place/date line: "Lào Cai". */
    place: requiredText("Địa danh", 100),
    authority: authoritySchema.default({ ...DEFAULT_REPORT_AUTHORITY }),
    /** Who reports, in running text: "Công an tỉnh" ("… Công an tỉnh báo cáo …"). */
    reporter: requiredText("Cơ quan báo cáo", 200).default(DEFAULT_REPORTER),
    /** "Kính gửi: …." */
    addressee: requiredText("Nơi gửi (Kính gửi)", 200).default(DEFAULT_ADDRESSEE),
    /** The opening paragraph ("Thực hiện …"); a default citing TT 124 and KH 195/KH-UBND when absent. */
    introduction: requiredText("Đoạn mở đầu", 2000).optional(),
    /** Section III: units recognised for the year, in the order to print. */
    recognised: z
      .array(recognisedUnitSchema, { error: "Danh sách đơn vị được công nhận: phải là một danh sách." })
      .max(MAX_UNITS, { error: `Danh sách đơn vị được công nhận: quá nhiều (tối đa ${MAX_UNITS}).` }),
    /** Section IV: units refused (state NOT_RECOGNISED), each with its reason. */
    notRecognised: z
      .array(notRecognisedUnitSchema, { error: "Danh sách đơn vị không được công nhận: phải là một danh sách." })
      .max(MAX_UNITS, { error: `Danh sách đơn vị không được công nhận: quá nhiều (tối đa ${MAX_UNITS}).` }),
    /** Section V, one paragraph each; the section is left out when there is none. */
    recommendations: z.array(requiredText("Đề xuất, kiến nghị", 3000)).max(50).optional(),
    /** "Nơi nhận" lines without "- " and ";"; the archive line is added from `archive`. */
    recipients: z.array(requiredText("Nơi nhận", 300)).max(30).default(["Như trên"]),
    /** What follows "Lưu:": "VT" or "VT, PV01". */
    archive: requiredText("Nơi lưu", 100).default("VT"),
    signer: signerSchema,
  })
  .superRefine((input, ctx) => {
    const year = input.data.filters.year;
    const issued = parseIsoDate(input.issuedOn);
    if (issued && issued.year !== year && issued.year !== year + 1) {
      ctx.addIssue({
        code: "custom",
        path: ["issuedOn"],
        message: `Ngày ký báo cáo: phải thuộc năm ${year} hoặc đầu năm ${year + 1}.`,
      });
    }
    const { recognised, notRecognised } = input.data.headline;
    if (input.recognised.length !== recognised) {
      ctx.addIssue({
        code: "custom",
        path: ["recognised"],
        message: `Danh sách đơn vị được công nhận có ${input.recognised.length} đơn vị, khác số liệu tổng hợp (${recognised} đơn vị).`,
      });
    }
    if (input.notRecognised.length !== notRecognised) {
      ctx.addIssue({
        code: "custom",
        path: ["notRecognised"],
        message: `Danh sách đơn vị không được công nhận có ${input.notRecognised.length} đơn vị, khác số liệu tổng hợp (${notRecognised} đơn vị).`,
      });
    }
  });

export type YearEndReportInput = z.input<typeof yearEndReportInputSchema>;
export type YearEndReportData = z.output<typeof yearEndReportInputSchema>;
export type RecognisedUnitInput = z.input<typeof recognisedUnitSchema>;
export type NotRecognisedUnitInput = z.input<typeof notRecognisedUnitSchema>;
