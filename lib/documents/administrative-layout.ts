/**
 * Building blocks of the Vietnamese administrative document layout (thể thức văn bản hành chính,
 * Nghị định 30/2020/NĐ-CP, Phụ lục I): font, A4 page and margins, the header with the issuing body
 * and the quốc hiệu/tiêu ngữ, the "Nơi nhận" and signature footer, short rules under headings.
 *
 * Sizes follow Phụ lục I where it gives one (Times New Roman; quốc hiệu 12–13 pt, tiêu ngữ 13–14 pt,
 * body 13–14 pt, "Nơi nhận:" 12 pt, its list 11 pt). Lengths are in twips (1/20 pt) unless named
 * otherwise; `docx` takes run sizes in half-points.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Header,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableBorders,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
  type IParagraphStyleOptions,
  type ISectionOptions,
} from "docx";
import type { Authority, Signer } from "./schemas";

export const FONT_FAMILY = "Times New Roman";
export const DOCX_MIME_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

/** A4 in twips, portrait (210 × 297 mm). `docx` swaps the two for a landscape section. */
export const A4 = { width: 11906, height: 16838 } as const;

/** Millimetres to twips. */
export function mm(value: number): number {
  return Math.round((value * 1440) / 25.4);
}

/** NĐ 30: top and bottom 20–25 mm, left 30–35 mm, right 15–20 mm. */
export const PORTRAIT_MARGINS = { top: mm(20), bottom: mm(20), left: mm(30), right: mm(15), header: mm(10), footer: mm(10) };
export const PORTRAIT_TEXT_WIDTH = A4.width - PORTRAIT_MARGINS.left - PORTRAIT_MARGINS.right;

/** Point sizes of the layout's parts. */
export const SIZE = {
  body: 14,
  header: 13,
  nationalTitle: 12,
  motto: 13,
  recipientsTitle: 12,
  recipients: 11,
  table: 13,
} as const;

const BLACK = "000000";

export interface RunStyle {
  bold?: boolean;
  italics?: boolean;
  /** Points. */
  size?: number;
  color?: string;
}

/** Runs in the document font; each "\n" in `text` becomes a line break. */
export function runs(text: string, style: RunStyle = {}): TextRun[] {
  return text.split("\n").map(
    (line, index) =>
      new TextRun({
        text: line,
        break: index > 0 ? 1 : undefined,
        font: FONT_FAMILY,
        size: Math.round((style.size ?? SIZE.body) * 2),
        bold: style.bold,
        italics: style.italics,
        color: style.color,
      }),
  );
}

export interface ParagraphStyle {
  align?: (typeof AlignmentType)[keyof typeof AlignmentType];
  /** Spacing before and after, in points. */
  before?: number;
  after?: number;
  /** Line spacing as a multiple of single (1 = single). */
  lineSpacing?: number;
  /** First-line indent in twips. */
  firstLine?: number;
  keepNext?: boolean;
  keepLines?: boolean;
}

export function paragraph(children: TextRun[], style: ParagraphStyle = {}): Paragraph {
  return new Paragraph({
    alignment: style.align ?? AlignmentType.LEFT,
    spacing: {
      before: Math.round((style.before ?? 0) * 20),
      after: Math.round((style.after ?? 0) * 20),
      line: Math.round((style.lineSpacing ?? 1) * 240),
      // Explicit: LibreOffice reads a missing lineRule as "exact", which clips large text and overlaps lines.
      lineRule: "auto",
    },
    indent: style.firstLine ? { firstLine: style.firstLine } : undefined,
    keepNext: style.keepNext,
    keepLines: style.keepLines,
    children,
  });
}

/** A centred paragraph of one run. */
export function centered(text: string, runStyle: RunStyle = {}, paragraphStyle: ParagraphStyle = {}): Paragraph {
  return paragraph(runs(text, runStyle), { align: AlignmentType.CENTER, ...paragraphStyle });
}

/** Vietnamese upper case ("ủy ban" → "ỦY BAN"). */
export function upper(text: string): string {
  return text.toLocaleUpperCase("vi-VN");
}

/**
 * Rough printed width of `text` in Times New Roman, in twips. Good to ±10 %, which is all the short
 * rules under headings need (NĐ 30 allows 1/3 to 1/2 of the line above them).
 */
export function estimateTextWidth(text: string, sizePt: number, bold = false): number {
  let em = 0;
  for (const char of text.normalize("NFD").replace(/\p{M}/gu, "")) {
    if (char === " ") em += 0.25;
    else if ("Iil.,:;!|'".includes(char)) em += 0.28;
    else if ("fjrt()-/".includes(char)) em += 0.34;
    else if ("mwMW".includes(char)) em += 0.9;
    else if (/\p{Lu}/u.test(char)) em += 0.72;
    else em += 0.5;
  }
  return Math.round(em * sizePt * 20 * (bold ? 1.04 : 1));
}

