import { describe, expect, it } from "vitest";
import { buildAwardDecisionDocx, buildSubmissionDocx, type SubmissionDocInput } from "./commendation-documents";
import { openDocx, SPECIAL_NAME } from "./docx-test-helpers";

const submission = (over: Partial<SubmissionDocInput> = {}): SubmissionDocInput => ({
  year: 2026,
  awardLabel: "Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh",
  sender: { parentName: "Bộ Công an", name: "Công an tỉnh Lào Cai" },
  senderShort: "Công an tỉnh",
  number: null,
  date: null,
  place: "Lào Cai",
  addressee: "Ủy ban nhân dân tỉnh Lào Cai",
  nominees: [
    { name: "Phường Cam Đường", collective: true, achievement: "Dẫn đầu phong trào.", record: ['Đạt tiêu chuẩn "An toàn về an ninh, trật tự": 2025–2026'] },
    { name: SPECIAL_NAME, collective: true, achievement: "Hai dòng\nthành tích", record: [] },
  ],
  signer: null,
  signerPosition: "Giám đốc",
  ...over,
});

describe("commendation documents (NĐ 30 layout)", () => {
  it("a draft tờ trình leaves the number and date to be written, and lists the nominees with their records", async () => {
    const doc = await openDocx(await buildSubmissionDocx(submission()));
    expect(doc.paragraphs.slice(0, 2)).toEqual(["BỘ CÔNG AN", "CÔNG AN TỈNH LÀO CAI"]);
    expect(doc.paragraphs).toContain("Số:         /TTr-CAT");
    expect(doc.paragraphs).toContain("Lào Cai, ngày      tháng      năm 2026");
    expect(doc.paragraphs).toContain("Kính gửi: Ủy ban nhân dân tỉnh Lào Cai.");
    expect(doc.paragraphs).toContain("GIÁM ĐỐC");
    const table = doc.tables.find((t) => t[0]?.[0] === "STT")!;
    expect(table.slice(1)).toEqual([
      ["1", "Phường Cam Đường", "Dẫn đầu phong trào.", '- Đạt tiêu chuẩn "An toàn về an ninh, trật tự": 2025–2026'],
      ["2", SPECIAL_NAME, "Hai dòng\nthành tích", "—"],
    ]);
  });

  it("an issued tờ trình carries its number and date", async () => {
    const doc = await openDocx(await buildSubmissionDocx(submission({ number: "15/TTr-CAT", date: "2026-11-26" })));
    expect(doc.paragraphs).toContain("Số: 15/TTr-CAT");
    expect(doc.paragraphs).toContain("Lào Cai, ngày 26 tháng 11 năm 2026");
  });

  it("the decision cites the tờ trình, is signed on behalf of the chairman, and has its annex", async () => {
    const doc = await openDocx(
      await buildAwardDecisionDocx({
        year: 2026,
        awardLabel: "Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh",
        authority: { parentName: undefined, name: "Ủy ban nhân dân\ntỉnh Lào Cai" },
        issuer: "Chủ tịch Ủy ban nhân dân tỉnh Lào Cai",
        number: "20/QĐ-UBND",
        issuedOn: "2026-12-05",
        place: "Lào Cai",
        proposedBy: "Giám đốc Công an tỉnh",
        submission: { number: "15/TTr-CAT", date: "2026-11-26" },
        nominees: [{ name: "Phường Cam Đường", collective: true, achievement: "Dẫn đầu phong trào." }, { name: "Nguyễn Thị Hoa, Công an viên, Phường Cam Đường", collective: false, achievement: "Tích cực." }],
        signer: { fullName: "Hoàng Quốc Khánh", position: "Phó Chủ tịch", actingFor: { kind: "KT", of: "Chủ tịch" } },
      }),
    );
    expect(doc.paragraphs).toContain("Số: 20/QĐ-UBND");
    expect(doc.paragraphs).toContain("CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH LÀO CAI");
    expect(doc.paragraphs).toContain("Theo đề nghị của Giám đốc Công an tỉnh tại Tờ trình số 15/TTr-CAT ngày 26/11/2026.");
    expect(doc.paragraphs.some((p) => p.startsWith("Điều 1. Tặng Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh cho 1 tập thể và 1 cá nhân"))).toBe(true);
    expect(doc.paragraphs).toContain("(Kèm theo Quyết định số 20/QĐ-UBND ngày 05/12/2026 của Chủ tịch Ủy ban nhân dân tỉnh Lào Cai)");
    expect(doc.paragraphs).toEqual(expect.arrayContaining(["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Hoàng Quốc Khánh"]));
  });
});
