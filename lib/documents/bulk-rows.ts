/**
 * Long tables (a province's list of 20,000 recognised units) without `docx`'s object model: the
 * builder asks `docx` for the table with its header and ONE template row whose cells hold markers;
 * the package is then rewritten with that row repeated over the real rows by string substitution,
 * streamed through a native-zlib ZIP writer (./zip-stream.ts). The rows are therefore exactly the XML
 * `docx` writes for a row (same cell widths, styles, borders, cantSplit), at a fraction of the cost:
 * measured on the year-end report at 8× (scripts/bench-documents.ts), most of the 5 s went into
 * creating and serialising one object per cell and deflating in JavaScript.
 */
import { ZipStreamWriter, concatChunks, readZipEntries, type ZipChunk } from "./zip-stream";

/** Private-use characters `docx` writes verbatim: they cannot occur in cleaned input text. */
const OPEN = "\uE000";
const CLOSE = "\uE001";

/** The text to put in column `column` of the template row of bulk table `table`. */
export function bulkCellMarker(table: number, column: number): string {
  return `${OPEN}${table}.${column}${CLOSE}`;
}

/** Text for a `<w:t>`: the five XML escapes `docx` itself applies to text. */
export function xmlText(text: string): string {
  return text.replace(/[&<>"']/g, (c) => (c === "&" ? "&amp;" : c === "<" ? "&lt;" : c === ">" ? "&gt;" : c === '"' ? "&quot;" : "&apos;"));
}

/** Tables whose template row is to be repeated, by table id (the order of `bulkCellMarker` ids). */
export type BulkTables = readonly (readonly (readonly string[])[])[];

export interface BulkProgress {
  done: number;
  total: number;
}

/** Size of the pieces handed to the ZIP writer: large enough to keep its overhead small, small enough to stream. */
const PIECE_BYTES = 512 * 1024;

const NEEDS_ESCAPE = /[&<>"']/;

/**
 * The template row of table `table` in `xml`: where it starts and ends, and its text cut at the
 * markers into [static, column, static, column, …, static].
 */
function templateRow(xml: string, table: number, from: number): { start: number; end: number; parts: (string | number)[] } {
  const first = xml.indexOf(bulkCellMarker(table, 0), from);
  if (first < 0) throw new Error(`bulk table ${table}: template row not found`);
  const start = Math.max(xml.lastIndexOf("<w:tr>", first), xml.lastIndexOf("<w:tr ", first));
  const end = xml.indexOf("</w:tr>", first) + "</w:tr>".length;
  if (start < 0 || end < first) throw new Error(`bulk table ${table}: template row is not in a table row`);
  const row = xml.slice(start, end);
  const parts: (string | number)[] = [];
  const marker = new RegExp(`${OPEN}${table}\\.(\\d+)${CLOSE}`, "g");
  let last = 0;
  for (const match of row.matchAll(marker)) {
    parts.push(row.slice(last, match.index), Number(match[1]));
    last = match.index + match[0].length;
  }
  parts.push(row.slice(last));
  return { start, end, parts };
}

/**
 * `documentXml` as UTF-8 pieces, with each bulk table's template row repeated over its rows. Rows are
 * written straight into a byte buffer (concatenating 20 MB of XML as strings cost several times more).
 */
export function* expandBulkRows(documentXml: string, tables: BulkTables, onProgress?: (progress: BulkProgress) => void): Generator<Uint8Array> {
  const total = tables.reduce((sum, rows) => sum + rows.length, 0);
  let done = 0;
  let cursor = 0;
  let buffer = Buffer.allocUnsafe(PIECE_BYTES);
  let used = 0;
  // Copies out what was written (the buffer is reused) and starts a new piece.
  const take = (): Uint8Array => {
    const piece = new Uint8Array(buffer.subarray(0, used));
    used = 0;
    return piece;
  };
  const grow = (bytes: number) => {
    buffer = Buffer.concat([buffer.subarray(0, used), Buffer.allocUnsafe(Math.max(PIECE_BYTES, bytes))]);
  };
  const write = (text: string) => {
    // UTF-8 takes at most 3 bytes per UTF-16 unit.
    if (used + text.length * 3 > buffer.length) grow(text.length * 3);
    used += buffer.write(text, used, "utf8");
  };
  for (let table = 0; table < tables.length; table++) {
    const rows = tables[table]!;
    const { start, end, parts } = templateRow(documentXml, table, cursor);
    // The row's fixed XML, encoded once: copying bytes is cheaper than encoding the same text per row.
    const encoded = parts.map((part) => (typeof part === "number" ? part : Buffer.from(part, "utf8")));
    const rowBytes = encoded.reduce<number>((sum, part) => sum + (typeof part === "number" ? 0 : part.byteLength), 0);
    write(documentXml.slice(cursor, start));
    yield take();
    for (let index = 0; index < rows.length; index++) {
      const values = rows[index]!;
      if (used + rowBytes > buffer.length) grow(rowBytes);
      for (const part of encoded) {
        if (typeof part !== "number") {
          buffer.set(part, used);
          used += part.byteLength;
        } else {
          const value = values[part] ?? "";
          write(NEEDS_ESCAPE.test(value) ? xmlText(value) : value);
        }
      }
      done++;
      if (used >= PIECE_BYTES - 16 * 1024) {
        yield take();
        onProgress?.({ done, total });
      }
    }
    yield take();
    onProgress?.({ done, total });
    cursor = end;
  }
  write(documentXml.slice(cursor));
  yield take();
}

const DOCUMENT_PART = "word/document.xml";

/**
 * Rewrites the package `docx` built (`templateBytes`) with the bulk tables' rows, writing the new
 * package to `emit` as it goes. Every other part is carried over unchanged.
 */
export async function writeWithBulkRows(
  templateBytes: Uint8Array,
  tables: BulkTables,
  emit: (chunk: ZipChunk) => void | Promise<void>,
  onProgress?: (progress: BulkProgress) => void,
): Promise<void> {
  const writer = new ZipStreamWriter(emit);
  for (const { path, data } of readZipEntries(templateBytes)) {
    if (path === DOCUMENT_PART) await writer.addEntry(path, expandBulkRows(new TextDecoder().decode(data), tables, onProgress));
    else await writer.addEntry(path, [data]);
  }
  await writer.finish();
}

/** The whole package in memory, for callers that want bytes (tests, the decision's annex). */
export async function bytesWithBulkRows(templateBytes: Uint8Array, tables: BulkTables): Promise<Uint8Array<ArrayBuffer>> {
  const chunks: ZipChunk[] = [];
  await writeWithBulkRows(templateBytes, tables, (chunk) => void chunks.push(chunk));
  return concatChunks(chunks);
}
