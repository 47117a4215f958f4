/**
 * Issue 11 §3 and §5 in the browser, on a seeded decision of last year (the ward's UBND recognising
 * its khu dân cư): the commune police corrects it (same number, version 2, both versions kept) →
 * the ward's officer downloads a certificate, the test reads its QR code as a phone would and
 * opens the address signed out: the unit, year, number, date and "còn hiệu lực" → the decision is
 * cancelled → the same address reads "đã bị hủy" and the units await a new decision.
 */
import type { Download, Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { answerConfirm, signIn, signOut } from "./helpers";
import { qrCodesInDocx } from "../../lib/documents/qr-test-helpers";

test.describe.configure({ mode: "serial" });

const bytesOf = async (download: Download) => Buffer.concat(await (await download.createReadStream()).toArray());

async function openWardDecision(page: Page) {
  await page.goto("/decisions?year=2025");
  const table = page.getByTestId("decisions-table");
  await expect(table).toContainText("Ủy ban nhân dân phường Lào Cai");
  await table.locator("tbody tr").filter({ hasText: "Ủy ban nhân dân phường Lào Cai" }).first().getByRole("link").click();
  await expect(page.getByRole("heading", { name: /Quyết định số \d{2,}\/QĐ-UBND/ })).toBeVisible();
}

test("a decision is corrected and cancelled; its certificate's QR code verifies it signed out", async ({ page }) => {
  test.setTimeout(180_000);

  // ── The commune police corrects the signer's name: same number, version 2.
  await signIn(page, "thamdinh.xa");
  await openWardDecision(page);
  const heading = (await page.getByRole("heading", { name: /Quyết định số/ }).textContent())!;
  const number = heading.replace("Quyết định số ", "").trim();
  const decisionUrl = page.url();
  // The correction form (a field per unit of the annex) has a page of its own.
  await page.getByRole("link", { name: "Đính chính quyết định" }).click();
  await expect(page).toHaveURL(`${decisionUrl}/correct`);
  const fix = page.getByRole("form", { name: "Đính chính quyết định" });
  await fix.getByLabel("Họ và tên người ký").fill("Nguyễn Thị Thu Hà");
  await fix.getByLabel("Nội dung đính chính").fill("Sửa họ tên người ký ghi nhầm.");
  await fix.getByRole("button", { name: "Đính chính quyết định" }).click();
  await answerConfirm(page, `Đính chính Quyết định số ${number}?`, "Đính chính quyết định");
  // Back on the decision's page, which says what was done (the notice belongs there, not on the
  // form's page it left: checked after the navigation, it cannot pass on a notice seen in passing).
  await expect(page).toHaveURL(decisionUrl);
  await expect(page.getByTestId("notice")).toContainText(`Đã đính chính Quyết định số ${number} (phiên bản 2).`);
  await expect(page.getByRole("heading", { name: `Quyết định số ${number}`, exact: true })).toBeVisible();
  await expect(page.getByTestId("decision-details")).toContainText("Nguyễn Thị Thu Hà");
  await expect(page.getByTestId("decision-details")).toContainText("Phiên bản 2 (đã đính chính 1 lần)");
  const versions = page.getByTestId("decision-versions");
  await expect(versions).toContainText("Phiên bản 1 (ban hành)");
  await expect(versions).toContainText("Phiên bản 2 (đính chính)");
  await expect(versions).toContainText("Sửa họ tên người ký ghi nhầm.");
  const [v1] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Tải phiên bản 1 của quyết định (.docx)" }).click()]);
  const [v2] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Tải phiên bản 2 của quyết định (.docx)" }).click()]);
  const text = async (d: Download) => (await import("jszip")).default.loadAsync(await bytesOf(d)).then((z) => z.file("word/document.xml")!.async("string"));
  expect(await text(v1)).not.toContain("Nguyễn Thị Thu Hà");
  expect(await text(v2)).toContain("Nguyễn Thị Thu Hà");
  expect(await text(v2)).toContain(number);
  await signOut(page);

  // ── The ward's officer downloads one of its certificates; the QR code is read from the .docx.
  await signIn(page, "canbo.phuonglaocai");
  await page.goto(decisionUrl);
  await expect(page.getByTestId("decision-versions")).toContainText("Phiên bản 2 (đính chính)");
  const firstRow = page.getByTestId("decision-annex").locator("tbody tr").first();
  const unitName = (await firstRow.locator("td").nth(1).textContent())!.trim();
  const [certificate] = await Promise.all([page.waitForEvent("download"), firstRow.getByRole("link", { name: `Giấy công nhận của ${unitName} (.docx)` }).click()]);
  const codes = await qrCodesInDocx(await bytesOf(certificate));
  expect(codes).toHaveLength(1);
  const address = new URL(codes[0]!);
  expect(address.pathname).toMatch(/^\/xac-minh\/[A-Za-z0-9_-]{43}$/);
  expect(address.origin).toBe(new URL(page.url()).origin);
  await signOut(page);

  // ── Signed out, the address shows the facts and nothing else.
  await page.goto(address.pathname);
  await expect(page).toHaveURL(address.pathname);
  await expect(page.getByRole("heading", { name: "Xác minh giấy công nhận" })).toBeVisible();
  const facts = page.getByTestId("verification");
  await expect(facts).toContainText(unitName);
  await expect(facts).toContainText("2025");
  await expect(facts).toContainText(number);
  await expect(page.getByTestId("verification-status")).toHaveText("Còn hiệu lực");
  await expect(page.getByText("Nguyễn Thị Thu Hà")).toHaveCount(0); // not even the signer
  await page.goto(`/xac-minh/${"x".repeat(43)}`);
  await expect(page.getByRole("heading", { name: "Không tìm thấy giấy công nhận" })).toBeVisible();

  // ── The decision is cancelled: the units go back to awaiting a decision.
  await signIn(page, "thamdinh.xa");
  await page.goto(decisionUrl);
  const cancel = page.getByRole("form", { name: "Hủy quyết định" });
  await cancel.getByLabel("Số, ký hiệu văn bản hủy quyết định").fill("05/QĐ-UBND");
  await cancel.getByLabel("Lý do hủy").fill("Ban hành nhầm danh sách khu dân cư.");
  await cancel.getByRole("button", { name: "Hủy quyết định" }).click();
  await answerConfirm(page, `Hủy Quyết định số ${number}?`, "Hủy quyết định");
  await expect(page.getByTestId("notice")).toContainText(new RegExp(`Đã hủy Quyết định số ${number}; \\d+ đơn vị trở lại chờ quyết định công nhận\\.`));
  await expect(page.getByTestId("decision-details")).toContainText("Đã hủy");
  await expect(page.getByTestId("decision-cancellation")).toContainText("05/QĐ-UBND");
  await expect(page.getByRole("form", { name: "Hủy quyết định" })).toHaveCount(0);
  await expect(page.getByTestId("decision-annex")).toContainText("Quyết định đã hủy");
  await signOut(page);

  await page.goto(address.pathname);
  await expect(page.getByTestId("verification-status")).toContainText("đã bị hủy");
  await expect(page.getByTestId("verification")).toContainText(number);
});
