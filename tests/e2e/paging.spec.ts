/**
 * Long lists are paged (issue 12 §4, ADR 0024-keyset-paging): a person pages through the units of
 * the province with "Trang sau" / "Trang trước", each page has its own address (Back returns to
 * it, a link opens it), the filters stay on every page, and someone with a commune's scope pages
 * only through that commune.
 */
import { expect, test } from "./fixtures";
import { signIn, signOut } from "./helpers";
import { DEMO_YEAR } from "../../prisma/seed/demo-data";

test("an administrator pages through the province's units, back and forth, with a filter kept", async ({ page }) => {
  await signIn(page, "admin");
  await page.goto("/units");
  const list = page.getByTestId("units-list");
  const pager = page.getByTestId("units-pager");
  await expect(pager).toContainText(/^Hiển thị 1–50 trong số [\d.]+ đơn vị/);
  await expect(pager.getByRole("link", { name: "‹ Trang trước" })).toHaveCount(0);
  const firstUnit = list.locator("tbody tr").first().getByRole("link");
  const firstOfPage1 = await firstUnit.innerText();

  await pager.getByRole("link", { name: "Trang sau ›" }).click();
  await expect(page).toHaveURL(/\/units\?after=[0-9a-f-]{36}&from=51$/);
  await expect(pager).toContainText(/^Hiển thị 51–100 trong số/);
  await expect(firstUnit).not.toHaveText(firstOfPage1);
  const page2 = page.url();
  const firstOfPage2 = await firstUnit.innerText();

  // The browser's Back returns to the first page; Forward to the second.
  await page.goBack();
  await expect(pager).toContainText(/^Hiển thị 1–50 trong số/);
  await expect(firstUnit).toHaveText(firstOfPage1);
  await page.goForward();
  await expect(pager).toContainText(/^Hiển thị 51–100 trong số/);

  // "Trang trước" from page 2 is page 1 again; the page's address opens the same page.
  await pager.getByRole("link", { name: "‹ Trang trước" }).click();
  await expect(pager).toContainText(/^Hiển thị 1–50 trong số/);
  await expect(firstUnit).toHaveText(firstOfPage1);
  await page.goto(page2);
  await expect(firstUnit).toHaveText(firstOfPage2);
  await pager.getByRole("link", { name: "« Trang đầu" }).click();
  await expect(page).toHaveURL(/\/units$/);

  // A filter holds on every page.
  await page.getByLabel("Loại đơn vị").selectOption({ label: "Khu dân cư" });
  await page.getByRole("button", { name: "Lọc" }).click();
  await expect(page).toHaveURL(/kind=KDC/);
  const kinds = list.locator("tbody tr td[data-label='Loại']");
  await expect(kinds.first()).toHaveText("Khu dân cư");
  if (await pager.getByRole("link", { name: "Trang sau ›" }).count()) {
    await pager.getByRole("link", { name: "Trang sau ›" }).click();
    await expect(page).toHaveURL(/kind=KDC.*after=/);
    await expect(pager).toContainText(/^Hiển thị 51–/);
  }
  expect(new Set(await kinds.allInnerTexts())).toEqual(new Set(["Khu dân cư"]));

  // A mangled cursor opens the first page rather than an error.
  await page.goto("/units?after=not-an-id&from=9999");
  await expect(pager).toContainText(/^Hiển thị 1–50 trong số/);
});

test("a commune officer's list holds its commune only, on one page", async ({ page }) => {
  await signIn(page, "canbo.phuonglaocai");
  await page.goto("/units");
  const pager = page.getByTestId("units-pager");
  await expect(pager).toHaveText("Hiển thị 1–7 trong số 7 đơn vị");
  await expect(pager.getByRole("link")).toHaveCount(0);
  expect(new Set(await page.getByTestId("units-list").locator("td[data-label='Địa bàn']").allInnerTexts())).toEqual(new Set(["Phường Lào Cai"]));
});

test("the review queue, the decisions, the audit log and the accounts say where the page sits", async ({ page }) => {
  await signIn(page, "thamdinh.tinh");
  await page.goto("/");
  await expect(page.getByTestId("review-queue-pager")).toContainText(/^Hiển thị 1–\d+ trong số \d+ hồ sơ/);

  await signOut(page);
  await signIn(page, "admin");
  await page.goto("/admin/users");
  await expect(page.getByTestId("users-pager")).toContainText(/^Hiển thị 1–\d+ trong số \d+ tài khoản/);
  await page.goto("/admin/audit");
  await expect(page.getByTestId("audit-pager")).toContainText(/^Hiển thị 1–\d+ trong số [\d.]+ sự kiện/);
  await page.goto(`/decisions?year=${DEMO_YEAR - 1}`);
  await expect(page.getByTestId("decisions-pager")).toContainText(/^Hiển thị 1–\d+ trong số \d+ quyết định/);
});
