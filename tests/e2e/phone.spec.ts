/**
 * Every main page on a 390 px wide phone, for every role that has pages (issue 11 §8): nothing
 * scrolls the page sideways, and the lists are stacked cards on which the state, the deadline and
 * (where there is one) the result stay in sight.
 */
import type { Locator, Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { signIn, unitId } from "./helpers";
import { DEMO_YEAR } from "../../prisma/seed/demo-data";
import { stableId } from "../../prisma/seed/demo-province";

const YEAR = DEMO_YEAR;
const STP = unitId("CQ-STP");
const P01 = stableId("area:LCI-P01");
const TDP2 = stableId("unit:KDC:LCI-P01:1");

test.use({ viewport: { width: 390, height: 844 } });

/** The page, once loaded, is no wider than the screen. */
async function expectNoSidewaysScroll(page: Page, what: string) {
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  const { scrollWidth, clientWidth, culprits } = await page.evaluate(() => {
    const root = document.scrollingElement ?? document.documentElement;
    // What sticks out, for the failure message: the outermost elements past the right edge.
    const out = [...document.body.querySelectorAll("*")].filter((el) => el.getBoundingClientRect().right > root.clientWidth + 0.5 && !el.closest(".overflow-x-auto, .overflow-hidden, .sr-only"));
    const outermost = out.filter((el) => !out.includes(el.parentElement!));
    const culprits = outermost.slice(0, 5).map((el) => `<${el.tagName.toLowerCase()} class="${el.getAttribute("class") ?? ""}"> ${Math.round(el.getBoundingClientRect().right)}px`);
    return { scrollWidth: root.scrollWidth, clientWidth: root.clientWidth, culprits };
  });
  expect(scrollWidth, `${what} (${page.url()}) scrolls sideways: ${culprits.join("; ")}`).toBeLessThanOrEqual(clientWidth);
}

/** The menu's pages, as the phone's menu lists them. */
async function menuPages(page: Page): Promise<string[]> {
  const hrefs = await page.locator("details nav a").evaluateAll((links) => links.map((a) => a.getAttribute("href") ?? ""));
  return [...new Set(hrefs.filter((h) => h.startsWith("/")))];
}

/**
 * The list is cards: its column headers are hidden, and the named cells of its first row are shown
 * with their label, whole, inside the screen.
 */
async function expectCards(list: Locator, labels: string[]) {
  await expect(list).toBeVisible();
  await expect(list.locator("thead")).toHaveCSS("position", "absolute");
  const card = list.locator("tbody > tr").first();
  await expect(card).toHaveCSS("display", "block");
  const screenWidth = list.page().viewportSize()!.width;
  for (const label of labels) {
    const cell = card.locator(`[data-label="${label}"]`);
    await expect(cell, `card cell “${label}”`).toBeVisible();
    expect(await cell.evaluate((el) => getComputedStyle(el, "::before").content), `card cell “${label}” shows its label`).toContain(label);
    const box = (await cell.boundingBox())!;
    expect(box.x, `card cell “${label}” starts inside the screen`).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width, `card cell “${label}” ends inside the screen`).toBeLessThanOrEqual(screenWidth);
  }
}

async function visitAll(page: Page, urls: string[]) {
  for (const url of urls) {
    const response = await page.goto(url);
    expect(response?.status(), url).toBe(200);
    await expectNoSidewaysScroll(page, url);
  }
}

