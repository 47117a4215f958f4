/**
 * Thu hồi công nhận of several units of one decision (issue 12 §2's screen), in the browser: the
 * provincial police opens last year's decision of the provincial UBND, ticks two units, gives the
 * revoking document and the reason, backs out once at the confirmation, then confirms → both units
 * read "Đã thu hồi" in the annex, the others stay recognised, and their dossiers say why.
 * It revokes the LAST two units of the annex: other specs read the first row of a decision.
 */
import { expect, test } from "./fixtures";
import { DEMO_YEAR } from "../../prisma/seed/demo-data";
import { answerConfirm, signIn } from "./helpers";

const YEAR = DEMO_YEAR - 1;

test("a provincial reviewer revokes two units of a decision at once, after confirming", async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page, "thamdinh.tinh");
  await page.goto(`/decisions?year=${YEAR}`);
  const table = page.getByTestId("decisions-table");
  await table.locator("tbody tr").filter({ hasText: "Ủy ban nhân dân tỉnh Lào Cai" }).first().getByRole("link").first().click();
  const heading = page.getByRole("heading", { name: /Quyết định số \d{2,}\/QĐ-UBND/ });
  await expect(heading).toBeVisible();
  const number = (await heading.textContent())!.replace("Quyết định số ", "").trim();
  const decisionUrl = page.url();

  // The revocation form (a row per unit still recognised) has a page of its own.
  await page.getByRole("link", { name: "Thu hồi công nhận", exact: true }).click();
  await expect(page).toHaveURL(`${decisionUrl}/revoke`);
  const form = page.getByRole("form", { name: "Thu hồi công nhận nhiều đơn vị" });
  // Nothing chosen, nothing written: the form says what is missing and keeps what was typed.
  await form.getByLabel("Số, ký hiệu văn bản thu hồi").fill("45/QĐ-UBND");
  await form.getByRole("button", { name: "Thu hồi công nhận các đơn vị đã chọn" }).click();
  await expect(form.getByText("Vui lòng chọn ít nhất một đơn vị để thu hồi công nhận.")).toBeVisible();
  await expect(form.getByText("Vui lòng nêu rõ lý do.")).toBeVisible();
  await expect(form.getByLabel("Số, ký hiệu văn bản thu hồi")).toHaveValue("45/QĐ-UBND");

  const units = form.locator("li label");
  const count = await units.count();
  expect(count).toBeGreaterThanOrEqual(3);
  const chosen = [units.nth(count - 2), units.nth(count - 1)];
  const names = await Promise.all(chosen.map(async (u) => (await u.textContent())!.split(" · ")[0]!.trim()));
  for (const u of chosen) await u.getByRole("checkbox").check();
  await expect(form).toContainText(`2/${count} đã chọn`);
  await form.getByLabel("Lý do thu hồi").fill("Để xảy ra vụ việc nghiêm trọng về an ninh, trật tự sau khi được công nhận.");

  // Backing out writes nothing and keeps the choice.
  await form.getByRole("button", { name: "Thu hồi công nhận các đơn vị đã chọn" }).click();
  await answerConfirm(page, `Thu hồi công nhận 2 đơn vị năm ${YEAR}?`, "Hủy");
  await expect(chosen[0]!.getByRole("checkbox")).toBeChecked();

  await form.getByRole("button", { name: "Thu hồi công nhận các đơn vị đã chọn" }).click();
  const dialog = page.getByRole("dialog", { name: `Thu hồi công nhận 2 đơn vị năm ${YEAR}?` });
  for (const name of names) await expect(dialog).toContainText(name);
  await answerConfirm(page, `Thu hồi công nhận 2 đơn vị năm ${YEAR}?`, "Thu hồi công nhận 2 đơn vị");
  // On the decision's page, which says what was done (checked after the navigation).
  await expect(page).toHaveURL(decisionUrl);
  await expect(page.getByTestId("notice")).toContainText(`Đã thu hồi công nhận 2 đơn vị theo Quyết định số ${number}.`);

  const annex = page.getByTestId("decision-annex");
  for (const name of names) {
    const row = annex.locator("tbody tr").filter({ hasText: name });
    await expect(row).toContainText("Đã thu hồi");
    await expect(row).toContainText("theo 45/QĐ-UBND");
  }
  await expect(annex.locator("tbody tr").first()).toContainText("Đã công nhận");
  // The revoked units are no longer offered.
  await page.goto(`${decisionUrl}/revoke`);
  await expect(form.locator("li label")).toHaveCount(count - 2);
  await page.goto(decisionUrl);

  // The unit's dossier says when, by which document and why.
  await annex.getByRole("link", { name: names[0]! }).click();
  await expect(page.getByText(/Đã thu hồi công nhận ngày .+ theo văn bản 45\/QĐ-UBND\. Lý do: Để xảy ra vụ việc nghiêm trọng/)).toBeVisible();
});
