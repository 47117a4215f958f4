/**
 * Registry administration (issue 10 §1): an admin finds units by typing without diacritics,
 * creates a unit, edits it and deactivates it (never deletes), moves a unit to another commune from
 * a date (issue 10 §2) and sees its history; a leader sees the same list and units read-only and is
 * refused the forms.
 */
import { expect, test } from "./fixtures";
import { answerConfirm, signIn, signOut } from "./helpers";

const LIST = "/admin/registry/units";

test.describe("registry of units", () => {
  test("an admin searches without diacritics, creates, edits and deactivates a unit", async ({ page }) => {
    await signIn(page, "admin");
    await page.getByRole("link", { name: "Danh mục", exact: true }).first().click();
    await expect(page).toHaveURL(new RegExp(`${LIST}$`));

    const search = page.getByRole("search", { name: "Tìm kiếm đơn vị" });
    await search.getByLabel("Tìm theo mã hoặc tên").fill("so tu phap tinh lao cai");
    await search.getByRole("button", { name: "Tìm" }).click();
    await expect(page).toHaveURL(/q=so\+tu\+phap\+tinh\+lao\+cai/);
    const table = page.getByTestId("registry-units");
    await expect(table.getByRole("link", { name: "Sở Tư pháp tỉnh Lào Cai" })).toBeVisible();
    await expect(table.locator("tbody tr")).toHaveCount(1);

    const n = Date.now() % 1_000_000;
    const code = `E2E-GD-${n}`;
    await page.getByRole("link", { name: "Thêm đơn vị" }).click();
    const form = page.getByRole("form", { name: "Thêm đơn vị" });
    await expect(form.getByLabel("Mã đơn vị")).toBeEditable();
    await form.getByLabel("Mã đơn vị").fill(code);
    await form.getByLabel("Tên đơn vị").fill(`Trường THCS Đồng Tuyển ${n}`);
    await form.getByLabel("Loại đơn vị").selectOption("CSGD");
    await form.getByLabel("Cấp học").selectOption("THCS");
    await form.getByLabel("Xã, phường, đặc khu").selectOption({ label: "Phường Lào Cai" });
    await form.getByLabel("Cơ quan quản lý").selectOption({ index: 1 });
    await form.getByLabel("Lĩnh vực").selectOption("EDUCATION");
    await form.getByRole("button", { name: "Thêm đơn vị" }).click();

    await expect(page.getByRole("heading", { name: `Trường THCS Đồng Tuyển ${n}` })).toBeVisible();
    const edit = page.getByRole("form", { name: "Sửa thông tin đơn vị" });
    await expect(edit.getByLabel("Tên đơn vị")).toBeEditable();
    await edit.getByLabel("Tên đơn vị").fill(`Trường THCS Đồng Tuyển số ${n}`);
    // A limited field counts its characters against the schema's limit, and says so to a screen reader.
    await expect(edit.getByTestId("name-count")).toContainText(`${`Trường THCS Đồng Tuyển số ${n}`.length}/200`);
    await expect(edit.getByLabel("Tên đơn vị")).toHaveAttribute("aria-describedby", /\bname-count\b/);
    await edit.getByRole("button", { name: "Lưu thay đổi" }).click();
    await expect(edit.getByText("Đã lưu thay đổi.")).toBeVisible();
    // Saving again with nothing changed writes nothing and says so.
    await edit.getByRole("button", { name: "Lưu thay đổi" }).click();
    await expect(edit.getByText("Không có thay đổi.")).toBeVisible();

    const status = page.getByRole("form", { name: "Ngừng hoạt động đơn vị" });
    await status.getByRole("button", { name: "Ngừng hoạt động" }).click();
    await expect(status.getByText("Vui lòng nêu lý do.")).toBeVisible();
    await status.getByLabel("Lý do ngừng hoạt động").fill("Sáp nhập vào trường khác (kiểm thử)");
    await status.getByRole("button", { name: "Ngừng hoạt động" }).click();
    await expect(page.getByRole("form", { name: "Cho đơn vị hoạt động trở lại" })).toBeVisible();

    // Deactivated, not deleted: found among all states, typed without diacritics.
    await page.goto(`${LIST}?status=all&q=${encodeURIComponent(`dong tuyen so ${n}`)}`);
    const row = page.getByTestId("registry-units").locator("tbody tr");
    await expect(row).toHaveCount(1);
    await expect(row).toContainText(code);
    await expect(row).toContainText("Ngừng hoạt động");
    await page.goto(`${LIST}?q=${encodeURIComponent(`dong tuyen so ${n}`)}`);
    await expect(page.getByText("Không có đơn vị nào phù hợp với bộ lọc.")).toBeVisible();
  });

  test("an admin finds a commune without diacritics and may not deactivate it while it has active units", async ({ page }) => {
    await signIn(page, "admin");
    await page.goto("/admin/registry/communes?q=phuong+lao+cai");
    await page.getByTestId("registry-list").getByRole("link", { name: "Phường Lào Cai" }).click();
    await expect(page.getByRole("heading", { name: "Phường Lào Cai" })).toBeVisible();
    const status = page.getByRole("form", { name: "Ngừng hoạt động xã, phường, đặc khu" });
    await expect(status.getByLabel("Lý do ngừng hoạt động")).toBeEditable();
    await status.getByLabel("Lý do ngừng hoạt động").fill("Thử sáp nhập (kiểm thử)");
    await status.getByRole("button", { name: "Ngừng hoạt động" }).click();
    await expect(status.getByText(/Không thể ngừng hoạt động: Phường Lào Cai còn \d+ đơn vị đang hoạt động/)).toBeVisible();
  });

  test("a leader sees the list read-only and is refused the forms", async ({ page }) => {
    await signIn(page, "lanhdao");
    await page.goto(`${LIST}?q=lao+cai`);
    const table = page.getByTestId("registry-units");
    await expect(table).toContainText("Sở Tư pháp tỉnh Lào Cai");
    await expect(page.getByText(/chỉ xem/)).toBeVisible();
    await expect(page.getByRole("link", { name: "Thêm đơn vị" })).toHaveCount(0);
    await expect(page.getByRole("button", { name: /Lưu|Ngừng hoạt động/ })).toHaveCount(0);
    // A row opens the unit read-only (its details, history and sub-units), with nothing to change it.
    await table.locator("tbody").getByRole("link", { name: "Sở Tư pháp tỉnh Lào Cai" }).click();
    await expect(page.getByTestId("registry-unit-details")).toBeVisible();
    await expect(page.getByTestId("placement-history")).toBeVisible();
    await expect(page.getByTestId("sub-unit-share")).toBeVisible();
    await expect(page.getByRole("button", { name: /Lưu|Ngừng hoạt động|Thêm đơn vị trực thuộc|Kích hoạt lại|Ghi thay đổi/ })).toHaveCount(0);
    await expect(page.getByRole("combobox", { name: /Kết quả năm/ })).toHaveCount(0);
    await page.goto(`${LIST}/new`);
    await expect(page.getByRole("heading", { name: "Không có quyền truy cập" })).toBeVisible();
    await signOut(page);
  });

  test("an admin moves a unit to another commune from a date; a date before its current placement is refused in Vietnamese; the history shows both", async ({ page }) => {
    await signIn(page, "admin");
    await page.goto(`${LIST}?q=${encodeURIComponent("truong thpt so 1")}`);
    const table = page.getByTestId("registry-units");
    await table.getByRole("link", { name: "Trường THPT số 1 Lào Cai" }).click();
    await expect(page.getByRole("heading", { name: "Trường THPT số 1 Lào Cai" })).toBeVisible();
    const history = page.getByTestId("placement-history");
    await expect(history.locator("tbody tr")).toHaveCount(1);
    await expect(history.locator("tbody tr").first()).toContainText("01/01/2022");

    const form = page.getByRole("form", { name: "Thay đổi có ngày hiệu lực" });
    await expect(form.getByLabel("Loại thay đổi")).toBeEditable();
    await form.getByLabel("Loại thay đổi").selectOption({ label: "Chuyển xã, phường, đặc khu" });
    const today = await form.getByLabel("Có hiệu lực từ ngày").inputValue();
    await form.getByLabel("Có hiệu lực từ ngày").fill("31/12/2021");
    await form.getByLabel("Chuyển đến xã, phường, đặc khu").selectOption({ index: 1 });
    const target = (await form.getByLabel("Chuyển đến xã, phường, đặc khu").locator("option:checked").textContent())!.trim();
    await form.getByLabel("Lý do, căn cứ").fill("Theo Quyết định số 99/QĐ-UBND (kiểm thử)");
    await form.getByRole("button", { name: "Ghi thay đổi" }).click();
    // The message is shown at the top of the form and under the date.
    await expect(form.locator("#placement-effectiveFrom-error")).toHaveText("Ngày hiệu lực không được trước ngày bắt đầu của vị trí hiện tại (01/01/2022).");
    // Nothing typed is lost.
    await expect(form.getByLabel("Lý do, căn cứ")).toHaveValue("Theo Quyết định số 99/QĐ-UBND (kiểm thử)");

    await form.getByLabel("Có hiệu lực từ ngày").fill(today);
    await form.getByRole("button", { name: "Ghi thay đổi" }).click();
    await expect(form.getByText("Đã ghi thay đổi vào lịch sử của đơn vị.")).toBeVisible();
    await expect(history.locator("tbody tr")).toHaveCount(2);
    await expect(history.locator("tbody tr").first()).toContainText(target);
    await expect(history.locator("tbody tr").first()).toContainText("nay");
    // The edit form follows the new version: a save right after is not refused as stale.
    const edit = page.getByRole("form", { name: "Sửa thông tin đơn vị" });
    await expect(edit.getByLabel("Xã, phường, đặc khu").locator("option:checked")).toHaveText(target);
    await edit.getByLabel("Địa chỉ").fill(`Số ${Date.now() % 1000}, đường Hoàng Liên`);
    await edit.getByRole("button", { name: "Lưu thay đổi" }).click();
    await expect(edit.getByText("Đã lưu thay đổi.")).toBeVisible();
  });

  test("an admin records a merger: asked once, the absorbed unit closes and both units show the link", async ({ page }) => {
    await signIn(page, "admin");
    await page.goto(`${LIST}?q=${encodeURIComponent("minh phat")}&status=all`);
    await page.getByTestId("registry-units").getByRole("link", { name: "Công ty TNHH Thương mại Minh Phát" }).click();
    await expect(page.getByRole("heading", { name: "Công ty TNHH Thương mại Minh Phát" })).toBeVisible();
    const form = page.getByRole("form", { name: "Thay đổi có ngày hiệu lực" });
    await form.getByLabel("Loại thay đổi").selectOption({ label: "Sáp nhập vào đơn vị khác" });
    await form.getByLabel("Mã đơn vị tiếp nhận").fill("CQ-STP");
    await form.getByLabel("Lý do, căn cứ").fill("Theo Quyết định số 7/QĐ-UBND về sáp nhập (kiểm thử)");
    await form.getByRole("button", { name: "Ghi thay đổi" }).click();
    await answerConfirm(page, "Sáp nhập vào đơn vị khác?", "Ghi thay đổi");
    // Another kind is refused under the field; nothing typed is lost.
    await expect(form.locator("#placement-successorCodes-error")).toHaveText("Đơn vị “CQ-STP” khác loại với đơn vị này.");
    await expect(form.getByLabel("Lý do, căn cứ")).toHaveValue("Theo Quyết định số 7/QĐ-UBND về sáp nhập (kiểm thử)");

    await form.getByLabel("Mã đơn vị tiếp nhận").fill("DN-MTDT");
    await form.getByRole("button", { name: "Ghi thay đổi" }).click();
    await answerConfirm(page, "Sáp nhập vào đơn vị khác?", "Ghi thay đổi");
    await expect(form.getByText("Đã ghi thay đổi vào lịch sử của đơn vị.")).toBeVisible();
    await expect(page.getByRole("main")).toContainText("Mã DN-TMMP · Ngừng hoạt động");
    await expect(form.getByLabel("Loại thay đổi").locator("option:checked")).toHaveText("Hoạt động trở lại");
    const links = page.getByTestId("unit-successions");
    await expect(links).toContainText("Sáp nhập vào DN-MTDT – Công ty Cổ phần Môi trường đô thị Lào Cai");
    await links.getByRole("link", { name: /DN-MTDT/ }).click();
    await expect(page.getByRole("heading", { name: "Công ty Cổ phần Môi trường đô thị Lào Cai" })).toBeVisible();
    await expect(page.getByTestId("unit-successions")).toContainText("Tiếp nhận đơn vị sáp nhập DN-TMMP – Công ty TNHH Thương mại Minh Phát");
  });

  test("an admin merges a commune into another: asked once, told what was done, the commune stops", async ({ page }) => {
    await signIn(page, "admin");
    const n = Date.now() % 1_000_000;
    await page.goto("/admin/registry/communes/new");
    const create = page.getByRole("form", { name: "Thêm xã, phường, đặc khu" });
    await create.getByLabel("Mã").fill(`E2E-SN-${n}`);
    await create.getByLabel("Tên").fill(`Xã Thử Sáp Nhập ${n}`);
    await create.getByLabel("Loại").selectOption({ label: "Xã" });
    await create.getByRole("button", { name: "Thêm" }).click();
    await expect(page.getByRole("heading", { name: `Xã Thử Sáp Nhập ${n}` })).toBeVisible();

    const form = page.getByRole("form", { name: "Sáp nhập vào xã, phường khác" });
    await form.getByRole("button", { name: "Sáp nhập" }).click();
    await expect(form.locator("#merger-intoAreaId-error")).toHaveText("Vui lòng chọn xã, phường tiếp nhận.");
    await form.getByLabel("Xã, phường tiếp nhận").selectOption({ label: "Xã Mù Cang Chải" });
    await form.getByLabel("Căn cứ").fill("Theo Nghị quyết số 1674/NQ-UBTVQH15 (kiểm thử)");
    await form.getByRole("button", { name: "Sáp nhập" }).click();
    await answerConfirm(page, `Sáp nhập Xã Thử Sáp Nhập ${n} vào Xã Mù Cang Chải?`, "Sáp nhập");
    await expect(page.getByText(`Đã sáp nhập Xã Thử Sáp Nhập ${n} vào Xã Mù Cang Chải: chuyển 0 đơn vị`)).toBeVisible();
    await expect(page.getByRole("main")).toContainText(`Mã E2E-SN-${n} · Ngừng hoạt động`);
    await expect(page.getByRole("form", { name: "Sáp nhập vào xã, phường khác" })).toHaveCount(0);
  });

  test("a unit officer is refused the registry", async ({ page }) => {
    await signIn(page, "canbo.sotuphap");
    await page.goto(LIST);
    await expect(page.getByRole("heading", { name: "Không có quyền truy cập" })).toBeVisible();
  });
});
