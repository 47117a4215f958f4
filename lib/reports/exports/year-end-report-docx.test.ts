import { describe, expect, it } from "vitest";
import { z } from "zod";
import { fontNames, openDocx, pageSizes, type OpenedDocx } from "@/lib/documents/docx-test-helpers";
import type { DashboardData } from "@/lib/reports/dashboard-types";
import { REPORT_SECTION_HEADINGS, buildYearEndReportDocx, yearEndReportFileName } from "./year-end-report-docx";
import type { YearEndReportInput } from "./year-end-report-schema";
import { dashboardFixture, largeProvince } from "./test-fixtures";

const LONG_REASON =
  'Không đạt tiêu chí CQDN-3: trong năm xảy ra 01 vụ tai nạn lao động làm chết người (Điều 6 khoản 3 điểm đ TT 124); đơn vị không khai báo vụ việc do "Công an ghi nhận" & <chưa bổ sung>.';

const RECOGNISED = [
  { name: "Tổ dân phố số 5", kind: "KDC", commune: "Phường Lào Cai", decisionNumber: "15/QĐ-UBND" },
  { name: "Trường THPT chuyên Lào Cai", kind: "CSGD", commune: "Phường Lào Cai", decisionNumber: "16/QĐ-UBND" },
  { name: "Thôn Bản Vược", kind: "KDC", commune: "Xã Bát Xát", decisionNumber: "7/QĐ-UBND" },
] as const;

const NOT_RECOGNISED = [
  { name: "Công ty TNHH Dệt may Nghĩa Lộ", kind: "DN", commune: "Phường Lào Cai", reason: LONG_REASON },
  { name: "Sở Tư pháp tỉnh Lào Cai", kind: "CQ", commune: "Phường Lào Cai", reason: "Người đứng đầu bị kỷ luật cảnh cáo trong năm." },
] as const;

function reportData(overrides: Partial<DashboardData> = {}): DashboardData {
  const base = dashboardFixture(overrides);
  return { ...base, headline: { ...base.headline, recognised: RECOGNISED.length, notRecognised: NOT_RECOGNISED.length } };
}

function reportInput(overrides: Partial<YearEndReportInput> = {}): YearEndReportInput {
  return {
    data: reportData(),
    number: "125/BC-CAT",
    issuedOn: "2026-11-19",
    place: "Lào Cai",
    recognised: RECOGNISED.map((unit) => ({ ...unit })),
    notRecognised: NOT_RECOGNISED.map((unit) => ({ ...unit })),
    recommendations: [
      "Đề nghị Ủy ban nhân dân tỉnh khen thưởng các xã, phường có 100% đơn vị đạt tiêu chuẩn.",
      "Đề nghị Sở Nội vụ phối hợp hướng dẫn khen thưởng tổng kết phong trào.",
    ],
    recipients: ["Như trên", "Sở Nội vụ", "Đ/c Giám đốc Công an tỉnh (để b/c)"],
    archive: "VT, PV05",
    signer: { fullName: "Nguyễn Văn Bình", position: "Phó Giám đốc", actingFor: { kind: "KT", of: "Giám đốc" } },
    ...overrides,
  };
}

async function build(input: YearEndReportInput): Promise<OpenedDocx> {
  return openDocx(await buildYearEndReportDocx(input));
}

/** The grid table whose header row starts with `first`, `second`. */
function tableStarting(docx: OpenedDocx, first: string, second: string): string[][] {
  const table = docx.tables.find((rows) => rows[0]?.[0] === first && rows[0]?.[1] === second);
  if (!table) throw new Error(`no table starting with ${first}, ${second}`);
  return table;
}

