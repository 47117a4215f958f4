/**
 * Runtime check of the dashboard contract (lib/reports/dashboard-types.ts) at the entry of the exports:
 * a figure that is not a non-negative integer (NaN, a string from a raw SQL count, -1) would otherwise end
 * up in a workbook or a report to the People's Committee. Messages are Vietnamese; the schema's output type
 * is checked against the contract's at compile time.
 */
import { z } from "zod";
import { INCIDENT_CODES, UNIT_KINDS } from "@/lib/domain/vocabulary";
import { DOSSIER_STATES } from "@/lib/workflow/dossier-states";
import type { DashboardData, DrilldownUnit } from "@/lib/reports/dashboard-types";
import { SECTORS } from "./labels";

function count(label: string) {
  return z
    .number({ error: `${label}: phải là số.` })
    .int({ error: `${label}: phải là số nguyên.` })
    .min(0, { error: `${label}: không được là số âm.` });
}

const XML_FORBIDDEN_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

/** Unicode NFC (a decomposed "ờ" shows detached marks in some viewers), without what XML 1.0 cannot carry. */
export function cleanText(value: string): string {
  return value.normalize("NFC").replace(XML_FORBIDDEN_CHARS, "");
}

function text(label: string) {
  return z
    .string({ error: `${label}: phải là chuỗi ký tự.` })
    .overwrite(cleanText)
    .min(1, { error: `${label}: không được để trống.` });
}

function nullableText(label: string) {
  return z.string({ error: `${label}: phải là chuỗi ký tự.` }).overwrite(cleanText).nullable();
}

const unitKind = z.enum(UNIT_KINDS, { error: "Loại đơn vị: phải là KDC, XA, CQ, DN hoặc CSGD." });
const sector = z.enum(SECTORS, { error: "Lĩnh vực: giá trị không hợp lệ." });
const year = z
  .number({ error: "Năm: phải là số." })
  .int({ error: "Năm: phải là số nguyên." })
  .min(2000, { error: "Năm: không được trước năm 2000." })
  .max(2100, { error: "Năm: không được sau năm 2100." });

export const dashboardFiltersSchema = z.object(
  {
    year,
    communeId: text("Mã xã, phường").optional(),
    kind: unitKind.optional(),
    sector: sector.optional(),
  },
  { error: "Bộ lọc: thiếu thông tin." },
);

export const dashboardDataSchema: z.ZodType<DashboardData, DashboardData> = z.object(
  {
    filters: dashboardFiltersSchema,
    generatedAt: text("Thời điểm lập số liệu"),
    headline: z.object(
      {
        unitsByKind: z.record(unitKind, count("Số đơn vị theo loại"), { error: "Số đơn vị theo loại: thiếu thông tin." }),
        eligible: count("Số đơn vị thuộc diện"),
        excluded: count("Số đơn vị không thuộc diện"),
        registered: count("Số đơn vị đã đăng ký"),
        submitted: count("Số đơn vị đã nộp hồ sơ"),
        recognised: count("Số đơn vị được công nhận"),
        notRecognised: count("Số đơn vị không được công nhận"),
        revoked: count("Số đơn vị bị thu hồi công nhận"),
        late: count("Số đơn vị muộn hạn"),
      },
      { error: "Số liệu chính: thiếu thông tin." },
    ),
    funnel: z.object(
      {
        registered: count("Tiến trình – đã đăng ký"),
        submitted: count("Tiến trình – đã nộp hồ sơ"),
        returned: count("Tiến trình – bị trả lại"),
        recognised: count("Tiến trình – được công nhận"),
      },
      { error: "Tiến trình hồ sơ: thiếu thông tin." },
    ),
    communes: z.array(
      z.object({
        communeId: text("Mã xã, phường"),
        name: text("Tên xã, phường"),
        kdc: count("Số khu dân cư"),
        cq: count("Số cơ quan"),
        dn: count("Số doanh nghiệp"),
        csgd: count("Số cơ sở giáo dục"),
        eligible: count("Số đơn vị thuộc diện của xã, phường"),
        registered: count("Số đơn vị đã đăng ký của xã, phường"),
        recognised: count("Số đơn vị được công nhận của xã, phường"),
        meetsCommuneCriterion: z.boolean({ error: "Đạt tiêu chí XA-4: phải là đúng/sai." }),
        atRisk: z.boolean({ error: "Nguy cơ không đạt: phải là đúng/sai." }),
      }),
      { error: "Bảng xã, phường: phải là một danh sách." },
    ),
    incidents: z.array(
      z.object({
        code: z.enum(INCIDENT_CODES, { error: "Loại vụ việc: mã không hợp lệ." }),
        communeId: text("Mã xã, phường của vụ việc"),
        communeName: text("Tên xã, phường của vụ việc"),
        count: count("Số vụ việc"),
      }),
      { error: "Bảng vụ việc: phải là một danh sách." },
    ),
    trend: z.array(
      z.object({
        year,
        eligible: count("Xu hướng – số đơn vị thuộc diện"),
        registered: count("Xu hướng – số đơn vị đã đăng ký"),
        recognised: count("Xu hướng – số đơn vị được công nhận"),
      }),
      { error: "Xu hướng 5 năm: phải là một danh sách." },
    ),
  },
  { error: "Số liệu bảng điều khiển: thiếu thông tin." },
);

export const drilldownUnitSchema: z.ZodType<DrilldownUnit, DrilldownUnit> = z.object({
  unitId: text("Mã đơn vị"),
  name: text("Tên đơn vị"),
  kind: unitKind,
  sector: sector.nullable(),
  excluded: z.boolean({ error: "Không thuộc diện: phải là đúng/sai." }),
  dossierId: nullableText("Mã hồ sơ"),
  state: z.enum(DOSSIER_STATES, { error: "Trạng thái hồ sơ: giá trị không hợp lệ." }),
  registrationLate: z.boolean({ error: "Đăng ký muộn: phải là đúng/sai." }),
  decisionNumber: nullableText("Số quyết định"),
});

export const drilldownSchema = z.object(
  {
    communeName: text("Tên xã, phường xem chi tiết"),
    units: z.array(drilldownUnitSchema, { error: "Danh sách đơn vị: phải là một danh sách." }),
  },
  { error: "Chi tiết xã, phường: thiếu thông tin." },
);

const vietnameseFallback = z.locales.vi().localeError;

/** Parses with the Vietnamese messages above (zod's Vietnamese locale for the rest). Throws `z.ZodError`. */
export function parseWithVietnamese<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  return schema.parse(input, { error: vietnameseFallback });
}
