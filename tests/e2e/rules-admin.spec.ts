/**
 * Rules as data (issue 10 §5): an admin adds a competence row effective from a date (a date that
 * would change a year already decided is refused, in Vietnamese, with nothing typed lost), removes
 * it while unapplied, and adds one of the province's extra criteria; a leader reads both, read-only.
 */
import { expect, test } from "./fixtures";
import { signIn, signOut } from "./helpers";

test.describe("rules administration", () => {
  test("an admin adds and removes a competence row and adds an extra criterion; a leader only reads", async ({ page }) => {
    await signIn(page, "admin");
    await page.getByRole("link", { name: "Quy định", exact: true }).first().click();
    await expect(page).toHaveURL(/\/admin\/rules\/competence$/);
    await expect(page.getByRole("heading", { name: "Bảng thẩm quyền công nhận" })).toBeVisible();

    const form = page.getByRole("form", { name: "Thêm dòng bảng thẩm quyền" });
    await expect(form.getByLabel("Loại đơn vị")).toBeEnabled();
    await form.getByLabel("Loại đơn vị").selectOption({ label: "Cơ sở giáo dục" });
    await form.getByLabel("Có hiệu lực từ ngày").fill("01/01/2031");
    await form.getByLabel("Cấp thẩm định").selectOption({ label: "Công an tỉnh" });
    await form.getByLabel("Cơ quan quyết định công nhận").selectOption({ label: "UBND tỉnh" });
    await form.getByLabel("Hạn quyết định: ngày").fill("29");
    await form.getByLabel("Hạn quyết định: tháng").fill("2");
    await form.getByLabel("Căn cứ, ghi chú").fill("Kiểm thử e2e");
    await form.getByRole("button", { name: "Thêm dòng" }).click();
    // 29/2 does not exist every year: refused on the spot, nothing typed lost.
    await expect(form.getByText("Ngày 29/2 không có trong mọi năm; vui lòng chọn ngày khác.")).toBeVisible();
    await expect(form.getByLabel("Căn cứ, ghi chú")).toHaveValue("Kiểm thử e2e");
    await form.getByLabel("Hạn quyết định: ngày").fill("25");
    await form.getByLabel("Hạn quyết định: tháng").fill("11");
    await form.getByRole("button", { name: "Thêm dòng" }).click();

    const table = page.getByRole("table", { name: "Bảng thẩm quyền: Cơ sở giáo dục" });
    const row = table.locator("tr", { hasText: "01/01/2031" });
    await expect(row).toContainText("25/11");
    await expect(row).toContainText("Chưa áp dụng");
    await row.getByRole("button", { name: "Xóa dòng" }).click();
    await expect(row).toHaveCount(0);

    await page.getByRole("link", { name: "Tiêu chí bổ sung của tỉnh" }).click();
    await page.getByRole("link", { name: "Thêm tiêu chí" }).click();
    const criterion = page.getByRole("form", { name: "Thêm tiêu chí bổ sung của tỉnh" });
    const code = `E2E-${Date.now() % 1_000_000}`;
    await expect(criterion.getByLabel("Mã tiêu chí")).toBeEditable();
    await criterion.getByLabel("Mã tiêu chí").fill(code);
    await criterion.getByLabel("Nội dung tiêu chí").fill("Có tổ tự quản về an ninh, trật tự hoạt động thường xuyên");
    await criterion.getByRole("button", { name: "Thêm tiêu chí" }).click();
    await expect(criterion.getByText("Vui lòng chọn ít nhất một loại đơn vị.")).toBeVisible();
    await criterion.getByLabel("Cơ quan", { exact: true }).check();
    await criterion.getByLabel("Doanh nghiệp", { exact: true }).check();
    await criterion.getByLabel("Áp dụng từ năm đánh giá").fill("2031");
    await criterion.getByLabel("Văn bản của UBND tỉnh quy định").fill("Quyết định số 12/2031/QĐ-UBND ngày 10/01/2031 của UBND tỉnh");
    await criterion.getByRole("button", { name: "Thêm tiêu chí" }).click();
    await expect(page.getByRole("heading", { name: new RegExp(`^${code}: Có tổ tự quản`) })).toBeVisible();
    await expect(page.getByText("Chưa dùng, còn sửa được")).toBeVisible();

    await signOut(page);
    await signIn(page, "lanhdao");
    await page.goto("/admin/rules/criteria");
    await expect(page.getByRole("table", { name: "Tiêu chí bổ sung của tỉnh" })).toContainText(code);
    await expect(page.getByRole("link", { name: "Thêm tiêu chí" })).toHaveCount(0);
    await page.goto("/admin/rules/competence");
    await expect(page.getByRole("form", { name: "Thêm dòng bảng thẩm quyền" })).toHaveCount(0);
  });
});
