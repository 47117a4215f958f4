/**
 * Báo cáo kết quả thực hiện phong trào xây dựng đơn vị đạt tiêu chuẩn "An toàn về an ninh, trật tự" năm …:
 * the provincial police's year-end report to the People's Committee (Kế hoạch 195/KH-UBND, mục 6: before
 * 20/11), laid out as a báo cáo of NĐ 30/2020/NĐ-CP, Phụ lục I, with the layout helpers of lib/documents.
 *
 * Sections: I. Kết quả chung (prose and a small table), II. Kết quả theo xã, phường, III. Danh sách đơn vị
 * được công nhận, IV. Danh sách đơn vị không được công nhận và lý do, V. Đề xuất, kiến nghị (when given).
 * Every figure comes from the DashboardData as given; shares are printed truncated to one decimal.
 */
import {
  AlignmentType,
  BorderStyle,
  PageOrientation,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
  type ISectionOptions,
} from "docx";
import { UNIT_KINDS, UNIT_KIND_LABELS, type UnitKind } from "@/lib/domain/vocabulary";
import {
  A4,
  FONT_FAMILY,
  PORTRAIT_MARGINS,
  PORTRAIT_TEXT_WIDTH,
  SIZE,
  administrativeDocument,
  asciiFileStem,
  centered,
  documentHeader,
  estimateTextWidth,
  layoutTable,
  pageNumberHeaders,
  paragraph,
  recipientsBlock,
  rule,
  runs,
  signatureBlock,
  toDocxBytes,
  type DocxBytes,
} from "@/lib/documents/administrative-layout";
import { STANDARD_NAME } from "@/lib/documents/recognition-decision";
import { bulkCellMarker, writeWithBulkRows, type BulkProgress } from "@/lib/documents/bulk-rows";
import { concatChunks, type ZipChunk } from "@/lib/documents/zip-stream";
import { formatPlaceAndDate } from "@/lib/documents/vietnamese-date";
import type { CommuneRow, DashboardData } from "@/lib/reports/dashboard-types";
import { parseWithVietnamese } from "./dashboard-data-schema";
import { generatedAtText, numberText, percentText, scopeLabels, xa4Label } from "./labels";
import { yearEndReportInputSchema, type YearEndReportData, type YearEndReportInput } from "./year-end-report-schema";

export const REPORT_SECTION_HEADINGS = {
  general: "I. KẾT QUẢ CHUNG",
  communes: "II. KẾT QUẢ THEO XÃ, PHƯỜNG",
  recognised: "III. DANH SÁCH ĐƠN VỊ ĐƯỢC CÔNG NHẬN",
  notRecognised: "IV. DANH SÁCH ĐƠN VỊ KHÔNG ĐƯỢC CÔNG NHẬN VÀ LÝ DO",
  recommendations: "V. ĐỀ XUẤT, KIẾN NGHỊ",
} as const;

const FIRST_LINE_INDENT = 720; // 1,27 cm
const BODY = { align: AlignmentType.JUSTIFIED, firstLine: FIRST_LINE_INDENT, after: 6, lineSpacing: 1.15 } as const;
/** Blank number of a draft: the clerk writes it in by hand when registering the outgoing document. */
const BLANK_NUMBER = "\u00A0".repeat(8);

const lower = (text: string): string => text.toLocaleLowerCase("vi-VN");

/** "khu dân cư, xã, phường, đặc khu, cơ quan, doanh nghiệp, cơ sở giáo dục", or the one kind filtered on. */
function subjectPhrase(data: DashboardData): string {
  const kinds = data.filters.kind ? [data.filters.kind] : UNIT_KINDS;
  return kinds.map((kind) => lower(UNIT_KIND_LABELS[kind])).join(", ");
}

export function yearEndReportSummary(data: DashboardData): string {
  return `Kết quả thực hiện phong trào xây dựng ${subjectPhrase(data)} đạt tiêu chuẩn "${STANDARD_NAME}" năm ${data.filters.year}`;
}

