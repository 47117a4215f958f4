import { describe, expect, it } from "vitest";
import { z } from "zod";
import { certificateInput, fontNames, openDocx, pageSizes } from "./docx-test-helpers";
import { buildCertificatesDocx, buildRecognitionCertificateDocx, recognitionCertificateFileName } from "./index";

async function zodErrorOf(promise: Promise<unknown>): Promise<z.ZodError> {
  const error = await promise.then(
    () => null,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(z.ZodError);
  return error as z.ZodError;
}

describe("buildRecognitionCertificateDocx", () => {
  it("prints the header, title, unit, decision reference and signature on one landscape A4 page", async () => {
    const docx = await openDocx(await buildRecognitionCertificateDocx(certificateInput()));
    expect(docx.paragraphs).toEqual([
      "ỦY BAN NHÂN DÂN",
      "TỈNH LÀO CAI",
      "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
      "Độc lập - Tự do - Hạnh phúc",
      "GIẤY CÔNG NHẬN",
      'Đạt tiêu chuẩn "An toàn về an ninh, trật tự" năm 2026',
      "Trường THPT số 1 Lào Cai",
      "Địa chỉ: Số 1 đường Hoàng Liên, phường Lào Cai",
      "(Theo Quyết định số 15/QĐ-UBND ngày 20/11/2026 của Chủ tịch Ủy ban nhân dân tỉnh Lào Cai)",
      "Lào Cai, ngày 20 tháng 11 năm 2026",
      "KT. CHỦ TỊCH",
      "PHÓ CHỦ TỊCH",
      "Nguyễn Văn An",
    ]);
    expect(pageSizes(docx.documentXml)).toEqual([{ w: 16838, h: 11906, orient: "landscape" }]);
    expect(fontNames(docx.documentXml)).toEqual(new Set(["Times New Roman"]));
    expect(docx.documentXml).toContain("<w:pgBorders");
    // Nothing may push the certificate onto a second page.
    expect(docx.documentXml).not.toContain('<w:br w:type="page"/>');
  });

  it("shows its own number, a certificate date and the commune when there is no address", async () => {
    const docx = await openDocx(
      await buildRecognitionCertificateDocx(
        certificateInput({
          certificateNumber: "25/GCN-UBND",
          issuedOn: "2026-12-01",
          unit: { name: "Tổ dân phố số 5", kind: "KDC", commune: "Phường Cam Đường" },
          decision: { number: "15/QĐ-UBND", issuedOn: "2026-11-20" },
        }),
      ),
    );
    expect(docx.paragraphs).toContain("Số: 25/GCN-UBND");
    expect(docx.paragraphs).toContain("Địa bàn: Phường Cam Đường");
    expect(docx.paragraphs).toContain("(Theo Quyết định số 15/QĐ-UBND ngày 20/11/2026)");
    expect(docx.paragraphs).toContain("Lào Cai, ngày 01 tháng 12 năm 2026");
  });

  it("does not repeat the commune for a commune's own certificate", async () => {
    const docx = await openDocx(
      await buildRecognitionCertificateDocx(
        certificateInput({ unit: { name: "Phường Cam Đường", kind: "XA", commune: "Phường Cam Đường" } }),
      ),
    );
    expect(docx.paragraphs.filter((text) => text.includes("Cam Đường"))).toEqual(["Phường Cam Đường"]);
  });

  it("escapes XML-special characters in the unit name", async () => {
    const name = 'Công ty CP "Sắt & Thép" <Lào Cai>';
    const docx = await openDocx(
      await buildRecognitionCertificateDocx(certificateInput({ unit: { name, kind: "DN", commune: "Phường Lào Cai" } })),
    );
    expect(docx.paragraphs).toContain(name);
    expect(docx.documentXml).toContain("&quot;Sắt &amp; Thép&quot; &lt;Lào Cai&gt;");
    expect(docx.documentXml).not.toContain("<Lào Cai>");
  });

  it("refuses invalid input with Vietnamese messages", async () => {
    const error = await zodErrorOf(
      buildRecognitionCertificateDocx(
        certificateInput({ decision: { number: "15/QĐ-UBND", issuedOn: "2026-02-30" }, unit: { name: "", kind: "KDC", commune: "X" } }),
      ),
    );
    const messages = Object.fromEntries(error.issues.map((issue) => [issue.path.join("."), issue.message]));
    expect(messages).toEqual({
      "decision.issuedOn": "Ngày không hợp lệ: cần định dạng yyyy-mm-dd và là ngày có thật (ví dụ 2026-11-20).",
      "unit.name": "Tên đơn vị: không được để trống.",
    });
  });
});

describe("buildCertificatesDocx", () => {
  it("puts one certificate per page, each in its own landscape section, in the order given", async () => {
    const names = ["Thôn Bản Vược", "Tổ dân phố số 5", "Sở Tư pháp tỉnh Lào Cai"];
    const docx = await openDocx(
      await buildCertificatesDocx(
        names.map((name) => certificateInput({ unit: { name, kind: "KDC", commune: "Xã Bát Xát" } })),
      ),
    );
    const sizes = pageSizes(docx.documentXml);
    expect(sizes).toHaveLength(3);
    for (const size of sizes) expect(size).toEqual({ w: 16838, h: 11906, orient: "landscape" });
    expect(docx.paragraphs.filter((text) => text === "GIẤY CÔNG NHẬN")).toHaveLength(3);
    expect(docx.paragraphs.filter((text) => names.includes(text))).toEqual(names);
    // Sections break onto a new page (the default section type), none is continuous.
    expect(docx.documentXml).not.toContain('w:val="continuous"');
  });

  it("refuses an empty list, and points at the faulty certificate", async () => {
    const empty = await zodErrorOf(buildCertificatesDocx([]));
    expect(empty.issues[0]?.message).toBe("Danh sách giấy công nhận không được để trống.");

    const faulty = await zodErrorOf(
      buildCertificatesDocx([certificateInput(), certificateInput({ signer: { fullName: " ", position: "Chủ tịch" } })]),
    );
    expect(faulty.issues).toEqual([
      expect.objectContaining({ path: [1, "signer", "fullName"], message: "Họ và tên người ký: không được để trống." }),
    ]);
  });
});

describe("recognitionCertificateFileName", () => {
  it("is ASCII", () => {
    expect(recognitionCertificateFileName("Tổ dân phố số 5 - Phường Cam Đường")).toBe(
      "Giay-cong-nhan-To-dan-pho-so-5-Phuong-Cam-Duong.docx",
    );
  });
});
