/**
 * Every generated Word document, printed by a real office suite: LibreOffice converts it to PDF, and the
 * PDF's pages, page size, text (Vietnamese diacritics intact) and layout are checked. The unit tests next
 * to the builders check the .docx XML; these check what a person sees once it is opened.
 */
import { beforeAll, describe, expect, it } from "vitest";
import {
  buildCertificatesDocx,
  buildRecognitionCertificateDocx,
  buildRecognitionDecisionDocx,
  type RecognizedUnitInput,
} from "@/lib/documents";
import { buildYearEndReportDocx, type YearEndReportInput } from "@/lib/reports/exports";
import { dashboardFixture } from "@/lib/reports/exports/test-fixtures";
import { certificateInput, decisionInput, SPECIAL_NAME } from "@/lib/documents/docx-test-helpers";
import { flowing, overlappingWords, renderDocx, requireOfficeTools, textExtent, type PdfPage, type RenderedPdf } from "../support/office-rendering";

beforeAll(requireOfficeTools);

/** A4 in PDF points. */
const A4_LONG = 841.89;
const A4_SHORT = 595.3;

function expectA4(page: PdfPage, orientation: "portrait" | "landscape") {
  const [width, height] = orientation === "portrait" ? [A4_SHORT, A4_LONG] : [A4_LONG, A4_SHORT];
  expect(page.width).toBeCloseTo(width, 0);
  expect(page.height).toBeCloseTo(height, 0);
}

function expectNoOverlap(pdf: RenderedPdf) {
  for (const page of pdf.pages) {
    const overlaps = overlappingWords(page.words).map(([a, b]) => `"${a.text}" × "${b.text}" (page ${a.page})`);
    expect(overlaps).toEqual([]);
  }
}



describe("the recognition decision, printed by LibreOffice", () => {
  it("has the decision on its first page and the annex listing every unit on its own page", async () => {
    const pdf = await renderDocx(await buildRecognitionDecisionDocx(decisionInput()), "decision");
    expect(pdf.pages).toHaveLength(2);
    for (const page of pdf.pages) expectA4(page, "portrait");
    const [decision, annex] = pdf.pages.map((page) => flowing(page.text));

    for (const line of [
      "ỦY BAN NHÂN DÂN TỈNH LÀO CAI",
      "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
      "Độc lập - Tự do - Hạnh phúc",
      "Số: 15/QĐ-UBND",
      "Lào Cai, ngày 20 tháng 11 năm 2026",
      "QUYẾT ĐỊNH",
      "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH LÀO CAI",
      "Căn cứ Thông tư số 124/2021/TT-BCA ngày 28 tháng 12 năm 2021",
      'Điều 1. Công nhận 5 đơn vị đạt tiêu chuẩn "An toàn về an ninh, trật tự" năm 2026 (có danh sách kèm theo).',
      "Điều 2. Quyết định này có hiệu lực kể từ ngày ký.",
      "Nơi nhận:",
      "Nguyễn Văn An",
    ]) {
      expect(decision).toContain(line);
    }
    expect(annex).toContain('DANH SÁCH ĐƠN VỊ ĐẠT TIÊU CHUẨN "AN TOÀN VỀ AN NINH, TRẬT TỰ" NĂM 2026');
    expect(annex).toContain("(Kèm theo Quyết định số 15/QĐ-UBND ngày 20/11/2026 của Chủ tịch Ủy ban nhân dân tỉnh Lào Cai)");
    for (const unit of ["Tổ dân phố số 5", "Trường THPT số 1 Lào Cai", SPECIAL_NAME, "Sở Tư pháp tỉnh Lào Cai"]) expect(annex).toContain(unit);
    expectNoOverlap(pdf);
  });

  it("numbers a long annex across pages, repeating the table's header row", async () => {
    const units: RecognizedUnitInput[] = Array.from({ length: 120 }, (_, index) => ({
      name: `Tổ dân phố số ${index + 1} - Khu dân cư Đường Hoàng Liên`,
      kind: "KDC",
      commune: "Phường Cam Đường",
    }));
    const pdf = await renderDocx(await buildRecognitionDecisionDocx(decisionInput({ units })), "decision-120-units");
    const annexPages = pdf.pages.slice(1);
    expect(annexPages.length).toBeGreaterThanOrEqual(4);
    const annexText = flowing(annexPages.map((page) => page.text).join(" "));
    expect(annexText).toContain("Tổ dân phố số 120 - Khu dân cư Đường Hoàng Liên");
    for (const page of annexPages) {
      const header = page.words.filter((word) => ["STT", "Tên", "Loại", "Địa"].includes(word.text));
      expect(header.map((word) => word.text)).toEqual(["STT", "Tên", "Loại", "Địa"]);
    }
    // The annex is numbered on its own from its second page (NĐ 30): "2" heads the annex's second page.
    expect(annexPages[1]?.text.trimStart().split(/\s/)[0]).toBe("2");
    expectNoOverlap(pdf);
  });
});

