/** Real, minimal files of each kind, built in memory, for the evidence content checks. */
import { crc32, deflateSync } from "node:zlib";
import { Document, Packer, Paragraph } from "docx";
import ExcelJS from "exceljs";

const u32be = (n: number) => Buffer.from([(n >>> 24) & 255, (n >>> 16) & 255, (n >>> 8) & 255, n & 255]);

export const PDF = new TextEncoder().encode("%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n");

/** A 1×1 grey PNG: signature, IHDR, IDAT, IEND with their CRCs. */
export function png(): Uint8Array {
  const chunk = (type: string, data: Buffer) => Buffer.concat([u32be(data.length), Buffer.from(type), data, u32be(crc32(Buffer.concat([Buffer.from(type), data])))]);
  const ihdr = Buffer.concat([u32be(1), u32be(1), Buffer.from([8, 0, 0, 0, 0])]);
  return new Uint8Array(Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk("IHDR", ihdr), chunk("IDAT", deflateSync(Buffer.from([0, 128]))), chunk("IEND", Buffer.alloc(0))]));
}

/** The start of a JFIF JPEG (SOI, APP0 "JFIF"), as cameras and scanners write it. */
export const JPEG = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00, 0xff, 0xd9]);

/** An OLE2 compound file header (Word 97–2003 .doc and its siblings), padded to one sector. */
export const OLE2 = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array<number>(504).fill(0)]);

export async function docx(): Promise<Uint8Array> {
  return new Uint8Array(await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph("Kế hoạch bảo đảm an ninh, trật tự năm 2026")] }] })));
}

export async function xlsx(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet("Số liệu").addRow(["Tiêu chí", "Kết quả"]);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** A plain zip holding one text file (stored, no compression): what a renamed .zip looks like. */
export function zip(name = "ghi-chu.txt", text = "Không phải tài liệu Word"): Uint8Array {
  const data = Buffer.from(text);
  const fileName = Buffer.from(name);
  const crc = crc32(data);
  const u16 = (n: number) => Buffer.from([n & 255, (n >>> 8) & 255]);
  const u32 = (n: number) => Buffer.from([n & 255, (n >>> 8) & 255, (n >>> 16) & 255, (n >>> 24) & 255]);
  const local = Buffer.concat([u32(0x04034b50), u16(20), u16(0), u16(0), u16(0), u16(0), u32(crc), u32(data.length), u32(data.length), u16(fileName.length), u16(0), fileName, data]);
  const central = Buffer.concat([u32(0x02014b50), u16(20), u16(20), u16(0), u16(0), u16(0), u16(0), u32(crc), u32(data.length), u32(data.length), u16(fileName.length), u16(0), u16(0), u16(0), u16(0), u32(0), u32(0), fileName]);
  const end = Buffer.concat([u32(0x06054b50), u16(0), u16(0), u16(1), u16(1), u32(central.length), u32(local.length), u16(0)]);
  return new Uint8Array(Buffer.concat([local, central, end]));
}

export const TEXT = new TextEncoder().encode("Báo cáo tổng kết công tác bảo đảm ANTT năm 2026\n");
