/**
 * Test helpers: print a generated .docx the way an office does — LibreOffice converts it to PDF with the
 * app's own converter (lib/documents/pdf-conversion.ts) — and read the PDF back with poppler-utils
 * (pdfinfo, pdftotext): its pages, their size, their text, and where every word sits.
 *
 * LibreOffice and poppler-utils are required, never optional: a missing tool fails the test with the
 * command that installs it (scripts/test-all.sh installs both as root, as CI runs it).
 */
import { execFile } from "node:child_process";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { convertDocxToPdf, sofficePath } from "@/lib/documents/pdf-conversion";

const run = promisify(execFile);

/** A machine that is busy with other test runs may take a minute for a cold LibreOffice. */
export const CONVERSION_TIMEOUT_MS = 240_000;

const INSTALL_HINT = "run 'sudo apt-get install libreoffice-writer-nogui poppler-utils' (scripts/test-all.sh installs them when run as root)";

async function hasCommand(name: string): Promise<boolean> {
  try {
    await run(name, ["-v"], { timeout: 30_000 });
    return true;
  } catch (error) {
    // pdfinfo/pdftotext -v print their version and exit 0 or 99 depending on the version; only ENOENT means absent.
    return (error as NodeJS.ErrnoException).code !== "ENOENT";
  }
}

/** Throws (so that the test fails, not skips) when LibreOffice or poppler-utils are missing. */
export async function requireOfficeTools(): Promise<void> {
  const missing: string[] = [];
  if (!sofficePath()) missing.push("soffice (LibreOffice)");
  for (const tool of ["pdfinfo", "pdftotext"]) if (!(await hasCommand(tool))) missing.push(`${tool} (poppler-utils)`);
  if (missing.length > 0) throw new Error(`Document tests need ${missing.join(", ")}: ${INSTALL_HINT}.`);
}

export interface PdfWord {
  page: number;
  text: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

export interface PdfPage {
  width: number;
  height: number;
  /** The page's text as pdftotext reads it (reading order, one line per line). */
  text: string;
  words: PdfWord[];
}

export interface RenderedPdf {
  bytes: Uint8Array;
  pages: PdfPage[];
  /** Every page's text, pages separated by "\f". */
  text: string;
}

function decodeEntities(text: string): string {
  return text
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)))
    .replace(/&amp;/g, "&");
}

/** The pages and words of `pdftotext -bbox` output. */
export function parseBbox(html: string): { width: number; height: number; words: PdfWord[] }[] {
  const pages: { width: number; height: number; words: PdfWord[] }[] = [];
  for (const pageMatch of html.matchAll(/<page width="([\d.]+)" height="([\d.]+)">([\s\S]*?)<\/page>/g)) {
    const page = pages.length + 1;
    const words = [...(pageMatch[3] ?? "").matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map(
      (match) => ({
        page,
        xMin: Number(match[1]),
        yMin: Number(match[2]),
        xMax: Number(match[3]),
        yMax: Number(match[4]),
        text: decodeEntities(match[5] ?? ""),
      }),
    );
    pages.push({ width: Number(pageMatch[1]), height: Number(pageMatch[2]), words });
  }
  return pages;
}

/**
 * Where to keep the PDFs for a person to look at (`DOCUMENT_PDF_DIR=.data/pdf npx vitest run --project
 * documents`, then `pdftoppm -png`); nowhere by default.
 */
async function keep(name: string, pdf: Uint8Array): Promise<void> {
  const dir = process.env.DOCUMENT_PDF_DIR;
  if (!dir) return;
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, `${name}.pdf`), pdf);
}

/** Converts `docx` with LibreOffice and reads the PDF back. `name` names the kept copy (see `keep`). */
export async function renderDocx(docx: Uint8Array, name: string): Promise<RenderedPdf> {
  const pdf = await convertDocxToPdf(docx, { timeoutMs: CONVERSION_TIMEOUT_MS });
  await keep(name, pdf);
  const dir = await mkdtemp(join(tmpdir(), "antt-pdf-read-"));
  try {
    const file = join(dir, "document.pdf");
    await writeFile(file, pdf);
    const options = { timeout: 60_000, maxBuffer: 64 * 1024 * 1024, encoding: "utf8" as const };
    const info = (await run("pdfinfo", [file], options)).stdout;
    const pageCount = Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]);
    const text = (await run("pdftotext", ["-enc", "UTF-8", file, "-"], options)).stdout;
    const bbox = parseBbox((await run("pdftotext", ["-enc", "UTF-8", "-bbox", file, "-"], options)).stdout);
    if (bbox.length !== pageCount) throw new Error(`pdfinfo counts ${pageCount} pages, pdftotext -bbox ${bbox.length}.`);
    const pageTexts = text.split("\f");
    return {
      bytes: pdf,
      text,
      pages: bbox.map((page, index) => ({ ...page, text: pageTexts[index] ?? "" })),
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Text with its lines joined by single spaces: a sentence the renderer wrapped still matches. */
export function flowing(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

/**
 * Pairs of words printed over each other. Two lines of one paragraph may touch (a glyph box is taller
 * than the line pitch), so words overlap only when their boxes share some width and more than a third
 * of the smaller one's height.
 */
export function overlappingWords(words: readonly PdfWord[]): [PdfWord, PdfWord][] {
  const pairs: [PdfWord, PdfWord][] = [];
  for (let i = 0; i < words.length; i++) {
    for (let j = i + 1; j < words.length; j++) {
      const a = words[i]!;
      const b = words[j]!;
      const width = Math.min(a.xMax, b.xMax) - Math.max(a.xMin, b.xMin);
      const height = Math.min(a.yMax, b.yMax) - Math.max(a.yMin, b.yMin);
      const smaller = Math.min(a.yMax - a.yMin, b.yMax - b.yMin);
      if (width > 0.5 && height > smaller / 3) pairs.push([a, b]);
    }
  }
  return pairs;
}

/** The vertical extent of a page's text, as fractions of the page height (0 = top). */
export function textExtent(page: PdfPage): { top: number; bottom: number } {
  const top = Math.min(...page.words.map((word) => word.yMin));
  const bottom = Math.max(...page.words.map((word) => word.yMax));
  return { top: top / page.height, bottom: bottom / page.height };
}
