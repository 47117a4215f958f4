/**
 * Commendations (issue 14 §3): the provincial police propose a Bằng khen for a commune classified
 * "Xuất sắc" (the demo seed's, prisma/seed/movement-awards-demo.ts), issue the tờ trình, record
 * the decision, and the commune's officer sees the award on the unit's page.
 */
import { test, expect } from "./fixtures";
import { answerConfirm, signIn, signOut } from "./helpers";
import { AWARDS_DEMO } from "../../prisma/seed/movement-awards-demo";

const COMMUNE = "Phường Lào Cai";

test("a provincial reviewer proposes a Bằng khen for a classified commune, and its officer sees the award", async ({ page }, testInfo) => {
  // A retry runs on the same server, where the first attempt may have nominated the commune for
  // the Bằng khen already: it then goes through the Giấy khen.
  const kind = testInfo.retry === 0 ? "Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh" : "Giấy khen";
  await signIn(page, "thamdinh.tinh");
  await page.getByRole("link", { name: "Khen thưởng", exact: true }).first().click();
  await expect(page.getByRole("heading", { name: "Khen thưởng", exact: true })).toBeVisible();
  await page.goto(`/commendations/new?year=${AWARDS_DEMO.year}`);
  await page.getByLabel("Hình thức khen thưởng").selectOption({ label: kind });
  await page.getByRole("button", { name: "Lập đề nghị" }).click();
  await expect(page).toHaveURL(/\/commendations\/[0-9a-f-]{36}$/);
  await expect(page.getByTestId("notice")).toContainText("Đã lập đề nghị khen thưởng.");
  await expect(page.getByRole("heading", { name: new RegExp(`Đề nghị tặng ${kind}.*năm ${AWARDS_DEMO.year}`) })).toBeVisible();

  // The commune is a candidate, with its record; its achievement is written and it joins the list.
  const candidate = page.getByTestId("candidates").getByRole("listitem").filter({ hasText: COMMUNE });
  await expect(candidate).toContainText(`Xếp loại phong trào: năm ${AWARDS_DEMO.year} Xuất sắc (92,50 điểm)`);
  await candidate.getByLabel(`Thành tích của ${COMMUNE}`).fill("Dẫn đầu phong trào toàn dân bảo vệ an ninh Tổ quốc, không để xảy ra vụ việc phức tạp.");
  await candidate.getByRole("button", { name: "Thêm vào danh sách đề nghị" }).click();
  await expect(page.getByTestId("nominees")).toContainText(COMMUNE);
  await expect(page.getByText("Danh sách đề nghị (1)")).toBeVisible();

  // The tờ trình: its number and date, confirmed; the records are frozen.
  await page.getByLabel("Số tờ trình").fill("25/TTr-CAT");
  await page.getByRole("button", { name: "Ban hành tờ trình" }).click();
  await answerConfirm(page, "Ban hành Tờ trình số 25/TTr-CAT?", "Ban hành tờ trình");
  await expect(page.getByTestId("submission")).toContainText("Số 25/TTr-CAT");
  await expect(page.getByText("Quá trình thành tích (chốt khi trình)")).toBeVisible();
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: /Tải Tờ trình số 25\/TTr-CAT/ }).click();
  expect((await download).suggestedFilename()).toMatch(/\.docx$/);

  // The decision, recorded; the provincial UBND gives it its number.
  await page.getByLabel("Họ tên người ký").fill("Hoàng Quốc Khánh");
  await page.getByLabel("Chức vụ người ký").fill("Phó Chủ tịch");
  if (kind === "Giấy khen") {
    await page.getByLabel("Cơ quan ban hành (cấp số tự động)").selectOption({ index: 0 });
    await page.getByLabel("Người, cơ quan ban hành").fill("Giám đốc Công an tỉnh");
    await page.getByLabel("Số quyết định").fill(`${Date.now() % 1000}/QĐ-CAT`);
  }
  await page.getByRole("button", { name: "Ghi nhận quyết định" }).click();
  await answerConfirm(page, "Ghi nhận quyết định khen thưởng?", "Ghi nhận quyết định");
  await expect(page.getByTestId("award-decision")).toContainText(/Số \d+\/QĐ-/);
  await expect(page.getByText("Đã có quyết định", { exact: true })).toBeVisible();
  await signOut(page);

  // The commune's officer is told, and the notification leads to the unit's page and its awards.
  await signIn(page, "canbo.phuonglaocai");
  await page.goto("/inbox");
  await page.getByRole("link", { name: `${COMMUNE} được tặng ${kind}` }).first().click();
  await expect(page).toHaveURL(/\/units\/[0-9a-f-]{36}#khen-thuong$/);
  await expect(page.getByRole("heading", { name: COMMUNE, level: 1 })).toBeVisible();
  const awards = page.getByRole("region", { name: "Khen thưởng" });
  await expect(awards).toContainText(`Năm ${AWARDS_DEMO.year}: ${kind}`);
  await expect(awards).toContainText(/Quyết định số \d+\/QĐ-/);
});

test("the commendation pages fit a phone @phone", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await signIn(page, "thamdinh.tinh");
  const fits = async () => {
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    const { scrollWidth, clientWidth } = await page.evaluate(() => {
      const root = document.scrollingElement ?? document.documentElement;
      return { scrollWidth: root.scrollWidth, clientWidth: root.clientWidth };
    });
    expect(scrollWidth, `${page.url()} scrolls sideways`).toBeLessThanOrEqual(clientWidth);
  };
  await page.goto(`/commendations/new?year=${AWARDS_DEMO.year}`);
  await fits();
  await page.getByLabel("Hình thức khen thưởng").selectOption({ label: "Cờ thi đua của Ủy ban nhân dân tỉnh" });
  await page.getByRole("button", { name: "Lập đề nghị" }).click();
  await expect(page).toHaveURL(/\/commendations\/[0-9a-f-]{36}$/);
  await fits();
  await page.goto(`/commendations?year=${AWARDS_DEMO.year}`);
  await fits();
  await expect(page.getByTestId("proposals-table")).toContainText("Cờ thi đua UBND tỉnh");
});
