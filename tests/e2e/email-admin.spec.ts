/**
 * The administrators' e-mail page (/admin/email, issue 13 §3) on the demo, which runs without an
 * SMTP server: the page says so, lists nothing, filters by status, and is the admin's alone.
 * (Sending, retries and "Gửi lại" are proven against a real SMTP server in
 * tests/integration/email-delivery.test.ts.)
 */
import { expect, test } from "./fixtures";
import { signIn } from "./helpers";

test("the admin reaches Thư điện tử from the menu; without SMTP it says so and lists nothing", async ({ page }) => {
  await signIn(page, "admin");
  await page.getByRole("link", { name: "Thư điện tử" }).first().click();
  await expect(page).toHaveURL(/\/admin\/email$/);
  await expect(page.getByRole("heading", { name: "Thư điện tử" })).toBeVisible();
  await expect(page.getByTestId("smtp-state")).toContainText("Chưa cấu hình máy chủ thư");
  await expect(page.getByText("Không có thư nào.")).toBeVisible();

  await page.getByRole("link", { name: "Gửi lỗi (0)" }).click();
  await expect(page).toHaveURL(/status=FAILED/);
  await expect(page.getByRole("link", { name: "Gửi lỗi (0)" })).toHaveAttribute("aria-current", "page");

  // A mangled link opens the page unfiltered, never an error.
  const response = await page.goto("/admin/email?status=XYZ&after=not-a-uuid");
  expect(response?.status()).toBe(200);
  await expect(page.getByRole("link", { name: "Tất cả (0)" })).toHaveAttribute("aria-current", "page");
});

test("nobody else may open it", async ({ page }) => {
  await signIn(page, "canbo.sotuphap");
  await expect(page.getByRole("link", { name: "Thư điện tử" })).toHaveCount(0);
  const response = await page.goto("/admin/email");
  expect(response?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: "Không có quyền truy cập" })).toBeVisible();
});
