/**
 * Giấy công nhận đạt tiêu chuẩn "An toàn về an ninh, trật tự" for one unit. No national template
 * exists: this is a one-page landscape A4 certificate with the NĐ 30 header (issuing body, quốc hiệu,
 * tiêu ngữ), a framed page, the unit's name large in the middle, the decision it rests on, and the
 * place, date and signature block at the bottom right.
 */
import {
  BorderStyle,
  HeightRule,
  ImageRun,
  PageOrientation,
  Paragraph,
  Table,
  TableBorders,
  TableCell,
  TableLayoutType,
  TableRow,
  VerticalAlignTable,
  WidthType,
  type ISectionOptions,
} from "docx";
import QRCode from "qrcode";
import {
  A4,
  administrativeDocument,
  asciiFileStem,
  centered,
  documentHeader,
  estimateTextWidth,
  mm,
  paragraph,
  rule,
  runs,
  signatureBlock,
  spacer,
  toDocxBytes,
  type DocxBytes,
} from "./administrative-layout";
import { STANDARD_NAME } from "./recognition-decision";
import {
  certificatesInputSchema,
  parseDocumentInput,
  recognitionCertificateInputSchema,
  type RecognitionCertificateData,
  type RecognitionCertificateInput,
} from "./schemas";
import { formatPlaceAndDate, formatShortDate } from "./vietnamese-date";

const MARGIN = mm(20);
/** Landscape: the long side of A4 is the width. */
const TEXT_WIDTH = A4.height - 2 * MARGIN;
const LEFT_COLUMN = 5800;
const TITLE_COLOR = "B00000";
const NAME_COLOR = "002060";
const FRAME = { style: BorderStyle.THIN_THICK_SMALL_GAP, size: 24, color: TITLE_COLOR, space: 24 } as const;

/** Long names get a smaller size so that the certificate stays on one page. */
function unitNameSize(name: string): number {
  if (name.length <= 50) return 26;
  if (name.length <= 100) return 22;
  return 18;
}

function sameText(a: string, b: string): boolean {
  return a.localeCompare(b, "vi", { sensitivity: "base" }) === 0;
}

/** "Phường Cam Đường" → "phường Cam Đường", as written after a comma inside an address. */
function communeInRunningText(commune: string): string {
  return commune.replace(/^(Xã|Phường|Đặc khu)(?=\s)/u, (kind) => kind.toLocaleLowerCase("vi-VN"));
}

/** "Địa chỉ: Số 1 đường Hoàng Liên, phường Cam Đường" or "Địa bàn: Phường Cam Đường". */
function locationLine(data: RecognitionCertificateData): string | null {
  const { address, commune, name } = data.unit;
  if (address) {
    const withCommune = address.toLocaleLowerCase("vi-VN").includes(commune.toLocaleLowerCase("vi-VN"))
      ? address
      : `${address}, ${communeInRunningText(commune)}`;
    return `Địa chỉ: ${withCommune}`;
  }
  return sameText(commune, name) ? null : `Địa bàn: ${commune}`;
}

function decisionReference(data: RecognitionCertificateData): string {
  const { number, issuedOn, issuer } = data.decision;
  return `(Theo Quyết định số ${number} ngày ${formatShortDate(issuedOn)}${issuer ? ` của ${issuer}` : ""})`;
}

/**
 * The page is laid out as blocks of known height rather than as flowing paragraphs, so that Word and
 * LibreOffice both fill the landscape page the same way: the header on top; a middle band, vertically
 * centred, with the title, the unit and the decision; a bottom band with room for the verification QR on
 * the left and the signature on the right. The band heights are minimums ("at least"): a long name or a
 * many-line issuing body grows its band instead of overlapping the next one, and the estimate below keeps
 * the total inside one page.
 */
const USABLE_HEIGHT = A4.width - 2 * MARGIN;
/** Twips per line of the 13 pt header at single spacing (Times New Roman: about 1.15 em). */
const HEADER_LINE = 300;
/** Room for the signature block: place and date, two title lines, the signature and seal, the name. */
const BOTTOM_BAND = 2800;
/** Below the bands: the section's closing paragraph and a margin for renderers' rounding. */
const SLACK = 500;
const HEADER_GAP = 10; // points between the header and the middle band

function headerHeight(data: RecognitionCertificateData): number {
  const lines = (text: string | undefined) => (text ? text.split("\n").filter((line) => line.trim() !== "").length : 0);
  const leftLines = lines(data.authority.parentName) + lines(data.authority.name);
  const numberRow = data.certificateNumber ? 21 * 20 : 0;
  return Math.max(leftLines, 2) * HEADER_LINE + 120 + numberRow + HEADER_GAP * 20;
}

function middleBand(data: RecognitionCertificateData): Paragraph[] {
  const subtitle = `Đạt tiêu chuẩn "${STANDARD_NAME}" năm ${data.year}`;
  const location = locationLine(data);
  return [
    centered("GIẤY CÔNG NHẬN", { size: 40, bold: true, color: TITLE_COLOR }, { after: 6 }),
    centered(subtitle, { size: 20, bold: true }, { after: 2 }),
    rule(estimateTextWidth(subtitle, 20, true) * 0.4, TEXT_WIDTH, 18),
    centered(data.unit.name, { size: unitNameSize(data.unit.name), bold: true, color: NAME_COLOR }),
    ...(location ? [centered(location, { size: 16 }, { before: 8 })] : []),
    centered(decisionReference(data), { size: 15, italics: true }, { before: 10 }),
  ];
}

