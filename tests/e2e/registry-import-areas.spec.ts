/**
 * Issue 10 §3, communes: from the communes list an administrator downloads the template, fills it
 * with mistakes, sees every problem in Vietnamese by row and column, uploads the corrected file,
 * commits, and finds the new communes in the list; the same file again changes nothing.
 */
import ExcelJS from "exceljs";
import { readFile } from "node:fs/promises";
import { test, expect } from "./fixtures";
import { signIn } from "./helpers";
import { COMMUNE_HEADERS, COMMUNE_SHEET_NAME } from "../../lib/registry/import/area-columns";

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const suffix = Date.now().toString(36).toUpperCase();

async function fill(template: Buffer, rows: string[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(template as unknown as ArrayBuffer);
  const sheet = wb.getWorksheet(COMMUNE_SHEET_NAME)!;
  rows.forEach((r, i) => (sheet.getRow(i + 2).values = r));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

test("an administrator imports communes: template from the list, problems in Vietnamese, fix, commit, listed", async ({ page }) => {
  await signIn(page, "admin");
  await page.goto("/admin/registry/communes");
  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: "Tải mẫu" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe("Mẫu nhập xã, phường.xlsx");
  const template = await readFile((await download.path())!);
  const check = new ExcelJS.Workbook();
  await check.xlsx.load(template as unknown as ArrayBuffer);
  expect((check.getWorksheet(COMMUNE_SHEET_NAME)!.getRow(1).values as unknown[]).slice(1)).toEqual(COMMUNE_HEADERS);
  expect(check.getWorksheet("Hướng dẫn")).toBeDefined();

  await page.getByRole("link", { name: "Nhập từ tệp" }).click();
  await expect(page.getByRole("heading", { name: "Nhập danh sách xã, phường, đặc khu" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Xã, phường", exact: true })).toHaveAttribute("aria-current", "page");

  const code1 = `E2E-${suffix}-1`;
  const code2 = `E2E-${suffix}-2`;
  const name1 = `Xã Thử Nghiệm ${suffix}`;
  const name2 = `Phường Thử Nghiệm ${suffix}`;
  // Row 3 repeats row 2's name without diacritics; row 4 has a kind not in the list.
  const bad = await fill(template, [[code1, name1, "Xã", ""], [code2, `xa thu nghiem ${suffix.toLowerCase()}`, "Xã", ""], [`E2E-${suffix}-3`, `Thị trấn ${suffix}`, "Thị trấn", ""]]);
  const input = page.getByLabel("Tệp danh sách xã, phường (.xlsx hoặc .csv, tối đa 50 MB)");
  await input.setInputFiles({ name: "xa-phuong-loi.xlsx", mimeType: XLSX, buffer: bad });
  await page.getByRole("button", { name: "Xem trước" }).click();
  const problems = page.getByTestId("import-problems");
  await expect(problems).toContainText(`trùng với dòng 2 trong tỉnh (không phân biệt chữ hoa, chữ thường và dấu).`);
  await expect(problems).toContainText("Giá trị “Thị trấn” không có trong danh sách cho phép (Xã; Phường; Đặc khu).");
  await expect(page.getByTestId("stat-Lỗi")).toHaveText("2");
  await expect(page.getByRole("button", { name: "Ghi dữ liệu" })).toHaveCount(0);

  const good = await fill(template, [[code1, name1, "Xã", ""], [code2, name2, "Phường", "Có"]]);
  await input.setInputFiles({ name: "xa-phuong.xlsx", mimeType: XLSX, buffer: good });
  await page.getByRole("button", { name: "Xem trước" }).click();
  await expect(page.getByTestId("stat-Thêm mới")).toHaveText("2");
  await expect(page.getByTestId("stat-Lỗi")).toHaveText("0");
  await page.getByRole("button", { name: "Ghi dữ liệu" }).click();
  await expect(page.getByTestId("import-result")).toHaveText("Đã ghi dữ liệu: thêm mới 2, cập nhật 0, giữ nguyên 0 xã, phường.");

  await page.getByRole("button", { name: "Xem trước" }).click();
  await expect(page.getByTestId("stat-Giữ nguyên")).toHaveText("2");
  await expect(page.getByText("Tệp không có thay đổi nào so với danh sách hiện có.")).toBeVisible();

  await page.goto(`/admin/registry/communes?q=${encodeURIComponent(`thu nghiem ${suffix}`)}`);
  await expect(page.getByTestId("registry-list")).toContainText(name1);
  await expect(page.getByTestId("registry-list")).toContainText(name2);
});

test("the authorities list offers its files to administrators only", async ({ page }) => {
  await signIn(page, "lanhdao");
  await page.goto("/admin/registry/authorities");
  await expect(page.getByRole("heading", { name: "Danh mục cơ quan quản lý" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Xuất danh sách" })).toHaveCount(0);
  expect((await page.request.get("/api/registry/authorities/export")).status()).toBe(403);
});
