/**
 * Issue 10 §1 and §3, sub-units: an administrator adds a sub-unit on a unit's registry page and
 * rates it, then imports a sub-units file with results — problems in Vietnamese by row and column,
 * a corrected file committed, the same file again changes nothing — and sees the import on the
 * unit's page. Thanh tra tỉnh (a "pass" unit no other spec uses) only gains well-rated sub-units,
 * so no demo verdict flips.
 */
import ExcelJS from "exceljs";
import { test, expect } from "./fixtures";
import { signIn, unitId } from "./helpers";
import { DEMO_YEAR } from "../../prisma/seed/demo-data";
import { SUB_UNIT_HEADERS } from "../../lib/registry/import/sub-unit-columns";

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const UNIT = unitId("CQ-TTT");
const YEAR = DEMO_YEAR;
const suffix = Date.now().toString(36).toUpperCase();

async function fill(template: Buffer, rows: string[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(template as unknown as ArrayBuffer);
  const sheet = wb.getWorksheet("Đơn vị trực thuộc")!;
  rows.forEach((r, i) => (sheet.getRow(i + 2).values = r));
  return Buffer.from(await wb.xlsx.writeBuffer());
}
// Mã đơn vị, Tên, Loại, Được xếp loại, Bảo vệ, Năm, Kết quả, Số QĐ, Đang theo dõi
const row = (unitCode: string, name: string, result: string, over: { kind?: string; eligible?: string } = {}) => [unitCode, name, over.kind ?? "Phòng", over.eligible ?? "Có", "Không", String(YEAR), result, "", "Có"];

test("an administrator adds a sub-unit on a unit's registry page, then imports sub-units with their results", async ({ page }) => {
  // Two flows in one (the screen, then the import): ~35 s on the loaded 2-core machine.
  test.setTimeout(120_000);
  await signIn(page, "admin");
  await page.goto("/admin/registry/units?q=thanh+tra");
  await page.getByTestId("registry-units").getByRole("link", { name: "Thanh tra tỉnh Lào Cai" }).click();
  await expect(page.getByRole("heading", { name: "Thanh tra tỉnh Lào Cai" })).toBeVisible();
  await page.getByRole("form", { name: "Chọn năm kết quả thi đua" }).getByLabel("Năm").selectOption(String(YEAR));
  await page.getByRole("button", { name: "Xem", exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/admin/registry/units/${UNIT}\\?year=${YEAR}`));

  const screenName = `Phòng Giám sát ${suffix}`;
  const add = page.getByRole("form", { name: "Thêm đơn vị trực thuộc" });
  await add.getByLabel("Tên đơn vị trực thuộc").fill(screenName);
  await add.getByLabel("Loại").selectOption("PHONG");
  await add.getByRole("button", { name: "Thêm đơn vị trực thuộc" }).click();
  await expect(page.getByTestId("sub-unit-table")).toContainText(screenName);
  await page.getByLabel(`Kết quả năm ${YEAR} của ${screenName}`).selectOption("TTLDTT");
  await expect(page.getByText(`Đã lưu kết quả năm ${YEAR} của ${screenName}.`)).toBeVisible();

  // The import: template, a file with mistakes, the corrected file.
  await page.goto("/admin/registry/import");
  await page.getByRole("link", { name: /Nhập đơn vị trực thuộc/ }).click();
  await expect(page.getByRole("heading", { name: "Nhập đơn vị trực thuộc và kết quả thi đua" })).toBeVisible();
  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: "Tải tệp mẫu" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe("Mẫu nhập đơn vị trực thuộc.xlsx");
  const { readFile } = await import("node:fs/promises");
  const template = await readFile((await download.path())!);
  const check = new ExcelJS.Workbook();
  await check.xlsx.load(template as unknown as ArrayBuffer);
  expect((check.getWorksheet("Đơn vị trực thuộc")!.getRow(1).values as unknown[]).slice(1)).toEqual(SUB_UNIT_HEADERS);
  expect(check.getWorksheet("Hướng dẫn")).toBeDefined();

  const importedName = `Tổ Pháp chế ${suffix}`;
  const input = page.getByLabel("Tệp danh sách đơn vị trực thuộc (.xlsx hoặc .csv, tối đa 50 MB)");
  const bad = await fill(template, [
    row("KHONG-CO", importedName, "Tập thể lao động tiên tiến", { kind: "Tổ" }),
    row("CQ-TTT", importedName, "Tập thể lao động tiên tiến", { kind: "Tổ", eligible: "Không" }),
    row("CQ-TTT", screenName.toUpperCase(), "Xuất sắc"),
  ]);
  await input.setInputFiles({ name: "don-vi-truc-thuoc-loi.xlsx", mimeType: XLSX, buffer: bad });
  await page.getByRole("button", { name: "Xem trước" }).click();
  const problems = page.getByTestId("import-problems");
  await expect(problems).toContainText("Không tìm thấy đơn vị mã “KHONG-CO” trong danh mục đơn vị.");
  await expect(problems).toContainText(`Đơn vị trực thuộc “${importedName}” không thuộc diện xếp loại thi đua`);
  await expect(problems).toContainText("Giá trị “Xuất sắc” không có trong danh sách cho phép");
  await expect(page.getByTestId("stat-Lỗi")).toHaveText("3");
  await expect(page.getByRole("button", { name: "Ghi dữ liệu" })).toHaveCount(0);

  // The screen's sub-unit is matched ignoring case: its result is updated, not a twin added.
  const good = await fill(template, [row("CQ-TTT", importedName, "Tập thể lao động tiên tiến", { kind: "Tổ" }), row("CQ-TTT", screenName, "Hoàn thành xuất sắc nhiệm vụ")]);
  await input.setInputFiles({ name: "don-vi-truc-thuoc.xlsx", mimeType: XLSX, buffer: good });
  await page.getByRole("button", { name: "Xem trước" }).click();
  await expect(page.getByTestId("stat-Thêm mới")).toHaveText("1");
  await expect(page.getByTestId("stat-Cập nhật")).toHaveText("1");
  await expect(page.getByTestId("stat-Lỗi")).toHaveText("0");
  await page.getByRole("button", { name: "Ghi dữ liệu" }).click();
  await expect(page.getByTestId("import-result")).toHaveText("Đã ghi dữ liệu: thêm mới 1, cập nhật 1, giữ nguyên 0 đơn vị trực thuộc; ghi 2 kết quả thi đua.");

  await page.getByRole("button", { name: "Xem trước" }).click();
  await expect(page.getByTestId("stat-Giữ nguyên")).toHaveText("2");
  await expect(page.getByText("Tệp không có thay đổi nào so với danh sách hiện có.")).toBeVisible();

  await page.goto(`/admin/registry/units/${UNIT}?year=${YEAR}`);
  await expect(page.getByTestId("sub-unit-table")).toContainText(importedName);
  await expect(page.getByLabel(`Kết quả năm ${YEAR} của ${importedName}`)).toHaveValue("TTLDTT");
  await expect(page.getByLabel(`Kết quả năm ${YEAR} của ${screenName}`)).toHaveValue("HTXSNV");
});