/**
 * A certificate is one landscape A4 page: nothing printed over anything else, and the text spread over
 * the page (header near the top, signature near the bottom), not bunched in its top half.
 */
function expectCertificatePage(page: PdfPage) {
  expectA4(page, "landscape");
  const extent = textExtent(page);
  expect(extent.top).toBeLessThan(0.15);
  expect(extent.bottom).toBeGreaterThan(0.8);
  const title = page.words.find((word) => word.text === "GIẤY");
  const header = page.words.filter((word) => /Hạnh|phúc|CAI/.test(word.text));
  expect(title).toBeDefined();
  // The title sits clearly below the header block.
  for (const word of header) expect(title!.yMin).toBeGreaterThan(word.yMax);
}

describe("the certificate, printed by LibreOffice", () => {
  it("fills one landscape page with nothing overlapping", async () => {
    const pdf = await renderDocx(await buildRecognitionCertificateDocx(certificateInput()), "certificate");
    expect(pdf.pages).toHaveLength(1);
    expectCertificatePage(pdf.pages[0]!);
    expectNoOverlap(pdf);
    const text = flowing(pdf.text);
    for (const line of [
      "ỦY BAN NHÂN DÂN TỈNH LÀO CAI",
      "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
      "GIẤY CÔNG NHẬN",
      'Đạt tiêu chuẩn "An toàn về an ninh, trật tự" năm 2026',
      "Trường THPT số 1 Lào Cai",
      "Địa chỉ: Số 1 đường Hoàng Liên, phường Lào Cai",
      "(Theo Quyết định số 15/QĐ-UBND ngày 20/11/2026 của Chủ tịch Ủy ban nhân dân tỉnh Lào Cai)",
      "Lào Cai, ngày 20 tháng 11 năm 2026",
      "KT. CHỦ TỊCH PHÓ CHỦ TỊCH",
      "Nguyễn Văn An",
    ]) {
      expect(text).toContain(line);
    }
  });

  it("keeps the longest name, a four-line issuing body and its own number on one page", async () => {
    const name = `Công ty cổ phần Đầu tư, Xây dựng và Phát triển Hạ tầng Khu công nghiệp Tằng Loỏng - Chi nhánh ${"Bảo Thắng ".repeat(18)}`.trim().slice(0, 300);
    const pdf = await renderDocx(
      await buildRecognitionCertificateDocx(
        certificateInput({
          certificateNumber: "1234/GCN-UBND",
          authority: { parentName: "Ủy ban nhân dân tỉnh Lào Cai\nSở Kế hoạch và Đầu tư", name: "Ban Quản lý\ncác khu công nghiệp tỉnh" },
          unit: { name, kind: "DN", commune: "Xã Tằng Loỏng", address: "Lô C4, Khu công nghiệp Tằng Loỏng, xã Tằng Loỏng" },
        }),
      ),
      "certificate-long",
    );
    expect(pdf.pages).toHaveLength(1);
    expectCertificatePage(pdf.pages[0]!);
    expectNoOverlap(pdf);
    expect(flowing(pdf.text)).toContain("Số: 1234/GCN-UBND");
    expect(flowing(pdf.text)).toContain(name.slice(0, 60));
  });

  it("prints many certificates one per landscape page", async () => {
    const names = ["Thôn Bản Vược", "Tổ dân phố số 5", "Sở Tư pháp tỉnh Lào Cai"];
    const pdf = await renderDocx(
      await buildCertificatesDocx(names.map((name) => certificateInput({ unit: { name, kind: "KDC", commune: "Xã Bát Xát" } }))),
      "certificates",
    );
    expect(pdf.pages).toHaveLength(3);
    pdf.pages.forEach((page, index) => {
      expectCertificatePage(page);
      expect(flowing(page.text)).toContain(names[index]!);
    });
    expectNoOverlap(pdf);
  });
});

