/**
 * The movement's scoring sheets as data (issue 14 §1): under Quy định an admin opens the 2026
 * sheet of the Front and mass organisations (no other spec scores against it, so it is never frozen
 * by an evaluation), changes a line's maximum and a class's cut-off — a bad value is refused in
 * Vietnamese with everything typed kept — saves, and the sheet shows the new values; the
 * participants list shows the demo province's departments and organisations; a participant added,
 * renamed twice (the version a save returns is kept) and saved unchanged ("Không có thay đổi.").
 */
import { expect, test } from "./fixtures";
import { signIn } from "./helpers";

test.describe("movement scoring sheets", () => {
  test("an admin edits a line's points and a class cut-off of a 2026 sheet; the participants are listed", async ({ page }) => {
    await signIn(page, "admin");
    await page.getByRole("link", { name: "Quy định", exact: true }).first().click();
    await page.getByRole("navigation", { name: "Quy định" }).getByRole("link", { name: "Bảng chấm điểm phong trào" }).click();
    await expect(page.getByRole("heading", { name: "Bảng chấm điểm phong trào" })).toBeVisible();
    await page.getByRole("navigation", { name: "Năm" }).getByRole("link", { name: "2026", exact: true }).click();

    const sheets = page.getByRole("table", { name: "Bảng chấm điểm năm 2026" });
    const frontRow = sheets.getByRole("row").filter({ hasText: "Mặt trận Tổ quốc, tổ chức chính trị - xã hội" });
    await expect(frontRow).toContainText("Đã công bố");
    await expect(frontRow).toContainText("Tạm thời");
    await expect(frontRow).toContainText("4");
    await frontRow.getByRole("link", { name: "Mặt trận Tổ quốc, tổ chức chính trị - xã hội" }).click();
    await expect(page.getByRole("heading", { name: /năm 2026: Mặt trận Tổ quốc, tổ chức chính trị - xã hội/ })).toBeVisible();

    // A line's maximum: a bad value is refused on the spot, the text typed with it is kept.
    const lines = page.getByRole("table", { name: "Tiêu chí của bảng chấm điểm" });
    await lines.getByRole("link", { name: "Sửa tiêu chí PT-MT-4" }).click();
    const lineForm = page.getByRole("form", { name: "Sửa tiêu chí" });
    const points = lineForm.getByLabel("Điểm tối đa");
    await expect(points).toBeEditable();
    // Alternate between two values so that a second run on the same database changes something too.
    const next = (await points.inputValue()) === "21" ? "20,5" : "21";
    const hint = `Báo cáo kết quả giám sát, phản biện (e2e ${next})`;
    await lineForm.getByLabel("Tài liệu kiểm chứng cần có").fill(hint);
    await points.fill("21,125");
    await lineForm.getByRole("button", { name: "Lưu tiêu chí" }).click();
    await expect(lineForm.getByText("Điểm tối đa là số dương, tối đa hai chữ số thập phân (ví dụ: 12,5).")).toBeVisible();
    await expect(points).toHaveValue("21,125");
    await expect(lineForm.getByLabel("Tài liệu kiểm chứng cần có")).toHaveValue(hint);
    await points.fill(next);
    await lineForm.getByRole("button", { name: "Lưu tiêu chí" }).click();

    // Back on the sheet: the line and the total read the new value.
    const line = page.getByRole("table", { name: "Tiêu chí của bảng chấm điểm" }).getByTestId("line-PT-MT-4");
    await expect(line).toContainText(next);
    await expect(line).toContainText(hint);
    const total = next === "21" ? "101" : "100,5";
    await expect(page.getByRole("heading", { name: `Tiêu chí (4) · tổng điểm tối đa ${total}` })).toBeVisible();

    // A class cut-off above the sheet's maximum: refused by the server, what was typed stays.
    const classes = page.getByRole("form", { name: "Các mức xếp loại" });
    const kha = classes.getByLabel("Điểm sàn mức 2");
    await expect(kha).toBeEditable();
    const cutOff = (await kha.inputValue()) === "72,5" ? "71" : "72,5";
    await classes.getByLabel("Tên mức 2").fill("Khá (e2e)");
    await kha.fill("150");
    await classes.getByRole("button", { name: "Lưu các mức xếp loại" }).click();
    await expect(classes.getByRole("alert").first()).toContainText(`vượt tổng điểm tối đa ${total}`);
    await expect(kha).toHaveValue("150");
    await expect(classes.getByLabel("Tên mức 2")).toHaveValue("Khá (e2e)");
    await kha.fill(cutOff);
    await classes.getByLabel("Tên mức 2").fill("Khá");
    await classes.getByRole("button", { name: "Lưu các mức xếp loại" }).click();
    await expect(classes.getByRole("status")).toHaveText("Đã lưu.");

    // What the sheet holds now, as the next person opening it reads it.
    await page.reload();
    await expect(page.getByRole("form", { name: "Các mức xếp loại" }).getByLabel("Điểm sàn mức 2")).toHaveValue(cutOff);
    await expect(page.getByTestId("line-PT-MT-4")).toContainText(next);

    // The participants of the demo province.
    await page.getByRole("link", { name: "← Bảng chấm điểm năm 2026" }).click();
    await page.getByRole("navigation", { name: "Quy định" }).getByRole("link", { name: "Thành phần tham gia phong trào" }).click();
    const participants = page.getByRole("table", { name: "Thành phần tham gia phong trào" });
    await expect(participants).toContainText("Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Lào Cai");
    await expect(participants).toContainText("Hội Cựu chiến binh tỉnh Lào Cai");
    const department = participants.getByRole("row").filter({ hasText: "PT-SGDDT" });
    await expect(department).toContainText("Sở, ban, ngành và tương đương cấp tỉnh");
    await expect(department).toContainText("Sở Giáo dục và Đào tạo tỉnh Lào Cai");
  });
  test("an admin adds a participant, renames it, and a save with nothing changed says so", async ({ page }) => {
    await signIn(page, "admin");
    const n = Date.now() % 1_000_000;
    await page.goto("/admin/movement/participants");
    await page.getByRole("link", { name: "Thêm thành phần" }).click();
    const create = page.getByRole("form", { name: "Thêm thành phần tham gia" });
    await expect(create.getByLabel("Mã")).toBeEditable();
    // Missing group: refused in Vietnamese, what was typed stays.
    await create.getByLabel("Mã").fill(`PT-E2E-${n}`);
    await create.getByLabel("Tên").fill(`Hội Thử nghiệm ${n}`);
    await create.getByRole("button", { name: "Thêm" }).click();
    await expect(create.getByRole("alert").first()).toBeVisible();
    await expect(create.getByLabel("Tên")).toHaveValue(`Hội Thử nghiệm ${n}`);
    await create.getByLabel("Nhóm").selectOption({ index: 1 });
    await create.getByRole("button", { name: "Thêm" }).click();

    // Back on the list; the new participant opens its edit form.
    const participants = page.getByRole("table", { name: "Thành phần tham gia phong trào" });
    await participants.getByRole("link", { name: `Hội Thử nghiệm ${n}` }).click();
    const edit = page.getByRole("form", { name: "Sửa thành phần tham gia" });
    await expect(edit.getByLabel("Tên")).toBeEditable();
    await edit.getByLabel("Tên").fill(`Hội Thử nghiệm ${n} (đổi tên)`);
    await edit.getByRole("button", { name: "Lưu thay đổi" }).click();
    await expect(edit.getByText("Đã lưu thay đổi.")).toBeVisible();
    // The new version came back with the save: a second change is accepted, not refused as stale.
    await edit.getByLabel("Tên").fill(`Hội Thử nghiệm ${n} (lần hai)`);
    await edit.getByRole("button", { name: "Lưu thay đổi" }).click();
    await expect(edit.getByText("Đã lưu thay đổi.")).toBeVisible();
    await edit.getByRole("button", { name: "Lưu thay đổi" }).click();
    await expect(edit.getByText("Không có thay đổi.")).toBeVisible();
    await page.reload();
    await expect(page.getByRole("form", { name: "Sửa thành phần tham gia" }).getByLabel("Tên")).toHaveValue(`Hội Thử nghiệm ${n} (lần hai)`);
  });
});
