/**
 * Test helpers only (imported by the *.test.ts files next to it and tests/documents): open a
 * generated .docx and read its text the way a person would see it, one string per paragraph; and
 * the recognition decision and certificate inputs those tests build documents from.
 */
import JSZip from "jszip";
import type { RecognitionCertificateInput, RecognitionDecisionInput } from "./schemas";

/** A unit name with every XML-special character, to prove the documents escape it. */
export const SPECIAL_NAME = 'Công ty TNHH Xuất & Nhập khẩu <Hoàng Liên> "Sa Pa"';

/** A decision of the provincial UBND recognising one unit of each kind. */
export function decisionInput(overrides: Partial<RecognitionDecisionInput> = {}): RecognitionDecisionInput {
  return {
    year: 2026,
    number: "15/QĐ-UBND",
    issuedOn: "2026-11-20",
    place: "Lào Cai",
    authority: { name: "Ủy ban nhân dân\ntỉnh Lào Cai" },
    issuer: "Chủ tịch Ủy ban nhân dân tỉnh Lào Cai",
    proposedBy: "Giám đốc Công an tỉnh",
    executors: "Chánh Văn phòng Ủy ban nhân dân tỉnh, Giám đốc Công an tỉnh và các đơn vị có tên tại Điều 1",
    recipients: ["Như Điều 3", "- Bộ Công an;", "TT. Tỉnh ủy"],
    signer: { fullName: "Nguyễn Văn An", position: "Chủ tịch" },
    units: [
      { name: "Tổ dân phố số 5", kind: "KDC", commune: "Phường Cam Đường" },
      { name: "Phường Cam Đường", kind: "XA", commune: "Phường Cam Đường" },
      { name: "Trường THPT số 1 Lào Cai", kind: "CSGD", commune: "Phường Lào Cai" },
      { name: SPECIAL_NAME, kind: "DN", commune: "Phường Sa Pa" },
      { name: "Sở Tư pháp tỉnh Lào Cai", kind: "CQ", commune: "Phường Lào Cai" },
    ],
    ...overrides,
  };
}

/** The certificate of a school under that decision, signed by a deputy (KT. Chủ tịch). */
export function certificateInput(overrides: Partial<RecognitionCertificateInput> = {}): RecognitionCertificateInput {
  return {
    year: 2026,
    authority: { name: "Ủy ban nhân dân\ntỉnh Lào Cai" },
    unit: { name: "Trường THPT số 1 Lào Cai", kind: "CSGD", commune: "Phường Lào Cai", address: "Số 1 đường Hoàng Liên" },
    decision: { number: "15/QĐ-UBND", issuedOn: "2026-11-20", issuer: "Chủ tịch Ủy ban nhân dân tỉnh Lào Cai" },
    place: "Lào Cai",
    signer: { fullName: "Nguyễn Văn An", position: "Phó Chủ tịch", actingFor: { kind: "KT", of: "Chủ tịch" } },
    ...overrides,
  };
}

export interface OpenedDocx {
  documentXml: string;
  stylesXml: string;
  headerXmls: string[];
  /** Text of every non-empty paragraph, in order; a line break inside a paragraph is "\n". */
  paragraphs: string[];
  /** Tables in order, each as rows of cell texts (cell paragraphs joined with "\n"). */
  tables: string[][][];
}

function decodeXml(text: string): string {
  return text
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)))
    .replace(/&#x([0-9a-f]+);/gi, (_, code: string) => String.fromCodePoint(parseInt(code, 16)))
    .replace(/&amp;/g, "&");
}

const PARAGRAPH = /<w:p(?:\s[^>]*)?>[\s\S]*?<\/w:p>|<w:p(?:\s[^>]*)?\/>/g;
const TEXT_OR_BREAK = /<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>|<w:br\s*\/>|<w:tab\s*\/>/g;

/** The visible text of one `<w:p>`: its `<w:t>` contents concatenated, breaks as "\n". */
export function paragraphText(paragraphXml: string): string {
  let text = "";
  for (const match of paragraphXml.matchAll(TEXT_OR_BREAK)) {
    if (match[1] !== undefined) text += decodeXml(match[1]);
    else if (match[0].startsWith("<w:br")) text += "\n";
    else text += "\t";
  }
  return text;
}

export function paragraphTexts(xml: string): string[] {
  return [...xml.matchAll(PARAGRAPH)].map((match) => paragraphText(match[0])).filter((text) => text.trim() !== "");
}

/** Top-level tables (the builders nest none). */
export function tableTexts(xml: string): string[][][] {
  return [...xml.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)].map((table) =>
    [...table[0].matchAll(/<w:tr(?:\s[^>]*)?>[\s\S]*?<\/w:tr>/g)].map((row) =>
      [...row[0].matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((cell) => paragraphTexts(cell[0]).join("\n")),
    ),
  );
}

export async function openDocx(bytes: Uint8Array): Promise<OpenedDocx> {
  const zip = await JSZip.loadAsync(bytes);
  const read = async (path: string): Promise<string> => {
    const file = zip.file(path);
    if (!file) throw new Error(`${path} is missing from the .docx`);
    return file.async("string");
  };
  const documentXml = await read("word/document.xml");
  const headerPaths = Object.keys(zip.files).filter((path) => /^word\/header\d+\.xml$/.test(path));
  return {
    documentXml,
    stylesXml: await read("word/styles.xml"),
    headerXmls: await Promise.all(headerPaths.map(read)),
    paragraphs: paragraphTexts(documentXml),
    tables: tableTexts(documentXml),
  };
}

/** Every `w:pgSz` element's attributes, one object per section. */
export function pageSizes(documentXml: string): { w: number; h: number; orient: string | undefined }[] {
  return [...documentXml.matchAll(/<w:pgSz\s([^>]*)\/>/g)].map((match) => {
    const attributes = match[1] ?? "";
    const get = (name: string) => new RegExp(`w:${name}="([^"]*)"`).exec(attributes)?.[1];
    return { w: Number(get("w")), h: Number(get("h")), orient: get("orient") };
  });
}

/** The fonts named by `w:rFonts` anywhere in `xml`. */
export function fontNames(xml: string): Set<string> {
  const fonts = new Set<string>();
  for (const match of xml.matchAll(/<w:rFonts\s([^>]*)\/>/g)) {
    for (const font of (match[1] ?? "").matchAll(/w:(?:ascii|hAnsi|cs|eastAsia)="([^"]*)"/g)) fonts.add(font[1] ?? "");
  }
  return fonts;
}
