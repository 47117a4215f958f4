/**
 * The yearly cycle with the demo data, as the people who use it would go through it:
 * officer registers, self-assesses with an uploaded file and submits → reviewer returns one
 * criterion with a comment and agrees the rest → officer fixes only that criterion and resubmits
 * → reviewer judges it (the rest carried over) and proposes → a decision is issued → its .docx opens and names the unit → the leader's home
 * counts one more recognised unit.
 */
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import JSZip from "jszip";
import { answerConfirm, signIn, signOut, unitId } from "./helpers";
import { zip as plainZip } from "../support/file-samples";

const UNIT = "Sở Tư pháp tỉnh Lào Cai";
const STP = unitId("CQ-STP");
const CRITERIA = ["CQDN-1", "CQDN-2", "CQDN-3", "CQDN-4", "CQDN-5"];
const PDF = Buffer.from("%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n");

test.describe.configure({ mode: "serial" });

async function recognisedCount(page: Page) {
  await signIn(page, "lanhdao");
  const value = Number((await page.getByTestId("stat-Đã công nhận").textContent())?.replace(/\D/g, ""));
  await signOut(page);
  return value;
}

async function answerCriterion(page: Page, id: string, explanation: string) {
  const section = page.getByTestId(`criterion-${id}`);
  const form = section.getByRole("form", { name: `Tự đánh giá tiêu chí ${id}` });
  for (const yes of await form.getByLabel("Có", { exact: true }).all()) await yes.check();
  await form.getByLabel("Giải trình (bắt buộc nếu không có tệp minh chứng)").fill(explanation);
  await form.getByRole("button", { name: "Lưu tiêu chí này" }).click();
  await expect(form.getByRole("status")).toHaveText("Đã lưu.");
}

