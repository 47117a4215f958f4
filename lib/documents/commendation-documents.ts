/**
 * The documents of a commendation proposal (issue 14 §3), laid out as NĐ 30/2020/NĐ-CP, Phụ lục I:
 * the tờ trình of the provincial police listing the nominees with their achievements and records,
 * and the award decision with its annex. Pure builders: plain data in, .docx bytes out.
 */
import { AlignmentType, BorderStyle, PageOrientation, Paragraph, Table, TableCell, TableLayoutType, TableRow, TextRun, VerticalAlignTable, WidthType, type ISectionOptions } from "docx";
import {
  A4,
  FONT_FAMILY,
  PORTRAIT_MARGINS,
  PORTRAIT_TEXT_WIDTH,
  SIZE,
  administrativeDocument,
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
  signerTitleLines,
  toDocxBytes,
  upper,
  type DocxBytes,
} from "./administrative-layout";
import type { Authority, Signer } from "./schemas";
import { formatPlaceAndDate, formatShortDate } from "./vietnamese-date";

export type CommendationNomineeDoc = {
  /** "Ủy ban nhân dân phường Cam Đường"; for a person "Ông/Bà … , chức vụ, nơi công tác" as stored. */
  name: string;
  collective: boolean;
  achievement: string;
  /** The record as lines (lib/awards/record.ts recordLines). */
  record: readonly string[];
};

export type SubmissionDocInput = {
  year: number;
  /** "Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh" */
  awardLabel: string;
  sender: Authority;
  /** "Công an tỉnh" in running text. */
  senderShort: string;
  /** Null for a draft printed before the number is given: "Số:      /TTr-…" left blank. */
  number: string | null;
  /** ISO date; null for a draft (the date line is left for the writer). */
  date: string | null;
  place: string;
  addressee: string;
  nominees: readonly CommendationNomineeDoc[];
  /** Title of the signer ("Giám đốc"); the name is written by hand on a draft. */
  signer: Signer | null;
  signerPosition: string;
};

export type AwardDecisionDocInput = {
  year: number;
  awardLabel: string;
  authority: Authority;
  /** "Chủ tịch Ủy ban nhân dân tỉnh Lào Cai" */
  issuer: string;
  number: string;
  issuedOn: string;
  place: string;
  proposedBy: string;
  submission: { number: string; date: string };
  nominees: readonly Pick<CommendationNomineeDoc, "name" | "collective" | "achievement">[];
  signer: Signer;
};

const FIRST_LINE_INDENT = 720;
const BODY = { align: AlignmentType.JUSTIFIED, firstLine: FIRST_LINE_INDENT, after: 6, lineSpacing: 1.15 } as const;
const GRID_BORDER = { style: BorderStyle.SINGLE, size: 4, color: "000000" } as const;
const numberFormat = new Intl.NumberFormat("vi-VN");

const portraitPage: NonNullable<ISectionOptions["properties"]>["page"] = {
  size: { width: A4.width, height: A4.height, orientation: PageOrientation.PORTRAIT },
  margin: PORTRAIT_MARGINS,
};

function cell(lines: readonly string[], width: number, options: { bold?: boolean; center?: boolean } = {}): TableCell {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    verticalAlign: VerticalAlignTable.CENTER,
    children: (lines.length ? lines : [""]).map(
      (line) =>
        new Paragraph({
          alignment: options.center ? AlignmentType.CENTER : AlignmentType.LEFT,
          spacing: { before: 0, after: 40, line: 240, lineRule: "auto" },
          children: [new TextRun({ text: line, font: FONT_FAMILY, size: SIZE.table * 2, bold: options.bold })],
        }),
    ),
  });
}