describe("the year-end report, printed by LibreOffice", () => {
  const recognised = [
    { name: "Tổ dân phố số 5", kind: "KDC", commune: "Phường Lào Cai", decisionNumber: "15/QĐ-UBND" },
    { name: "Trường THPT chuyên Lào Cai", kind: "CSGD", commune: "Phường Lào Cai", decisionNumber: "16/QĐ-UBND" },
    { name: "Thôn Bản Vược", kind: "KDC", commune: "Xã Bát Xát", decisionNumber: "07/QĐ-UBND" },
  ] as const;
  const notRecognised = [
    { name: "Công ty TNHH Dệt may Nghĩa Lộ", kind: "DN", commune: "Phường Lào Cai", reason: "Không đạt tiêu chí CQDN-3: trong năm xảy ra 01 vụ tai nạn lao động." },
    { name: "Sở Tư pháp tỉnh Lào Cai", kind: "CQ", commune: "Phường Lào Cai", reason: "Người đứng đầu bị kỷ luật cảnh cáo trong năm." },
  ] as const;

  function reportInput(): YearEndReportInput {
    const base = dashboardFixture();
    return {
      data: { ...base, headline: { ...base.headline, recognised: recognised.length, notRecognised: notRecognised.length } },
      number: "125/BC-CAT",
      issuedOn: "2026-11-19",
      place: "Lào Cai",
      recognised: recognised.map((unit) => ({ ...unit })),
      notRecognised: notRecognised.map((unit) => ({ ...unit })),
      recommendations: ["Đề nghị Ủy ban nhân dân tỉnh khen thưởng các xã, phường có 100% đơn vị đạt tiêu chuẩn."],
      recipients: ["Như trên", "Sở Nội vụ"],
      archive: "VT, PV05",
      signer: { fullName: "Nguyễn Văn Bình", position: "Phó Giám đốc", actingFor: { kind: "KT", of: "Giám đốc" } },
    };
  }

  it("prints every section with its tables on numbered portrait pages", async () => {
    const pdf = await renderDocx(await buildYearEndReportDocx(reportInput()), "year-end-report");
    expect(pdf.pages.length).toBeGreaterThanOrEqual(2);
    expect(pdf.pages.length).toBeLessThanOrEqual(4);
    for (const page of pdf.pages) expect(page.width).toBeCloseTo(A4_SHORT, 0);
    const text = flowing(pdf.text);
    for (const line of [
      "CÔNG AN TỈNH",
      "Số: 125/BC-CAT",
      "Lào Cai, ngày 19 tháng 11 năm 2026",
      "BÁO CÁO",
      "I. KẾT QUẢ CHUNG",
      "II. KẾT QUẢ THEO XÃ, PHƯỜNG",
      "III. DANH SÁCH ĐƠN VỊ ĐƯỢC CÔNG NHẬN",
      "IV. DANH SÁCH ĐƠN VỊ KHÔNG ĐƯỢC CÔNG NHẬN VÀ LÝ DO",
      "V. ĐỀ XUẤT, KIẾN NGHỊ",
      "Trường THPT chuyên Lào Cai",
      "Người đứng đầu bị kỷ luật cảnh",
      "Nguyễn Văn Bình",
    ]) {
      expect(text).toContain(line);
    }
    // Table headers wrap between words, never inside one.
    const words = new Set(pdf.pages.flatMap((page) => page.words.map((word) => word.text)));
    for (const word of ["STT", "Doanh", "nghiệp", "giáo", "XA-4", "Tỷ"]) expect(words).toContain(word);
    expectNoOverlap(pdf);
  });
});