function defaultIntroduction(input: YearEndReportData): string {
  return (
    "Thực hiện Thông tư số 124/2021/TT-BCA ngày 28/12/2021 của Bộ trưởng Bộ Công an (được sửa đổi, bổ sung bởi " +
    "Thông tư số 48/2025/TT-BCA ngày 27/6/2025) và Kế hoạch số 195/KH-UBND ngày 17/12/2025 của Ủy ban nhân dân tỉnh, " +
    `${input.reporter} báo cáo kết quả thực hiện phong trào xây dựng ${subjectPhrase(input.data)} đạt tiêu chuẩn ` +
    `"${STANDARD_NAME}" năm ${input.data.filters.year} như sau:`
  );
}

function body(text: string): Paragraph {
  return paragraph(runs(text), BODY);
}

function heading(text: string): Paragraph {
  return paragraph(runs(text, { bold: true }), { ...BODY, before: 6, keepNext: true });
}

/** "12 khu dân cư, 3 cơ quan": the kinds present in `units`, in the vocabulary's order. */
function kindBreakdown(units: readonly { kind: UnitKind }[]): string {
  const counts = new Map<UnitKind, number>();
  for (const unit of units) counts.set(unit.kind, (counts.get(unit.kind) ?? 0) + 1);
  return UNIT_KINDS.filter((kind) => counts.has(kind))
    .map((kind) => `${numberText(counts.get(kind) ?? 0)} ${lower(UNIT_KIND_LABELS[kind])}`)
    .join(", ");
}

/** "52/55 (94,5%)". */
function outOf(numerator: number, denominator: number): string {
  return denominator > 0
    ? `${numberText(numerator)}/${numberText(denominator)} (${percentText(numerator, denominator)})`
    : numberText(numerator);
}

// ---------------------------------------------------------------------------------------------------
// Grid tables

const GRID_BORDER = { style: BorderStyle.SINGLE, size: 4, color: "000000" } as const;
const GRID_BORDERS = {
  top: GRID_BORDER,
  bottom: GRID_BORDER,
  left: GRID_BORDER,
  right: GRID_BORDER,
  insideHorizontal: GRID_BORDER,
  insideVertical: GRID_BORDER,
} as const;

/** Paragraph styles of table cells: set once in styles.xml rather than on the runs of a 3 000-row list. */
export const TABLE_CELL_STYLE = "BaoCaoO";
export const SMALL_TABLE_CELL_STYLE = "BaoCaoONho";

type Align = (typeof AlignmentType)[keyof typeof AlignmentType];

/** Also used by the movement's province report (lib/movement/exports). */
export interface CellSpec {
  text: string;
  width: number;
  align?: Align;
  bold?: boolean;
  rowSpan?: number;
  columnSpan?: number;
}

function gridCell(spec: CellSpec, style: string): TableCell {
  return new TableCell({
    width: { size: spec.width, type: WidthType.DXA },
    verticalAlign: VerticalAlignTable.CENTER,
    rowSpan: spec.rowSpan,
    columnSpan: spec.columnSpan,
    children: [
      new Paragraph({
        style,
        alignment: spec.align === undefined || spec.align === AlignmentType.LEFT ? undefined : spec.align,
        children: [new TextRun({ text: spec.text, bold: spec.bold || undefined })],
      }),
    ],
  });
}

export interface GridColumn {
  width: number;
  align: Align;
}

/**
 * Rows of the long tables (communes, recognised and refused units), collected while the body is laid
 * out: `gridTable` puts one template row in their place and lib/documents/bulk-rows.ts repeats it.
 */
type BulkRows = string[][][];

export function gridTable(columns: GridColumn[], header: CellSpec[][], rows: string[][], style = TABLE_CELL_STYLE, bulk?: BulkRows): Table {
  const headerRows = header.map(
    (cells) => new TableRow({ tableHeader: true, cantSplit: true, children: cells.map((cell) => gridCell({ bold: true, align: AlignmentType.CENTER, ...cell }, style)) }),
  );
  if (bulk) {
    const id = bulk.push(rows) - 1;
    rows = [columns.map((_, column) => bulkCellMarker(id, column))];
  }
  const bodyRows = rows.map(
    (values) =>
      new TableRow({
        cantSplit: true,
        children: columns.map((column, index) => gridCell({ text: values[index] ?? "", width: column.width, align: column.align }, style)),
      }),
  );
  return new Table({
    width: { size: columns.reduce((sum, column) => sum + column.width, 0), type: WidthType.DXA },
    columnWidths: columns.map((column) => column.width),
    layout: TableLayoutType.FIXED,
    margins: { top: 30, bottom: 30, left: 60, right: 60 },
    borders: GRID_BORDERS,
    rows: [...headerRows, ...bodyRows],
  });
}

