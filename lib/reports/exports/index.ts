/**
 * Exports of the leadership dashboard: the Excel workbook and the year-end Word report to the People's
 * Committee. Pure builders: typed data in (DashboardData, lib/reports/dashboard-types.ts), bytes out; no
 * database or framework imports. Both validate their input and throw `z.ZodError` with Vietnamese messages.
 */
export {
  COMMUNE_COLUMNS,
  INCIDENT_COLUMNS,
  NUMBER_FORMATS,
  SHEET_NAMES,
  TREND_COLUMNS,
  UNIT_COLUMNS,
  XLSX_MIME_TYPE,
  buildDashboardXlsx,
  dashboardXlsxFileName,
  type DashboardXlsxOptions,
  type XlsxBytes,
} from "./dashboard-xlsx";
export { REPORT_SECTION_HEADINGS, buildYearEndReportDocx, yearEndReportFileName, yearEndReportSummary } from "./year-end-report-docx";
export {
  DEFAULT_ADDRESSEE,
  DEFAULT_REPORTER,
  DEFAULT_REPORT_AUTHORITY,
  notRecognisedUnitSchema,
  recognisedUnitSchema,
  yearEndReportInputSchema,
  type NotRecognisedUnitInput,
  type RecognisedUnitInput,
  type YearEndReportInput,
} from "./year-end-report-schema";
export { dashboardDataSchema, drilldownSchema } from "./dashboard-data-schema";
export { SECTOR_LABELS, percentText } from "./labels";
export { DOCX_MIME_TYPE, type DocxBytes } from "@/lib/documents/administrative-layout";