async function zodErrorOf(promise: Promise<unknown>): Promise<z.ZodError> {
  const error = await promise.then(
    () => null,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(z.ZodError);
  return error as z.ZodError;
}

function messagesOf(error: z.ZodError): Record<string, string> {
  return Object.fromEntries(error.issues.map((issue) => [issue.path.join("."), issue.message]));
}

describe("buildYearEndReportDocx", () => {
  it("returns the bytes of a zip package a Response can carry as is", async () => {
    const bytes = await buildYearEndReportDocx(reportInput());
    expect(bytes).toBeInstanceOf(Uint8Array);
    expect(bytes.buffer).toBeInstanceOf(ArrayBuffer);
    expect([...bytes.subarray(0, 2)]).toEqual([0x50, 0x4b]);
  });

  it("has the NĐ 30 header, the title, the summary line and Kính gửi", async () => {
    const docx = await build(reportInput());
    const p = docx.paragraphs;
    expect(p.slice(0, 6)).toEqual([
      "UBND TỈNH LÀO CAI",
      "CÔNG AN TỈNH",
      "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
      "Độc lập - Tự do - Hạnh phúc",
      "Số: 125/BC-CAT",
      "Lào Cai, ngày 19 tháng 11 năm 2026",
    ]);
    const title = p.indexOf("BÁO CÁO");
    expect(title).toBe(6);
    expect(p[title + 1]).toBe(
      'Kết quả thực hiện phong trào xây dựng khu dân cư, xã, phường, đặc khu, cơ quan, doanh nghiệp, cơ sở giáo dục đạt tiêu chuẩn "An toàn về an ninh, trật tự" năm 2026',
    );
    expect(p[title + 2]).toBe("Kính gửi: Ủy ban nhân dân tỉnh Lào Cai.");
    expect(p[title + 3]).toMatch(/^Thực hiện Thông tư số 124\/2021\/TT-BCA .*Kế hoạch số 195\/KH-UBND ngày 17\/12\/2025 .*Công an tỉnh báo cáo/);
    expect(pageSizes(docx.documentXml)).toEqual([{ w: 11906, h: 16838, orient: "portrait" }]);
    expect([...fontNames(docx.documentXml), ...fontNames(docx.stylesXml)].every((font) => font === "Times New Roman")).toBe(true);
  });

  it("prints the sections in order, V only when there are recommendations", async () => {
    const p = (await build(reportInput())).paragraphs;
    const positions = Object.values(REPORT_SECTION_HEADINGS).map((heading) => p.indexOf(heading));
    expect(Object.values(REPORT_SECTION_HEADINGS)).toEqual([
      "I. KẾT QUẢ CHUNG",
      "II. KẾT QUẢ THEO XÃ, PHƯỜNG",
      "III. DANH SÁCH ĐƠN VỊ ĐƯỢC CÔNG NHẬN",
      "IV. DANH SÁCH ĐƠN VỊ KHÔNG ĐƯỢC CÔNG NHẬN VÀ LÝ DO",
      "V. ĐỀ XUẤT, KIẾN NGHỊ",
    ]);
    expect(positions.every((position) => position > 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(p).toContain("1. Đề nghị Ủy ban nhân dân tỉnh khen thưởng các xã, phường có 100% đơn vị đạt tiêu chuẩn.");
    expect(p).toContain("2. Đề nghị Sở Nội vụ phối hợp hướng dẫn khen thưởng tổng kết phong trào.");

    const without = (await build(reportInput({ recommendations: undefined }))).paragraphs;
    expect(without).not.toContain(REPORT_SECTION_HEADINGS.recommendations);
    expect(without).toContain(REPORT_SECTION_HEADINGS.notRecognised);
  });

  it("states every headline and funnel figure in section I, in prose and in its table", async () => {
    const docx = await build(reportInput());
    const p = docx.paragraphs;
    expect(p).toContain("Số liệu tổng hợp từ hệ thống quản lý phong trào lúc 14:30 18/11/2026.");
    expect(p).toContain(
      "1. Về đối tượng: trên địa bàn có 29 khu dân cư, 3 xã, phường, đặc khu, 11 cơ quan, 8 doanh nghiệp, 6 cơ sở giáo dục; " +
        "55 đơn vị thuộc diện tham gia phong trào, 2 đơn vị không thuộc diện (điểm b khoản 2 Điều 1 Thông tư số 124/2021/TT-BCA).",
    );
    expect(p).toContain(
      "2. Về đăng ký: 52/55 (94,5%) đơn vị thuộc diện đã đăng ký xây dựng đơn vị đạt tiêu chuẩn; 7 đơn vị đăng ký sau quý I hoặc nộp hồ sơ sau thời hạn.",
    );
    expect(p).toContain(
      "3. Về hồ sơ đề nghị công nhận: 44 đơn vị đã nộp hồ sơ tự đánh giá; 9 đơn vị được cơ quan thẩm định trả lại để bổ sung hồ sơ ít nhất một lần.",
    );
    expect(p).toContain(
      '4. Kết quả công nhận: 3/55 (5,5%) đơn vị được công nhận đạt tiêu chuẩn "An toàn về an ninh, trật tự"; 2 đơn vị không được công nhận; 1 đơn vị bị thu hồi công nhận.',
    );
    expect(p).toContain(
      "5. Đối với xã, phường: 2/3 (66,7%) xã, phường có 100% khu dân cư, cơ quan, doanh nghiệp, cơ sở giáo dục thuộc diện đăng ký và từ 70% trở lên được công nhận (tiêu chí XA-4).",
    );
    expect(tableStarting(docx, "STT", "Chỉ tiêu")).toEqual([
      ["STT", "Chỉ tiêu", "Số đơn vị", "Tỷ lệ so với số thuộc diện"],
      ["1", "Đơn vị thuộc diện tham gia", "55", ""],
      ["2", "Đã đăng ký", "52", "94,5%"],
      ["3", "Đã nộp hồ sơ tự đánh giá", "44", "80%"],
      ["4", "Bị trả lại để bổ sung (ít nhất một lần)", "9", ""],
      ["5", "Được công nhận", "3", "5,5%"],
      ["6", "Không được công nhận", "2", "3,6%"],
      ["7", "Bị thu hồi công nhận", "1", ""],
      ["8", "Đăng ký hoặc nộp hồ sơ muộn", "7", ""],
      ["9", "Không thuộc diện", "2", ""],
    ]);
  });

  it("tables every commune with its figures, shares and XA-4 verdict", async () => {
    const table = tableStarting(await build(reportInput()), "STT", "Xã, phường");
    expect(table[0]).toEqual(["STT", "Xã, phường", "Đơn vị thuộc diện", "Đã đăng ký", "Đã công nhận", "Đạt tiêu chí XA-4"]);
    expect(table[1]).toEqual(["", "", "Khu dân cư", "Cơ quan", "Doanh nghiệp", "Cơ sở giáo dục", "Tổng số", "Số đơn vị", "Tỷ lệ", "Số đơn vị", "Tỷ lệ", ""]);
    expect(table.slice(2)).toEqual([
      ["1", "Xã Bát Xát", "23", "4", "2", "3", "32", "31", "96,9%", "19", "59,4%", "Chưa đạt"],
      ["2", "Phường Lào Cai", "6", "7", "5", "3", "21", "21", "100%", "17", "81%", "Đạt"],
      ["3", "Xã Y Tý", "0", "0", "0", "0", "0", "0", "—", "0", "—", "Đạt"],
    ]);
  });

  it("lists each recognised unit with its decision and each refused unit with its reason", async () => {
    const docx = await build(reportInput());
    expect(docx.paragraphs).toContain(
      'Năm 2026, có 3 đơn vị được công nhận đạt tiêu chuẩn "An toàn về an ninh, trật tự" (2 khu dân cư, 1 cơ sở giáo dục), cụ thể:',
    );
    expect(tableStarting(docx, "STT", "Tên đơn vị")).toEqual([
      ["STT", "Tên đơn vị", "Loại đơn vị", "Địa bàn (xã, phường)", "Quyết định công nhận"],
      ["1", "Tổ dân phố số 5", "Khu dân cư", "Phường Lào Cai", "15/QĐ-UBND"],
      ["2", "Trường THPT chuyên Lào Cai", "Cơ sở giáo dục", "Phường Lào Cai", "16/QĐ-UBND"],
      ["3", "Thôn Bản Vược", "Khu dân cư", "Xã Bát Xát", "7/QĐ-UBND"],
    ]);
    expect(docx.paragraphs).toContain("Có 2 đơn vị không được công nhận (1 cơ quan, 1 doanh nghiệp), cụ thể:");
    const refused = docx.tables.find((rows) => rows[0]?.[4] === "Lý do không được công nhận");
    expect(refused).toEqual([
      ["STT", "Tên đơn vị", "Loại đơn vị", "Địa bàn (xã, phường)", "Lý do không được công nhận"],
      ["1", "Công ty TNHH Dệt may Nghĩa Lộ", "Doanh nghiệp", "Phường Lào Cai", LONG_REASON],
      ["2", "Sở Tư pháp tỉnh Lào Cai", "Cơ quan", "Phường Lào Cai", "Người đứng đầu bị kỷ luật cảnh cáo trong năm."],
    ]);
  });

  it("ends with the closing line, Nơi nhận and the signer", async () => {
    const docx = await build(reportInput());
    const p = docx.paragraphs;
    expect(p).toContain(
      'Trên đây là báo cáo kết quả thực hiện phong trào xây dựng đơn vị đạt tiêu chuẩn "An toàn về an ninh, trật tự" năm 2026 của Công an tỉnh, kính báo cáo Ủy ban nhân dân tỉnh Lào Cai xem xét, chỉ đạo./.',
    );
    const start = p.indexOf("Nơi nhận:");
    expect(p.slice(start)).toEqual([
      "Nơi nhận:",
      "- Như trên;",
      "- Sở Nội vụ;",
      "- Đ/c Giám đốc Công an tỉnh (để b/c);",
      "- Lưu: VT, PV05.",
      "KT. GIÁM ĐỐC",
      "PHÓ GIÁM ĐỐC",
      "Nguyễn Văn Bình",
    ]);
  });

  it("leaves the number blank on a draft and takes another authority, addressee and reporter", async () => {
    const docx = await build(
      reportInput({
        number: undefined,
        authority: { parentName: "Bộ Công an", name: "Công an tỉnh Lào Cai" },
        reporter: "Công an tỉnh Lào Cai",
        addressee: "Ban Chỉ đạo 138 tỉnh Lào Cai",
        recipients: undefined,
        archive: undefined,
        signer: { fullName: "Trần Thị Hoa", position: "Giám đốc" },
      }),
    );
    const p = docx.paragraphs;
    expect(p.slice(0, 2)).toEqual(["BỘ CÔNG AN", "CÔNG AN TỈNH LÀO CAI"]);
    expect(p[4]).toMatch(/^Số:\s+\/BC-CAT$/u);
    expect(p).toContain("Kính gửi: Ban Chỉ đạo 138 tỉnh Lào Cai.");
    expect(p.some((text) => text.includes("của Công an tỉnh Lào Cai, kính báo cáo Ban Chỉ đạo 138 tỉnh Lào Cai xem xét"))).toBe(true);
    expect(p.slice(p.indexOf("Nơi nhận:"))).toEqual(["Nơi nhận:", "- Như trên;", "- Lưu: VT.", "GIÁM ĐỐC", "Trần Thị Hoa"]);
  });

  it("says what the figures are limited to when the dashboard was filtered", async () => {
    const data = reportData({ filters: { year: 2026, communeId: "c-lao-cai", kind: "DN", sector: "PRIVATE_ENTERPRISE" } });
    const p = (await build(reportInput({ data }))).paragraphs;
    expect(p).toContain(
      "Số liệu tổng hợp từ hệ thống quản lý phong trào lúc 14:30 18/11/2026, giới hạn ở địa bàn: Phường Lào Cai; loại đơn vị: doanh nghiệp; lĩnh vực: doanh nghiệp ngoài nhà nước.",
    );
    expect(p).toContain('Kết quả thực hiện phong trào xây dựng doanh nghiệp đạt tiêu chuẩn "An toàn về an ninh, trật tự" năm 2026');
  });

  it("builds with no commune and no unit, saying so", async () => {
    const base = dashboardFixture({ communes: [], incidents: [] });
    const data = { ...base, headline: { ...base.headline, recognised: 0, notRecognised: 0 } };
    const docx = await build(reportInput({ data, recognised: [], notRecognised: [] }));
    const p = docx.paragraphs;
    expect(p).toContain("5. Đối với xã, phường: không có số liệu xã, phường trong phạm vi báo cáo.");
    expect(p).toContain("Không có số liệu xã, phường trong phạm vi báo cáo.");
    expect(p).toContain('Năm 2026, không có đơn vị nào được công nhận đạt tiêu chuẩn "An toàn về an ninh, trật tự".');
    expect(p).toContain("Không có đơn vị nào bị từ chối công nhận.");
    expect(docx.tables).toHaveLength(3); // header, section I's figures, Nơi nhận + signature
  });

  it("keeps Vietnamese typed with a decomposed input method composed", async () => {
    const decomposed = "Thôn Bản Vược".normalize("NFD");
    const input = reportInput();
    input.recognised = [{ ...RECOGNISED[0], name: `${decomposed}\u0007` }, RECOGNISED[1], RECOGNISED[2]];
    const table = tableStarting(await build(input), "STT", "Tên đơn vị");
    expect(table[1]?.[1]).toBe("Thôn Bản Vược");
  });

  it("builds a 100-commune, 3,000-unit province", async () => {
    const { data, recognised, notRecognised } = largeProvince(100, 3000);
    expect(recognised.length + notRecognised.length).toBeGreaterThan(2000);
    const docx = await build(reportInput({ data, recognised, notRecognised }));
    const communes = tableStarting(docx, "STT", "Xã, phường");
    expect(communes).toHaveLength(2 + 100);
    expect(communes[101]?.[1]).toBe(data.communes[99]?.name);
    expect(communes[101]?.[6]).toBe(String(data.communes[99]?.eligible));
    expect(tableStarting(docx, "STT", "Tên đơn vị")).toHaveLength(1 + recognised.length);
    const refused = docx.tables.find((rows) => rows[0]?.[4] === "Lý do không được công nhận");
    expect(refused).toHaveLength(1 + notRecognised.length);
    expect(refused?.at(-1)?.[4]).toBe(notRecognised.at(-1)?.reason);
  }, 60_000); // functional, not timed: a slow CI machine must not fail it

  it("refuses lists that disagree with the figures, in Vietnamese", async () => {
    const error = await zodErrorOf(buildYearEndReportDocx(reportInput({ recognised: [RECOGNISED[0]], notRecognised: [] })));
    expect(messagesOf(error)).toEqual({
      recognised: "Danh sách đơn vị được công nhận có 1 đơn vị, khác số liệu tổng hợp (3 đơn vị).",
      notRecognised: "Danh sách đơn vị không được công nhận có 0 đơn vị, khác số liệu tổng hợp (2 đơn vị).",
    });
  });

  it("refuses malformed fields with Vietnamese messages", async () => {
    const input = reportInput({
      issuedOn: "2026-02-30",
      place: "  ",
      number: "BC-CAT",
      signer: { fullName: "", position: "Giám đốc" },
      recognised: [
        { name: "Tổ dân phố số 5", kind: "XYZ" as "KDC", commune: "Phường Lào Cai", decisionNumber: "15/QĐ-UBND" },
        { name: "Trường THPT chuyên Lào Cai", kind: "CSGD", commune: "Phường Lào Cai", decisionNumber: "quyết định 16" },
        RECOGNISED[2],
      ],
      notRecognised: [NOT_RECOGNISED[0], { ...NOT_RECOGNISED[1], reason: " " }],
    });
    expect(messagesOf(await zodErrorOf(buildYearEndReportDocx(input)))).toEqual({
      issuedOn: "Ngày không hợp lệ: cần định dạng yyyy-mm-dd và là ngày có thật (ví dụ 2026-11-20).",
      place: "Địa danh: không được để trống.",
      number: "Số văn bản: phải có dạng số/ký hiệu, ví dụ 15/QĐ-UBND.",
      "signer.fullName": "Họ và tên người ký: không được để trống.",
      "recognised.0.kind": "Loại đơn vị: phải là KDC, XA, CQ, DN hoặc CSGD.",
      "recognised.1.decisionNumber": "Số văn bản: phải có dạng số/ký hiệu, ví dụ 15/QĐ-UBND.",
      "notRecognised.1.reason": "Lý do không được công nhận: không được để trống.",
    });
  });

  it("refuses a signing date outside the year and bad figures, in Vietnamese", async () => {
    const late = await zodErrorOf(buildYearEndReportDocx(reportInput({ issuedOn: "2028-01-05" })));
    expect(messagesOf(late)).toEqual({ issuedOn: "Ngày ký báo cáo: phải thuộc năm 2026 hoặc đầu năm 2027." });

    const data = reportData();
    const bad = { ...data, headline: { ...data.headline, late: 1.5 } };
    const figures = await zodErrorOf(buildYearEndReportDocx(reportInput({ data: bad })));
    expect(messagesOf(figures)).toEqual({ "data.headline.late": "Số đơn vị muộn hạn: phải là số nguyên." });

    const missing = await zodErrorOf(buildYearEndReportDocx({ ...reportInput(), signer: undefined } as unknown as YearEndReportInput));
    expect(messagesOf(missing)).toEqual({ signer: "Người ký: thiếu thông tin." });
  });

  it("names the file in ASCII", () => {
    expect(yearEndReportFileName(2026)).toBe("Bao-cao-ANTT-2026.docx");
    expect(yearEndReportFileName(2026, "125/BC-CAT")).toBe("Bao-cao-125-BC-CAT.docx");
  });
});
