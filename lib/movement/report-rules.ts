/**
 * The plan 195/KH-UBND reports (issue 14 §4, ADR 0032-movement-reports): who reports, when a report
 * is late, what a report holds. PURE: no I/O.
 *
 * Plan 195 §VI.6 (seed 003): "các cơ quan, đơn vị, địa phương" report to the provincial police
 * before 15/11 (CycleCalendar.unitReportEnd); the provincial police report to UBND tỉnh before 20/11
 * (provinceReportEnd). A khu dân cư (thôn, tổ dân phố) is not an "địa phương" of its own in that
 * sense: its results reach the province through its commune's report, as its TT124 dossier reaches
 * the province through the commune police. So the reporters are the TT124 units of kind XA, CQ, DN,
 * CSGD and the participants (sở, ban, ngành; Mặt trận and mass organisations).
 */
import type { MovementGroup, MovementReportState, UnitKind } from "@/lib/generated/prisma/enums";
import type { CycleCalendar } from "@/lib/workflow/cycle-calendar";
import { GROUP_OF_UNIT_KIND } from "./groups";

/** Unit kinds that report on their own (a KDC reports through its commune). */
export const REPORTING_UNIT_KINDS = ["XA", "CQ", "DN", "CSGD"] as const satisfies readonly UnitKind[];
export type ReportingUnitKind = (typeof REPORTING_UNIT_KINDS)[number];

/** Groups with reports, in the plan's order (§III.1 a)–d)). */
export const REPORTING_GROUPS = ["PROVINCIAL_DEPARTMENT", "COMMUNE", "FRONT_ORGANISATION", "AGENCY_ENTERPRISE"] as const satisfies readonly MovementGroup[];
export type ReportingGroup = (typeof REPORTING_GROUPS)[number];

export function reportsOnItsOwn(kind: UnitKind): kind is ReportingUnitKind {
  return (REPORTING_UNIT_KINDS as readonly UnitKind[]).includes(kind);
}

/** The group a unit's report counts in. */
export function reportGroupOfKind(kind: ReportingUnitKind): ReportingGroup {
  return GROUP_OF_UNIT_KIND[kind] as ReportingGroup;
}

/**
 * Late when submitted (in Việt Nam's calendar) after the year's unit-report deadline. "Before 15/11"
 * is read as "by the end of 15/11", like every deadline of the calendar (ADR 0027).
 */
export function reportLate(submittedOn: string, calendar: Pick<CycleCalendar, "unitReportEnd">): boolean {
  return submittedOn > calendar.unitReportEnd;
}

export const REPORT_STATE_LABELS: Record<MovementReportState, string> = {
  DRAFT: "Đang soạn",
  SUBMITTED: "Đã gửi",
  RETURNED: "Bị trả lại",
};

/** Where a reporter stands on the tracking page. */
export type TrackingStatus = "ON_TIME" | "LATE" | "NOT_SUBMITTED";
export const TRACKING_STATUSES = ["ON_TIME", "LATE", "NOT_SUBMITTED"] as const satisfies readonly TrackingStatus[];
export const TRACKING_STATUS_LABELS: Record<TrackingStatus, string> = {
  ON_TIME: "Đã gửi đúng hạn",
  LATE: "Gửi muộn",
  NOT_SUBMITTED: "Chưa gửi",
};

export function trackingStatus(report: { state: MovementReportState; late: boolean } | null): TrackingStatus {
  if (!report || report.state !== "SUBMITTED") return "NOT_SUBMITTED";
  return report.late ? "LATE" : "ON_TIME";
}

/** The report's prose sections, in the order of the form and of the printed report. */
export const REPORT_TEXT_FIELDS = ["results", "models", "propaganda", "difficulties", "proposals"] as const;
export type ReportTextField = (typeof REPORT_TEXT_FIELDS)[number];
export const REPORT_TEXT_LABELS: Record<ReportTextField, string> = {
  results: "Kết quả đạt được",
  models: "Mô hình, điển hình tiên tiến đã xây dựng, duy trì",
  propaganda: "Hoạt động tuyên truyền, phát động phong trào",
  difficulties: "Khó khăn, vướng mắc",
  proposals: "Đề xuất, kiến nghị",
};

/** Figures the reporter declares (counts). */
export const REPORT_COUNT_FIELDS = ["propagandaSessions", "propagandaAttendees", "modelsCount", "tipsReceived"] as const;
export type ReportCountField = (typeof REPORT_COUNT_FIELDS)[number];
export const REPORT_COUNT_LABELS: Record<ReportCountField, string> = {
  propagandaSessions: "Số buổi tuyên truyền, phát động",
  propagandaAttendees: "Số lượt người tham dự",
  modelsCount: "Số mô hình đang duy trì",
  tipsReceived: "Số tin báo, tố giác về an ninh, trật tự do quần chúng cung cấp",
};

export const REPORT_TEXT_MAX = 8000;

/**
 * What a report lacks before it may be submitted: the results achieved must be written (the report's
 * reason for being); the rest may honestly be empty ("no difficulties").
 */
export function submitProblems(report: Partial<Record<ReportTextField, string | null>>): { field: ReportTextField; message: string }[] {
  return report.results && report.results.trim() !== "" ? [] : [{ field: "results", message: "Vui lòng nêu kết quả đạt được trước khi gửi báo cáo." }];
}
