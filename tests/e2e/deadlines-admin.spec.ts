/**
 * Deadlines as data (issue 13 §5): an admin opens "Mốc thời hạn" from the rules administration,
 * sees a year on its defaults, is refused out-of-order dates and bad offsets in Vietnamese with
 * nothing typed lost, saves, and finds the year saved on reload; a leader has no such tab and gets
 * 403 on the page. Uses 2031, a year no other spec touches.
 */
import { expect, test } from "./fixtures";
import { signIn, signOut } from "./helpers";

test.describe("deadlines administration", () => {
  test("an admin edits a year's deadlines; a leader may not", async ({ page }) => {
    await signIn(page, "admin");
    await page.goto("/admin/rules/competence");
    await page.getByRole("navigation", { name: "Quy định" }).getByRole("link", { name: "Mốc thời hạn" }).click();
    await expect(page).toHaveURL(/\/admin\/deadlines$/);
    await expect(page.getByRole("heading", { name: "Mốc thời hạn", exact: true })).toBeVisible();

    await page.goto("/admin/deadlines?year=2031");
    await expect(page.getByText("Đang dùng mốc mặc định")).toBeVisible();
    const form = page.getByRole("form", { name: "Mốc thời hạn năm 2031" });
    const registration = form.getByLabel("Hạn đăng ký phấn đấu (quý I)");
    await expect(registration).toBeEnabled();
    await expect(registration).toHaveValue("31/03/2031");
    await expect(form.getByLabel("Hạn nộp hồ sơ tự đánh giá của khu dân cư")).toHaveValue("31/10/2031");
    await expect(page.getByRole("list", { name: "Hạn quyết định công nhận theo loại đơn vị" })).toContainText("Khu dân cư: 15/11/2031");

    await registration.fill("15/12/2031");
    await form.getByRole("button", { name: "Lưu mốc thời hạn" }).click();
    await expect(form.getByText("Hạn nộp hồ sơ tự đánh giá phải sau hạn đăng ký phấn đấu.").first()).toBeVisible();
    await expect(registration).toHaveValue("15/12/2031");

    await registration.fill("15/04/2031");
    await form.getByLabel("Nhắc trước hạn (số ngày)").fill("0");
    await form.getByRole("button", { name: "Lưu mốc thời hạn" }).click();
    await expect(form.getByText("Nhập từ 1 đến 4 số ngày, cách nhau bằng dấu phẩy, mỗi số từ 1 đến 60 (ví dụ: 14, 3).")).toBeVisible();
    await expect(registration).toHaveValue("15/04/2031");

    await form.getByLabel("Nhắc trước hạn (số ngày)").fill("7, 21");
    await form.getByRole("button", { name: "Lưu mốc thời hạn" }).click();
    await expect(form.getByText("Đã lưu mốc thời hạn.")).toBeVisible();
    await expect(page.getByText("Đã lưu riêng cho năm 2031")).toBeVisible();

    await page.reload();
    const again = page.getByRole("form", { name: "Mốc thời hạn năm 2031" });
    await expect(again.getByLabel("Hạn đăng ký phấn đấu (quý I)")).toHaveValue("15/04/2031");
    await expect(again.getByLabel("Nhắc trước hạn (số ngày)")).toHaveValue("21, 7");

    await signOut(page);
    await signIn(page, "lanhdao");
    await page.goto("/admin/rules/competence");
    await expect(page.getByRole("navigation", { name: "Quy định" }).getByRole("link", { name: "Thẩm quyền công nhận" })).toBeVisible();
    await expect(page.getByRole("navigation", { name: "Quy định" }).getByRole("link", { name: "Mốc thời hạn" })).toHaveCount(0);
    const response = await page.goto("/admin/deadlines");
    expect(response?.status()).toBe(403);
  });
});
