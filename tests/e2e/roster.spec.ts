/**
 * Issue 10 §6: a province from spreadsheets. The administrator imports a generated 3,000-row
 * units roster with mistakes (unknown commune, duplicate code, missing name), sees them in the
 * preview, uploads the corrected file, commits; gives two of the new units their officers from an
 * accounts sheet; a new officer signs in with the one-time password read from the page, must
 * choose their own, and then sees only their unit.
 */
import ExcelJS from "exceljs";
import type { Page } from "@playwright/test";
import { test, expect } from "./fixtures";
import { signIn, submitSignIn, unitId } from "./helpers";
import { ACCOUNT_HEADERS } from "../../lib/users/import/account-columns";

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const ROWS = 3000;
const suffix = Date.now().toString(36).toUpperCase();
const COMMUNES = ["LCI-X01", "LCI-X02", "LCI-X03", "LCI-X04", "LCI-X05", "LCI-X06", "LCI-X07", "LCI-P03", "LCI-P05"];
const code = (i: number) => `R${suffix}-${String(i).padStart(4, "0")}`;
const name = (i: number) => `Thôn Danh Sách ${suffix} Số ${i}`;

// Mã, Tên, Loại, Xã, Cơ quan, Lĩnh vực, Loại KDC, Cấp học, Lý do, Đảng, Bảo vệ, Địa chỉ, Theo dõi
function roster(mistakes: boolean): string[][] {
  return Array.from({ length: ROWS }, (_, n) => {
    const i = n + 1;
    const row = [code(i), name(i), "Khu dân cư", COMMUNES[i % COMMUNES.length]!, "UBND-TINH", "", "Thôn", "", "", "Có", "Không", "", "Có"];
    if (mistakes && i === 10) row[3] = "Xã Không Có Thật";
    if (mistakes && i === 20) row[0] = code(19);
    if (mistakes && i === 30) row[1] = "";
    return row;
  });
}