/** The QR code of the public verification page (a PNG), rendered before the document is built. */
async function verificationQr(data: RecognitionCertificateData): Promise<Buffer | null> {
  return data.verificationUrl ? QRCode.toBuffer(data.verificationUrl, { errorCorrectionLevel: "M", margin: 2, scale: 6 }) : null;
}

/**
 * Bottom left, under the left column of the header: the QR code that leads to the public
 * verification page (issue 11 §5), about 2.5 cm square, with one line of caption.
 */
function verificationBlock(qr: Buffer | null): Paragraph[] {
  if (!qr) return [];
  return [
    new Paragraph({ children: [new ImageRun({ type: "png", data: qr, transformation: { width: 96, height: 96 }, altText: { name: "QR", title: "Mã xác minh", description: "Mã QR dẫn tới trang xác minh giấy công nhận" } })] }),
    paragraph(runs("Quét mã để xác minh", { size: 11, italics: true })),
  ];
}

function bandCell(children: Paragraph[], width: number, verticalAlign: (typeof VerticalAlignTable)[keyof typeof VerticalAlignTable], columnSpan?: number): TableCell {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    columnSpan,
    margins: { top: 0, bottom: 0, left: 0, right: 0 },
    verticalAlign,
    borders: TableBorders.NONE,
    children: children.length > 0 ? children : [new Paragraph({ children: [] })],
  });
}

function certificateBody(data: RecognitionCertificateData, qr: Buffer | null = null): (Paragraph | Table)[] {
  const columns = [LEFT_COLUMN, TEXT_WIDTH - LEFT_COLUMN];
  const middleHeight = USABLE_HEIGHT - headerHeight(data) - BOTTOM_BAND - SLACK;
  const bands = new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: columns,
    layout: TableLayoutType.FIXED,
    borders: TableBorders.NONE,
    margins: { top: 0, bottom: 0, left: 0, right: 0 },
    rows: [
      new TableRow({
        cantSplit: true,
        height: { value: middleHeight, rule: HeightRule.ATLEAST },
        children: [bandCell(middleBand(data), TEXT_WIDTH, VerticalAlignTable.CENTER, 2)],
      }),
      new TableRow({
        cantSplit: true,
        height: { value: BOTTOM_BAND, rule: HeightRule.ATLEAST },
        children: [
          bandCell(verificationBlock(qr), LEFT_COLUMN, VerticalAlignTable.BOTTOM),
          bandCell(
            signatureBlock(data.signer, {
              placeAndDate: formatPlaceAndDate(data.place, data.issuedOn ?? data.decision.issuedOn),
              signatureSpace: 72,
            }),
            TEXT_WIDTH - LEFT_COLUMN,
            VerticalAlignTable.TOP,
          ),
        ],
      }),
    ],
  });
  return [
    documentHeader({ authority: data.authority, number: data.certificateNumber, columnWidths: [LEFT_COLUMN, TEXT_WIDTH - LEFT_COLUMN] }),
    spacer(HEADER_GAP),
    bands,
    // A section ends with a paragraph; a tiny one, so that it never spills onto a second page.
    spacer(1),
  ];
}

function certificateSection(data: RecognitionCertificateData, qr: Buffer | null = null): ISectionOptions {
  return {
    properties: {
      page: {
        size: { width: A4.width, height: A4.height, orientation: PageOrientation.LANDSCAPE },
        margin: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN, header: mm(10), footer: mm(10) },
        borders: {
          pageBorders: { display: "allPages", offsetFrom: "page", zOrder: "back" },
          pageBorderTop: FRAME,
          pageBorderBottom: FRAME,
          pageBorderLeft: FRAME,
          pageBorderRight: FRAME,
        },
      },
    },
    children: certificateBody(data, qr),
  };
}

function certificatesDocument(certificates: readonly RecognitionCertificateData[], qrs: readonly (Buffer | null)[] = []) {
  const first = certificates[0];
  const title =
    certificates.length === 1 && first
      ? `Giấy công nhận đạt tiêu chuẩn "${STANDARD_NAME}" năm ${first.year} - ${first.unit.name}`
      : `Giấy công nhận đạt tiêu chuẩn "${STANDARD_NAME}" (${certificates.length} đơn vị)`;
  return administrativeDocument({ title }, certificates.map((c, i) => certificateSection(c, qrs[i] ?? null)));
}

/** One certificate as .docx bytes. Throws `z.ZodError` (Vietnamese messages) on invalid input. */
export async function buildRecognitionCertificateDocx(input: RecognitionCertificateInput): Promise<DocxBytes> {
  const data = parseDocumentInput(recognitionCertificateInputSchema, input);
  return toDocxBytes(certificatesDocument([data], [await verificationQr(data)]));
}

/** Many certificates in one document, one per page (one section each). Throws `z.ZodError` on invalid input. */
export async function buildCertificatesDocx(inputs: readonly RecognitionCertificateInput[]): Promise<DocxBytes> {
  const data = parseDocumentInput(certificatesInputSchema, inputs);
  return toDocxBytes(certificatesDocument(data, await Promise.all(data.map(verificationQr))));
}

/** "Giay-cong-nhan-To-dan-pho-so-5.docx": an ASCII name for Content-Disposition. */
export function recognitionCertificateFileName(unitName: string): string {
  return `Giay-cong-nhan-${asciiFileStem(unitName).slice(0, 80) || "don-vi"}.docx`;
}
