import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { bulkCellMarker, bytesWithBulkRows, expandBulkRows, xmlText } from "./bulk-rows";
import { ZipStreamWriter, concatChunks, readZipEntries, type ZipChunk } from "./zip-stream";

const row = (table: number, columns: number) =>
  `<w:tr><w:trPr><w:cantSplit/></w:trPr>${Array.from({ length: columns }, (_, c) => `<w:tc><w:p><w:r><w:t xml:space="preserve">${bulkCellMarker(table, c)}</w:t></w:r></w:p></w:tc>`).join("")}</w:tr>`;
const HEADER = `<w:tr><w:tc><w:p><w:r><w:t>STT</w:t></w:r></w:p></w:tc></w:tr>`;
const DOCUMENT = `<w:document><w:body><w:p/><w:tbl>${HEADER}${row(0, 2)}</w:tbl><w:p><w:r><w:t>giữa</w:t></w:r></w:p><w:tbl>${HEADER}${row(1, 3)}</w:tbl><w:sectPr/></w:body></w:document>`;

const text = (pieces: Iterable<Uint8Array>) => new TextDecoder().decode(concatChunks([...pieces]));

describe("expandBulkRows", () => {
  it("repeats each table's template row over its rows, escaping the text, keeping the rest", () => {
    const xml = text(expandBulkRows(DOCUMENT, [[["1", "Tổ dân phố số 5"], ["2", 'Công ty "A & B" <Sa Pa>']], [["1", "Xã Y Tý", "Không đạt"]]]));
    expect(xml).toBe(
      `<w:document><w:body><w:p/><w:tbl>${HEADER}` +
        `<w:tr><w:trPr><w:cantSplit/></w:trPr><w:tc><w:p><w:r><w:t xml:space="preserve">1</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t xml:space="preserve">Tổ dân phố số 5</w:t></w:r></w:p></w:tc></w:tr>` +
        `<w:tr><w:trPr><w:cantSplit/></w:trPr><w:tc><w:p><w:r><w:t xml:space="preserve">2</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t xml:space="preserve">Công ty &quot;A &amp; B&quot; &lt;Sa Pa&gt;</w:t></w:r></w:p></w:tc></w:tr>` +
        `</w:tbl><w:p><w:r><w:t>giữa</w:t></w:r></w:p><w:tbl>${HEADER}` +
        `<w:tr><w:trPr><w:cantSplit/></w:trPr><w:tc><w:p><w:r><w:t xml:space="preserve">1</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t xml:space="preserve">Xã Y Tý</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t xml:space="preserve">Không đạt</w:t></w:r></w:p></w:tc></w:tr>` +
        `</w:tbl><w:sectPr/></w:body></w:document>`,
    );
  });

  it("leaves no row when a table has none, and reports progress up to the total", () => {
    const progress: number[] = [];
    const many = Array.from({ length: 5000 }, (_, i) => [String(i + 1), `Đơn vị ${i + 1} với một cái tên khá dài để lấp đầy bộ đệm`]);
    const xml = text(expandBulkRows(DOCUMENT, [many, []], ({ done, total }) => progress.push(done / total)));
    expect(xml.match(/<w:tr>/g)).toHaveLength(2 + 5000);
    expect(xml).toContain("Đơn vị 5000 với");
    expect(progress.length).toBeGreaterThan(2);
    expect([...progress].sort((a, b) => a - b)).toEqual(progress);
    expect(progress.at(-1)).toBe(1);
  });

  it("escapes like docx", () => {
    expect(xmlText(`a&b<c>"d'`)).toBe("a&amp;b&lt;c&gt;&quot;d&apos;");
  });
});

describe("the streamed package", () => {
  it("is a ZIP that JSZip and readZipEntries read back entry by entry", async () => {
    const source = new JSZip();
    source.file("[Content_Types].xml", "<Types/>");
    source.file("word/document.xml", DOCUMENT);
    const template = await source.generateAsync({ type: "uint8array", compression: "DEFLATE" });
    const bytes = await bytesWithBulkRows(template, [[["1", "Thôn Bản Vược"]], [["1", "Xã Bát Xát", "Đạt"]]]);
    const zip = await JSZip.loadAsync(bytes);
    expect(Object.keys(zip.files)).toEqual(["[Content_Types].xml", "word/document.xml"]);
    expect(await zip.file("[Content_Types].xml")!.async("string")).toBe("<Types/>");
    const xml = await zip.file("word/document.xml")!.async("string");
    expect(xml).toContain("Thôn Bản Vược");
    expect(xml).not.toContain("\uE000");
    expect(readZipEntries(bytes).map((entry) => [entry.path, new TextDecoder().decode(entry.data)])).toEqual([
      ["[Content_Types].xml", "<Types/>"],
      ["word/document.xml", xml],
    ]);
  });

  it("sends the first bytes before the last part is produced", async () => {
    const emitted: ZipChunk[] = [];
    const writer = new ZipStreamWriter((chunk) => void emitted.push(chunk));
    let seenBeforeEnd = 0;
    async function* parts() {
      for (let i = 0; i < 20; i++) yield "x".repeat(100_000) + i;
      seenBeforeEnd = emitted.length;
    }
    await writer.addEntry("big.xml", parts());
    await writer.finish();
    expect(seenBeforeEnd).toBeGreaterThan(0);
    const zip = await JSZip.loadAsync(concatChunks(emitted));
    expect((await zip.file("big.xml")!.async("string")).length).toBe(20 * 100_000 + 30);
  });
});
