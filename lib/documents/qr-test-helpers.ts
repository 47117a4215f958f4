/**
 * For tests: the QR codes a generated .docx carries, decoded as a phone would read them — the
 * PNGs under word/media, each decoded with jsQR. Test-only (dev dependencies).
 */
import JSZip from "jszip";
import jsQR from "jsqr";
import { PNG } from "pngjs";

export async function qrCodesInDocx(bytes: Uint8Array): Promise<string[]> {
  const zip = await JSZip.loadAsync(bytes);
  const media = Object.keys(zip.files).filter((name) => /^word\/media\/.+\.png$/i.test(name)).sort();
  const found: string[] = [];
  for (const name of media) {
    const png = PNG.sync.read(Buffer.from(await zip.file(name)!.async("uint8array")));
    const code = jsQR(new Uint8ClampedArray(png.data.buffer, png.data.byteOffset, png.data.byteLength), png.width, png.height);
    if (code) found.push(code.data);
  }
  return found;
}
