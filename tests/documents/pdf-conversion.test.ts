/**
 * The converter the download routes use (lib/documents/pdf-conversion.ts): conversions queue behind
 * the concurrency limit instead of failing, a conversion past its timeout is stopped, and the next one
 * still works (its LibreOffice profile is not left locked).
 */
import { beforeAll, describe, expect, it } from "vitest";
import { buildRecognitionCertificateDocx } from "@/lib/documents";
import { PdfConversionError, convertDocxToPdf, pdfConversionAvailable, pdfFileName } from "@/lib/documents/pdf-conversion";
import { CONVERSION_TIMEOUT_MS, requireOfficeTools } from "../support/office-rendering";

beforeAll(requireOfficeTools);

function certificate(name: string) {
  return buildRecognitionCertificateDocx({
    year: 2026,
    authority: { name: "Ủy ban nhân dân\ntỉnh Lào Cai" },
    unit: { name, kind: "KDC", commune: "Phường Cam Đường" },
    decision: { number: "15/QĐ-UBND", issuedOn: "2026-11-20" },
    place: "Lào Cai",
    signer: { fullName: "Nguyễn Văn An", position: "Chủ tịch" },
  });
}

const isPdf = (bytes: Uint8Array) => Buffer.from(bytes.subarray(0, 5)).toString("latin1") === "%PDF-";

describe("convertDocxToPdf", () => {
  it("is available where LibreOffice is installed", () => {
    expect(pdfConversionAvailable()).toBe(true);
  });

  it("queues simultaneous conversions and completes them all", async () => {
    const docs = await Promise.all(["Tổ dân phố số 1", "Tổ dân phố số 2", "Tổ dân phố số 3"].map(certificate));
    const pdfs = await Promise.all(docs.map((docx) => convertDocxToPdf(docx, { timeoutMs: CONVERSION_TIMEOUT_MS })));
    expect(pdfs.every(isPdf)).toBe(true);
  });

  it("stops a conversion past its timeout, and the next one still succeeds", async () => {
    const docx = await certificate("Tổ dân phố số 4");
    const error = await convertDocxToPdf(docx, { timeoutMs: 1 }).then(
      () => null,
      (reason: unknown) => reason,
    );
    expect(error).toBeInstanceOf(PdfConversionError);
    expect((error as PdfConversionError).reason).toBe("timeout");
    expect(isPdf(await convertDocxToPdf(docx, { timeoutMs: CONVERSION_TIMEOUT_MS }))).toBe(true);
  });
});

describe("pdfFileName", () => {
  it("swaps the extension", () => {
    expect(pdfFileName("Giấy công nhận - Tổ dân phố số 5.docx")).toBe("Giấy công nhận - Tổ dân phố số 5.pdf");
  });
});