const C = AlignmentType.CENTER;
const L = AlignmentType.LEFT;
const R = AlignmentType.RIGHT;

/** One-row header over `columns`, titles in order. */
export function simpleHeader(columns: GridColumn[], titles: string[]): CellSpec[][] {
  return [columns.map((column, index) => ({ text: titles[index] ?? "", width: column.width }))];
}

// ---------------------------------------------------------------------------------------------------
// Sections

function generalSection(input: YearEndReportData): (Paragraph | Table)[] {
  const { data } = input;
  const h = data.headline;
  const scope = scopeLabels(data);
  const met = data.communes.filter((row) => row.meetsCommuneCriterion).length;
  const byKind = UNIT_KINDS.map((kind) => `${numberText(h.unitsByKind[kind])} ${lower(UNIT_KIND_LABELS[kind])}`).join(", ");

  const blocks: (Paragraph | Table)[] = [heading(REPORT_SECTION_HEADINGS.general)];
  let source = `Số liệu tổng hợp từ hệ thống quản lý phong trào lúc ${generatedAtText(data.generatedAt)}`;
  if (scope.restricted) {
    const limits = [`địa bàn: ${scope.area}`];
    if (data.filters.kind) limits.push(`loại đơn vị: ${lower(scope.kind)}`);
    if (data.filters.sector) limits.push(`lĩnh vực: ${lower(scope.sector)}`);
    source += `, giới hạn ở ${limits.join("; ")}`;
  }
  blocks.push(body(`${source}.`));
  blocks.push(
    body(
      `1. Về đối tượng: trên địa bàn có ${byKind}; ${numberText(h.eligible)} đơn vị thuộc diện tham gia phong trào, ` +
        `${numberText(h.excluded)} đơn vị không thuộc diện (điểm b khoản 2 Điều 1 Thông tư số 124/2021/TT-BCA).`,
    ),
    body(
      `2. Về đăng ký: ${outOf(h.registered, h.eligible)} đơn vị thuộc diện đã đăng ký xây dựng đơn vị đạt tiêu chuẩn; ` +
        `${numberText(h.late)} đơn vị đăng ký sau quý I hoặc nộp hồ sơ sau thời hạn.`,
    ),
    body(
      `3. Về hồ sơ đề nghị công nhận: ${numberText(h.submitted)} đơn vị đã nộp hồ sơ tự đánh giá; ` +
        `${numberText(data.funnel.returned)} đơn vị được cơ quan thẩm định trả lại để bổ sung hồ sơ ít nhất một lần.`,
    ),
    body(
      `4. Kết quả công nhận: ${outOf(h.recognised, h.eligible)} đơn vị được công nhận đạt tiêu chuẩn "${STANDARD_NAME}"; ` +
        `${numberText(h.notRecognised)} đơn vị không được công nhận; ${numberText(h.revoked)} đơn vị bị thu hồi công nhận.`,
    ),
    body(
      data.communes.length > 0
        ? `5. Đối với xã, phường: ${outOf(met, data.communes.length)} xã, phường có 100% khu dân cư, cơ quan, doanh nghiệp, ` +
            "cơ sở giáo dục thuộc diện đăng ký và từ 70% trở lên được công nhận (tiêu chí XA-4)."
        : "5. Đối với xã, phường: không có số liệu xã, phường trong phạm vi báo cáo.",
    ),
    paragraph(runs("Kết quả chính:", { italics: true }), { ...BODY, keepNext: true }),
  );

  const columns: GridColumn[] = [
    { width: 700, align: C },
    { width: 4955, align: L },
    { width: 1700, align: R },
    { width: PORTRAIT_TEXT_WIDTH - 700 - 4955 - 1700, align: R },
  ];
  const lines: [string, number, string][] = [
    ["Đơn vị thuộc diện tham gia", h.eligible, ""],
    ["Đã đăng ký", h.registered, percentText(h.registered, h.eligible)],
    ["Đã nộp hồ sơ tự đánh giá", h.submitted, percentText(h.submitted, h.eligible)],
    ["Bị trả lại để bổ sung (ít nhất một lần)", data.funnel.returned, ""],
    ["Được công nhận", h.recognised, percentText(h.recognised, h.eligible)],
    ["Không được công nhận", h.notRecognised, percentText(h.notRecognised, h.eligible)],
    ["Bị thu hồi công nhận", h.revoked, ""],
    ["Đăng ký hoặc nộp hồ sơ muộn", h.late, ""],
    ["Không thuộc diện", h.excluded, ""],
  ];
  blocks.push(
    gridTable(
      columns,
      simpleHeader(columns, ["STT", "Chỉ tiêu", "Số đơn vị", "Tỷ lệ so với số thuộc diện"]),
      lines.map(([label, value, share], index) => [String(index + 1), label, numberText(value), share]),
    ),
    paragraph([], { after: 6 }),
  );
  return blocks;
}

