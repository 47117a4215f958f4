/**
 * Recording the year (workflow issue §2): an officer keeps the unit's facts current — sub-units
 * and their results with the live 70 % share, year facts with field-level validation, incidents
 * they declare — while police-recorded incidents stay read-only to them, and a reviewer of the
 * commune police records one. Changes are chosen so that they do not flip any demo verdict.
 */
import { expect, test } from "./fixtures";
import { stableId } from "../../prisma/seed/demo-province";
import { DEMO_YEAR } from "../../prisma/seed/demo-data";
import { answerConfirm, signIn, signOut, unitId } from "./helpers";

const STP = unitId("CQ-STP");
const YEAR = DEMO_YEAR;
/** Phường Lào Cai's residential areas (seeded ids): Tổ dân phố số 2 has a police-recorded, exempt serious crime. */
const kdcOfPhuongLaoCai = (k: number) => stableId(`unit:KDC:LCI-P01:${k}`);
const TDP2 = kdcOfPhuongLaoCai(1);
const TDP3 = kdcOfPhuongLaoCai(2);
const TDP2_POLICE_INCIDENT = stableId(`incident:${TDP2}:handled`);

const shareOf = async (text: string | null) => {
  const m = /(\d+)\/(\d+)/.exec(text ?? "");
  expect(m, `share text "${text}"`).not.toBeNull();
  return { good: Number(m![1]), total: Number(m![2]) };
};