test("the yearly cycle from registration to a recognition decision", async ({ page }) => {
  test.setTimeout(240_000);
  const recognisedBefore = await recognisedCount(page);

  // ── Officer: record the year's facts (the briefing of all staff feeds CQDN-1 d).
  await signIn(page, "canbo.sotuphap");
  await page.goto(`/units/${STP}`);
  await page.getByRole("link", { name: "Theo dõi số liệu năm 2026" }).click();
  await page.goto(`/units/${STP}/records/facts?year=2026`);
  const facts = page.getByRole("form", { name: "Số liệu năm 2026" });
  // Every other count (Lao động tiên tiến, cam kết…) must stay within the total: raise it by a few.
  const total = facts.getByLabel("Tổng số cán bộ, công chức, viên chức, người lao động");
  const staff = Number(await total.inputValue()) + 3;
  await total.fill(String(staff));
  await facts.getByLabel("Số đã được phổ biến nội quy, quy định và tiêu chí").fill(String(staff));
  await facts.getByRole("button", { name: "Lưu số liệu năm 2026" }).click();
  await expect(page.getByText("Đã lưu số liệu năm 2026.")).toBeVisible();

  // ── Register in quarter I with the documents and a stricter plan target.
  await page.goto("/");
  await page.getByRole("link", { name: "Hồ sơ năm 2026 →" }).click();
  await expect(page.getByRole("heading", { name: `Hồ sơ năm 2026: ${UNIT}` })).toBeVisible();
  const registration = page.getByRole("form", { name: "Đăng ký phấn đấu" });
  await registration.getByLabel("Số, ký hiệu nghị quyết").fill("05-NQ/ĐU");
  await registration.getByLabel("Ngày nghị quyết").fill("20/02/2026");
  await registration.getByLabel("Số, ký hiệu kế hoạch").fill("12/KH-STP");
  // A reference without its date is flagged next to the field, and nothing typed is lost.
  await registration.getByRole("button", { name: "Đăng ký phấn đấu" }).click();
  await expect(registration.getByText("Vui lòng nhập ngày kế hoạch.")).toBeVisible();
  await expect(registration.getByLabel("Số, ký hiệu nghị quyết")).toHaveValue("05-NQ/ĐU");
  await registration.getByLabel("Ngày kế hoạch").fill("25/02/2026");
  await registration.getByLabel("Số, ký hiệu bản đăng ký").fill("01/ĐK-STP");
  await registration.getByLabel("Ngày bản đăng ký").fill("01/03/2026");
  await registration.getByLabel("Ngày đăng ký").fill("05/03/2026");
  await registration.getByLabel("% phòng, ban đạt TTLĐTT/HTTNV").fill("90");
  await registration.getByRole("button", { name: "Đăng ký phấn đấu" }).click();
  await expect(page.getByTestId("registration")).toContainText("05/03/2026");
  await expect(page.getByText("Đã đăng ký", { exact: true })).toBeVisible();

  // ── Self-assessment with an uploaded file, then submit.
  await page.getByRole("button", { name: "Bắt đầu tự đánh giá" }).click();
  await page.getByRole("link", { name: "Tự đánh giá và nộp hồ sơ" }).click();
  await expect(page.getByRole("heading", { name: `Tự đánh giá năm 2026: ${UNIT}` })).toBeVisible();
  await expect(page.getByTestId("plan-targets")).toBeVisible();
  for (const id of CRITERIA) await answerCriterion(page, id, `Đơn vị đã thực hiện đầy đủ nội dung tiêu chí ${id}.`);
  const upload = page.getByRole("form", { name: "Tải minh chứng tiêu chí CQDN-1" });
  const fileInput = upload.locator('input[type="file"]');
  // Typed but not yet saved: a refused upload must not lose it.
  const unsaved = page.getByRole("form", { name: "Tự đánh giá tiêu chí CQDN-3" }).getByLabel("Giải trình (bắt buộc nếu không có tệp minh chứng)");
  await unsaved.fill("Đang soạn: bổ sung kết quả phối hợp tuần tra quý IV.");
  // Too big: refused in the browser next to the field, nothing is sent.
  await fileInput.setInputFiles({ name: "Ảnh chụp biên bản.pdf", mimeType: "application/pdf", buffer: Buffer.alloc(11 * 1024 * 1024, 0x25) });
  await expect(upload.getByRole("alert")).toHaveText("Tệp vượt quá 10 MB (11,0 MB); vui lòng chọn tệp nhỏ hơn.");
  await upload.getByRole("button", { name: "Tải lên" }).click();
  await expect(upload.getByRole("alert")).toHaveText("Tệp vượt quá 10 MB (11,0 MB); vui lòng chọn tệp nhỏ hơn.");
  await expect(unsaved).toHaveValue("Đang soạn: bổ sung kết quả phối hợp tuần tra quý IV.");
  // A zip renamed .docx passes the browser's check by name; the server refuses it by content.
  await fileInput.setInputFiles({ name: "Báo cáo.docx", mimeType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document", buffer: Buffer.from(plainZip()) });
  await expect(upload.getByRole("alert")).toBeHidden();
  const refused = page.waitForResponse((r) => r.url().includes("/evidence?") && r.request().method() === "POST");
  await upload.getByRole("button", { name: "Tải lên" }).click();
  expect((await refused).status()).toBe(422);
  await expect(upload.getByRole("alert")).toHaveText(/^Nội dung tệp không đúng với định dạng của tên tệp \(\.docx\)\. Chỉ nhận PDF, ảnh \(JPG, PNG\) hoặc Word \(DOC, DOCX\)/);
  await expect(unsaved).toHaveValue("Đang soạn: bổ sung kết quả phối hợp tuần tra quý IV.");
  await expect(page.getByTestId("criterion-CQDN-1").getByRole("link", { name: "Báo cáo.docx" })).toHaveCount(0);
  await unsaved.fill("Đơn vị đã thực hiện đầy đủ nội dung tiêu chí CQDN-3."); // back to what is saved
  await fileInput.setInputFiles({ name: "Kế hoạch ANTT 2026.pdf", mimeType: "application/pdf", buffer: PDF });
  await upload.getByRole("button", { name: "Tải lên" }).click();
  await expect(page.getByTestId("criterion-CQDN-1").getByRole("link", { name: "Kế hoạch ANTT 2026.pdf" })).toBeVisible();
  // Submitting asks first; backing out changes nothing.
  await page.getByRole("button", { name: "Nộp hồ sơ", exact: true }).click();
  await answerConfirm(page, "Nộp hồ sơ?", "Hủy");
  await expect(page.getByRole("button", { name: "Nộp hồ sơ", exact: true })).toBeEnabled();
  await page.getByRole("button", { name: "Nộp hồ sơ", exact: true }).click();
  await answerConfirm(page, "Nộp hồ sơ?", "Nộp hồ sơ");
  await expect(page.getByTestId("notice")).toContainText("Đã nộp hồ sơ.");
  await signOut(page);

  // ── Reviewer: return one criterion with a comment.
  await signIn(page, "thamdinh.tinh");
  await page.getByTestId("review-queue").getByRole("link", { name: UNIT }).click();
  await expect(page.getByRole("heading", { name: `Thẩm định: ${UNIT}` })).toBeVisible();
  const flag = page.getByRole("form", { name: "Thẩm định tiêu chí CQDN-2" });
  await flag.getByLabel("Yêu cầu bổ sung").check();
  await flag.getByLabel("Nhận xét").fill("Bổ sung báo cáo kết quả phối hợp với Công an năm 2026.");
  await flag.getByRole("button", { name: "Lưu nhận xét" }).click();
  await expect(flag.getByRole("status")).toHaveText("Đã lưu nhận xét.");
  // The other criteria agreed in one step: they carry over to the next round.
  await page.getByRole("button", { name: "Thống nhất các tiêu chí còn lại" }).click();
  await expect(page.getByTestId("notice")).toContainText("Đã thống nhất 4 tiêu chí còn lại.");
  await page.getByRole("button", { name: "Trả lại để bổ sung" }).click();
  await answerConfirm(page, `Trả lại hồ sơ của ${UNIT}?`, "Trả lại hồ sơ");
  await expect(page.getByTestId("notice")).toContainText(`Đã trả lại hồ sơ của ${UNIT} để bổ sung.`);
  await signOut(page);

  // ── Officer: sees the comment, may change only the flagged criterion, resubmits.
  await signIn(page, "canbo.sotuphap");
  await page.goto(`/units/${STP}/dossier?year=2026`);
  await page.getByRole("link", { name: "Tự đánh giá và nộp hồ sơ" }).click();
  await expect(page.getByTestId("review-comment-CQDN-2")).toContainText("Bổ sung báo cáo kết quả phối hợp với Công an năm 2026.");
  await expect(page.getByRole("form", { name: "Tự đánh giá tiêu chí CQDN-1" })).toHaveCount(0);
  await answerCriterion(page, "CQDN-2", "Đã bổ sung Báo cáo số 15/BC-STP về phối hợp với Công an tỉnh.");
  await page.getByRole("button", { name: "Nộp lại hồ sơ" }).click();
  await answerConfirm(page, "Nộp lại hồ sơ?", "Nộp lại hồ sơ");
  await expect(page.getByTestId("notice")).toContainText("Đã nộp hồ sơ.");
  await signOut(page);

  // ── Reviewer: sees what changed since the last round, accepts, proposes.
  await signIn(page, "thamdinh.tinh");
  await page.getByTestId("review-queue").getByRole("link", { name: UNIT }).click();
  await expect(page.getByTestId("round-diff")).toContainText("Giải trình: Đã bổ sung Báo cáo số 15/BC-STP");
  const accept = page.getByRole("form", { name: "Thẩm định tiêu chí CQDN-2" });
  await accept.getByLabel("Thống nhất").check();
  await accept.getByRole("button", { name: "Lưu nhận xét" }).click();
  await expect(accept.getByRole("status")).toHaveText("Đã lưu nhận xét.");
  await page.getByRole("button", { name: "Đề nghị công nhận" }).click();
  await answerConfirm(page, `Đề nghị công nhận ${UNIT}?`, "Đề nghị công nhận");
  await expect(page.getByTestId("notice")).toContainText(`Đã đề nghị công nhận ${UNIT}.`);

  // ── Decision: issued, downloaded, opened.
  await page.goto("/decisions/new?year=2026");
  await expect(page.getByText(UNIT)).toBeVisible();
  await page.getByRole("button", { name: "Ban hành quyết định" }).click();
  await answerConfirm(page, "Ban hành quyết định công nhận?", "Ban hành quyết định");
  await expect(page.getByRole("heading", { name: /Quyết định số \d{2,}\/QĐ-UBND/ })).toBeVisible();
  await expect(page.getByTestId("notice")).toContainText(/Đã ban hành Quyết định số \d{2,}\/QĐ-UBND\./);
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Tải quyết định (.docx)" }).click()]);
  const bytes = await (await download.createReadStream()).toArray();
  const zip = await JSZip.loadAsync(Buffer.concat(bytes));
  const xml = await zip.file("word/document.xml")!.async("string");
  expect(xml).toContain(UNIT);
  expect(xml).toContain("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
  await signOut(page);

  // ── Officer sees the recognition; the leader counts one more recognised unit.
  await signIn(page, "canbo.sotuphap");
  await page.goto(`/units/${STP}/dossier?year=2026`);
  await expect(page.getByTestId("decision")).toContainText("Công nhận theo Quyết định số");
  await expect(page.getByTestId("dossier-history")).toContainText("Trả lại để bổ sung");
  // The unit holds its own result: the decision (its part of the annex) and its certificate.
  await page.getByTestId("decision").getByRole("link", { name: "Xem quyết định" }).click();
  await expect(page.getByRole("heading", { name: /Quyết định số \d{2,}\/QĐ-UBND/ })).toBeVisible();
  await expect(page.getByTestId("decision-annex").locator("tbody tr")).toHaveCount(1);
  await expect(page.getByTestId("decision-annex")).toContainText(UNIT);
  await expect(page.getByRole("link", { name: "Danh sách quyết định" })).toHaveCount(0);
  const [certificate] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: `Giấy công nhận của ${UNIT} (.docx)` }).click()]);
  const certificateXml = await (await JSZip.loadAsync(Buffer.concat(await (await certificate.createReadStream()).toArray()))).file("word/document.xml")!.async("string");
  expect(certificateXml).toContain("GIẤY CÔNG NHẬN");
  const [extract] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Tải quyết định, trích phần đơn vị mình (.docx)" }).click()]);
  const extractXml = await (await JSZip.loadAsync(Buffer.concat(await (await extract.createReadStream()).toArray()))).file("word/document.xml")!.async("string");
  expect(extractXml).toContain("TRÍCH DANH SÁCH");
  expect(extractXml).toContain(UNIT);
  await signOut(page);
  expect(await recognisedCount(page)).toBe(recognisedBefore + 1);
});