test.describe("every main page fits a 390 px phone @phone", () => {
  test("administrator: the menu's pages, a registry unit and a user; lists are cards @phone", async ({ page }) => {
    await signIn(page, "admin");
    const pages = await menuPages(page);
    expect(pages).toEqual(expect.arrayContaining(["/admin/registry/units", "/admin/users", "/admin/audit"]));
    await visitAll(page, [...pages, "/admin/registry/communes", "/admin/registry/authorities", "/admin/rules/criteria", `/admin/registry/units/${STP}?year=${YEAR}`, "/admin/users/new", "/admin/registry/units/new"]);

    await page.goto("/admin/registry/units");
    await expectCards(page.getByTestId("registry-units"), ["Trạng thái", "Loại"]);
    await page.goto("/admin/registry/communes");
    await expectCards(page.getByTestId("registry-list"), ["Trạng thái"]);
    await page.goto("/admin/users");
    await expectCards(page.getByTestId("users-table"), ["Vai trò", "Trạng thái"]);
    await page.goto("/admin/audit");
    await expectCards(page.getByTestId("audit-log"), ["Thao tác"]);
    await page.goto(`/admin/registry/units/${STP}?year=${YEAR}`);
    await expectCards(page.getByTestId("placement-history"), ["Trạng thái"]);

    // A user's page is reached from the list.
    await page.goto("/admin/users");
    await page.getByTestId("users-table").getByRole("link").first().click();
    await expect(page).toHaveURL(/\/admin\/users\/[0-9a-f-]{36}$/);
    await expectNoSidewaysScroll(page, "a user's page");
  });

  test("leader: dashboard, a commune's units, decisions and a decision; lists are cards @phone", async ({ page }) => {
    await signIn(page, "lanhdao");
    const pages = await menuPages(page);
    expect(pages).toEqual(expect.arrayContaining(["/dashboard", "/units"]));
    await visitAll(page, [...pages, `/dashboard?year=${YEAR}`, `/units/${STP}`, `/units/${STP}/dossier?year=${YEAR}`, `/units/${STP}/records/sub-units?year=${YEAR}`]);

    await page.goto(`/dashboard/communes/${P01}?year=${YEAR}`);
    await expectNoSidewaysScroll(page, "a commune's dashboard");
    await expectCards(page.getByTestId("drilldown-units"), [`Hồ sơ năm ${YEAR}`, "Quyết định công nhận"]);

    await page.goto("/units");
    await expectCards(page.getByTestId("units-list"), ["Loại", "Địa bàn"]);

    // Last year's decisions: the list shows each one's standing; a decision lists its units' states.
    await page.goto(`/decisions?year=${YEAR - 1}`);
    await expectNoSidewaysScroll(page, "last year's decisions");
    await expectCards(page.getByTestId("decisions-table"), ["Ngày ban hành", "Tình trạng"]);
    await page.getByTestId("decisions-table").getByRole("link").first().click();
    await expect(page).toHaveURL(/\/decisions\/[0-9a-f-]{36}/);
    await expectNoSidewaysScroll(page, "a decision");
    await expectCards(page.getByTestId("decision-annex"), ["Trạng thái hồ sơ"]);
  });

  test("provincial reviewer: the queue as cards with state and deadline, and a dossier under review @phone", async ({ page }) => {
    await signIn(page, "thamdinh.tinh");
    const pages = await menuPages(page);
    await visitAll(page, pages);
    await page.goto("/");
    await expectCards(page.getByTestId("review-queue"), ["Trạng thái", "Hạn quyết định"]);
    await page.getByTestId("review-queue").getByRole("link").first().click();
    await expect(page).toHaveURL(/\/dossiers\/[0-9a-f-]{36}\/review/);
    await expectNoSidewaysScroll(page, "a dossier under review");
  });

  test("commune reviewer: the commune's queue as cards @phone", async ({ page }) => {
    await signIn(page, "thamdinh.xa");
    await visitAll(page, await menuPages(page));
    await page.goto("/");
    const queue = page.getByTestId("review-queue");
    if ((await queue.count()) > 0) await expectCards(queue, ["Trạng thái", "Hạn quyết định"]);
  });

  test("commune officer: home, a residential area's records and dossier @phone", async ({ page }) => {
    await signIn(page, "canbo.phuonglaocai");
    await visitAll(page, [
      ...(await menuPages(page)),
      `/units/${TDP2}`,
      `/units/${TDP2}/dossier?year=${YEAR}`,
      `/units/${TDP2}/records?year=${YEAR}`,
      `/units/${TDP2}/records/facts?year=${YEAR}`,
      `/units/${TDP2}/records/incidents?year=${YEAR}`,
      `/units/${TDP2}/records/incidents/new?year=${YEAR}`,
      `/units/${TDP2}/records/models?year=${YEAR}`,
    ]);
  });

  test("unit officer: home, every records page, the dossier; sub-units and discipline are cards with the result @phone", async ({ page }) => {
    await signIn(page, "canbo.sotuphap");
    const base = `/units/${STP}`;
    await visitAll(page, [
      ...(await menuPages(page)),
      base,
      `${base}/dossier?year=${YEAR}`,
      `${base}/records?year=${YEAR}`,
      `${base}/records/facts?year=${YEAR}`,
      `${base}/records/sub-units?year=${YEAR}`,
      `${base}/records/discipline?year=${YEAR}`,
      `${base}/records/discipline/new?year=${YEAR}`,
      `${base}/records/incidents?year=${YEAR}`,
      `${base}/records/models?year=${YEAR}`,
    ]);
    await page.goto(`${base}/records/sub-units?year=${YEAR}`);
    await expectCards(page.getByTestId("sub-unit-table"), ["Loại", `Kết quả năm ${YEAR}`]);
    // The result is changed on the card itself, its choice list whole on the screen.
    const result = page.getByRole("combobox", { name: new RegExp(`^Kết quả năm ${YEAR}`) }).first();
    await expect(result).toBeVisible();
    const box = (await result.boundingBox())!;
    expect(box.x + box.width).toBeLessThanOrEqual(390);
    await page.goto(`${base}/records/discipline?year=${YEAR}`);
    const discipline = page.getByTestId("discipline-table");
    if ((await discipline.count()) > 0) await expectCards(discipline, ["Hình thức", "Ngày quyết định"]);
  });
});