// Widths checked in LibreOffice (tests/documents): narrower STT and DN columns broke "STT" and
// "nghiệp" in the middle of the word.
const COMMUNE_GRID: GridColumn[] = [
  { width: 560, align: C }, // STT
  { width: 1440, align: L }, // Xã, phường
  { width: 620, align: R }, // KDC
  { width: 620, align: R }, // CQ
  { width: 860, align: R }, // DN
  { width: 620, align: R }, // CSGD
  { width: 720, align: R }, // Tổng số thuộc diện
  { width: 680, align: R }, // Đăng ký
  { width: 760, align: R }, // % đăng ký
  { width: 680, align: R }, // Công nhận
  { width: 760, align: R }, // % công nhận
  { width: PORTRAIT_TEXT_WIDTH - 8320, align: C }, // XA-4
];

function communeHeader(): CellSpec[][] {
  const w = (index: number): number => COMMUNE_GRID[index]?.width ?? 0;
  const span = (from: number, count: number): number => COMMUNE_GRID.slice(from, from + count).reduce((sum, column) => sum + column.width, 0);
  return [
    [
      { text: "STT", width: w(0), rowSpan: 2 },
      { text: "Xã, phường", width: w(1), rowSpan: 2 },
      { text: "Đơn vị thuộc diện", width: span(2, 5), columnSpan: 5 },
      { text: "Đã đăng ký", width: span(7, 2), columnSpan: 2 },
      { text: "Đã công nhận", width: span(9, 2), columnSpan: 2 },
      { text: "Đạt tiêu chí XA-4", width: w(11), rowSpan: 2 },
    ],
    [
      { text: "Khu dân cư", width: w(2) },
      { text: "Cơ quan", width: w(3) },
      { text: "Doanh nghiệp", width: w(4) },
      { text: "Cơ sở giáo dục", width: w(5) },
      { text: "Tổng số", width: w(6) },
      { text: "Số đơn vị", width: w(7) },
      { text: "Tỷ lệ", width: w(8) },
      { text: "Số đơn vị", width: w(9) },
      { text: "Tỷ lệ", width: w(10) },
    ],
  ];
}

/** Cell texts of one commune row, as printed (exported for tests). */
export function communeRowTexts(row: CommuneRow, index: number): string[] {
  return [
    String(index + 1),
    row.name,
    numberText(row.kdc),
    numberText(row.cq),
    numberText(row.dn),
    numberText(row.csgd),
    numberText(row.eligible),
    numberText(row.registered),
    percentText(row.registered, row.eligible),
    numberText(row.recognised),
    percentText(row.recognised, row.eligible),
    xa4Label(row.meetsCommuneCriterion),
  ];
}

function communesSection(data: DashboardData, bulk: BulkRows): (Paragraph | Table)[] {
  const blocks: (Paragraph | Table)[] = [heading(REPORT_SECTION_HEADINGS.communes)];
  if (data.communes.length === 0) {
    blocks.push(body("Không có số liệu xã, phường trong phạm vi báo cáo."));
    return blocks;
  }
  blocks.push(
    body(
      "Kết quả đăng ký, công nhận đối với khu dân cư, cơ quan, doanh nghiệp, cơ sở giáo dục trên địa bàn từng xã, phường " +
        "và việc đáp ứng tiêu chí XA-4 (100% đơn vị thuộc diện đăng ký, từ 70% trở lên được công nhận) như sau:",
    ),
    gridTable(COMMUNE_GRID, communeHeader(), data.communes.map(communeRowTexts), SMALL_TABLE_CELL_STYLE, bulk),
    paragraph([], { after: 6 }),
  );
  return blocks;
}

