/**
 * PDF downloads of a decision and a certificate (issue 11 §9): the server prints the Word file with
 * LibreOffice, which scripts/test-all.sh installs. Read-only: it opens a decision of the demo
 * province's previous year.
 */
import type { Download } from "@playwright/test";
import { expect, test } from "./fixtures";
import { DEMO_YEAR } from "../../prisma/seed/demo-data";
import { signIn } from "./helpers";

async function downloadedBytes(download: Download): Promise<Buffer> {
  return Buffer.concat(await (await download.createReadStream()).toArray());
}

test("a decision and a certificate download as PDF files", async ({ page }) => {
  // Each PDF is printed by LibreOffice on request: seconds on an idle server, longer on a busy one.
  test.setTimeout(300_000);
  await signIn(page, "lanhdao");
  await page.goto(`/decisions?year=${DEMO_YEAR - 1}`);
  await page.getByRole("link", { name: /^\d{2,}\/QĐ-/ }).first().click();
  await expect(page.getByRole("heading", { name: /Quyết định số \d{2,}\/QĐ-/ })).toBeVisible();

  // LibreOffice on a busy machine takes seconds; a person waits for the download as long.
  const [decision] = await Promise.all([page.waitForEvent("download", { timeout: 120_000 }), page.getByRole("link", { name: "Tải quyết định (.pdf)" }).click()]);
  expect(decision.suggestedFilename()).toMatch(/^Quyết định .+\.pdf$/);
  const decisionPdf = await downloadedBytes(decision);
  expect(decisionPdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
  // The .docx stays on offer beside it.
  await expect(page.getByRole("link", { name: "Tải quyết định (.docx)" })).toBeVisible();

  const row = page.getByTestId("decision-annex").locator("tbody tr").first();
  const [certificate] = await Promise.all([page.waitForEvent("download", { timeout: 120_000 }), row.getByRole("link", { name: /^Giấy công nhận của .+ \(\.pdf\)$/ }).click()]);
  expect(certificate.suggestedFilename()).toMatch(/^Giấy công nhận - .+\.pdf$/);
  expect((await downloadedBytes(certificate)).subarray(0, 5).toString("latin1")).toBe("%PDF-");
});