test.describe("recording the year (officer)", () => {
  test("an officer adds a sub-unit, rates it, and sees the share update", async ({ page }) => {
    await signIn(page, "canbo.sotuphap");
    await page.goto(`/units/${STP}`);
    await expect(page.getByRole("link", { name: /^Theo dõi số liệu năm \d{4}$/ })).toBeVisible();
    await page.goto(`/units/${STP}/records?year=${YEAR}`);
    await page.getByRole("navigation", { name: "Mục số liệu" }).getByRole("link", { name: "Phòng, ban trực thuộc" }).click();
    await expect(page).toHaveURL(new RegExp(`/records/sub-units\\?year=${YEAR}`));

    const share = page.getByTestId("sub-unit-share");
    await expect(share).toContainText("đạt TTLĐTT hoặc HTTNV trở lên");
    const before = await shareOf(await share.textContent());

    const name = `Phòng Kiểm tra văn bản ${Date.now() % 100000}`;
    const add = page.getByRole("form", { name: "Thêm đơn vị trực thuộc" });
    await add.getByLabel("Tên đơn vị trực thuộc").fill(name);
    await add.getByLabel("Loại").selectOption("PHONG");
    await add.getByRole("button", { name: "Thêm đơn vị trực thuộc" }).click();
    await expect(page.getByTestId("sub-unit-table")).toContainText(name);
    await expect(share).toHaveText(`${before.good}/${before.total + 1} đạt TTLĐTT hoặc HTTNV trở lên`);

    await page.getByLabel(`Kết quả năm ${YEAR} của ${name}`).selectOption("TTLDTT");
    await expect(share).toHaveText(`${before.good + 1}/${before.total + 1} đạt TTLĐTT hoặc HTTNV trở lên`);
    await expect(page.getByText(`Đã lưu kết quả năm ${YEAR} của ${name}.`)).toBeVisible();
    // The result was saved, not only shown: it survives a reload.
    await page.reload();
    await expect(page.getByLabel(`Kết quả năm ${YEAR} của ${name}`)).toHaveValue("TTLDTT");
    await expect(share).toHaveText(`${before.good + 1}/${before.total + 1} đạt TTLĐTT hoặc HTTNV trở lên`);

    // Deactivating asks first; afterwards the sub-unit leaves the 70 % share.
    await page.getByTestId("sub-unit-table").getByRole("row").filter({ hasText: name }).getByRole("button", { name: "Ngừng hoạt động" }).click();
    await answerConfirm(page, `Chuyển “${name}” sang ngừng hoạt động?`, "Ngừng hoạt động");
    await expect(page.getByText(`Đã chuyển ${name} sang ngừng hoạt động.`)).toBeVisible();
    await expect(share).toHaveText(`${before.good}/${before.total} đạt TTLĐTT hoặc HTTNV trở lên`);
  });

  test("year facts: briefed > total is flagged next to the field and the input is kept", async ({ page }) => {
    await signIn(page, "canbo.sotuphap");
    await page.goto(`/units/${STP}/records/facts?year=${YEAR}`);
    const form = page.getByRole("form", { name: `Số liệu năm ${YEAR}` });
    const total = form.getByLabel("Tổng số cán bộ, công chức, viên chức, người lao động");
    const briefed = form.getByLabel("Số đã được phổ biến nội quy, quy định và tiêu chí");
    const staff = Number(await total.inputValue());
    const briefedSaved = await briefed.inputValue();
    expect(staff).toBeGreaterThan(0);
    await total.fill(String(staff));
    await briefed.fill(String(staff + 5));
    await form.getByRole("button", { name: `Lưu số liệu năm ${YEAR}` }).click();
    await expect(page.locator("#staffBriefed-error")).toHaveText("Số đã được phổ biến không được lớn hơn tổng số cán bộ, người lao động.");
    await expect(briefed).toHaveAttribute("aria-invalid", "true");
    await expect(briefed).toHaveValue(String(staff + 5));
    await expect(total).toHaveValue(String(staff));

    // Put back as it was, the form has nothing to save and says so; a real change is saved.
    await briefed.fill(briefedSaved);
    await form.getByRole("button", { name: `Lưu số liệu năm ${YEAR}` }).click();
    await expect(form.getByText("Không có thay đổi.")).toBeVisible();
    await total.fill(String(staff + 1));
    await briefed.fill(String(staff + 1));
    await form.getByRole("button", { name: `Lưu số liệu năm ${YEAR}` }).click();
    await expect(page.getByText(`Đã lưu số liệu năm ${YEAR}.`)).toBeVisible();
    await page.reload();
    await expect(page.getByLabel("Số đã được phổ biến nội quy, quy định và tiêu chí")).toHaveValue(String(staff + 1));
  });

  test("year facts arrive with their values and stay locked until the page's scripts run", async ({ page, browser }) => {
    // A slow phone shows the server's HTML for a while: it must show the recorded values, and
    // typing into it (then overwritten when the form takes over) must not be possible.
    await signIn(page, "canbo.sotuphap");
    await page.goto(`/units/${STP}/records/facts?year=${YEAR}`);
    const label = "Tổng số cán bộ, công chức, viên chức, người lao động";
    const live = page.getByRole("form", { name: `Số liệu năm ${YEAR}` }).getByLabel(label);
    await expect(live).toBeEditable();
    const recorded = await live.inputValue();
    expect(Number(recorded)).toBeGreaterThan(0);

    const noScripts = await browser.newContext({ javaScriptEnabled: false, storageState: await page.context().storageState() });
    try {
      const before = await noScripts.newPage();
      await before.goto(`/units/${STP}/records/facts?year=${YEAR}`);
      const form = before.getByRole("form", { name: `Số liệu năm ${YEAR}` });
      await expect(form.getByLabel(label)).toHaveValue(recorded);
      await expect(form.getByLabel(label)).toBeDisabled();
      await expect(form.getByRole("button", { name: `Lưu số liệu năm ${YEAR}` })).toBeDisabled();
    } finally {
      await noScripts.close();
    }
  });

  test("an officer declares an incident and sees it listed as declared by the unit", async ({ page }) => {
    await signIn(page, "canbo.sotuphap");
    await page.goto(`/units/${STP}/records/incidents?year=${YEAR}`);
    await page.getByRole("link", { name: "Khai báo vụ việc" }).click();
    const form = page.getByRole("form", { name: "Khai báo vụ việc" });
    // Only the agency catalogue (Đ6 k3) is offered: no residential-area codes.
    await expect(form.getByLabel("Loại vụ việc (theo tiêu chí)").locator("option[value=NEW_HOTSPOT]")).toHaveCount(0);
    await form.getByLabel("Loại vụ việc (theo tiêu chí)").selectOption("SERIOUS_FIRE_EXPLOSION");
    await form.getByLabel("Ngày xảy ra").fill(`10/05/${YEAR}`);
    const title = `Chập điện gây cháy phòng lưu trữ ${Date.now() % 100000}`;
    await form.getByLabel("Tên vụ việc").fill(title);
    await form.getByLabel("Do nguyên nhân bất khả kháng").check();
    await form.getByRole("button", { name: "Khai báo vụ việc" }).click();
    await expect(page).toHaveURL(new RegExp(`/records/incidents\\?year=${YEAR}`));
    const item = page.getByTestId("incident").filter({ hasText: title });
    await expect(item).toContainText("Đơn vị tự khai báo");
    await expect(item).toContainText("10/05/2026");
    await expect(item).toContainText("Bất khả kháng");
    await expect(item.getByRole("link", { name: `Sửa vụ việc ${title}` })).toBeVisible();
  });

  test("an officer declares a staff member's social evil: who, basis and discipline are asked for and listed", async ({ page }) => {
    await signIn(page, "canbo.sotuphap");
    await page.goto(`/units/${STP}/records/incidents/new?year=${YEAR}`);
    const form = page.getByRole("form", { name: "Khai báo vụ việc" });
    const person = form.getByTestId("incident-person-fields");
    // A fire is about no one: the person fields stay hidden.
    await form.getByLabel("Loại vụ việc (theo tiêu chí)").selectOption("SERIOUS_FIRE_EXPLOSION");
    await expect(person).toBeHidden();
    await form.getByLabel("Loại vụ việc (theo tiêu chí)").selectOption("STAFF_ANTT_SANCTION_OR_EVIL");
    await expect(person).toBeVisible();
    await form.getByLabel("Ngày xảy ra").fill(`02/06/${YEAR}`);
    const title = `Cán bộ tham gia đánh bạc ${Date.now() % 100000}`;
    await form.getByLabel("Tên vụ việc").fill(title);
    // Without who and the basis the form says what is missing, in Vietnamese, and stays put.
    await form.getByRole("button", { name: "Khai báo vụ việc" }).click();
    await expect(form.getByText("Vui lòng chọn người vi phạm (cán bộ, người lao động, giáo viên hoặc người học).")).toBeVisible();
    await expect(form.getByText(/Vui lòng chọn căn cứ/)).toBeVisible();

    await form.getByLabel("Người vi phạm là", { exact: true }).selectOption("STAFF");
    await form.getByLabel("Căn cứ", { exact: true }).selectOption("SOCIAL_EVIL");
    // A social evil needs the discipline; khiển trách is recorded but does not fail the criterion.
    const discipline = form.getByLabel("Hình thức kỷ luật", { exact: true });
    await expect(discipline).toBeEnabled();
    await discipline.selectOption("KHIEN_TRACH");
    await form.getByRole("button", { name: "Khai báo vụ việc" }).click();
    await expect(page).toHaveURL(new RegExp(`/records/incidents\\?year=${YEAR}`));
    const item = page.getByTestId("incident").filter({ hasText: title });
    await expect(item.getByTestId("incident-person")).toHaveText("Người vi phạm: Cán bộ, công chức, viên chức · Mắc tệ nạn xã hội · kỷ luật khiển trách");

    // The edit form comes back with the same facts.
    await item.getByRole("link", { name: `Sửa vụ việc ${title}` }).click();
    const edit = page.getByRole("form", { name: "Khai báo vụ việc" });
    await expect(edit.getByLabel("Người vi phạm là", { exact: true })).toHaveValue("STAFF");
    await expect(edit.getByLabel("Căn cứ", { exact: true })).toHaveValue("SOCIAL_EVIL");
    await expect(edit.getByLabel("Hình thức kỷ luật", { exact: true })).toHaveValue("KHIEN_TRACH");
  });

  test("an edit saved unchanged is not sent: discipline, model and incident say so and stay put", async ({ page }) => {
    await signIn(page, "canbo.sotuphap");
    const stamp = Date.now() % 100000;
    // A khiển trách of a worker does not fail the discipline criterion, so no demo verdict moves.
    await page.goto(`/units/${STP}/records/discipline/new?year=${YEAR}`);
    const discipline = page.getByRole("form", { name: "Thêm quyết định kỷ luật" });
    const person = `Nguyễn Văn Thử ${stamp}`;
    await discipline.getByLabel("Họ và tên").fill(person);
    await discipline.getByLabel("Đối tượng").selectOption("NGUOI_LAO_DONG");
    await discipline.getByLabel("Hình thức kỷ luật").selectOption("KHIEN_TRACH");
    await discipline.getByLabel("Ngày quyết định").fill(`03/03/${YEAR}`);
    await discipline.getByLabel("Số quyết định").fill(`${stamp}/QĐ-STP`);
    await discipline.getByLabel("Lý do kỷ luật").fill("Đi làm muộn nhiều lần");
    await discipline.getByRole("button", { name: "Thêm quyết định kỷ luật" }).click();
    await expect(page).toHaveURL(new RegExp(`/records/discipline\\?year=${YEAR}`));
    await page.getByRole("link", { name: `Sửa quyết định kỷ luật của ${person}` }).click();
    const editDiscipline = page.getByRole("form", { name: "Sửa quyết định kỷ luật" });
    await editDiscipline.getByRole("button", { name: "Lưu thay đổi" }).click();
    await expect(editDiscipline.getByText("Không có thay đổi.")).toBeVisible();
    await expect(page).toHaveURL(/\/records\/discipline\/[0-9a-f-]{36}/);

    await page.goto(`/units/${STP}/records/models?year=${YEAR}`);
    const model = page.getByRole("form", { name: "Thêm mô hình" });
    const name = `Mô hình "Cơ quan an toàn" ${stamp}`;
    await model.getByLabel("Tên mô hình").fill(name);
    await model.getByLabel("Ngày bắt đầu (nếu có)").fill(`01/02/${YEAR}`);
    await model.getByRole("button", { name: "Thêm mô hình" }).click();
    await expect(model.getByText("Đã thêm mô hình.")).toBeVisible();
    await page.getByRole("link", { name: `Sửa mô hình ${name}` }).click();
    const editModel = page.getByRole("form", { name: "Sửa mô hình" });
    await editModel.getByRole("button", { name: "Lưu thay đổi" }).click();
    await expect(editModel.getByText("Không có thay đổi.")).toBeVisible();
    // A real change is still sent, and the list shows it.
    await editModel.getByLabel("Tên mô hình").fill(`${name} (sửa)`);
    await editModel.getByRole("button", { name: "Lưu thay đổi" }).click();
    await expect(page.getByRole("link", { name: `Sửa mô hình ${name} (sửa)` })).toBeVisible();

    await page.goto(`/units/${STP}/records/incidents/new?year=${YEAR}`);
    const incident = page.getByRole("form", { name: "Khai báo vụ việc" });
    const title = `Mất trộm xe đạp ${stamp}`;
    await incident.getByLabel("Loại vụ việc (theo tiêu chí)").selectOption("SERIOUS_FIRE_EXPLOSION");
    await incident.getByLabel("Ngày xảy ra").fill(`11/05/${YEAR}`);
    await incident.getByLabel("Tên vụ việc").fill(title);
    await incident.getByLabel("Do nguyên nhân bất khả kháng").check();
    await incident.getByRole("button", { name: "Khai báo vụ việc" }).click();
    await page.getByRole("link", { name: `Sửa vụ việc ${title}` }).click();
    const editIncident = page.getByRole("form", { name: "Khai báo vụ việc" });
    await editIncident.getByRole("button", { name: "Lưu thay đổi" }).click();
    await expect(editIncident.getByText("Không có thay đổi.")).toBeVisible();
  });

  test("a police-recorded incident is read-only to the commune officer, also on the server", async ({ page }) => {
    await signIn(page, "canbo.phuonglaocai");
    await page.goto(`/units/${TDP2}/records/incidents?year=${YEAR}`);
    const police = page.locator('[data-testid=incident][data-source=POLICE_RECORDED]').filter({ hasText: "Vụ trộm cắp tài sản được phát hiện kịp thời" });
    await expect(police).toContainText("Công an ghi nhận");
    await expect(police).toContainText("Chỉ xem");
    await expect(police.getByRole("link", { name: /Sửa/ })).toHaveCount(0);
    const response = await page.goto(`/units/${TDP2}/records/incidents/${TDP2_POLICE_INCIDENT}?year=${YEAR}`);
    expect(response?.status()).toBe(403);
  });

  test("the commune police records an incident; the commune officer sees it as police-recorded", async ({ page }) => {
    await signIn(page, "thamdinh.xa");
    await page.goto(`/units/${TDP3}/records/incidents?year=${YEAR}`);
    await page.getByRole("link", { name: "Ghi nhận vụ việc (Công an)" }).click();
    const form = page.getByRole("form", { name: "Ghi nhận vụ việc" });
    await form.getByLabel("Loại vụ việc (theo tiêu chí)").selectOption("SERIOUS_CRIME");
    // A minor crime (ít nghiêm trọng) is recorded but does not count against the criterion.
    await form.getByLabel("Loại tội phạm (Điều 9 Bộ luật Hình sự)").selectOption("IT_NGHIEM_TRONG");
    await form.getByLabel("Ngày xảy ra").fill(`15/08/${YEAR}`);
    const title = `Trộm cắp xe máy ${Date.now() % 100000}`;
    await form.getByLabel("Tên vụ việc").fill(title);
    await form.getByRole("button", { name: "Ghi nhận vụ việc" }).click();
    await expect(page.getByTestId("incident").filter({ hasText: title })).toContainText("Công an ghi nhận");
    await signOut(page);

    await signIn(page, "canbo.phuonglaocai");
    await page.goto(`/units/${TDP3}/records/incidents?year=${YEAR}`);
    const item = page.getByTestId("incident").filter({ hasText: title });
    await expect(item).toContainText("Công an ghi nhận");
    await expect(item).toContainText("Chỉ xem");
    await expect(item.getByRole("link", { name: /Sửa/ })).toHaveCount(0);
  });

  test("the leader sees the records read-only and cannot open an edit page", async ({ page }) => {
    await signIn(page, "lanhdao");
    await page.goto(`/units/${STP}/records/sub-units?year=${YEAR}`);
    await expect(page.getByText("Chế độ chỉ xem")).toBeVisible();
    await expect(page.getByTestId("sub-unit-share")).toBeVisible();
    await expect(page.getByRole("form", { name: "Thêm đơn vị trực thuộc" })).toHaveCount(0);
    await expect(page.getByRole("combobox", { name: /^Kết quả năm/ })).toHaveCount(0);
    const response = await page.goto(`/units/${STP}/records/discipline/new?year=${YEAR}`);
    expect(response?.status()).toBe(403);
  });

  test("another unit's records are a 403 for an officer", async ({ page }) => {
    await signIn(page, "canbo.sotuphap");
    const response = await page.goto(`/units/${unitId("CQ-STC")}/records/facts?year=${YEAR}`);
    expect(response?.status()).toBe(403);
    await expect(page.getByText("Sở Tài chính tỉnh Lào Cai")).toHaveCount(0);
  });

  test("on a phone the sub-unit table scrolls inside its card, not the page @phone", async ({ page }) => {
    await signIn(page, "canbo.sotuphap");
    await page.goto(`/units/${STP}/records/sub-units?year=${YEAR}`);
    await expect(page.getByTestId("sub-unit-table")).toBeVisible();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });
});

