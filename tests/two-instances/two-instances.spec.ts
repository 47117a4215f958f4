/**
 * Two app instances (A and B) on one PostgreSQL and one S3-compatible server, started by
 * scripts/two-instances.sh, as a load balancer would spread one person's requests over them
 * (issue 12 §6, ADR 0022 "running a province"). Cookies belong to the host, not the port, so the
 * browser sends A's session cookie to B, as it would to two servers behind one address.
 */
import { S3Client, ListObjectsCommand } from "@aws-sdk/client-s3";
import type { Download, Page } from "@playwright/test";
import { expect, test } from "../e2e/fixtures";
import { answerConfirm, signIn, signOut } from "../e2e/helpers";

const A = process.env.TWO_A_URL ?? "http://127.0.0.1:3110";
const B = process.env.TWO_B_URL ?? "http://127.0.0.1:3111";
const PDF = Buffer.from(`%PDF-1.4\n% two instances ${Date.now()}\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n`);
const bytesOf = async (download: Download) => Buffer.concat(await (await download.createReadStream()).toArray());

test.describe.configure({ mode: "serial" });

test("a session opened on one instance is valid on the other, and signing out on one ends it on both", async ({ page, context }) => {
  await signIn(page, "lanhdao"); // on A
  await page.goto(`${B}/`);
  await expect(page).toHaveURL(`${B}/`);
  await expect(page.getByRole("button", { name: "Đăng xuất" }).first()).toBeVisible();
  const cookies = await context.cookies();
  expect(cookies.some((c) => c.name.includes("next-auth.session-token"))).toBe(true);

  // Signing out on B revokes the session in the database: the same cookie, replayed on A, no longer opens anything.
  await signOut(page);
  await context.addCookies(cookies);
  await page.goto(`${A}/`);
  await expect(page).toHaveURL(/\/login/);
});

test("an evidence file uploaded through one instance downloads through the other, from the object store", async ({ page }) => {
  await signIn(page, "canbo.truongchuyen"); // on A
  await page.getByRole("link", { name: "Hồ sơ năm 2026 →" }).click();
  await page.getByRole("button", { name: "Bắt đầu tự đánh giá" }).click();
  await page.getByRole("link", { name: "Tự đánh giá và nộp hồ sơ" }).click();
  await expect(page.getByRole("heading", { name: /^Tự đánh giá năm 2026/ })).toBeVisible();
  const selfAssessment = new URL(page.url());
  expect(selfAssessment.origin).toBe(A);

  const upload = page.getByRole("form", { name: /^Tải minh chứng tiêu chí/ }).first();
  await upload.locator('input[type="file"]').setInputFiles({ name: "Biên bản hai máy chủ.pdf", mimeType: "application/pdf", buffer: PDF });
  await upload.getByRole("button", { name: "Tải lên" }).click();
  const link = page.getByRole("link", { name: "Biên bản hai máy chủ.pdf" });
  await expect(link).toBeVisible();
  const href = (await link.getAttribute("href"))!;

  // On B: the same page lists the file, and the download is the bytes uploaded on A.
  await page.goto(`${B}${selfAssessment.pathname}${selfAssessment.search}`);
  const onB = page.getByRole("link", { name: "Biên bản hai máy chủ.pdf" });
  await expect(onB).toBeVisible();
  const [download] = await Promise.all([page.waitForEvent("download"), onB.click()]);
  expect(await bytesOf(download)).toEqual(PDF);
  const direct = await page.request.get(`${B}${href}`);
  expect(direct.status()).toBe(200);
  expect(Buffer.from(await direct.body())).toEqual(PDF);

  // And it is in the bucket, not on either server's disk.
  const s3 = new S3Client({ region: "us-east-1", endpoint: process.env.S3_ENDPOINT ?? "http://127.0.0.1:9110", forcePathStyle: true, credentials: { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" } });
  const listed = await s3.send(new ListObjectsCommand({ Bucket: "antt-evidence" }));
  expect((listed.Contents ?? []).length).toBeGreaterThanOrEqual(1);
  s3.destroy();
});

/** Opens the decision form for the province's People's Committee with only the n-th proposed unit ticked. */
async function prepareDecision(page: Page, origin: string, n: number) {
  await page.goto(`${origin}/decisions/new?year=2025`);
  await page.getByRole("radio", { name: /Ủy ban nhân dân tỉnh Lào Cai/ }).check();
  const units = page.getByTestId("decision-units");
  await units.getByRole("checkbox", { name: "Chọn tất cả đơn vị" }).uncheck();
  await units.locator("tbody input[type=checkbox]").nth(n).check();
  await expect(page.getByText("(1/")).toBeVisible();
  await page.getByRole("button", { name: "Ban hành quyết định" }).click();
  await expect(page.getByRole("dialog", { name: "Ban hành quyết định công nhận?" })).toBeVisible();
}

test("decisions issued on both instances at the same moment get distinct numbers", async ({ page, context }) => {
  await signIn(page, "thamdinh.tinh"); // on A
  // The province's 2025 decision is cancelled, so its units await a new one.
  await page.goto("/decisions?year=2025");
  const table = page.getByTestId("decisions-table");
  await table.locator("tbody tr").filter({ hasText: "Ủy ban nhân dân tỉnh Lào Cai" }).first().getByRole("link").click();
  const number = (await page.getByRole("heading", { name: /Quyết định số/ }).textContent())!.replace("Quyết định số ", "").trim();
  const cancel = page.getByRole("form", { name: "Hủy quyết định" });
  await cancel.getByLabel("Số, ký hiệu văn bản hủy quyết định").fill("99/QĐ-UBND");
  await cancel.getByLabel("Lý do hủy").fill("Ban hành lại theo từng đợt (kiểm thử hai máy chủ).");
  await cancel.getByRole("button", { name: "Hủy quyết định" }).click();
  await answerConfirm(page, `Hủy Quyết định số ${number}?`, "Hủy quyết định");
  await expect(page.getByTestId("decision-details")).toContainText("Đã hủy");

  // Four forms, two on each instance, each for another unit; then all four confirmed at once.
  const pages = [page, await context.newPage(), await context.newPage(), await context.newPage()];
  for (const [i, p] of pages.entries()) await prepareDecision(p, i % 2 === 0 ? A : B, i);
  await Promise.all(pages.map((p) => p.getByRole("dialog", { name: "Ban hành quyết định công nhận?" }).getByRole("button", { name: "Ban hành quyết định", exact: true }).click()));
  const numbers: string[] = [];
  for (const p of pages) {
    const heading = p.getByRole("heading", { name: /^Quyết định số \d{2,}\/QĐ-UBND$/ });
    await expect(heading).toBeVisible({ timeout: 30_000 }); // four issues at once on a loaded machine
    numbers.push((await heading.textContent())!.replace("Quyết định số ", "").trim());
  }
  expect(new Set(numbers).size).toBe(4);
  expect(numbers).not.toContain(number);
});