const RECOGNISED_GRID: GridColumn[] = [
  { width: 600, align: C },
  { width: 3400, align: L },
  { width: 1500, align: L },
  { width: 2100, align: L },
  { width: PORTRAIT_TEXT_WIDTH - 7600, align: C },
];

function recognisedSection(input: YearEndReportData, bulk: BulkRows): (Paragraph | Table)[] {
  const { recognised } = input;
  const blocks: (Paragraph | Table)[] = [heading(REPORT_SECTION_HEADINGS.recognised)];
  if (recognised.length === 0) {
    blocks.push(body(`Năm ${input.data.filters.year}, không có đơn vị nào được công nhận đạt tiêu chuẩn "${STANDARD_NAME}".`));
    return blocks;
  }
  blocks.push(
    body(
      `Năm ${input.data.filters.year}, có ${numberText(recognised.length)} đơn vị được công nhận đạt tiêu chuẩn "${STANDARD_NAME}" ` +
        `(${kindBreakdown(recognised)}), cụ thể:`,
    ),
    gridTable(
      RECOGNISED_GRID,
      simpleHeader(RECOGNISED_GRID, ["STT", "Tên đơn vị", "Loại đơn vị", "Địa bàn (xã, phường)", "Quyết định công nhận"]),
      recognised.map((unit, index) => [String(index + 1), unit.name, UNIT_KIND_LABELS[unit.kind], unit.commune, unit.decisionNumber]),
      TABLE_CELL_STYLE,
      bulk,
    ),
    paragraph([], { after: 6 }),
  );
  return blocks;
}

const NOT_RECOGNISED_GRID: GridColumn[] = [
  { width: 600, align: C },
  { width: 2500, align: L },
  { width: 1300, align: L },
  { width: 1700, align: L },
  { width: PORTRAIT_TEXT_WIDTH - 6100, align: L },
];

function notRecognisedSection(input: YearEndReportData, bulk: BulkRows): (Paragraph | Table)[] {
  const { notRecognised } = input;
  const blocks: (Paragraph | Table)[] = [heading(REPORT_SECTION_HEADINGS.notRecognised)];
  if (notRecognised.length === 0) {
    blocks.push(body("Không có đơn vị nào bị từ chối công nhận."));
    return blocks;
  }
  blocks.push(
    body(`Có ${numberText(notRecognised.length)} đơn vị không được công nhận (${kindBreakdown(notRecognised)}), cụ thể:`),
    gridTable(
      NOT_RECOGNISED_GRID,
      simpleHeader(NOT_RECOGNISED_GRID, ["STT", "Tên đơn vị", "Loại đơn vị", "Địa bàn (xã, phường)", "Lý do không được công nhận"]),
      notRecognised.map((unit, index) => [String(index + 1), unit.name, UNIT_KIND_LABELS[unit.kind], unit.commune, unit.reason]),
      TABLE_CELL_STYLE,
      bulk,
    ),
    paragraph([], { after: 6 }),
  );
  return blocks;
}

function recommendationsSection(recommendations: readonly string[] | undefined): Paragraph[] {
  if (!recommendations || recommendations.length === 0) return [];
  return [heading(REPORT_SECTION_HEADINGS.recommendations), ...recommendations.map((text, index) => body(`${index + 1}. ${text}`))];
}