test.describe("dates in an English-language browser", () => {
  test.use({ locale: "en-US" });

  test("a date is read and typed dd/mm/yyyy; an impossible day is refused and nothing typed is lost", async ({ page }) => {
    await signIn(page, "canbo.sotuphap");
    await page.goto(`/units/${STP}/records/incidents/new?year=${YEAR}`);
    const form = page.getByRole("form", { name: "Khai báo vụ việc" });
    await form.getByLabel("Loại vụ việc (theo tiêu chí)").selectOption("SERIOUS_FIRE_EXPLOSION");
    const day = form.getByLabel("Ngày xảy ra");
    await day.pressSequentially(`3102${YEAR}`);
    await expect(day).toHaveValue(`31/02/${YEAR}`);
    const title = `Chập điện kho hồ sơ ${Date.now() % 100000}`;
    await form.getByLabel("Tên vụ việc").fill(title);
    await form.getByRole("button", { name: "Khai báo vụ việc" }).click();
    await expect(form.getByText("Ngày không hợp lệ (nhập theo dạng dd/mm/yyyy).")).toBeVisible();
    await expect(form.getByLabel("Tên vụ việc")).toHaveValue(title);

    // 07/03 is the 7th of March, not July 3rd, although the browser speaks American English.
    await day.fill("");
    await day.pressSequentially(`0703${YEAR}`);
    await expect(day).toHaveValue(`07/03/${YEAR}`);
    await form.getByRole("button", { name: "Khai báo vụ việc" }).click();
    const item = page.getByTestId("incident").filter({ hasText: title });
    await expect(item).toContainText(`07/03/${YEAR}`);

    await item.getByRole("link", { name: `Sửa vụ việc ${title}` }).click();
    await expect(page.getByRole("form", { name: "Khai báo vụ việc" }).getByLabel("Ngày xảy ra")).toHaveValue(`07/03/${YEAR}`);

    // Deleting asks first, in Vietnamese (an English browser's own box would say OK/Cancel), then
    // says on the list that it is done.
    await page.getByRole("button", { name: "Xóa vụ việc" }).click();
    await answerConfirm(page, `Xóa vụ việc “${title}”?`, "Hủy");
    await page.getByRole("button", { name: "Xóa vụ việc" }).click();
    await answerConfirm(page, `Xóa vụ việc “${title}”?`, "Xóa vụ việc");
    await expect(page).toHaveURL(new RegExp(`/records/incidents\\?year=${YEAR}`));
    await expect(page.getByTestId("notice")).toContainText(`Đã xóa vụ việc “${title}”.`);
    await expect(page.getByTestId("incident").filter({ hasText: title })).toHaveCount(0);
  });
});