/**
 * A short horizontal rule, centred in a container `containerWidth` twips wide: an empty paragraph whose top
 * border is the line, so the text above keeps its full width. `after` is the gap below it, in points.
 */
export function rule(width: number, containerWidth: number, after = 4): Paragraph {
  const lineWidth = Math.max(400, Math.min(Math.round(width), containerWidth));
  const side = Math.floor((containerWidth - lineWidth) / 2);
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    indent: { left: side, right: side },
    border: { top: { style: BorderStyle.SINGLE, size: 6, color: BLACK, space: 1 } },
    spacing: { before: 60, after: Math.round(after * 20), line: 40, lineRule: "exact" },
    run: { size: 2 },
    children: [],
  });
}

/** An empty spacer paragraph `height` points tall. */
export function spacer(height: number): Paragraph {
  return new Paragraph({
    spacing: { before: 0, after: 0, line: Math.max(20, Math.round(height * 20)), lineRule: "exact" },
    run: { size: 2 },
    children: [],
  });
}

/** A borderless cell of a layout table, `width` twips wide, with no inner margins. */
export function layoutCell(children: Paragraph[], width: number): TableCell {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    margins: { top: 0, bottom: 0, left: 0, right: 0 },
    verticalAlign: VerticalAlignTable.TOP,
    borders: {
      top: { style: BorderStyle.NONE, size: 0, color: "FFFFFF" },
      bottom: { style: BorderStyle.NONE, size: 0, color: "FFFFFF" },
      left: { style: BorderStyle.NONE, size: 0, color: "FFFFFF" },
      right: { style: BorderStyle.NONE, size: 0, color: "FFFFFF" },
    },
    children: children.length > 0 ? children : [new Paragraph({ children: [] })],
  });
}

/** A table without borders used only to place blocks side by side (header, footer). */
export function layoutTable(rows: Paragraph[][][], columnWidths: number[]): Table {
  const total = columnWidths.reduce((sum, width) => sum + width, 0);
  return new Table({
    width: { size: total, type: WidthType.DXA },
    columnWidths,
    layout: TableLayoutType.FIXED,
    borders: TableBorders.NONE,
    margins: { top: 0, bottom: 0, left: 0, right: 0 },
    rows: rows.map(
      (cells) =>
        new TableRow({
          cantSplit: true,
          children: cells.map((children, index) => layoutCell(children, columnWidths[index] ?? 0)),
        }),
    ),
  });
}

export const NATIONAL_TITLE = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
export const NATIONAL_MOTTO = "Độc lập - Tự do - Hạnh phúc";

/** Lines of a possibly multi-line name, upper-cased, blank lines dropped. */
function upperLines(text: string): string[] {
  return text
    .split("\n")
    .map((line) => upper(line.trim()))
    .filter((line) => line !== "");
}

export interface HeaderOptions {
  authority: Authority;
  /** "15/QĐ-UBND"; the "Số:" line is left out when absent. */
  number?: string;
  /** "Lào Cai, ngày 20 tháng 11 năm 2026"; left out when absent. */
  placeAndDate?: string;
  /** Widths of the left (issuing body) and right (quốc hiệu) columns, in twips. */
  columnWidths: [number, number];
  /** Point sizes, for the larger certificate header. */
  scale?: number;
}

/**
 * The header of NĐ 30 (ô 1–4): left, the cơ quan chủ quản (regular) and the issuing body (bold) in upper
 * case over a short rule, then "Số: …"; right, the quốc hiệu (bold, upper case) and tiêu ngữ (bold) over a
 * rule as long as it, then the place and date in italics. The quốc hiệu shares the first line with the
 * cơ quan chủ quản, as in the NĐ 30 samples. Two rows, so that "Số:" and the date line up whatever the
 * number of lines of the issuing body.
 */
export function documentHeader(options: HeaderOptions): Table {
  const [leftWidth, rightWidth] = options.columnWidths;
  const scale = options.scale ?? 1;
  const headerSize = SIZE.header * scale;
  const parentLines = options.authority.parentName ? upperLines(options.authority.parentName) : [];
  const nameLines = upperLines(options.authority.name);
  const longestName = Math.max(...nameLines.map((line) => estimateTextWidth(line, headerSize, true)));

  const left: Paragraph[] = [
    ...parentLines.map((line) => centered(line, { size: headerSize })),
    ...nameLines.map((line) => centered(line, { size: headerSize, bold: true })),
    rule(longestName * 0.42, leftWidth, 0),
  ];
  const mottoSize = SIZE.motto * scale;
  const right: Paragraph[] = [
    centered(NATIONAL_TITLE, { size: SIZE.nationalTitle * scale, bold: true }),
    centered(NATIONAL_MOTTO, { size: mottoSize, bold: true }),
    rule(estimateTextWidth(NATIONAL_MOTTO, mottoSize, true), rightWidth, 0),
  ];

  const secondRow: Paragraph[][] = [
    options.number ? [centered(`Số: ${options.number}`, { size: headerSize }, { before: 6 })] : [],
    options.placeAndDate ? [centered(options.placeAndDate, { size: SIZE.body * scale, italics: true }, { before: 6 })] : [],
  ];
  const rows: Paragraph[][][] = [[left, right]];
  if (secondRow.some((cell) => cell.length > 0)) rows.push(secondRow);
  return layoutTable(rows, [leftWidth, rightWidth]);
}

