/**
 * The leadership dashboard (issue 5) on the demo province: figures agree between the headline and
 * the tables, the drill-down keeps the filters in the URL down to a unit and its dossier, the Excel
 * export downloads a workbook whose figures are the page's, and whoever may not read the province
 * gets 403. Read-only: this file runs first on the shared database and changes nothing.
 */
import { readFileSync } from "node:fs";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { stableId } from "../../prisma/seed/demo-province";
import { DEMO_YEAR } from "../../prisma/seed/demo-data";
import { signIn, unitId } from "./helpers";

const YEAR = DEMO_YEAR;
const P01 = stableId("area:LCI-P01");
const STP = unitId("CQ-STP");

/** "1.234" → 1234 (Vietnamese thousands separator). */
const int = (text: string | null) => Number((text ?? "").replace(/\./g, "").trim());

async function openDashboard(page: Page, query = `year=${YEAR}`) {
  await page.goto(`/dashboard?${query}`);
  await expect(page.getByRole("heading", { name: "Bảng điều khiển", level: 1 })).toBeVisible();
}

test.describe("leadership dashboard", () => {
  test("the leader's home leads to the dashboard, whose headline agrees with its tables", async ({ page }) => {
    await signIn(page, "lanhdao");
    await page.getByRole("link", { name: "Mở bảng điều khiển" }).click();
    await expect(page).toHaveURL(/\/dashboard\?year=\d{4}$/);
    await expect(page.getByRole("navigation", { name: "Điều hướng chính" }).last().getByRole("link", { name: "Bảng điều khiển" })).toBeVisible();

    await openDashboard(page);
    await expect(page.getByTestId("headline-units-KDC")).toHaveText("72");
    const communes = page.getByTestId("communes-table");
    await expect(communes.locator("tbody tr")).toHaveCount(12);
    // The communes table's KDC column adds up to the headline's residential areas.
    await expect(page.getByTestId("communes-total").locator('[data-col="kdc"]')).toHaveText("72");
    // The funnel's first step is the headline's "registered".
    expect(int(await page.getByTestId("funnel-registered").textContent())).toBe(int(await page.getByTestId("headline-registered").textContent()));
    // Every chart sits next to its table.
    for (const id of ["funnel-table", "trend-table", "incidents-by-type"]) {
      await expect(page.locator(`[role="img"][aria-describedby="${id}"]`)).toHaveCount(1);
      await expect(page.locator(`table#${id} caption`)).not.toBeEmpty();
    }
  });

  test("top lists lead to the full lists, a page at a time, and on to the drill-down", async ({ page }) => {
    await signIn(page, "lanhdao");
    await openDashboard(page, `year=${YEAR}&sort=name`);
    await page.getByTestId("communes-all").click();
    await expect(page).toHaveURL(`/dashboard/communes?year=${YEAR}&sort=name`);
    await expect(page.getByRole("heading", { name: "Kết quả theo xã, phường", level: 1 })).toBeVisible();
    await expect(page.getByTestId("communes-table").locator("tbody tr")).toHaveCount(12);

    // Five a page: 12 communes make three pages, in the order asked for, the total row over all.
    await page.goto(`/dashboard/communes?year=${YEAR}&sort=name&size=5`);
    const pager = page.getByRole("navigation", { name: "Trang danh sách xã, phường", exact: true });
    await expect(pager.getByTestId("pager-status")).toHaveText("Trang 1/3 · dòng 1–5 của 12");
    const rows = page.getByTestId("communes-table").locator("tbody tr");
    await expect(rows).toHaveCount(5);
    await expect(page.getByTestId("communes-total").locator('[data-col="kdc"]')).toHaveText("72");
    const first = await rows.locator("th").allTextContents();
    await pager.getByRole("link", { name: "Trang sau →" }).click();
    await expect(page).toHaveURL(`/dashboard/communes?year=${YEAR}&sort=name&page=2&size=5`);
    await expect(pager.getByTestId("pager-status")).toHaveText("Trang 2/3 · dòng 6–10 của 12");
    const second = await rows.locator("th").allTextContents();
    expect(second.filter((n) => first.includes(n))).toEqual([]);
    const collator = new Intl.Collator("vi", { sensitivity: "base", numeric: true });
    expect([...first, ...second]).toEqual([...first, ...second].sort(collator.compare));
    await pager.getByRole("link", { name: "Trang sau →" }).click();
    await expect(rows).toHaveCount(2);
    await expect(pager.getByText("Trang sau →")).toHaveAttribute("aria-disabled", "true");

    // A commune's name leads to its drill-down with the year kept.
    const name = (await rows.first().locator("th a").textContent())!;
    await rows.first().locator("th a").click();
    await expect(page).toHaveURL(new RegExp(`/dashboard/communes/[0-9a-f-]{36}\\?year=${YEAR}$`));
    await expect(page.getByRole("heading", { name, level: 1 })).toBeVisible();

    // Incidents: the dashboard's top rows, then the whole list by commune and type.
    await openDashboard(page);
    const top = await page.getByTestId("incidents-by-commune").locator("tbody tr").count();
    expect(top).toBeGreaterThan(0);
    expect(top).toBeLessThanOrEqual(20);
    await page.getByTestId("incidents-all").click();
    await expect(page).toHaveURL(`/dashboard/incidents?year=${YEAR}`);
    await expect(page.getByRole("heading", { name: "Vụ việc theo xã, phường", level: 1 })).toBeVisible();
    await expect(page.getByTestId("incidents-by-commune")).toBeVisible();
    expect(await page.getByTestId("incidents-by-commune").locator("tbody tr").count()).toBeGreaterThanOrEqual(top);
  });

  test("the communes table sorts on the server by the column clicked", async ({ page }) => {
    await signIn(page, "lanhdao");
    await openDashboard(page);
    const table = page.getByTestId("communes-table");
    await table.getByRole("link", { name: /^CSGD/ }).click();
    await expect(page).toHaveURL(new RegExp(`/dashboard\\?year=${YEAR}&sort=csgd$`));
    await expect(table.getByRole("columnheader", { name: /CSGD/ })).toHaveAttribute("aria-sort", "ascending");
    await table.getByRole("link", { name: /^CSGD/ }).click();
    await expect(page).toHaveURL(new RegExp(`sort=-csgd$`));
    await expect(table.getByRole("columnheader", { name: /CSGD/ })).toHaveAttribute("aria-sort", "descending");
    const values = (await table.locator('tbody [data-col="csgd"]').allTextContents()).map(int);
    expect(values).toEqual([...values].sort((a, b) => b - a));
    expect(values[0]).toBeGreaterThan(0);
  });

  test("drill-down keeps the year: province → commune → unit → dossier, and back", async ({ page }) => {
    await signIn(page, "lanhdao");
    await openDashboard(page);
    const laoCaiRow = page.getByTestId("communes-table").locator(`tr[data-commune-id="${P01}"]`);
    const kdc = int(await laoCaiRow.locator('[data-col="kdc"]').textContent());
    await laoCaiRow.getByRole("link", { name: "Phường Lào Cai" }).click();

    await expect(page).toHaveURL(`/dashboard/communes/${P01}?year=${YEAR}`);
    await expect(page.getByRole("heading", { name: "Phường Lào Cai", level: 1 })).toBeVisible();
    const units = page.getByTestId("drilldown-units");
    // The commune's figures row counts exactly the residential areas listed below it.
    await expect(page.getByTestId("communes-table").locator('[data-col="kdc"]')).toHaveText(String(kdc));
    await expect(units.locator("tbody tr").filter({ hasText: "Khu dân cư" })).toHaveCount(kdc);
    await expect(units.getByRole("link", { name: "Sở Tư pháp tỉnh Lào Cai", exact: true })).toBeVisible();

    await units.getByRole("link", { name: "Sở Tư pháp tỉnh Lào Cai", exact: true }).click();
    await expect(page).toHaveURL(`/units/${STP}`);
    await expect(page.getByRole("heading", { name: "Sở Tư pháp tỉnh Lào Cai" })).toBeVisible();
    await page.goBack();
    await expect(page).toHaveURL(`/dashboard/communes/${P01}?year=${YEAR}`);

    await units.getByRole("link", { name: `Hồ sơ năm ${YEAR} của Sở Tư pháp tỉnh Lào Cai` }).click();
    await expect(page).toHaveURL(`/units/${STP}/dossier?year=${YEAR}`);
    await page.goBack();
    await expect(page).toHaveURL(`/dashboard/communes/${P01}?year=${YEAR}`);

    await page.getByRole("navigation", { name: "Vị trí" }).getByRole("link", { name: "Bảng điều khiển" }).click();
    await expect(page).toHaveURL(`/dashboard?year=${YEAR}`);

    // A unit's id is not a commune: a real 404, on the page as on the export.
    for (const url of [`/dashboard/communes/${STP}?year=${YEAR}`, `/dashboard?year=${YEAR}&communeId=${STP}`]) {
      expect((await page.goto(url))?.status(), url).toBe(404);
    }
    expect((await page.request.get(`/api/reports/dashboard.xlsx?year=${YEAR}&communeId=${STP}`)).status()).toBe(404);
  });

  test("filters live in the URL and follow the drill-down", async ({ page }) => {
    await signIn(page, "lanhdao");
    await openDashboard(page);
    const filters = page.getByRole("form", { name: "Bộ lọc số liệu" });
    await filters.getByLabel("Năm đánh giá").selectOption(String(YEAR - 1));
    await filters.getByLabel("Loại đơn vị").selectOption("KDC");
    await filters.getByRole("button", { name: "Xem số liệu" }).click();
    await expect(page).toHaveURL(new RegExp(`/dashboard\\?year=${YEAR - 1}&.*kind=KDC`));
    await expect(page.getByTestId("headline-units-KDC")).toHaveText("72");
    await expect(page.getByTestId("headline-units-CQ")).toHaveText("0");

    await page.getByTestId("communes-table").getByRole("link", { name: "Phường Lào Cai" }).click();
    await expect(page).toHaveURL(`/dashboard/communes/${P01}?year=${YEAR - 1}&kind=KDC`);
    await expect(page.getByTestId("drilldown-units").locator("tbody tr").filter({ hasNotText: "Khu dân cư" })).toHaveCount(0);
  });

  test("Excel export: progress while it is built, then a workbook with the page's figures", async ({ page }) => {
    await signIn(page, "lanhdao");
    await openDashboard(page);
    const pageCommunes = await page.getByTestId("communes-table").locator("tbody tr").count();
    const laoCaiKdc = int(await page.getByTestId("communes-table").locator(`tr[data-commune-id="${P01}"] [data-col="kdc"]`).textContent());

    // Hold the response until the progress state has been seen, however fast or slow the server.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route("**/api/reports/dashboard.xlsx*", async (route) => {
      const response = await route.fetch();
      await held;
      await route.fulfill({ response });
    });
    const downloading = page.waitForEvent("download");
    await page.getByRole("button", { name: "Xuất Excel (.xlsx)" }).click();
    await expect(page.getByTestId("export-xlsx")).toHaveText("Đang tạo tệp…");
    await expect(page.getByTestId("export-xlsx")).toBeDisabled();
    release();
    const download = await downloading;
    expect(download.suggestedFilename()).toBe(`Tổng hợp ANTT năm ${YEAR}.xlsx`);
    await expect(page.getByTestId("export-xlsx")).toHaveText("Xuất Excel (.xlsx)");

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile((await download.path())!);
    const sheet = workbook.getWorksheet("Xã, phường")!;
    const names: unknown[] = [];
    let kdc: unknown;
    sheet.eachRow((row, index) => {
      if (index < 3) return; // title and header
      names.push(row.getCell(1).value);
      if (row.getCell(1).value === "Phường Lào Cai") kdc = row.getCell(2).value;
    });
    expect(names).toHaveLength(pageCommunes);
    expect(kdc).toBe(laoCaiKdc);
  });

  test("year-end report downloads as Word with its progress shown; a refused export is explained in Vietnamese", async ({ page }) => {
    await signIn(page, "lanhdao");
    await openDashboard(page, `year=${YEAR - 1}`);
    // Hold the response until the progress state has been seen, however fast or slow the server.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let asked = "";
    await page.route("**/api/reports/year-end.docx*", async (route) => {
      asked = route.request().url();
      const response = await route.fetch();
      await held;
      await route.fulfill({ response });
    });
    const downloading = page.waitForEvent("download");
    await page.getByRole("button", { name: "Báo cáo năm (.docx)" }).click();
    await expect(page.getByTestId("export-docx")).toHaveText("Đang tạo tệp…");
    await expect(page.getByTestId("export-docx-progress")).toContainText("Đang đọc số liệu…");
    await expect(page.getByRole("progressbar", { name: "Tiến độ tạo tệp Báo cáo năm (.docx)" })).toBeVisible();
    release();
    const download = await downloading;
    expect(new URL(asked).searchParams.get("progress")).toBe("1");
    expect(download.suggestedFilename()).toBe(`Báo cáo kết quả ANTT năm ${YEAR - 1}.docx`);
    await expect(page.getByTestId("export-docx-progress")).toHaveCount(0);
    const zip = await JSZip.loadAsync(readFileSync((await download.path())!));
    const xml = await zip.file("word/document.xml")!.async("string");
    expect(xml).toContain("DANH SÁCH ĐƠN VỊ ĐƯỢC CÔNG NHẬN");
    await page.unroute("**/api/reports/year-end.docx*");

    // A build that fails after the answer started: its Vietnamese message, not a broken file.
    await page.route("**/api/reports/year-end.docx*", (route) =>
      route.fulfill({
        status: 200,
        contentType: "application/x-ndjson; charset=utf-8",
        body: `${JSON.stringify({ type: "progress", done: 300, total: 600 })}\n${JSON.stringify({ type: "error", message: "lỗi máy chủ trong lúc tạo tệp. Vui lòng thử lại sau." })}\n`,
      }),
    );
    await page.getByRole("button", { name: "Báo cáo năm (.docx)" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "Không tạo được tệp" })).toContainText("lỗi máy chủ trong lúc tạo tệp");
    await page.unroute("**/api/reports/year-end.docx*");

    await page.route("**/api/reports/year-end.docx*", (route) =>
      route.fulfill({ status: 422, contentType: "text/plain; charset=utf-8", body: "Danh sách đơn vị được công nhận có 1 đơn vị, khác số liệu tổng hợp (2 đơn vị)." }),
    );
    await page.getByRole("button", { name: "Báo cáo năm (.docx)" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "Không tạo được tệp" })).toContainText("khác số liệu tổng hợp");
  });

  test("a unit officer gets 403 on the dashboard and on the exports; no session gets 401", async ({ page, playwright, baseURL }) => {
    const anonymous = await playwright.request.newContext({ baseURL });
    expect((await anonymous.get(`/api/reports/dashboard.xlsx?year=${YEAR}`)).status()).toBe(401);
    expect((await anonymous.get(`/api/reports/year-end.docx?year=${YEAR}`)).status()).toBe(401);
    await anonymous.dispose();

    await signIn(page, "canbo.sotuphap");
    await expect(page.getByRole("link", { name: "Bảng điều khiển" })).toHaveCount(0);
    for (const url of ["/dashboard", `/dashboard/communes/${P01}?year=${YEAR}`]) {
      const response = await page.goto(url);
      expect(response?.status(), url).toBe(403);
      await expect(page.getByRole("heading", { name: "Không có quyền truy cập" })).toBeVisible();
    }
    for (const url of [`/api/reports/dashboard.xlsx?year=${YEAR}`, `/api/reports/dashboard.xlsx?year=${YEAR}&communeId=${P01}`, `/api/reports/year-end.docx?year=${YEAR}`]) {
      const response = await page.request.get(url);
      expect(response.status(), url).toBe(403);
      expect(response.headers()["content-type"]).toContain("text/plain");
    }
  });

  test("on a phone the tables scroll inside their box, not the page @phone", async ({ page }) => {
    await signIn(page, "lanhdao");
    await openDashboard(page);
    await expect(page.getByTestId("communes-table")).toBeVisible();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    const box = page.getByTestId("communes-table").locator("xpath=..");
    expect(await box.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
  });
});
