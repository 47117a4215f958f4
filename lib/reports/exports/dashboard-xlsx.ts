/**
 * The leadership dashboard as an Excel workbook (exceljs): typed DashboardData in, .xlsx bytes out.
 * No database and no framework; a route handler can return the bytes as is.
 *
 * Every figure of `data` is written once, as a number in a numeric cell; shares are computed here only
 * as the exact fraction (registered / eligible …) in a percent-formatted cell, empty when the denominator
 * is 0. Table sheets have a title line (what the figures cover), a bold header row frozen under it, and an
 * autofilter over header and rows; they print on landscape A4, one page wide, with the header repeated.
 */
import ExcelJS from "exceljs";
import { INCIDENT_CODE_LABELS, UNIT_KINDS, UNIT_KIND_LABELS } from "@/lib/domain/vocabulary";
import { DOSSIER_STATE_LABELS } from "@/lib/workflow/dossier-states";
import type { DashboardData, DrilldownUnit } from "@/lib/reports/dashboard-types";
import { STANDARD_NAME } from "@/lib/documents/recognition-decision";
import { asciiFileStem } from "@/lib/documents/administrative-layout";
import { dashboardDataSchema, drilldownSchema, parseWithVietnamese } from "./dashboard-data-schema";
import { SECTOR_LABELS, generatedAtDate, generatedAtText, ratio, scopeLabels, scopeLine, xa4Label } from "./labels";

export const XLSX_MIME_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** Bytes over a plain ArrayBuffer: `new Response(bytes)` and `fs.writeFile` take them as is. */
export type XlsxBytes = Uint8Array<ArrayBuffer>;

export const SHEET_NAMES = {
  summary: "Tổng hợp",
  communes: "Xã, phường",
  incidents: "Vụ việc",
  trend: "Xu hướng 5 năm",
  units: "Đơn vị",
} as const;

/** Number formats: integers with a thousands separator, shares with one decimal, years as written. */
export const NUMBER_FORMATS = { integer: "#,##0", percent: "0.0%", year: "0" } as const;

export const COMMUNE_COLUMNS = [
  "Xã, phường",
  "Khu dân cư",
  "Cơ quan",
  "Doanh nghiệp",
  "Cơ sở giáo dục",
  "Thuộc diện",
  "Đã đăng ký",
  "% đăng ký",
  "Đã công nhận",
  "% công nhận",
  "Đạt tiêu chí xã (XA-4)",
] as const;
export const INCIDENT_COLUMNS = ["Loại vụ việc", "Xã, phường", "Số vụ việc"] as const;
export const TREND_COLUMNS = ["Năm", "Thuộc diện", "Đã đăng ký", "% đăng ký", "Đã công nhận", "% công nhận"] as const;
export const UNIT_COLUMNS = [
  "STT",
  "Tên đơn vị",
  "Loại đơn vị",
  "Lĩnh vực",
  "Thuộc diện",
  "Trạng thái hồ sơ",
  "Đăng ký muộn",
  "Quyết định công nhận",
] as const;

/** Title and header rows of every table sheet; data starts on the row after. */
const TITLE_ROW = 1;
const HEADER_ROW = 2;

const HEADER_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFD9E1F2" } };
const THIN: Partial<ExcelJS.Border> = { style: "thin", color: { argb: "FF9E9E9E" } };
const GRID: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const GREEN = { argb: "FF006100" };
const RED = { argb: "FF9C0006" };

type CellValue = string | number | null;
type ColumnKind = "text" | "integer" | "percent" | "year";

interface Column {
  header: string;
  kind: ColumnKind;
  /** Fixed width in characters; text columns without one are sized to their content. */
  width?: number;
  minWidth?: number;
  maxWidth?: number;
  /** Extra font for one value (XA-4 in green/red). */
  font?: (value: CellValue) => Partial<ExcelJS.Font> | undefined;
}

interface TableSheet {
  name: string;
  title: string;
  columns: Column[];
  rows: CellValue[][];
  /** Also freeze the first column (long names scroll with their figures). */
  freezeFirstColumn?: boolean;
}

