/**
 * A page view costs the server one request for the page (ADR 0033): no link or filter form is
 * prefetched when it scrolls into view or is hovered, and a click still navigates on the client
 * (one server-components request, no full page load). Before, one view of a reviewer's queue sent
 * the server dozens of prefetches — several times the page's own cost.
 */
import type { Page, Request } from "@playwright/test";
import { expect, test } from "./fixtures";
import { signIn } from "./helpers";

/** Requests the Next.js router makes ahead of a navigation. */
function isPrefetch(request: Request): boolean {
  return request.headers()["next-router-prefetch"] !== undefined;
}

/** True once React has hydrated the page: hydrated elements carry React's fiber. */
async function waitForHydration(page: Page) {
  await page.waitForFunction(() => {
    const link = document.querySelector("main a[href]");
    return link !== null && Object.keys(link).some((key) => key.startsWith("__reactFiber"));
  });
}

/** Shows every link of the page in turn: the viewport is what triggered prefetching. */
async function scrollThrough(page: Page) {
  await page.evaluate(async () => {
    for (let y = 0; y < document.body.scrollHeight; y += window.innerHeight / 2) {
      window.scrollTo(0, y);
      await new Promise((resolve) => requestAnimationFrame(() => resolve(null)));
    }
  });
}

test("the reviewer's queue sends no prefetch; a queue row still opens its review on the client", async ({ page }) => {
  await signIn(page, "thamdinh.tinh");
  const prefetches: string[] = [];
  const documents: string[] = [];
  page.on("request", (request) => {
    if (isPrefetch(request)) prefetches.push(request.url());
    if (request.resourceType() === "document") documents.push(request.url());
  });

  await page.goto("/");
  const rows = page.getByTestId("review-queue").locator("tbody tr");
  await expect(rows.first()).toBeVisible();
  await waitForHydration(page);
  await scrollThrough(page);
  await rows.last().getByRole("link").hover();
  await page.getByRole("navigation", { name: "Điều hướng chính" }).last().getByRole("link").first().hover();
  await page.waitForLoadState("networkidle");
  expect(prefetches, "links prefetched on sight or hover").toEqual([]);

  // The click is a client-side navigation: the review page arrives as server-components data.
  const documentsBefore = documents.length;
  const navigation = page.waitForRequest((request) => request.headers()["rsc"] === "1" && /\/dossiers\/[0-9a-f-]{36}\/review/.test(request.url()));
  const firstRow = rows.first().getByRole("link");
  const unitName = await firstRow.innerText();
  await firstRow.click();
  await navigation;
  await expect(page).toHaveURL(/\/dossiers\/[0-9a-f-]{36}\/review$/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(unitName);
  expect(documents.length, "a full page load instead of a client-side navigation").toBe(documentsBefore);
  expect(prefetches).toEqual([]);
});

test("the leader's dashboard, with its filter form, sends no prefetch", async ({ page }) => {
  await signIn(page, "lanhdao");
  const prefetches: string[] = [];
  page.on("request", (request) => {
    if (isPrefetch(request)) prefetches.push(request.url());
  });
  await page.goto("/dashboard");
  await expect(page.getByRole("form", { name: "Bộ lọc số liệu" })).toBeVisible();
  await waitForHydration(page);
  await scrollThrough(page);
  await page.waitForLoadState("networkidle");
  expect(prefetches, "links or the filter form prefetched").toEqual([]);
});
