/**
 * Issue 10 §3, units: an administrator downloads the template, fills it with mistakes, sees every
 * problem in Vietnamese by row and column, uploads the corrected file, commits, and sees the new
 * units counted; the same file again changes nothing.
 */
import ExcelJS from "exceljs";
import { test, expect } from "./fixtures";
import { signIn } from "./helpers";
import { UNIT_HEADERS } from "../../lib/registry/import/unit-columns";

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const suffix = Date.now().toString(36).toUpperCase();

async function fill(template: Buffer, rows: string[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(template as unknown as ArrayBuffer);
  const sheet = wb.getWorksheet("Đơn vị")!;
  rows.forEach((r, i) => (sheet.getRow(i + 2).values = r));
  return Buffer.from(await wb.xlsx.writeBuffer());
}
// Mã, Tên, Loại, Xã, Cơ quan, Lĩnh vực, Loại KDC, Cấp học, Lý do, Đảng, Bảo vệ, Địa chỉ, Theo dõi
const unit = (code: string, name: string, commune = "Phường Lào Cai", kind = "Khu dân cư") => [code, name, kind, commune, "UBND-TINH", "", "Tổ dân phố", "", "", "Có", "Không", "", "Có"];

test("an administrator imports units: template, problems in Vietnamese, fix, commit, counted", async ({ page }) => {
  await signIn(page, "admin");
  await page.getByRole("link", { name: "Nhập đơn vị" }).first().click();
  await expect(page.getByRole("heading", { name: "Nhập danh sách đơn vị" })).toBeVisible();

  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: "Tải tệp mẫu" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe("Mẫu nhập đơn vị.xlsx");
  const { readFile } = await import("node:fs/promises");
  const template = await readFile((await download.path())!);
  const check = new ExcelJS.Workbook();
  await check.xlsx.load(template as unknown as ArrayBuffer);
  expect((check.getWorksheet("Đơn vị")!.getRow(1).values as unknown[]).slice(1)).toEqual(UNIT_HEADERS);
  expect(check.getWorksheet("Hướng dẫn")).toBeDefined();

  const code1 = `E2E-${suffix}-1`;
  const code2 = `E2E-${suffix}-2`;
  const bad = await fill(template, [unit(code1, "Tổ dân phố Kiểm Thử", "Xã Không Tồn Tại"), unit(code1, "Tổ dân phố Thứ Hai"), unit(code2, "Tổ dân phố Thứ Ba", "Phường Lào Cai", "Bệnh viện")]);
  const input = page.getByLabel("Tệp danh sách đơn vị (.xlsx hoặc .csv, tối đa 50 MB)");
  await input.setInputFiles({ name: "don-vi-loi.xlsx", mimeType: XLSX, buffer: bad });
  await page.getByRole("button", { name: "Xem trước" }).click();
  const problems = page.getByTestId("import-problems");
  await expect(problems).toContainText("Không tìm thấy xã, phường “Xã Không Tồn Tại” (theo mã hoặc tên).");
  await expect(problems).toContainText(`Mã đơn vị “${code1}” trùng với dòng 2.`);
  await expect(problems).toContainText("Giá trị “Bệnh viện” không có trong danh sách cho phép");
  await expect(page.getByTestId("stat-Lỗi")).toHaveText("3");
  await expect(page.getByRole("button", { name: "Ghi dữ liệu" })).toHaveCount(0);

  const good = await fill(template, [unit(code1, "Tổ dân phố Kiểm Thử"), unit(code2, "Tổ dân phố Thứ Ba")]);
  await input.setInputFiles({ name: "don-vi.xlsx", mimeType: XLSX, buffer: good });
  await page.getByRole("button", { name: "Xem trước" }).click();
  await expect(page.getByTestId("stat-Thêm mới")).toHaveText("2");
  await expect(page.getByTestId("stat-Lỗi")).toHaveText("0");
  await page.getByRole("button", { name: "Ghi dữ liệu" }).click();
  await expect(page.getByTestId("import-result")).toHaveText("Đã ghi dữ liệu: thêm mới 2, cập nhật 0, giữ nguyên 0 đơn vị.");

  await page.getByRole("button", { name: "Xem trước" }).click();
  await expect(page.getByTestId("stat-Giữ nguyên")).toHaveText("2");
  await expect(page.getByTestId("stat-Thêm mới")).toHaveText("0");
  await expect(page.getByText("Tệp không có thay đổi nào so với danh sách hiện có.")).toBeVisible();
});

test("the import page and its downloads are for administrators only", async ({ page }) => {
  await signIn(page, "lanhdao");
  await expect(page.getByRole("link", { name: "Nhập đơn vị" })).toHaveCount(0);
  const response = await page.request.get("/api/registry/units/export");
  expect(response.status()).toBe(403);
});