function contentWidth(column: Column, rows: CellValue[][], index: number): number {
  if (column.width) return column.width;
  const longest = rows.reduce((max, row) => Math.max(max, String(row[index] ?? "").length), column.header.length);
  return Math.min(column.maxWidth ?? 60, Math.max(column.minWidth ?? 10, longest + 2));
}

function defaultWidth(kind: ColumnKind): number {
  return kind === "percent" ? 12 : kind === "year" ? 8 : 13;
}

function numFmtOf(kind: ColumnKind): string | undefined {
  if (kind === "integer") return NUMBER_FORMATS.integer;
  if (kind === "percent") return NUMBER_FORMATS.percent;
  if (kind === "year") return NUMBER_FORMATS.year;
  return undefined;
}

function setupPrinting(sheet: ExcelJS.Worksheet, repeatRows?: string): void {
  sheet.pageSetup = {
    paperSize: 9, // A4
    orientation: "landscape",
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    horizontalCentered: true,
    margins: { left: 0.5, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    printTitlesRow: repeatRows,
  };
  sheet.headerFooter = { oddFooter: "Trang &P/&N" };
}

function addTableSheet(workbook: ExcelJS.Workbook, spec: TableSheet): ExcelJS.Worksheet {
  const { columns, rows } = spec;
  const sheet = workbook.addWorksheet(spec.name);
  sheet.columns = columns.map((column, index) => ({
    width: column.kind === "text" ? contentWidth(column, rows, index) : (column.width ?? defaultWidth(column.kind)),
  }));

  const title = sheet.getRow(TITLE_ROW);
  title.getCell(1).value = spec.title;
  title.font = { bold: true, size: 13 };
  title.height = 22;
  if (columns.length > 1) sheet.mergeCells(TITLE_ROW, 1, TITLE_ROW, columns.length);

  const header = sheet.getRow(HEADER_ROW);
  columns.forEach((column, index) => {
    const cell = header.getCell(index + 1);
    cell.value = column.header;
    cell.font = { bold: true };
    cell.fill = HEADER_FILL;
    cell.border = GRID;
    cell.alignment = { vertical: "middle", horizontal: "center", wrapText: true };
  });
  header.height = 32;

  rows.forEach((values, rowIndex) => {
    const row = sheet.getRow(HEADER_ROW + 1 + rowIndex);
    columns.forEach((column, index) => {
      const cell = row.getCell(index + 1);
      const value = values[index] ?? null;
      cell.value = value;
      cell.border = GRID;
      const numFmt = numFmtOf(column.kind);
      if (numFmt) cell.numFmt = numFmt;
      if (column.kind === "text") cell.alignment = { vertical: "top", wrapText: true };
      else if (column.kind === "year") cell.alignment = { horizontal: "center" };
      const font = column.font?.(value);
      if (font) cell.font = font;
    });
  });

  const lastRow = HEADER_ROW + rows.length;
  sheet.autoFilter = { from: { row: HEADER_ROW, column: 1 }, to: { row: lastRow, column: columns.length } };
  const xSplit = spec.freezeFirstColumn ? 1 : 0;
  // The address by hand: `sheet.getCell` would create the row, and an empty table would gain a blank row.
  const firstFree = `${String.fromCharCode(65 + xSplit)}${HEADER_ROW + 1}`;
  sheet.views = [{ state: "frozen", xSplit, ySplit: HEADER_ROW, topLeftCell: firstFree, activeCell: firstFree }];
  setupPrinting(sheet, `${TITLE_ROW}:${HEADER_ROW}`);
  return sheet;
}

const xa4Font = (value: CellValue): Partial<ExcelJS.Font> | undefined =>
  value === xa4Label(true) ? { color: GREEN, bold: true } : value === xa4Label(false) ? { color: RED, bold: true } : undefined;

/** Row numbers of the "Tổng hợp" sheet's parts, for readers that locate figures (tests, macros). */
export const SUMMARY_LAYOUT = {
  titleRow: 1,
  /** Label in A, value in B: Năm, Địa bàn, Loại đơn vị, Lĩnh vực, Thời điểm lập. */
  scopeRows: { year: 2, area: 3, kind: 4, sector: 5, generatedAt: 6 },
} as const;

interface SummaryLine {
  label: string;
  value: number;
  /** Share in column C (percent format), null for an empty cell. */
  share?: number | null;
}

function summaryLines(data: DashboardData): { headline: SummaryLine[]; funnel: SummaryLine[]; communes: SummaryLine[] } {
  const h = data.headline;
  const f = data.funnel;
  const met = data.communes.filter((row) => row.meetsCommuneCriterion).length;
  const total = data.communes.length;
  return {
    headline: [
      ...UNIT_KINDS.map((kind) => ({ label: `Số đơn vị: ${UNIT_KIND_LABELS[kind]}`, value: h.unitsByKind[kind] })),
      { label: "Thuộc diện tham gia", value: h.eligible },
      { label: "Không thuộc diện (Điều 1 khoản 2 điểm b TT 124)", value: h.excluded },
      { label: "Đã đăng ký", value: h.registered, share: ratio(h.registered, h.eligible) },
      { label: "Đã nộp hồ sơ", value: h.submitted, share: ratio(h.submitted, h.eligible) },
      { label: "Được công nhận", value: h.recognised, share: ratio(h.recognised, h.eligible) },
      { label: "Không được công nhận", value: h.notRecognised, share: ratio(h.notRecognised, h.eligible) },
      { label: "Bị thu hồi công nhận", value: h.revoked },
      { label: "Muộn hạn (đăng ký sau quý I hoặc nộp hồ sơ sau thời hạn)", value: h.late },
    ],
    funnel: [
      { label: "Đã đăng ký", value: f.registered, share: ratio(f.registered, f.registered) },
      { label: "Đã nộp hồ sơ", value: f.submitted, share: ratio(f.submitted, f.registered) },
      { label: "Bị trả lại để bổ sung (ít nhất một lần)", value: f.returned, share: ratio(f.returned, f.registered) },
      { label: "Được công nhận", value: f.recognised, share: ratio(f.recognised, f.registered) },
    ],
    communes: [
      { label: "Số xã, phường trong bảng", value: total },
      { label: "Đạt tiêu chí XA-4", value: met, share: ratio(met, total) },
      { label: "Chưa đạt tiêu chí XA-4", value: total - met, share: ratio(total - met, total) },
    ],
  };
}

function addSummarySheet(workbook: ExcelJS.Workbook, data: DashboardData, communeName: string | undefined): void {
  const sheet = workbook.addWorksheet(SHEET_NAMES.summary);
  sheet.columns = [{ width: 58 }, { width: 16 }, { width: 18 }];
  const scope = scopeLabels(data, communeName);

  const title = sheet.getRow(SUMMARY_LAYOUT.titleRow);
  title.getCell(1).value = `TỔNG HỢP KẾT QUẢ PHONG TRÀO "${STANDARD_NAME.toLocaleUpperCase("vi-VN")}" NĂM ${data.filters.year}`;
  title.font = { bold: true, size: 13 };
  title.height = 22;
  sheet.mergeCells(SUMMARY_LAYOUT.titleRow, 1, SUMMARY_LAYOUT.titleRow, 3);

  const rows = SUMMARY_LAYOUT.scopeRows;
  const scopeValues: [number, string, string | number][] = [
    [rows.year, "Năm đánh giá", data.filters.year],
    [rows.area, "Địa bàn", scope.area],
    [rows.kind, "Loại đơn vị", scope.kind],
    [rows.sector, "Lĩnh vực", scope.sector],
    [rows.generatedAt, "Thời điểm lập số liệu (giờ Việt Nam)", generatedAtText(data.generatedAt)],
  ];
  for (const [rowNumber, label, value] of scopeValues) {
    const row = sheet.getRow(rowNumber);
    row.getCell(1).value = label;
    row.getCell(1).font = { bold: true };
    row.getCell(2).value = value;
    row.getCell(2).alignment = { horizontal: "left" };
    if (typeof value === "number") row.getCell(2).numFmt = NUMBER_FORMATS.year;
  }

  const lines = summaryLines(data);
  let next = rows.generatedAt + 2;
  const block = (heading: string, shareHeader: string, items: SummaryLine[]): void => {
    const header = sheet.getRow(next);
    [heading, "Số lượng", shareHeader].forEach((text, index) => {
      const cell = header.getCell(index + 1);
      cell.value = text;
      cell.font = { bold: true };
      cell.fill = HEADER_FILL;
      cell.border = GRID;
      cell.alignment = { vertical: "middle", horizontal: index === 0 ? "left" : "center", wrapText: true };
    });
    next += 1;
    for (const item of items) {
      const row = sheet.getRow(next);
      row.getCell(1).value = item.label;
      row.getCell(2).value = item.value;
      row.getCell(2).numFmt = NUMBER_FORMATS.integer;
      row.getCell(3).value = item.share ?? null;
      row.getCell(3).numFmt = NUMBER_FORMATS.percent;
      for (let column = 1; column <= 3; column += 1) row.getCell(column).border = GRID;
      row.getCell(1).alignment = { wrapText: true };
      next += 1;
    }
    next += 1;
  };
  block("I. SỐ LIỆU CHÍNH", "Tỷ lệ so với thuộc diện", lines.headline);
  block("II. TIẾN TRÌNH HỒ SƠ", "Tỷ lệ so với đã đăng ký", lines.funnel);
  block("III. XÃ, PHƯỜNG THEO TIÊU CHÍ XA-4", "Tỷ lệ so với số xã, phường", lines.communes);

  sheet.views = [{ state: "frozen", xSplit: 0, ySplit: SUMMARY_LAYOUT.titleRow, topLeftCell: "A2", activeCell: "A2" }];
  setupPrinting(sheet);
  sheet.pageSetup.orientation = "portrait";
}

function unitRows(units: readonly DrilldownUnit[]): CellValue[][] {
  return units.map((unit, index) => [
    index + 1,
    unit.name,
    UNIT_KIND_LABELS[unit.kind],
    unit.sector ? SECTOR_LABELS[unit.sector] : null,
    unit.excluded ? "Không thuộc diện" : "Thuộc diện",
    DOSSIER_STATE_LABELS[unit.state],
    unit.registrationLate ? "Muộn" : null,
    unit.decisionNumber,
  ]);
}

export interface DashboardXlsxOptions {
  /** The commune the person drilled into, with its units: adds the "Đơn vị" sheet. */
  drilldown?: { communeName: string; units: DrilldownUnit[] };
}

/**
 * The dashboard as .xlsx bytes: "Tổng hợp", "Xã, phường", "Vụ việc", "Xu hướng 5 năm", and "Đơn vị" when a
 * drill-down is given. Validates `data` first (throws `z.ZodError` with Vietnamese messages).
 */
export async function buildDashboardXlsx(input: DashboardData, options: DashboardXlsxOptions = {}): Promise<XlsxBytes> {
  const data = parseWithVietnamese(dashboardDataSchema, input);
  const drilldown = options.drilldown ? parseWithVietnamese(drilldownSchema, options.drilldown) : undefined;
  const communeName = drilldown?.communeName;
  const scope = scopeLine(data, communeName);

  const workbook = new ExcelJS.Workbook();
  workbook.creator = "ANTT";
  workbook.title = `Tổng hợp phong trào "${STANDARD_NAME}" ${scope}`;
  const generated = generatedAtDate(data.generatedAt);
  if (generated) {
    workbook.created = generated;
    workbook.modified = generated;
  }

  addSummarySheet(workbook, data, communeName);

  const integer = (header: string, width?: number): Column => ({ header, kind: "integer", width });
  const percent = (header: string): Column => ({ header, kind: "percent" });

  addTableSheet(workbook, {
    name: SHEET_NAMES.communes,
    title: `Kết quả theo xã, phường ${scope}`,
    freezeFirstColumn: true,
    columns: [
      { header: COMMUNE_COLUMNS[0], kind: "text", minWidth: 18, maxWidth: 40 },
      integer(COMMUNE_COLUMNS[1], 11),
      integer(COMMUNE_COLUMNS[2], 10),
      integer(COMMUNE_COLUMNS[3], 13),
      integer(COMMUNE_COLUMNS[4], 14),
      integer(COMMUNE_COLUMNS[5], 11),
      integer(COMMUNE_COLUMNS[6], 11),
      percent(COMMUNE_COLUMNS[7]),
      integer(COMMUNE_COLUMNS[8], 13),
      percent(COMMUNE_COLUMNS[9]),
      { header: COMMUNE_COLUMNS[10], kind: "text", width: 14, font: xa4Font },
    ],
    rows: data.communes.map((row) => [
      row.name,
      row.kdc,
      row.cq,
      row.dn,
      row.csgd,
      row.eligible,
      row.registered,
      ratio(row.registered, row.eligible),
      row.recognised,
      ratio(row.recognised, row.eligible),
      xa4Label(row.meetsCommuneCriterion),
    ]),
  });

  addTableSheet(workbook, {
    name: SHEET_NAMES.incidents,
    title: `Vụ việc theo loại và xã, phường ${scope}`,
    columns: [
      { header: INCIDENT_COLUMNS[0], kind: "text", minWidth: 30, maxWidth: 70 },
      { header: INCIDENT_COLUMNS[1], kind: "text", minWidth: 18, maxWidth: 40 },
      integer(INCIDENT_COLUMNS[2], 12),
    ],
    rows: data.incidents.map((incident) => [INCIDENT_CODE_LABELS[incident.code], incident.communeName, incident.count]),
  });

  addTableSheet(workbook, {
    name: SHEET_NAMES.trend,
    title: `Xu hướng 5 năm đến năm ${data.filters.year} – ${scopeLabels(data, communeName).area}`,
    columns: [
      { header: TREND_COLUMNS[0], kind: "year" },
      integer(TREND_COLUMNS[1]),
      integer(TREND_COLUMNS[2]),
      percent(TREND_COLUMNS[3]),
      integer(TREND_COLUMNS[4], 14),
      percent(TREND_COLUMNS[5]),
    ],
    rows: data.trend.map((point) => [
      point.year,
      point.eligible,
      point.registered,
      ratio(point.registered, point.eligible),
      point.recognised,
      ratio(point.recognised, point.eligible),
    ]),
  });

  if (drilldown) {
    addTableSheet(workbook, {
      name: SHEET_NAMES.units,
      title: `Đơn vị trên địa bàn ${drilldown.communeName} – năm ${data.filters.year}`,
      freezeFirstColumn: false,
      columns: [
        { header: UNIT_COLUMNS[0], kind: "integer", width: 7 },
        { header: UNIT_COLUMNS[1], kind: "text", minWidth: 24, maxWidth: 60 },
        { header: UNIT_COLUMNS[2], kind: "text", minWidth: 14, maxWidth: 22 },
        { header: UNIT_COLUMNS[3], kind: "text", minWidth: 14, maxWidth: 38 },
        { header: UNIT_COLUMNS[4], kind: "text", width: 17 },
        { header: UNIT_COLUMNS[5], kind: "text", minWidth: 16, maxWidth: 22 },
        { header: UNIT_COLUMNS[6], kind: "text", width: 13 },
        { header: UNIT_COLUMNS[7], kind: "text", minWidth: 18, maxWidth: 26 },
      ],
      rows: unitRows(drilldown.units),
    });
  }

  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}

/** "Tong-hop-ANTT-2026.xlsx", "Tong-hop-ANTT-2026-Phuong-Lao-Cai.xlsx": ASCII, for Content-Disposition. */
export function dashboardXlsxFileName(year: number, communeName?: string): string {
  const suffix = communeName ? `-${asciiFileStem(communeName)}` : "";
  return `Tong-hop-ANTT-${year}${suffix}.xlsx`;
}
