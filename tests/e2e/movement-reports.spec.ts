/**
 * Plan 195/KH-UBND reports (issue 14 §4): a unit's officer writes and sends its yearly report; the
 * provincial reviewer finds it on the tracking page, builds the province's report to UBND tỉnh and
 * downloads it as .docx and .xlsx, whose figures count the report just sent.
 */
import { readFileSync } from "node:fs";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { expect, test } from "./fixtures";
import { DEMO_YEAR } from "../../prisma/seed/demo-data";
import { answerConfirm, signIn, signOut, unitId } from "./helpers";

const YEAR = DEMO_YEAR;
const UNIT = unitId("CQ-STP");

test("a unit submits its report; the provincial police track it and build the province's report", async ({ page }) => {
  await signIn(page, "canbo.sotuphap");
  await page.goto(`/units/${UNIT}`);
  await page.getByRole("link", { name: `Báo cáo phong trào năm ${YEAR}` }).click();
  await expect(page.getByRole("heading", { name: `Báo cáo phong trào năm ${YEAR}`, level: 1 })).toBeVisible();
  const form = page.getByRole("form", { name: `Báo cáo phong trào năm ${YEAR}` });
  // Sending without the results: the message sits under the field, what was typed stays.
  await form.getByLabel("Số buổi tuyên truyền, phát động").fill("12");
  await form.getByRole("button", { name: "Gửi báo cáo" }).click();
  await answerConfirm(page, `Gửi báo cáo năm ${YEAR} cho Công an tỉnh?`, "Gửi báo cáo");
  await expect(form.locator("#report-results-error")).toHaveText("Vui lòng nêu kết quả đạt được trước khi gửi báo cáo.");
  await expect(form.getByLabel("Số buổi tuyên truyền, phát động")).toHaveValue("12");
  await form.getByLabel("Kết quả đạt được").fill("Tổ chức 12 buổi tuyên truyền pháp luật về an ninh, trật tự cho cán bộ, công chức.");
  await form.getByLabel("Số mô hình đang duy trì").fill("2");
  await form.getByRole("button", { name: "Gửi báo cáo" }).click();
  await answerConfirm(page, `Gửi báo cáo năm ${YEAR} cho Công an tỉnh?`, "Gửi báo cáo");
  await expect(page.getByTestId("report-state")).toContainText("Đã gửi");
  // Read-only once sent.
  await expect(page.getByRole("button", { name: "Gửi báo cáo" })).toHaveCount(0);
  await expect(page.getByText("Tổ chức 12 buổi tuyên truyền pháp luật")).toBeVisible();
  await signOut(page);

  await signIn(page, "thamdinh.tinh");
  await page.getByRole("navigation", { name: "Điều hướng chính" }).last().getByRole("link", { name: "Báo cáo phong trào" }).click();
  await expect(page.getByRole("heading", { name: "Báo cáo phong trào", level: 1 })).toBeVisible();
  await page.getByLabel("Tình trạng").selectOption({ label: "Gửi muộn" });
  await page.getByRole("button", { name: "Lọc" }).click();
  // After 15/11 the report is late.
  const rows = page.getByTestId("tracking-units");
  await expect(rows.getByRole("link", { name: "Sở Tư pháp tỉnh Lào Cai" })).toBeVisible();
  await expect(rows.getByText("Gửi muộn")).toHaveCount(1);

  await page.getByRole("link", { name: "Báo cáo của tỉnh" }).click();
  await expect(page.getByRole("heading", { name: `Báo cáo phong trào của tỉnh năm ${YEAR}`, level: 1 })).toBeVisible();
  const agencyRow = page.getByTestId("figures-reports").getByRole("row", { name: /Cơ quan, tổ chức, doanh nghiệp/ });
  await expect(agencyRow).toContainText("1");
  await page.getByRole("button", { name: "Lập báo cáo gửi UBND tỉnh" }).click();
  await expect(page.getByTestId("province-builds").getByRole("row")).toHaveCount(2);

  const docxDownload = page.waitForEvent("download");
  await page.getByTestId("download-docx").click();
  const docx = await docxDownload;
  expect(docx.suggestedFilename()).toBe(`Báo cáo phong trào năm ${YEAR}.docx`);
  const xml = await (await JSZip.loadAsync(readFileSync((await docx.path())!))).file("word/document.xml")!.async("string");
  expect(xml).toContain("I. TÌNH HÌNH THAM GIA VÀ BÁO CÁO CỦA CÁC CƠ QUAN, ĐƠN VỊ, ĐỊA PHƯƠNG");
  expect(xml).toContain("Kính gửi: Ủy ban nhân dân tỉnh Lào Cai.");

  const xlsxDownload = page.waitForEvent("download");
  await page.getByTestId("download-xlsx").click();
  const xlsx = await xlsxDownload;
  expect(xlsx.suggestedFilename()).toBe(`Báo cáo phong trào năm ${YEAR}.xlsx`);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile((await xlsx.path())!);
  const sheet = wb.getWorksheet("Báo cáo")!;
  const agency = (sheet.getSheetValues() as unknown[][]).find((r) => String(r?.[1] ?? "").startsWith("Cơ quan, tổ chức, doanh nghiệp"))!;
  // Đã báo cáo 1 (the report just sent), late 1.
  expect(agency[3]).toBe(1);
  expect(agency[5]).toBe(1);
});

test("leaders read the movement dashboard and the five-year summary; a unit officer may not", async ({ page }) => {
  await signIn(page, "lanhdao");
  await page.goto(`/dashboard?year=${YEAR}`);
  await page.getByRole("link", { name: "Phong trào Toàn dân bảo vệ ANTQ →" }).click();
  await expect(page.getByRole("heading", { name: `Phong trào Toàn dân bảo vệ ANTQ năm ${YEAR}`, level: 1 })).toBeVisible();
  await expect(page.getByTestId("movement-groups").getByRole("row")).toHaveCount(6);
  await expect(page.getByTestId("movement-communes")).toBeVisible();
  await expect(page.getByTestId("movement-awards")).toContainText("chưa có quyết định khen thưởng");
  await expect(page.getByTestId("movement-trend")).toContainText(String(YEAR));
  // The leader reads the province's report but does not build it.
  await page.goto(`/movement/reports/province?year=${YEAR}`);
  await expect(page.getByRole("heading", { name: `Báo cáo phong trào của tỉnh năm ${YEAR}`, level: 1 })).toBeVisible();
  await expect(page.getByRole("button", { name: "Lập báo cáo gửi UBND tỉnh" })).toHaveCount(0);
  await page.goto("/movement/reports/summary");
  await expect(page.getByRole("heading", { name: "Tổng hợp phong trào 2026–2030", level: 1 })).toBeVisible();
  const downloading = page.waitForEvent("download");
  await page.getByTestId("summary-xlsx").click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe("Tổng hợp phong trào 2026–2030.xlsx");
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile((await download.path())!);
  // Five groups × five years under the title and header rows.
  expect(wb.getWorksheet("Tổng hợp 5 năm")!.rowCount).toBe(2 + 25);
  await signOut(page);

  await signIn(page, "canbo.sotuphap");
  const response = await page.goto("/movement/reports");
  expect(response?.status()).toBe(403);
  const dashboard = await page.goto("/dashboard/movement");
  expect(dashboard?.status()).toBe(403);
});