/** "KT. CHỦ TỊCH" / "PHÓ CHỦ TỊCH", or just "CHỦ TỊCH" (NĐ 30, Phụ lục I, mục II.8). */
export function signerTitleLines(signer: Signer): string[] {
  const lines: string[] = [];
  if (signer.actingFor) lines.push(`${signer.actingFor.kind}. ${upper(signer.actingFor.of)}`);
  lines.push(upper(signer.position));
  return lines;
}

export interface SignatureOptions {
  /** Place and date printed above the title (certificates); decisions have it in the header. */
  placeAndDate?: string;
  /** Room left for the signature and seal, in points. */
  signatureSpace?: number;
  size?: number;
}

/** Thẩm quyền ký (bold, upper case), room for signature and seal, the signer's name (bold). */
export function signatureBlock(signer: Signer, options: SignatureOptions = {}): Paragraph[] {
  const size = options.size ?? SIZE.body;
  const blocks: Paragraph[] = [];
  if (options.placeAndDate) blocks.push(centered(options.placeAndDate, { size, italics: true }, { after: 2, keepNext: true }));
  for (const line of signerTitleLines(signer)) blocks.push(centered(line, { size, bold: true }, { keepNext: true }));
  blocks.push(centered(signer.fullName, { size, bold: true }, { before: options.signatureSpace ?? 80 }));
  return blocks;
}

/** "Như Điều 3;" → "Như Điều 3": the list marker and final punctuation are the layout's job. */
function bareRecipient(text: string): string {
  return text
    .replace(/^[\s\-–•+]+/u, "")
    .replace(/[\s;.,]+$/u, "")
    .trim();
}

/** "Nơi nhận:" (bold italic 12 pt), then "- …;" lines (11 pt), the last one "- Lưu: VT." */
export function recipientsBlock(recipients: string[], archive: string): Paragraph[] {
  const lines = recipients.map(bareRecipient).filter((line) => line !== "");
  return [
    paragraph(runs("Nơi nhận:", { size: SIZE.recipientsTitle, bold: true, italics: true }), { keepNext: true }),
    ...lines.map((line) => paragraph(runs(`- ${line};`, { size: SIZE.recipients }), { keepNext: true })),
    paragraph(runs(`- Lưu: ${bareRecipient(archive)}.`, { size: SIZE.recipients })),
  ];
}

/**
 * Page numbers at the top centre, from the second page of the section on (NĐ 30, Phụ lục I, mục I.5).
 * The section needs `properties.titlePage: true` for the first page to stay unnumbered.
 */
export function pageNumberHeaders(): NonNullable<ISectionOptions["headers"]> {
  return {
    default: new Header({
      children: [
        new Paragraph({
          alignment: AlignmentType.CENTER,
          children: [new TextRun({ children: [PageNumber.CURRENT], font: FONT_FAMILY, size: SIZE.body * 2 })],
        }),
      ],
    }),
    first: new Header({ children: [new Paragraph({ children: [] })] }),
  };
}

export interface DocumentMeta {
  title: string;
  description?: string;
  /** Extra paragraph styles, for content repeated so often that direct formatting would weigh on it. */
  paragraphStyles?: IParagraphStyleOptions[];
}

/** A document whose defaults are the layout's: Times New Roman 14 pt, Vietnamese, single spacing. */
export function administrativeDocument(meta: DocumentMeta, sections: ISectionOptions[]): Document {
  return new Document({
    title: meta.title,
    description: meta.description,
    creator: "ANTT",
    styles: {
      default: {
        document: {
          run: { font: FONT_FAMILY, size: SIZE.body * 2, language: { value: "vi-VN" } },
          paragraph: { spacing: { before: 0, after: 0, line: 240, lineRule: "auto" } },
        },
      },
      paragraphStyles: meta.paragraphStyles,
    },
    sections,
  });
}

/**
 * The .docx bytes, as a `Uint8Array` over a plain `ArrayBuffer`: a Next.js route handler can return it as
 * is (`new Response(bytes)`), which TypeScript refuses for a Node `Buffer`, and `fs.writeFile` takes it too.
 */
export type DocxBytes = Uint8Array<ArrayBuffer>;

export async function toDocxBytes(document: Document): Promise<DocxBytes> {
  return new Uint8Array(await Packer.toArrayBuffer(document));
}

/** An ASCII file name from Vietnamese text: "15/QĐ-UBND" → "15-QD-UBND". */
export function asciiFileStem(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .replace(/đ/g, "d")
    .replace(/Đ/g, "D")
    .replace(/[^A-Za-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}
