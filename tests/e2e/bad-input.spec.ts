/**
 * Filters in the URL that nobody types — NUL, control characters, absurd lengths, impossible years
 * — give the normal page (filters ignored), never the error page or an HTTP 500; and an oversized
 * upload declared to the server is refused with 413 and a Vietnamese message.
 */
import { randomUUID } from "node:crypto";
import http from "node:http";
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { signIn, unitId } from "./helpers";

const STP = unitId("CQ-STP");
// Over every filter's limit, yet short enough for Node's 16 KB request head with four of them.
const LONG = "a".repeat(1000);
const BAD = { nul: "%00", control: "%1B%5B31m", long: LONG, year: "0000", huge: "99999999999999999999" };

async function expectNormalPage(page: Page, url: string, heading: RegExp | string) {
  const response = await page.goto(url);
  expect(response?.status(), url).toBe(200);
  await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Đã xảy ra lỗi" })).toHaveCount(0);
}

test("reviewer queue, units, dashboard and decisions ignore bad filters", async ({ page }) => {
  await signIn(page, "thamdinh.tinh");
  for (const v of Object.values(BAD)) {
    await expectNormalPage(page, `/?communeId=${v}&kind=${v}&state=${v}&deadline=${v}&after=${v}&before=${v}&from=${v}`, /./);
    await expectNormalPage(page, `/units?q=${v}&communeId=${v}&kind=${v}&page=${v}&after=${v}&before=${v}&from=${v}`, /./);
    await expectNormalPage(page, `/dashboard?year=${v}&communeId=${v}&kind=${v}&sector=${v}&sort=${v}`, /./);
    await expectNormalPage(page, `/decisions?year=${v}&after=${v}&before=${v}&from=${v}`, /./);
  }
  const q = await page.goto(`/units?q=S%E1%BB%9F%00`);
  expect(q?.status()).toBe(200);
});

test("registry lists ignore bad filters", async ({ page }) => {
  await signIn(page, "admin");
  for (const v of Object.values(BAD)) {
    await expectNormalPage(page, `/admin/registry/units?q=${v}&kind=${v}&communeId=${v}&status=${v}&sort=${v}&dir=${v}&page=${v}`, "Danh mục đơn vị");
    await expectNormalPage(page, `/admin/registry/communes?q=${v}&status=${v}&page=${v}`, "Danh mục xã, phường, đặc khu");
    await expectNormalPage(page, `/admin/registry/authorities?q=${v}&status=${v}&page=${v}`, "Danh mục cơ quan quản lý");
  }
  // LIKE wildcards and a lone diacritic are searched as typed, not as patterns.
  await expectNormalPage(page, `/admin/registry/units?q=%25_%5C`, "Danh mục đơn vị");
  await expectNormalPage(page, `/admin/registry/units?q=%CC%80`, "Danh mục đơn vị");
});

test("records and dossier pages ignore a bad year", async ({ page }) => {
  await signIn(page, "canbo.sotuphap");
  for (const v of Object.values(BAD)) {
    await expectNormalPage(page, `/units/${STP}/records/facts?year=${v}`, /./);
    await expectNormalPage(page, `/units/${STP}/dossier?year=${v}`, /./);
  }
});

test("the audit log and the e-mail list ignore bad filters and cursors", async ({ page }) => {
  await signIn(page, "admin");
  for (const v of [...Object.values(BAD), "-1", "1e5"]) {
    await expectNormalPage(page, `/admin/audit?action=${v}&username=${v}&before=${v}&after=${v}&from=${v}`, /./);
    await expectNormalPage(page, `/admin/email?status=${v}&before=${v}&after=${v}&from=${v}`, "Thư điện tử");
  }
});

test("an upload declaring more than 10 MB is refused with 413 before its body is read", async ({ page, baseURL }) => {
  await signIn(page, "canbo.sotuphap");
  const cookie = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
  // A raw request: it declares 50 MB, sends 9 bytes and waits. Only an answer given before reading
  // the body arrives (browsers and Playwright's client would send the real length).
  const answer = await new Promise<{ status: number; connection?: string; body: string }>((resolve, reject) => {
    const url = new URL(`/api/dossiers/${randomUUID()}/evidence?criterionId=CQDN-1&fileName=a.pdf`, baseURL);
    const req = http.request(url, { method: "POST", headers: { cookie, origin: url.origin, "content-type": "application/octet-stream", "content-length": String(50 * 1024 * 1024) } }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => (body += chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, connection: res.headers.connection, body }));
    });
    req.on("error", reject);
    req.write("%PDF-1.4\n");
  });
  expect(answer.status).toBe(413);
  expect(answer.connection).toBe("close");
  expect(JSON.parse(answer.body)).toMatchObject({ ok: false, message: "Tệp vượt quá 10 MB (50,0 MB); vui lòng chọn tệp nhỏ hơn." });
});
