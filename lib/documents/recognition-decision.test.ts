import { describe, expect, it } from "vitest";
import { z } from "zod";
import { decisionInput, fontNames, openDocx, pageSizes, SPECIAL_NAME } from "./docx-test-helpers";
import { DEFAULT_LEGAL_BASES, buildRecognitionDecisionDocx, recognitionDecisionFileName, recognizedKindsPhrase } from "./index";
import type { RecognitionDecisionInput, RecognizedUnitInput } from "./schemas";


async function zodErrorOf(promise: Promise<unknown>): Promise<z.ZodError> {
  const error = await promise.then(
    () => null,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(z.ZodError);
  return error as z.ZodError;
}

describe("buildRecognitionDecisionDocx", () => {
  it("returns the bytes of a zip package a Response can carry as is", async () => {
    const bytes = await buildRecognitionDecisionDocx(decisionInput());
    expect(bytes).toBeInstanceOf(Uint8Array);
    expect(bytes.buffer).toBeInstanceOf(ArrayBuffer);
    expect([...bytes.subarray(0, 2)]).toEqual([0x50, 0x4b]); // "PK"
    expect(new Response(bytes).headers).toBeDefined();
  });

  it("lays out the header, title, legal bases, articles, recipients and signature of NĐ 30", async () => {
    const docx = await openDocx(await buildRecognitionDecisionDocx(decisionInput()));
    const p = docx.paragraphs;

    expect(p.slice(0, 6)).toEqual([
      "ỦY BAN NHÂN DÂN",
      "TỈNH LÀO CAI",
      "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
      "Độc lập - Tự do - Hạnh phúc",
      "Số: 15/QĐ-UBND",
      "Lào Cai, ngày 20 tháng 11 năm 2026",
    ]);
    expect(p).toContain("QUYẾT ĐỊNH");
    expect(p).toContain(
      'Về việc công nhận khu dân cư, xã, phường, đặc khu, cơ quan, doanh nghiệp, cơ sở giáo dục đạt tiêu chuẩn "An toàn về an ninh, trật tự" năm 2026',
    );
    expect(p).toContain("CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH LÀO CAI");
    for (const basis of DEFAULT_LEGAL_BASES) expect(p).toContain(`Căn cứ ${basis};`);
    expect(p.some((text) => text.includes("Thông tư số 124/2021/TT-BCA ngày 28 tháng 12 năm 2021"))).toBe(true);
    expect(p.some((text) => text.includes("Thông tư số 48/2025/TT-BCA"))).toBe(true);
    expect(p).toContain("Theo đề nghị của Giám đốc Công an tỉnh.");
    expect(p).toContain("QUYẾT ĐỊNH:");
    expect(p).toContain(
      'Điều 1. Công nhận 5 đơn vị đạt tiêu chuẩn "An toàn về an ninh, trật tự" năm 2026 (có danh sách kèm theo).',
    );
    expect(p).toContain("Điều 2. Quyết định này có hiệu lực kể từ ngày ký.");
    expect(p).toContain(
      "Điều 3. Chánh Văn phòng Ủy ban nhân dân tỉnh, Giám đốc Công an tỉnh và các đơn vị có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này./.",
    );

    const signedAt = p.indexOf("Nơi nhận:");
    expect(signedAt).toBeGreaterThan(p.indexOf("QUYẾT ĐỊNH:"));
    expect(p.slice(signedAt, signedAt + 8)).toEqual([
      "Nơi nhận:",
      "- Như Điều 3;",
      "- Bộ Công an;",
      "- TT. Tỉnh ủy;",
      "- Lưu: VT.",
      "CHỦ TỊCH",
      "Nguyễn Văn An",
      'DANH SÁCH ĐƠN VỊ ĐẠT TIÊU CHUẨN "AN TOÀN VỀ AN NINH, TRẬT TỰ" NĂM 2026',
    ]);
    expect(p).toContain("(Kèm theo Quyết định số 15/QĐ-UBND ngày 20/11/2026 của Chủ tịch Ủy ban nhân dân tỉnh Lào Cai)");
    expect(p.some((text) => text.startsWith("KT."))).toBe(false);
  });

  it("lists every unit in the bordered annex table, with its kind label and commune", async () => {
    const docx = await openDocx(await buildRecognitionDecisionDocx(decisionInput()));
    const annex = docx.tables.at(-1);
    expect(annex).toEqual([
      ["STT", "Tên đơn vị", "Loại", "Địa bàn (xã, phường)"],
      ["1", "Tổ dân phố số 5", "Khu dân cư", "Phường Cam Đường"],
      ["2", "Phường Cam Đường", "Xã, phường, đặc khu", "Phường Cam Đường"],
      ["3", "Trường THPT số 1 Lào Cai", "Cơ sở giáo dục", "Phường Lào Cai"],
      ["4", SPECIAL_NAME, "Doanh nghiệp", "Phường Sa Pa"],
      ["5", "Sở Tư pháp tỉnh Lào Cai", "Cơ quan", "Phường Lào Cai"],
    ]);
    const annexXml = docx.documentXml.slice(docx.documentXml.lastIndexOf("<w:tbl>"));
    expect(annexXml).toContain("<w:tblHeader/>");
    expect(annexXml).toMatch(/<w:insideH w:val="single"/);
  });

  it("escapes XML-special characters and keeps them readable", async () => {
    const docx = await openDocx(
      await buildRecognitionDecisionDocx(
        decisionInput({ proposedBy: 'Giám đốc Công an tỉnh & Trưởng phòng "PV05" <Lào Cai>' }),
      ),
    );
    expect(docx.documentXml).toContain("Xuất &amp; Nhập khẩu &lt;Hoàng Liên&gt;");
    expect(docx.documentXml).not.toContain("<Hoàng Liên>");
    expect(docx.paragraphs).toContain('Theo đề nghị của Giám đốc Công an tỉnh & Trưởng phòng "PV05" <Lào Cai>.');
  });

  it("prints the deputy's signing line and the archive codes given", async () => {
    const docx = await openDocx(
      await buildRecognitionDecisionDocx(
        decisionInput({
          signer: { fullName: "Trần Thị Bình", position: "Phó Chủ tịch", actingFor: { kind: "KT", of: "Chủ tịch" } },
          archive: "VT, NC",
        }),
      ),
    );
    const p = docx.paragraphs;
    const at = p.indexOf("KT. CHỦ TỊCH");
    expect(p.slice(at, at + 3)).toEqual(["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Trần Thị Bình"]);
    expect(p).toContain("- Lưu: VT, NC.");
  });

  it("uses the cơ quan chủ quản line, a given subject and given legal bases", async () => {
    const docx = await openDocx(
      await buildRecognitionDecisionDocx(
        decisionInput({
          authority: { parentName: "Ủy ban nhân dân tỉnh Lào Cai", name: "Sở Giáo dục và Đào tạo" },
          subject: "cơ sở giáo dục",
          legalBases: ["Quyết định số 1/QĐ-UBND ngày 02/01/2026 của Ủy ban nhân dân tỉnh;"],
        }),
      ),
    );
    const p = docx.paragraphs;
    expect(p.slice(0, 2)).toEqual(["ỦY BAN NHÂN DÂN TỈNH LÀO CAI", "SỞ GIÁO DỤC VÀ ĐÀO TẠO"]);
    expect(p).toContain('Về việc công nhận cơ sở giáo dục đạt tiêu chuẩn "An toàn về an ninh, trật tự" năm 2026');
    expect(p).toContain("Căn cứ Quyết định số 1/QĐ-UBND ngày 02/01/2026 của Ủy ban nhân dân tỉnh;");
    expect(p.filter((text) => text.startsWith("Căn cứ "))).toHaveLength(1);
    // The parent authority is regular, the issuing body bold (NĐ 30, ô 2).
    const parentRun = /<w:r>(?:(?!<\/w:r>)[\s\S])*ỦY BAN NHÂN DÂN TỈNH LÀO CAI<\/w:t><\/w:r>/.exec(docx.documentXml)?.[0] ?? "";
    const nameRun = /<w:r>(?:(?!<\/w:r>)[\s\S])*SỞ GIÁO DỤC VÀ ĐÀO TẠO<\/w:t><\/w:r>/.exec(docx.documentXml)?.[0] ?? "";
    expect(parentRun).not.toContain("<w:b/>");
    expect(nameRun).toContain("<w:b/>");
  });

  it("derives the summary from the kinds present", async () => {
    expect(recognizedKindsPhrase([{ kind: "CSGD" }, { kind: "KDC" }, { kind: "KDC" }])).toBe("khu dân cư, cơ sở giáo dục");
    const docx = await openDocx(
      await buildRecognitionDecisionDocx(
        decisionInput({ units: [{ name: "Thôn Bản Vược", kind: "KDC", commune: "Xã Bát Xát" }] }),
      ),
    );
    expect(docx.paragraphs).toContain('Về việc công nhận khu dân cư đạt tiêu chuẩn "An toàn về an ninh, trật tự" năm 2026');
    expect(docx.paragraphs.some((text) => text.startsWith("Điều 1. Công nhận 1 đơn vị"))).toBe(true);
  });

  it("is Times New Roman 11–14 pt on portrait A4 with the NĐ 30 margins, pages numbered from page 2", async () => {
    const docx = await openDocx(await buildRecognitionDecisionDocx(decisionInput()));
    expect(fontNames(docx.documentXml)).toEqual(new Set(["Times New Roman"]));
    expect(fontNames(docx.stylesXml)).toEqual(new Set(["Times New Roman"]));
    // The annex cells take their font from a paragraph style: Times New Roman 13 pt.
    expect(docx.stylesXml).toMatch(/w:styleId="AnnexCell"[\s\S]*?Times New Roman[\s\S]*?<w:sz w:val="26"\/>/);
    expect(docx.stylesXml).toMatch(/<w:docDefaults>[\s\S]*Times New Roman[\s\S]*<\/w:docDefaults>/);

    // Text runs are 11–14 pt (half-points 22–28); the 1 pt marks belong to the empty rule paragraphs.
    const sizes = new Set([...docx.documentXml.matchAll(/<w:sz w:val="(\d+)"\/>/g)].map((m) => Number(m[1])));
    for (const size of sizes) expect(size === 2 || (size >= 22 && size <= 28)).toBe(true);

    const sizesBySection = pageSizes(docx.documentXml);
    expect(sizesBySection).toHaveLength(2); // decision, then the annex on new pages
    for (const size of sizesBySection) expect(size).toMatchObject({ w: 11906, h: 16838 });

    for (const match of docx.documentXml.matchAll(/<w:pgMar\s([^>]*)\/>/g)) {
      const margin = (name: string) => Number(new RegExp(`w:${name}="(\\d+)"`).exec(match[1] ?? "")?.[1]);
      expect(margin("top")).toBeGreaterThanOrEqual(1134); // 20 mm
      expect(margin("top")).toBeLessThanOrEqual(1418); // 25 mm
      expect(margin("bottom")).toBeGreaterThanOrEqual(1134);
      expect(margin("bottom")).toBeLessThanOrEqual(1418);
      expect(margin("left")).toBeGreaterThanOrEqual(1701); // 30 mm
      expect(margin("left")).toBeLessThanOrEqual(1985); // 35 mm
      expect(margin("right")).toBeGreaterThanOrEqual(850); // 15 mm
      expect(margin("right")).toBeLessThanOrEqual(1134); // 20 mm
    }
    expect(docx.documentXml.match(/<w:titlePg\/>/g)).toHaveLength(2);
    expect(docx.documentXml).toMatch(/<w:pgNumType w:start="1"\/>/);
    expect(docx.headerXmls.some((xml) => /PAGE/.test(xml))).toBe(true);
  });

  it("builds a 500-unit annex", async () => {
    const units: RecognizedUnitInput[] = Array.from({ length: 500 }, (_, index) => ({
      name: `Tổ dân phố số ${index + 1}`,
      kind: index % 2 === 0 ? "KDC" : "CQ",
      commune: `Phường số ${(index % 20) + 1}`,
    }));
    const docx = await openDocx(await buildRecognitionDecisionDocx(decisionInput({ units })));
    const annex = docx.tables.at(-1) ?? [];
    expect(annex).toHaveLength(501);
    expect(annex[1]).toEqual(["1", "Tổ dân phố số 1", "Khu dân cư", "Phường số 1"]);
    expect(annex[500]).toEqual(["500", "Tổ dân phố số 500", "Cơ quan", "Phường số 20"]);
    expect(docx.paragraphs.some((text) => text.startsWith("Điều 1. Công nhận 500 đơn vị"))).toBe(true);
  });

  it("normalises text to NFC and drops characters XML cannot carry", async () => {
    const decomposed = "Tổ dân phố số 7".normalize("NFD");
    const docx = await openDocx(
      await buildRecognitionDecisionDocx(
        decisionInput({ units: [{ name: `${decomposed}\u0007`, kind: "KDC", commune: "Phường Cam Đường" }] }),
      ),
    );
    expect(docx.tables.at(-1)?.[1]?.[1]).toBe("Tổ dân phố số 7".normalize("NFC"));
    expect(docx.documentXml).not.toContain("\u0007");
  });
});

describe("buildRecognitionDecisionDocx input validation", () => {
  it("refuses an empty unit list with a Vietnamese message", async () => {
    const error = await zodErrorOf(buildRecognitionDecisionDocx(decisionInput({ units: [] })));
    expect(error.issues).toEqual([
      expect.objectContaining({ path: ["units"], message: "Danh sách đơn vị được công nhận không được để trống." }),
    ]);
  });

  it.each(["20/11/2026", "2026-11-31", "2026-13-01", "2026-11-20T00:00:00Z", ""])(
    "refuses the malformed date %j",
    async (issuedOn) => {
      const error = await zodErrorOf(buildRecognitionDecisionDocx(decisionInput({ issuedOn })));
      expect(error.issues[0]?.path).toEqual(["issuedOn"]);
      expect(error.issues[0]?.message).toMatch(/^Ngày không hợp lệ/);
    },
  );

  it("refuses a signing date outside the year and the next", async () => {
    const error = await zodErrorOf(buildRecognitionDecisionDocx(decisionInput({ issuedOn: "2024-11-20" })));
    expect(error.issues[0]?.message).toBe("Ngày ký quyết định: phải thuộc năm 2026 hoặc đầu năm 2027.");
  });

  it("refuses a number without its ký hiệu, an unknown kind and blank names", async () => {
    const error = await zodErrorOf(
      buildRecognitionDecisionDocx(
        decisionInput({
          number: "15",
          units: [{ name: "   ", kind: "XYZ" as "KDC", commune: "Phường Cam Đường" }],
        }),
      ),
    );
    const messages = Object.fromEntries(error.issues.map((issue) => [issue.path.join("."), issue.message]));
    expect(messages).toEqual({
      number: "Số văn bản: phải có dạng số/ký hiệu, ví dụ 15/QĐ-UBND.",
      "units.0.name": "Tên đơn vị: không được để trống.",
      "units.0.kind": "Loại đơn vị: phải là KDC, XA, CQ, DN hoặc CSGD.",
    });
  });

  it("answers in Vietnamese even for shapes the schema has no message of its own for", async () => {
    const error = await zodErrorOf(buildRecognitionDecisionDocx({ ...decisionInput(), year: "2026" } as unknown as RecognitionDecisionInput));
    expect(error.issues[0]?.message).toBe("Năm: phải là số.");
    const extra = await zodErrorOf(
      buildRecognitionDecisionDocx({ ...decisionInput(), legalBases: "Luật" } as unknown as RecognitionDecisionInput),
    );
    expect(extra.issues[0]?.message).toMatch(/không hợp lệ/);
  });
});

describe("recognitionDecisionFileName", () => {
  it("is ASCII", () => {
    expect(recognitionDecisionFileName("15/QĐ-UBND")).toBe("Quyet-dinh-15-QD-UBND.docx");
  });
});
