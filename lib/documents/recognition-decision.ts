/**
 * Quyết định công nhận đạt tiêu chuẩn "An toàn về an ninh, trật tự" (TT 124/2021/TT-BCA, amended by
 * TT 48/2025/TT-BCA), laid out as the individual decision of NĐ 30/2020/NĐ-CP, Phụ lục I, with the list
 * of recognised units as an annex on its own pages.
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
import { UNIT_KINDS, UNIT_KIND_LABELS } from "@/lib/domain/vocabulary";
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
  upper,
} from "./administrative-layout";
import {
  parseDocumentInput,
  recognitionDecisionInputSchema,
  type RecognitionDecisionData,
  type RecognitionDecisionInput,
  type RecognizedUnit,
} from "./schemas";
import { formatPlaceAndDate, formatShortDate } from "./vietnamese-date";

export const STANDARD_NAME = "An toàn về an ninh, trật tự";

/**
 * The "Căn cứ …" lines used when the input gives none, without "Căn cứ" and the final ";".
 * The date of TT 48/2025/TT-BCA is the one the project's seed data uses (27/6/2025).
 */
export const DEFAULT_LEGAL_BASES: readonly string[] = [
  "Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025",
  `Thông tư số 124/2021/TT-BCA ngày 28 tháng 12 năm 2021 của Bộ trưởng Bộ Công an quy định về khu dân cư, xã, phường, thị trấn, cơ quan, doanh nghiệp, cơ sở giáo dục đạt tiêu chuẩn "${STANDARD_NAME}"`,
  "Thông tư số 48/2025/TT-BCA ngày 27 tháng 6 năm 2025 của Bộ trưởng Bộ Công an sửa đổi, bổ sung một số điều của Thông tư số 124/2021/TT-BCA",
];

const FIRST_LINE_INDENT = 720; // 1,27 cm
const BODY = { align: AlignmentType.JUSTIFIED, firstLine: FIRST_LINE_INDENT, after: 6, lineSpacing: 1.15 } as const;

const numberFormat = new Intl.NumberFormat("vi-VN");

/** "khu dân cư, cơ quan, doanh nghiệp": the kinds present, in the vocabulary's order. */
export function recognizedKindsPhrase(units: readonly Pick<RecognizedUnit, "kind">[]): string {
  const present = new Set(units.map((unit) => unit.kind));
  return UNIT_KINDS.filter((kind) => present.has(kind))
    .map((kind) => UNIT_KIND_LABELS[kind].toLocaleLowerCase("vi-VN"))
    .join(", ");
}

function stripEndPunctuation(text: string): string {
  return text.replace(/[\s;.,]+$/u, "");
}

function summaryLine(data: RecognitionDecisionData): string {
  const subject = data.subject ?? recognizedKindsPhrase(data.units);
  return `Về việc công nhận ${subject} đạt tiêu chuẩn "${STANDARD_NAME}" năm ${data.year}`;
}

function article(label: string, text: string): Paragraph {
  return paragraph([...runs(`${label} `, { bold: true }), ...runs(text)], BODY);
}

function decisionBody(data: RecognitionDecisionData): (Paragraph | Table)[] {
  const summary = summaryLine(data);
  const summaryWidth = Math.min(estimateTextWidth(summary, SIZE.body, true), PORTRAIT_TEXT_WIDTH);
  const bases = (data.legalBases ?? DEFAULT_LEGAL_BASES).map(stripEndPunctuation);

  return [
    documentHeader({
      authority: data.authority,
      number: data.number,
      placeAndDate: formatPlaceAndDate(data.place, data.issuedOn),
      columnWidths: [3600, PORTRAIT_TEXT_WIDTH - 3600],
    }),
    centered("QUYẾT ĐỊNH", { bold: true }, { before: 24, keepNext: true }),
    centered(summary, { bold: true }, { keepNext: true }),
    rule(summaryWidth * 0.4, PORTRAIT_TEXT_WIDTH, 0),
    centered(upper(data.issuer), { bold: true }, { before: 12, after: 12, keepNext: true }),
    ...bases.map((basis) => paragraph(runs(`Căn cứ ${basis};`, { italics: true }), BODY)),
    paragraph(runs(`Theo đề nghị của ${stripEndPunctuation(data.proposedBy)}.`, { italics: true }), BODY),
    centered("QUYẾT ĐỊNH:", { bold: true }, { before: 6, after: 12, keepNext: true }),
    article(
      "Điều 1.",
      `Công nhận ${numberFormat.format(data.extractOf ?? data.units.length)} đơn vị đạt tiêu chuẩn "${STANDARD_NAME}" năm ${data.year} (có danh sách kèm theo).`,
    ),
    article("Điều 2.", "Quyết định này có hiệu lực kể từ ngày ký."),
    article("Điều 3.", `${stripEndPunctuation(data.executors)} chịu trách nhiệm thi hành Quyết định này./.`),
    paragraph([], { after: 6 }),
    layoutTable(
      [[recipientsBlock(data.recipients, data.archive), signatureBlock(data.signer, { signatureSpace: 84 })]],
      [4400, PORTRAIT_TEXT_WIDTH - 4400],
    ),
  ];
}

