/**
 * The movement's yearly evaluation (issue 14 §2) in the browser, for a commune and an agency of
 * the demo province: the officer opens the movement page and finds lines pre-filled from the
 * product's data, completes and submits; the provincial reviewer returns one line; the officer
 * corrects it and submits again; the reviewer classifies; the officer sees the class.
 */
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { answerConfirm, signIn, signOut, unitId } from "./helpers";
import { stableId } from "../../prisma/seed/demo-province";

test.describe.configure({ mode: "serial" });

const YEAR = 2026;

const PDF = Buffer.from("%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n");

async function completeAndSubmit(page: Page) {
  const form = page.getByTestId("self-score-form");
  // Evidence on the first line, in the evidence storage with the dossier's rules.
  const first = form.locator("li[data-testid^='line-']").first();
  const firstCode = (await first.getAttribute("data-testid"))!.replace("line-", "");
  await first.getByLabel(`Minh chứng ${firstCode}`).setInputFiles({ name: "Kế hoạch năm 2026.pdf", mimeType: "application/pdf", buffer: PDF });
  await expect(first.getByRole("status")).toHaveText("Đã tải lên minh chứng.");
  await expect(first.getByTestId("evidence-files").getByRole("link", { name: "Kế hoạch năm 2026.pdf" })).toBeVisible();
  // A wrong file is taken off again.
  await first.getByLabel(`Minh chứng ${firstCode}`).setInputFiles({ name: "nham.pdf", mimeType: "application/pdf", buffer: PDF });
  await expect(first.getByTestId("evidence-files").getByRole("link", { name: "nham.pdf" })).toBeVisible();
  await first.getByRole("button", { name: "Gỡ tệp nham.pdf" }).click();
  await answerConfirm(page, "Gỡ tệp minh chứng?", "Gỡ tệp");
  await expect(page.getByTestId("notice")).toContainText("Đã gỡ tệp minh chứng.");
  await expect(first.getByTestId("evidence-files").getByRole("link")).toHaveText(["Kế hoạch năm 2026.pdf"]);
  for (const line of await form.locator("li[data-testid^='line-']").all()) {
    const code = (await line.getAttribute("data-testid"))!.replace("line-", "");
    const input = line.getByLabel(`Điểm tự chấm ${code}`);
    if ((await input.inputValue()) !== "") continue;
    const max = /tối đa ([\d,]+) điểm/.exec((await line.getByRole("heading").textContent())!)![1]!;
    await input.fill(max);
    await line.getByLabel(`Giải trình ${code}`).fill(`Đơn vị đã thực hiện đầy đủ nội dung tiêu chí ${code}.`);
  }
  await expect(page.getByTestId("running-total")).toContainText("Tổng điểm tự chấm");
  await page.getByRole("button", { name: "Gửi kết quả tự chấm" }).click();
  await answerConfirm(page, "Gửi kết quả tự chấm để thẩm định?", "Gửi kết quả");
  await expect(page.getByTestId("notice")).toContainText("Đã gửi kết quả tự chấm");
  await expect(page.getByTestId("evaluation-facts")).toContainText("Chờ thẩm định");
}

async function openReview(page: Page, unitName: string) {
  await signIn(page, "thamdinh.tinh");
  await page.getByRole("link", { name: "Chấm điểm phong trào" }).first().click();
  await expect(page.getByRole("heading", { name: "Chấm điểm phong trào" })).toBeVisible();
  await page.getByTestId("movement-queue").getByRole("link", { name: unitName }).click();
  await expect(page.getByRole("heading", { name: `Thẩm định điểm phong trào: ${unitName}` })).toBeVisible();
}

