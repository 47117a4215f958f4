/**
 * Issue 13 §2 in the browser: a reviewer returns a dossier → the unit's officer sees the bell's
 * count rise; opening the notification marks it read, the count falls, and the dossier page is
 * shown. The header with the bell still fits a phone.
 */
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { answerConfirm, signIn, signOut } from "./helpers";
import { stableId } from "../../prisma/seed/demo-province";

const TDP1 = "Tổ dân phố số 1";
const TDP1_ID = stableId("unit:KDC:LCI-P01:0");

test.describe.configure({ mode: "serial" });

/** The bell's count, 0 when it shows none. */
async function unread(page: Page): Promise<number> {
  const badge = page.getByTestId("inbox-count");
  return (await badge.count()) === 0 ? 0 : Number((await badge.textContent())!.replace("+", ""));
}

test("a returned dossier raises the officer's count; opening it lowers the count and shows the dossier", async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page, "canbo.phuonglaocai");
  await expect(page.getByTestId("inbox-bell")).toBeVisible();
  const before = await unread(page);
  await signOut(page);

  // ── The commune police return the khu dân cư's dossier with one criterion flagged.
  await signIn(page, "thamdinh.xa");
  await page.getByTestId("review-queue").getByRole("link", { name: TDP1 }).click();
  await expect(page.getByRole("heading", { name: `Thẩm định: ${TDP1}` })).toBeVisible();
  const flag = page.getByRole("form", { name: /^Thẩm định tiêu chí / }).first();
  await flag.getByLabel("Yêu cầu bổ sung").check();
  await flag.getByLabel("Nhận xét").fill("Bổ sung biên bản họp tổ dân phố quý III.");
  await flag.getByRole("button", { name: "Lưu nhận xét" }).click();
  await expect(flag.getByRole("status")).toHaveText("Đã lưu nhận xét.");
  await page.getByRole("button", { name: "Trả lại để bổ sung" }).click();
  await answerConfirm(page, `Trả lại hồ sơ của ${TDP1}?`, "Trả lại hồ sơ");
  await expect(page.getByTestId("notice")).toContainText(`Đã trả lại hồ sơ của ${TDP1} để bổ sung.`);
  await signOut(page);

  // ── The commune officer: the count rose by one; the inbox lists it with the reviewer's reason.
  await signIn(page, "canbo.phuonglaocai");
  await expect(page.getByTestId("inbox-count")).toHaveText(String(before + 1));
  await page.getByTestId("inbox-bell").click();
  await expect(page.getByRole("heading", { name: "Thông báo", level: 1 })).toBeVisible();
  const item = page.getByTestId("inbox-item").filter({ hasText: `của ${TDP1} bị trả lại để bổ sung` });
  await expect(item).toContainText("Bổ sung biên bản họp tổ dân phố quý III.");
  await item.getByRole("link", { name: `Hồ sơ năm 2026 của ${TDP1} bị trả lại để bổ sung` }).click();

  // ── Opening it: the dossier page, and the count is back where it was.
  await expect(page).toHaveURL(new RegExp(`/units/${TDP1_ID}/dossier\\?year=2026`));
  await expect(page.getByRole("heading", { name: `Hồ sơ năm 2026: ${TDP1}` })).toBeVisible();
  expect(await unread(page)).toBe(before);

  // The inbox's "Tất cả" still lists it, read; "Chưa đọc" no longer does.
  await page.goto("/inbox?show=all");
  await expect(page.getByTestId("inbox-item").filter({ hasText: `của ${TDP1} bị trả lại` })).not.toHaveAttribute("data-unread", "true");
  await page.goto("/inbox");
  await expect(page.getByTestId("inbox-item").filter({ hasText: `của ${TDP1} bị trả lại` })).toHaveCount(0);
});

test("the account page saves an e-mail address and the e-mail choices; a bad address is refused in Vietnamese", async ({ page }) => {
  await signIn(page, "canbo.sotuphap");
  await page.goto("/account");
  const form = page.getByRole("form", { name: "Cài đặt thông báo" });
  await form.getByLabel("Địa chỉ thư điện tử").fill("khong-phai-dia-chi");
  await form.getByRole("button", { name: "Lưu cài đặt" }).click();
  await expect(form.getByText("Địa chỉ thư điện tử không hợp lệ (ví dụ: canbo@laocai.gov.vn).")).toBeVisible();
  await form.getByLabel("Địa chỉ thư điện tử").fill("nhung.pth@laocai.gov.vn");
  await form.getByLabel("Hồ sơ được đề nghị công nhận").check();
  await form.getByRole("button", { name: "Lưu cài đặt" }).click();
  await expect(form.getByRole("status")).toHaveText("Đã lưu cài đặt thông báo.");
  await page.reload();
  await expect(page.getByRole("form", { name: "Cài đặt thông báo" }).getByLabel("Địa chỉ thư điện tử")).toHaveValue("nhung.pth@laocai.gov.vn");
  await expect(page.getByRole("form", { name: "Cài đặt thông báo" }).getByLabel("Hồ sơ được đề nghị công nhận")).toBeChecked();
});

test.describe("on a phone @phone", () => {
  test.use({ viewport: { width: 390, height: 844 } });
  test("the bell stays in the header beside the menu and the inbox fits the screen @phone", async ({ page }) => {
    await signIn(page, "canbo.phuonglaocai");
    await expect(page.getByTestId("inbox-bell")).toBeVisible();
    await page.getByTestId("inbox-bell").click();
    await expect(page.getByRole("heading", { name: "Thông báo", level: 1 })).toBeVisible();
    const { scrollWidth, clientWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, clientWidth: document.documentElement.clientWidth }));
    expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
  });
});
