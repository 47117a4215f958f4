import { expect, type Page } from "@playwright/test";
import { stableId } from "../../prisma/seed/demo-province";
import { DEMO_PASSWORD } from "../../prisma/seed/demo-data";

export { DEMO_PASSWORD };

/** Demo units' ids are derived from their codes, so tests can address them directly. */
export const unitId = (code: string) => stableId(`unit:${code}`);

/** Fills and sends the login form; where it leads is the caller's to check. */
export async function submitSignIn(page: Page, username: string, password = DEMO_PASSWORD) {
  await page.goto("/login");
  await page.getByLabel("Tên đăng nhập").fill(username);
  await page.getByLabel("Mật khẩu").fill(password);
  await page.getByRole("button", { name: "Đăng nhập", exact: true }).click();
}

export async function signIn(page: Page, username: string, password = DEMO_PASSWORD) {
  await submitSignIn(page, username, password);
  await expect(page).toHaveURL(/\/$/);
}

export async function signOut(page: Page) {
  await page.getByRole("button", { name: "Đăng xuất" }).first().click();
  await expect(page).toHaveURL(/\/login/);
}

/**
 * Answers the product's confirmation dialog (components/ui/confirm-dialog.tsx): checks it asks
 * the expected question, then presses the named button ("Hủy" to back out).
 */
export async function answerConfirm(page: Page, title: string | RegExp, button: string) {
  const dialog = page.getByRole("dialog", { name: title });
  await expect(dialog).toBeVisible();
  await dialog.getByRole("button", { name: button, exact: true }).click();
  await expect(dialog).toBeHidden();
}
