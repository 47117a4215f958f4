/**
 * Test helpers only (imported by the *.test.ts files next to it): open a generated .docx and read its
 * text the way a person would see it, one string per paragraph.
 */
import JSZip from "jszip";

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