function grid(columns: readonly { title: string; width: number; center?: boolean }[], rows: readonly (readonly string[])[][]): Table {
  return new Table({
    width: { size: PORTRAIT_TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: columns.map((c) => c.width),
    layout: TableLayoutType.FIXED,
    margins: { top: 40, bottom: 40, left: 80, right: 80 },
    borders: { top: GRID_BORDER, bottom: GRID_BORDER, left: GRID_BORDER, right: GRID_BORDER, insideHorizontal: GRID_BORDER, insideVertical: GRID_BORDER },
    rows: [
      new TableRow({ tableHeader: true, cantSplit: true, children: columns.map((c) => cell([c.title], c.width, { bold: true, center: true })) }),
      ...rows.map((values) => new TableRow({ children: columns.map((c, i) => cell(values[i] ?? [], c.width, { center: c.center })) })),
    ],
  });
}

function counts(nominees: readonly { collective: boolean }[]): string {
  const collectives = nominees.filter((n) => n.collective).length;
  const people = nominees.length - collectives;
  return [collectives ? `${numberFormat.format(collectives)} tập thể` : "", people ? `${numberFormat.format(people)} cá nhân` : ""].filter(Boolean).join(" và ");
}

const strip = (text: string) => text.replace(/[\s.;,]+$/u, "");

/** Tờ trình đề nghị khen thưởng of the provincial police. */
export async function buildSubmissionDocx(input: SubmissionDocInput): Promise<DocxBytes> {
  const summary = `Về việc đề nghị tặng ${input.awardLabel} năm ${input.year}`;
  const symbol = input.number ?? "        /TTr-CAT";
  const placeAndDate = input.date ? formatPlaceAndDate(input.place, input.date) : `${input.place}, ngày      tháng      năm ${input.year}`;
  const signer: Signer = input.signer ?? { fullName: " ", position: input.signerPosition };
  const columns = [
    { title: "STT", width: 700, center: true },
    { title: "Tên tập thể, cá nhân", width: 2500 },
    { title: "Thành tích", width: 3000 },
    { title: "Quá trình đạt chuẩn, xếp loại, khen thưởng", width: PORTRAIT_TEXT_WIDTH - 700 - 2500 - 3000 },
  ];
  const body: (Paragraph | Table)[] = [
    documentHeader({ authority: input.sender, number: symbol, placeAndDate, columnWidths: [3600, PORTRAIT_TEXT_WIDTH - 3600] }),
    centered("TỜ TRÌNH", { bold: true }, { before: 24, keepNext: true }),
    centered(summary, { bold: true }, { keepNext: true }),
    rule(Math.min(estimateTextWidth(summary, SIZE.body, true), PORTRAIT_TEXT_WIDTH) * 0.4, PORTRAIT_TEXT_WIDTH, 0),
    centered(`Kính gửi: ${strip(input.addressee)}.`, {}, { before: 12, after: 12 }),
    paragraph(
      runs(
        `Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022; Kế hoạch số 195/KH-UBND ngày 17/12/2025 của Ủy ban nhân dân tỉnh về Phong trào toàn dân bảo vệ an ninh Tổ quốc; kết quả đánh giá, xếp loại Phong trào năm ${input.year} và kết quả xây dựng khu dân cư, xã, phường, cơ quan, doanh nghiệp, cơ sở giáo dục đạt tiêu chuẩn "An toàn về an ninh, trật tự",`,
      ),
      BODY,
    ),
    paragraph(runs(`${input.senderShort} kính trình ${strip(input.addressee)} xem xét, tặng ${input.awardLabel} cho ${counts(input.nominees)} đã có thành tích xuất sắc trong Phong trào toàn dân bảo vệ an ninh Tổ quốc năm ${input.year}, cụ thể như sau:`), BODY),
    grid(
      columns,
      input.nominees.map((n, i) => [[String(i + 1)], [n.name], n.achievement.split("\n"), n.record.length ? n.record.map((l) => `- ${l}`) : ["—"]]),
    ),
    paragraph(runs(`${input.senderShort} kính trình ${strip(input.addressee)} xem xét, quyết định./.`), { ...BODY, before: 12 }),
    paragraph([], { after: 6 }),
    layoutTable(
      [[recipientsBlock(["Như trên", "Hội đồng Thi đua - Khen thưởng tỉnh"], "VT"), input.signer ? signatureBlock(signer, { signatureSpace: 84 }) : signerTitleLines(signer).map((l) => centered(l, { bold: true }))]],
      [4400, PORTRAIT_TEXT_WIDTH - 4400],
    ),
  ];
  const document = administrativeDocument({ title: `Tờ trình ${summary.replace(/^Về/u, "về")}`, description: summary }, [
    { properties: { titlePage: true, page: portraitPage }, headers: pageNumberHeaders(), children: body },
  ]);
  return toDocxBytes(document);
}

/** Quyết định khen thưởng with the list of those awarded as its annex. */
export async function buildAwardDecisionDocx(input: AwardDecisionDocInput): Promise<DocxBytes> {
  const summary = `Về việc tặng ${input.awardLabel}`;
  const article = (label: string, text: string) => paragraph([...runs(`${label} `, { bold: true }), ...runs(text)], BODY);
  const decision: (Paragraph | Table)[] = [
    documentHeader({ authority: input.authority, number: input.number, placeAndDate: formatPlaceAndDate(input.place, input.issuedOn), columnWidths: [3600, PORTRAIT_TEXT_WIDTH - 3600] }),
    centered("QUYẾT ĐỊNH", { bold: true }, { before: 24, keepNext: true }),
    centered(summary, { bold: true }, { keepNext: true }),
    rule(Math.min(estimateTextWidth(summary, SIZE.body, true), PORTRAIT_TEXT_WIDTH) * 0.4, PORTRAIT_TEXT_WIDTH, 0),
    centered(upper(input.issuer), { bold: true }, { before: 12, after: 12, keepNext: true }),
    paragraph(runs("Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;", { italics: true }), BODY),
    paragraph(runs("Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;", { italics: true }), BODY),
    paragraph(runs("Căn cứ Kế hoạch số 195/KH-UBND ngày 17/12/2025 của Ủy ban nhân dân tỉnh về Phong trào toàn dân bảo vệ an ninh Tổ quốc;", { italics: true }), BODY),
    paragraph(runs(`Theo đề nghị của ${strip(input.proposedBy)} tại Tờ trình số ${input.submission.number} ngày ${formatShortDate(input.submission.date)}.`, { italics: true }), BODY),
    centered("QUYẾT ĐỊNH:", { bold: true }, { before: 6, after: 12, keepNext: true }),
    article("Điều 1.", `Tặng ${input.awardLabel} cho ${counts(input.nominees)} (có danh sách kèm theo) đã có thành tích xuất sắc trong Phong trào toàn dân bảo vệ an ninh Tổ quốc năm ${input.year}.`),
    article("Điều 2.", "Quyết định này có hiệu lực kể từ ngày ký."),
    article("Điều 3.", `Chánh Văn phòng, ${strip(input.proposedBy)}, Thủ trưởng các cơ quan, đơn vị liên quan và các tập thể, cá nhân có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này./.`),
    paragraph([], { after: 6 }),
    layoutTable([[recipientsBlock(["Như Điều 3", "Hội đồng Thi đua - Khen thưởng tỉnh"], "VT"), signatureBlock(input.signer, { signatureSpace: 84 })]], [4400, PORTRAIT_TEXT_WIDTH - 4400]),
  ];
  const reference = `(Kèm theo Quyết định số ${input.number} ngày ${formatShortDate(input.issuedOn)} của ${input.issuer})`;
  const annex: (Paragraph | Table)[] = [
    centered(upper(`Danh sách tập thể, cá nhân được tặng ${input.awardLabel} năm ${input.year}`), { bold: true }, { keepNext: true }),
    centered(reference, { italics: true }, { keepNext: true }),
    rule(Math.min(estimateTextWidth(reference, SIZE.body), PORTRAIT_TEXT_WIDTH) * 0.4, PORTRAIT_TEXT_WIDTH, 12),
    grid(
      [
        { title: "STT", width: 700, center: true },
        { title: "Tên tập thể, cá nhân", width: 3600 },
        { title: "Thành tích", width: PORTRAIT_TEXT_WIDTH - 700 - 3600 },
      ],
      input.nominees.map((n, i) => [[String(i + 1)], [n.name], n.achievement.split("\n")]),
    ),
  ];
  const document = administrativeDocument({ title: `Quyết định số ${input.number} ${summary.replace(/^Về/u, "về")}`, description: summary }, [
    { properties: { titlePage: true, page: portraitPage }, headers: pageNumberHeaders(), children: decision },
    { properties: { titlePage: true, page: { ...portraitPage, pageNumbers: { start: 1 } } }, headers: pageNumberHeaders(), children: annex },
  ]);
  return toDocxBytes(document);
}