const GRID_BORDER = { style: BorderStyle.SINGLE, size: 4, color: "000000" } as const;
const ANNEX_COLUMNS = [
  { title: "STT", width: 750, align: AlignmentType.CENTER },
  { title: "Tên đơn vị", width: 4205, align: AlignmentType.LEFT },
  { title: "Loại", width: 1900, align: AlignmentType.LEFT },
  { title: "Địa bàn (xã, phường)", width: PORTRAIT_TEXT_WIDTH - 750 - 4205 - 1900, align: AlignmentType.LEFT },
] as const;

/** Style of the annex table's paragraphs: set once in styles.xml rather than on 2 000 runs of a 500-unit list. */
export const ANNEX_CELL_STYLE = "AnnexCell";

function gridCell(text: string, width: number, align: (typeof AlignmentType)[keyof typeof AlignmentType], bold = false): TableCell {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    verticalAlign: VerticalAlignTable.CENTER,
    children: [
      new Paragraph({
        style: ANNEX_CELL_STYLE,
        alignment: align === AlignmentType.LEFT ? undefined : align,
        children: [new TextRun({ text, bold: bold || undefined })],
      }),
    ],
  });
}

function annexTable(units: readonly RecognizedUnit[]): Table {
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: ANNEX_COLUMNS.map((column) => gridCell(column.title, column.width, AlignmentType.CENTER, true)),
  });
  const rows = units.map((unit, index) => {
    const values = [String(index + 1), unit.name, UNIT_KIND_LABELS[unit.kind], unit.commune];
    return new TableRow({
      cantSplit: true,
      children: ANNEX_COLUMNS.map((column, columnIndex) => gridCell(values[columnIndex] ?? "", column.width, column.align)),
    });
  });
  return new Table({
    width: { size: PORTRAIT_TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: ANNEX_COLUMNS.map((column) => column.width),
    layout: TableLayoutType.FIXED,
    margins: { top: 40, bottom: 40, left: 80, right: 80 },
    borders: {
      top: GRID_BORDER,
      bottom: GRID_BORDER,
      left: GRID_BORDER,
      right: GRID_BORDER,
      insideHorizontal: GRID_BORDER,
      insideVertical: GRID_BORDER,
    },
    rows: [header, ...rows],
  });
}

function annexBody(data: RecognitionDecisionData): (Paragraph | Table)[] {
  const reference = `(Kèm theo Quyết định số ${data.number} ngày ${formatShortDate(data.issuedOn)} của ${data.issuer})`;
  const title = upper(`${data.extractOf !== undefined ? "Trích danh sách" : "Danh sách"} đơn vị đạt tiêu chuẩn "${STANDARD_NAME}" năm ${data.year}`);
  return [
    centered(title, { bold: true }, { keepNext: true }),
    centered(reference, { italics: true }, { keepNext: true }),
    // An officer's copy names only its own units; it says so, so it is never taken for the whole list.
    ...(data.extractOf !== undefined ? [centered(`(Trích ${numberFormat.format(data.units.length)}/${numberFormat.format(data.extractOf)} đơn vị có tên trong danh sách)`, { italics: true }, { keepNext: true })] : []),
    rule(Math.min(estimateTextWidth(reference, SIZE.body), PORTRAIT_TEXT_WIDTH) * 0.4, PORTRAIT_TEXT_WIDTH, 12),
    annexTable(data.units),
    paragraph([]),
  ];
}

const portraitPage: NonNullable<ISectionOptions["properties"]>["page"] = {
  size: { width: A4.width, height: A4.height, orientation: PageOrientation.PORTRAIT },
  margin: PORTRAIT_MARGINS,
};

/**
 * The decision and its annex as .docx bytes. Validates `input` first: throws `z.ZodError` with Vietnamese
 * messages when it is not a `RecognitionDecisionInput`.
 */
export async function buildRecognitionDecisionDocx(input: RecognitionDecisionInput): Promise<DocxBytes> {
  const data = parseDocumentInput(recognitionDecisionInputSchema, input);
  const document = administrativeDocument(
    {
      title: `Quyết định số ${data.number} ${summaryLine(data).replace(/^Về/u, "về")}`,
      description: `Quyết định công nhận đạt tiêu chuẩn "${STANDARD_NAME}" năm ${data.year}`,
      paragraphStyles: [
        {
          id: ANNEX_CELL_STYLE,
          name: "Danh sách kèm theo - ô bảng",
          basedOn: "Normal",
          run: { font: FONT_FAMILY, size: SIZE.table * 2 },
          paragraph: { spacing: { before: 0, after: 0, line: 240, lineRule: "auto" as const } },
        },
      ],
    },
    [
      {
        properties: { titlePage: true, page: portraitPage },
        headers: pageNumberHeaders(),
        children: decisionBody(data),
      },
      {
        // The annex starts on a new page and is numbered on its own (NĐ 30, Phụ lục I, mục IV).
        properties: { titlePage: true, page: { ...portraitPage, pageNumbers: { start: 1 } } },
        headers: pageNumberHeaders(),
        children: annexBody(data),
      },
    ],
  );
  return toDocxBytes(document);
}

/** "Quyet-dinh-15-QD-UBND.docx": an ASCII name for Content-Disposition. */
export function recognitionDecisionFileName(number: string): string {
  return `Quyet-dinh-${asciiFileStem(number) || "cong-nhan"}.docx`;
}