function reportBody(input: YearEndReportData, bulk: BulkRows): (Paragraph | Table)[] {
  const { data } = input;
  const summary = yearEndReportSummary(data);
  const summaryWidth = Math.min(estimateTextWidth(summary, SIZE.body, true), PORTRAIT_TEXT_WIDTH);
  const number = input.number ?? `${BLANK_NUMBER}/${input.symbol}`;
  return [
    documentHeader({
      authority: input.authority,
      number,
      placeAndDate: formatPlaceAndDate(input.place, input.issuedOn),
      columnWidths: [3600, PORTRAIT_TEXT_WIDTH - 3600],
    }),
    centered("BÁO CÁO", { bold: true }, { before: 24, keepNext: true }),
    centered(summary, { bold: true }, { keepNext: true }),
    rule(Math.min(summaryWidth, PORTRAIT_TEXT_WIDTH) * 0.35, PORTRAIT_TEXT_WIDTH, 0),
    centered(`Kính gửi: ${input.addressee.replace(/[\s.]+$/u, "")}.`, {}, { before: 12, after: 12 }),
    body(input.introduction ?? defaultIntroduction(input)),
    ...generalSection(input),
    ...communesSection(data, bulk),
    ...recognisedSection(input, bulk),
    ...notRecognisedSection(input, bulk),
    ...recommendationsSection(input.recommendations),
    body(
      `Trên đây là báo cáo kết quả thực hiện phong trào xây dựng đơn vị đạt tiêu chuẩn "${STANDARD_NAME}" năm ${data.filters.year} ` +
        `của ${input.reporter}, kính báo cáo ${input.addressee.replace(/[\s.]+$/u, "")} xem xét, chỉ đạo./.`,
    ),
    paragraph([], { after: 6 }),
    layoutTable(
      [[recipientsBlock(input.recipients, input.archive), signatureBlock(input.signer, { signatureSpace: 84 })]],
      [4400, PORTRAIT_TEXT_WIDTH - 4400],
    ),
  ];
}

const portraitPage: NonNullable<ISectionOptions["properties"]>["page"] = {
  size: { width: A4.width, height: A4.height, orientation: PageOrientation.PORTRAIT },
  margin: PORTRAIT_MARGINS,
};

const cellStyle = (id: string, name: string, size: number) => ({
  id,
  name,
  basedOn: "Normal",
  run: { font: FONT_FAMILY, size: size * 2 },
  paragraph: { spacing: { before: 0, after: 0, line: 240, lineRule: "auto" as const } },
});

/** A validated report, ready to be written (`writeYearEndReportDocx`). */
export type YearEndReportPlan = { data: YearEndReportData; units: number };

/**
 * Validates `input`: throws `z.ZodError` with Vietnamese messages when it is not a
 * `YearEndReportInput` (including unit lists that disagree with the headline figures).
 */
export function planYearEndReport(input: YearEndReportInput): YearEndReportPlan {
  const data = parseWithVietnamese(yearEndReportInputSchema, input);
  return { data, units: data.data.communes.length + data.recognised.length + data.notRecognised.length };
}

/**
 * Writes the report's .docx to `emit` piece by piece: the document around the long tables through
 * `docx`, the tables' rows by lib/documents/bulk-rows.ts; `onProgress` counts rows written.
 */
export async function writeYearEndReportDocx(
  plan: YearEndReportPlan,
  emit: (chunk: ZipChunk) => void | Promise<void>,
  onProgress?: (progress: BulkProgress) => void,
): Promise<void> {
  const { data } = plan;
  const bulk: BulkRows = [];
  const document = administrativeDocument(
    {
      title: `Báo cáo ${lower(yearEndReportSummary(data.data)).slice(0, 1)}${yearEndReportSummary(data.data).slice(1)}`,
      description: `Báo cáo kết quả phong trào "${STANDARD_NAME}" năm ${data.data.filters.year}`,
      paragraphStyles: [
        cellStyle(TABLE_CELL_STYLE, "Báo cáo - ô bảng", 12),
        cellStyle(SMALL_TABLE_CELL_STYLE, "Báo cáo - ô bảng nhỏ", 11),
      ],
    },
    [
      {
        properties: { titlePage: true, page: portraitPage },
        headers: pageNumberHeaders(),
        children: reportBody(data, bulk),
      },
    ],
  );
  await writeWithBulkRows(await toDocxBytes(document), bulk, emit, onProgress);
}

/**
 * The year-end report as .docx bytes. Validates `input` first: throws `z.ZodError` with Vietnamese messages
 * when it is not a `YearEndReportInput` (including unit lists that disagree with the headline figures).
 */
export async function buildYearEndReportDocx(input: YearEndReportInput): Promise<DocxBytes> {
  const chunks: ZipChunk[] = [];
  await writeYearEndReportDocx(planYearEndReport(input), (chunk) => void chunks.push(chunk));
  return concatChunks(chunks);
}

/** "Bao-cao-ANTT-2026.docx", or "Bao-cao-125-BC-CAT.docx" once numbered: ASCII, for Content-Disposition. */
export function yearEndReportFileName(year: number, number?: string): string {
  const stem = number ? asciiFileStem(number) : "";
  return stem ? `Bao-cao-${stem}.docx` : `Bao-cao-ANTT-${year}.docx`;
}