/** The units template (as the admin downloads it) with the rows written from line 2. */
async function unitsFile(page: Page, rows: string[][]): Promise<Buffer> {
  const response = await page.request.get("/api/registry/units/template");
  expect(response.status()).toBe(200);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await response.body()) as unknown as ArrayBuffer);
  const sheet = wb.getWorksheet("Đơn vị")!;
  rows.forEach((r, i) => (sheet.getRow(i + 2).values = r));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function accountsFile(rows: string[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet("Tài khoản");
  sheet.addRow(ACCOUNT_HEADERS);
  for (const r of rows) sheet.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

test("a 3,000-row roster with mistakes, fixed, committed; a new officer signs in with a one-time password and sees only their unit", async ({ page, browser }) => {
  // Generous for the 3,000 rows on a loaded machine; every wait below is for something a person sees.
  test.setTimeout(300_000);
  await signIn(page, "admin");
  await page.goto("/admin/registry/import");
  const input = page.getByLabel("Tệp danh sách đơn vị (.xlsx hoặc .csv, tối đa 50 MB)");

  await input.setInputFiles({ name: "danh-sach-loi.xlsx", mimeType: XLSX, buffer: await unitsFile(page, roster(true)) });
  await page.getByRole("button", { name: "Xem trước" }).click();
  await expect(page.getByTestId("stat-Lỗi")).toHaveText("3", { timeout: 120_000 });
  const problems = page.getByTestId("import-problems");
  await expect(problems).toContainText("Không tìm thấy xã, phường “Xã Không Có Thật” (theo mã hoặc tên).");
  await expect(problems).toContainText(`Mã đơn vị “${code(19)}” trùng với dòng 20.`);
  await expect(problems).toContainText("Thiếu giá trị bắt buộc ở cột “Tên đơn vị”.");
  await expect(page.getByRole("button", { name: "Ghi dữ liệu" })).toHaveCount(0);

  await input.setInputFiles({ name: "danh-sach.xlsx", mimeType: XLSX, buffer: await unitsFile(page, roster(false)) });
  await page.getByRole("button", { name: "Xem trước" }).click();
  await expect(page.getByTestId("stat-Thêm mới")).toHaveText(String(ROWS), { timeout: 120_000 });
  await expect(page.getByTestId("stat-Lỗi")).toHaveText("0");
  await page.getByRole("button", { name: "Ghi dữ liệu" }).click();
  await expect(page.getByTestId("import-result")).toHaveText(`Đã ghi dữ liệu: thêm mới ${ROWS}, cập nhật 0, giữ nguyên 0 đơn vị.`, { timeout: 180_000 });

  // Accounts come from the unit import: its message leads to the bulk page…
  await page.getByRole("link", { name: "Tạo tài khoản cho các đơn vị vừa nhập" }).click();
  await expect(page.getByRole("heading", { name: "Tạo tài khoản hàng loạt" })).toBeVisible();
  // …or, as here for two of the new units, from an accounts sheet.
  await page.goto("/admin/users");
  await page.getByRole("link", { name: "Nhập từ tệp" }).click();
  await expect(page.getByRole("heading", { name: "Nhập danh sách tài khoản" })).toBeVisible();
  const officer = `cb.${suffix.toLowerCase()}-1`;
  const accounts = await accountsFile([
    [officer, "Hoàng Văn Minh", "Cán bộ đơn vị", code(1), "", "", "Hoạt động"],
    [`cb.${suffix.toLowerCase()}-2`, "Vàng Thị Mai", "Cán bộ đơn vị", code(2), "", "", ""],
  ]);
  await page.getByLabel("Tệp danh sách tài khoản (.xlsx hoặc .csv, tối đa 50 MB)").setInputFiles({ name: "tai-khoan.xlsx", mimeType: XLSX, buffer: accounts });
  await page.getByRole("button", { name: "Xem trước" }).click();
  await expect(page.getByTestId("stat-Thêm mới")).toHaveText("2");
  await expect(page.getByTestId("stat-Lỗi")).toHaveText("0");
  await page.getByRole("button", { name: "Ghi dữ liệu" }).click();
  await expect(page.getByTestId("import-result")).toHaveText("Đã ghi dữ liệu: thêm mới 2, cập nhật 0, giữ nguyên 0 tài khoản.");
  const issuedRow = page.getByTestId("import-issued").getByRole("row").filter({ hasText: officer });
  await expect(issuedRow).toContainText(name(1));
  const oneTimePassword = (await issuedRow.getByRole("cell").nth(1).innerText()).trim();
  expect(oneTimePassword).toMatch(/^[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}$/);

  // The officer, on their own machine.
  const context = await browser.newContext();
  const own = await context.newPage();
  const violations: string[] = [];
  own.on("console", (m) => {
    if (m.type() === "error" && /Content Security Policy/i.test(m.text())) violations.push(m.text());
  });
  await submitSignIn(own, officer, oneTimePassword);
  await expect(own).toHaveURL(/\/change-password$/);
  await own.goto("/units");
  await expect(own).toHaveURL(/\/change-password$/);
  const chosen = "Ruộng bậc thang Mù Cang Chải 2026";
  await own.getByLabel("Mật khẩu hiện tại").fill(oneTimePassword);
  await own.getByLabel("Mật khẩu mới", { exact: true }).fill(chosen);
  await own.getByLabel("Nhập lại mật khẩu mới").fill(chosen);
  await own.getByRole("button", { name: "Đổi mật khẩu" }).click();
  await expect(own).toHaveURL(/\/login\?changed=1$/);

  await signIn(own, officer, chosen);
  await own.goto("/units");
  await expect(own.getByText("1 đơn vị trong phạm vi của bạn")).toBeVisible();
  await expect(own.getByRole("link", { name: name(1), exact: true })).toBeVisible();
  await expect(own.getByRole("link", { name: name(2), exact: true })).toHaveCount(0);
  const refused = await own.goto(`/units/${unitId("CQ-STP")}`);
  expect(refused?.status()).toBe(403);
  expect(violations).toEqual([]);
  await context.close();
});

test("the accounts import and its downloads are for administrators only", async ({ page }) => {
  await signIn(page, "lanhdao");
  expect((await page.goto("/admin/users/import"))?.status()).toBe(403);
  expect((await page.request.get("/api/users/export")).status()).toBe(403);
  expect((await page.request.get("/api/users/template")).status()).toBe(403);
});