async function runYear(page: Page, officer: string, id: string, unitName: string) {
  const movementPage = `/units/${id}/movement?year=${YEAR}`;

  // ── The officer opens the year's evaluation: lines the product knows are pre-filled, with their reason.
  await signIn(page, officer);
  await page.goto(`/units/${id}`);
  await page.getByRole("link", { name: `Phong trào năm ${YEAR}`, exact: true }).click();
  await expect(page.getByRole("heading", { name: `Phong trào “Toàn dân bảo vệ an ninh Tổ quốc” năm ${YEAR}` })).toBeVisible();
  await page.getByRole("button", { name: "Mở phiếu tự chấm điểm" }).click();
  const form = page.getByTestId("self-score-form");
  await expect(form).toBeVisible();
  const known = form.getByTestId("suggestion").filter({ hasText: "Gợi ý từ dữ liệu" });
  await expect(known.first()).toBeVisible();
  // A line with a known suggestion starts at that score.
  const firstKnown = form.locator("li[data-testid^='line-']").filter({ has: page.getByText("Gợi ý từ dữ liệu") }).first();
  const suggested = /Gợi ý từ dữ liệu: ([\d,]+) điểm/.exec((await firstKnown.getByTestId("suggestion").textContent())!)![1]!;
  await expect(firstKnown.getByRole("textbox").first()).toHaveValue(suggested);
  await completeAndSubmit(page);
  await signOut(page);

  // ── The reviewer returns the last line.
  await openReview(page, unitName);
  const review = page.getByTestId("review-form");
  const lastLine = review.locator("li[data-testid^='line-']").last();
  const code = (await lastLine.getAttribute("data-testid"))!.replace("line-", "");
  await lastLine.getByLabel(`Nhận xét ${code}`).fill("Chưa có báo cáo sơ kết kèm theo, đề nghị chấm lại.");
  await lastLine.getByLabel(`Yêu cầu đơn vị chấm lại tiêu chí ${code}`).check();
  await page.getByRole("button", { name: "Trả lại", exact: true }).click();
  await answerConfirm(page, "Trả lại phiếu chấm điểm?", "Trả lại phiếu");
  await expect(page.getByTestId("notice")).toContainText("Đã trả lại phiếu chấm điểm cho đơn vị.");
  await signOut(page);

  // ── The officer sees the flagged line and the comment, corrects only it, and submits again.
  await signIn(page, officer);
  await page.goto(movementPage);
  await expect(page.getByTestId("return-notice")).toContainText(`Tiêu chí cần chấm lại: ${code}.`);
  const flagged = page.getByTestId(`line-${code}`);
  await expect(flagged.getByTestId("flag")).toContainText("Chưa có báo cáo sơ kết kèm theo");
  // The other lines are read-only after a return.
  await expect(page.getByTestId("self-score-form").getByRole("textbox")).toHaveCount(2);
  await flagged.getByLabel(`Giải trình ${code}`).fill("Đã bổ sung báo cáo sơ kết 6 tháng.");
  await page.getByRole("button", { name: "Gửi lại kết quả" }).click();
  await answerConfirm(page, "Gửi lại kết quả tự chấm?", "Gửi lại");
  await expect(page.getByTestId("notice")).toContainText("Đã gửi kết quả tự chấm");
  await signOut(page);

  // ── The reviewer classifies.
  await openReview(page, unitName);
  await page.getByRole("button", { name: "Xếp loại", exact: true }).click();
  await answerConfirm(page, "Chốt điểm và xếp loại?", "Xếp loại");
  await expect(page.getByTestId("notice")).toContainText(/Đã xếp loại|Đã chốt kết quả/);
  const classText = (await page.getByTestId("movement-class").textContent())!.trim();
  await signOut(page);

  // ── The officer sees the class.
  await signIn(page, officer);
  await page.goto(movementPage);
  await expect(page.getByTestId("movement-class")).toHaveText(classText);
  await expect(page.getByTestId("evaluation-facts")).toContainText("Đã xếp loại");
}

test("a commune's year of the movement: pre-filled, returned once, classified", async ({ page }) => {
  test.setTimeout(240_000);
  await runYear(page, "canbo.phuonglaocai", stableId("unit:XA:LCI-P01"), "Phường Lào Cai");
});

test("an agency's year of the movement: pre-filled, returned once, classified", async ({ page }) => {
  test.setTimeout(240_000);
  await runYear(page, "canbo.sotuphap", unitId("CQ-STP"), "Sở Tư pháp tỉnh Lào Cai");
});

test.describe("on a phone @phone", () => {
  test.use({ viewport: { width: 390, height: 844 } });
  test("the movement page and the reviewers' queue fit the screen @phone", async ({ page }) => {
    const fits = async () => {
      const { scrollWidth, clientWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, clientWidth: document.documentElement.clientWidth }));
      expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
    };
    await signIn(page, "canbo.sotuphap");
    await page.goto(`/units/${unitId("CQ-STP")}/movement?year=${YEAR}`);
    await expect(page.getByRole("heading", { name: `Phong trào “Toàn dân bảo vệ an ninh Tổ quốc” năm ${YEAR}` })).toBeVisible();
    await fits();
    // The phone's menu hides "Đăng xuất": a new session is enough here.
    await page.context().clearCookies();
    await signIn(page, "thamdinh.tinh");
    await page.goto(`/movement/review?year=${YEAR}&state=ALL`);
    await expect(page.getByRole("heading", { name: "Chấm điểm phong trào" })).toBeVisible();
    await fits();
  });
});
