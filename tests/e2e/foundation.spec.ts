import { expect, test } from "./fixtures";
import type { Page } from "@playwright/test";
import { DEMO_PASSWORD, signIn, signOut, submitSignIn, unitId } from "./helpers";
import { DEMO_YEAR } from "../../prisma/seed/demo-data";

/** On the "Đổi mật khẩu" page: a refused choice first (the policy speaks Vietnamese), then `next`. */
async function choosePassword(page: Page, current: string, next: string) {
  await page.getByLabel("Mật khẩu hiện tại").fill(current);
  await page.getByLabel("Mật khẩu mới", { exact: true }).fill("matkhau123");
  await page.getByLabel("Nhập lại mật khẩu mới").fill("matkhau123");
  await page.getByRole("button", { name: "Đổi mật khẩu" }).click();
  await expect(page.getByText("Mật khẩu này quá phổ biến, dễ bị đoán. Vui lòng chọn mật khẩu khác.")).toBeVisible();
  await page.getByLabel("Mật khẩu mới", { exact: true }).fill(next);
  await page.getByLabel("Nhập lại mật khẩu mới").fill(next);
  await page.getByRole("button", { name: "Đổi mật khẩu" }).click();
  await expect(page).toHaveURL(/\/login\?changed=1$/);
  await expect(page.getByText("Đã đổi mật khẩu. Hãy đăng nhập bằng mật khẩu mới.")).toBeVisible();
}

test("the health check reports the database and the evidence store, and nothing else", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.status()).toBe(200);
  expect(await response.json()).toEqual({ status: "ok", database: "ok", evidenceStore: "ok" });
});

test("every page names its icon for the browser tab, and the icon is served", async ({ page }) => {
  await page.goto("/login");
  const href = await page.locator('link[rel="icon"]').first().getAttribute("href");
  expect(href).toMatch(/^\/icon\.svg/);
  const icon = await page.request.get(href!);
  expect(icon.status()).toBe(200);
  expect(icon.headers()["content-type"]).toContain("image/svg+xml");
});

test.describe("sign-in and role homes", () => {
  test("an anonymous visitor is sent to the Vietnamese login page", async ({ page }) => {
    await page.goto("/units");
    await expect(page).toHaveURL(/\/login/);
    await expect(page.getByRole("heading", { name: "Phong trào an toàn về an ninh, trật tự" })).toBeVisible();
    await expect(page.locator("html")).toHaveAttribute("lang", "vi");
  });

  test("a link opened while signed out returns to the same view after sign-in, never to another site", async ({ page }) => {
    const view = `/dashboard?year=${DEMO_YEAR - 1}&kind=KDC`;
    await page.goto(view);
    await expect(page).toHaveURL(/\/login\?next=/);
    await page.getByLabel("Tên đăng nhập").fill("lanhdao");
    await page.getByLabel("Mật khẩu").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Đăng nhập", exact: true }).click();
    await expect(page).toHaveURL(view);
    await expect(page.getByRole("form", { name: "Bộ lọc số liệu" }).getByLabel("Loại đơn vị")).toHaveValue("KDC");

    // Signed in already: a crafted next= to another site leads home, on this site.
    await page.goto("/login?next=%2F%2Fevil.example%2F");
    await expect(page).toHaveURL(/^http:\/\/127\.0\.0\.1:\d+\/$/);
  });

  test("a wrong password shows a Vietnamese error and keeps the username", async ({ page }) => {
    await page.goto("/login");
    await page.getByLabel("Tên đăng nhập").fill("lanhdao");
    await page.getByLabel("Mật khẩu").fill("sai-mat-khau");
    await page.getByRole("button", { name: "Đăng nhập", exact: true }).click();
    // (Next.js adds its own route announcer with role=alert; look inside the form.)
    await expect(page.getByRole("form", { name: "Đăng nhập" }).getByRole("alert")).toHaveText("Tên đăng nhập hoặc mật khẩu không đúng.");
    await expect(page.getByLabel("Tên đăng nhập")).toHaveValue("lanhdao");
    await expect(page).toHaveURL(/\/login/);
  });

  test("empty fields are flagged next to the field", async ({ page }) => {
    await page.goto("/login");
    await page.getByRole("button", { name: "Đăng nhập", exact: true }).click();
    await expect(page.getByText("Vui lòng nhập tên đăng nhập.")).toBeVisible();
    await expect(page.getByText("Vui lòng nhập mật khẩu.")).toBeVisible();
  });

  test("leader sees province figures with real counts", async ({ page }) => {
    await signIn(page, "lanhdao");
    await expect(page.getByRole("heading", { name: "Số liệu toàn tỉnh" })).toBeVisible();
    await expect(page.getByTestId("current-role")).toHaveText("Lãnh đạo");
    await expect(page.getByTestId("units-KDC")).toHaveText("72");
    await expect(page.getByTestId("stat-Xã, phường")).toHaveText("12");
    await expect(page.getByRole("link", { name: "Người dùng" })).toHaveCount(0);
  });

  test("provincial reviewer sees the review queue", async ({ page }) => {
    await signIn(page, "thamdinh.tinh");
    await expect(page.getByRole("heading", { name: "Hàng đợi thẩm định" })).toBeVisible();
    await expect(page.getByTestId("current-role")).toHaveText("Cán bộ thẩm định – Công an tỉnh");
    await expect(page.getByTestId("review-queue").getByRole("row").nth(1)).toBeVisible();
    // Residential areas are the commune police's: never in the provincial queue.
    await expect(page.getByTestId("review-queue")).not.toContainText("Khu dân cư");
  });

  test("unit officer sees their unit, opens it, and gets 403 on another unit", async ({ page }) => {
    await signIn(page, "canbo.sotuphap");
    await expect(page.getByRole("heading", { name: "Đơn vị của tôi" })).toBeVisible();
    await page.getByRole("link", { name: "Sở Tư pháp tỉnh Lào Cai" }).click();
    await expect(page.getByRole("heading", { name: "Sở Tư pháp tỉnh Lào Cai" })).toBeVisible();
    await expect(page.getByTestId("sub-units")).toContainText("Phòng");

    const response = await page.goto(`/units/${unitId("CQ-STC")}`);
    expect(response?.status()).toBe(403);
    await expect(page.getByRole("heading", { name: "Không có quyền truy cập" })).toBeVisible();
    await expect(page.getByText("Sở Tài chính tỉnh Lào Cai")).toHaveCount(0);
  });

  test("an unknown unit id is a Vietnamese 404", async ({ page }) => {
    await signIn(page, "lanhdao");
    const response = await page.goto("/units/00000000-0000-4000-8000-000000000000");
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "Không tìm thấy trang" })).toBeVisible();
  });

  test("commune officer sees the commune and which residential areas have not registered", async ({ page }) => {
    await signIn(page, "canbo.phuonglaocai");
    await expect(page.getByRole("heading", { name: "Đơn vị của tôi" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Phường Lào Cai" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Tổ dân phố số 1" })).toBeVisible();
    await expect(page.getByTestId("not-registered-count")).toBeVisible();
  });

  test("a unit officer cannot open the user administration", async ({ page }) => {
    await signIn(page, "canbo.sotuphap");
    const response = await page.goto("/admin/users");
    expect(response?.status()).toBe(403);
  });

  test("sign out ends the session, also for a copy of its cookie", async ({ page, browser }) => {
    await signIn(page, "lanhdao");
    const copied = await page.context().storageState();
    await signOut(page);
    await page.goto("/");
    await expect(page).toHaveURL(/\/login/);

    // Someone who copied the cookie before "Đăng xuất" gets the login page, not the leader's home.
    const thief = await browser.newContext({ storageState: copied });
    try {
      const stolen = await thief.newPage();
      const response = await stolen.goto("/dashboard");
      await expect(stolen).toHaveURL(/\/login/);
      expect(response?.ok()).toBe(true);
      await expect(stolen.getByRole("heading", { name: "Bảng điều khiển" })).toHaveCount(0);
    } finally {
      await thief.close();
    }
  });
});

test.describe("what the browser is told", () => {
  test("every page carries a nonce Content-Security-Policy that its own scripts match, and may not be framed", async ({ page }) => {
    for (const path of ["/login", "/khong-co-trang-nay"]) {
      const response = await page.goto(path);
      const headers = response!.headers();
      const nonce = /'nonce-([^']+)'/.exec(headers["content-security-policy"] ?? "")?.[1];
      expect(nonce, `${path} has a CSP nonce`).toBeTruthy();
      expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
      expect(headers["content-security-policy"]).not.toContain("unsafe-inline' 'strict");
      expect(headers["x-frame-options"]).toBe("DENY");
      expect(headers["x-content-type-options"]).toBe("nosniff");
      expect(headers["referrer-policy"]).toBe("same-origin");
      // Served over plain http here: no HSTS (a browser would pin a host it cannot reach by https).
      expect(headers["strict-transport-security"]).toBeUndefined();
      // Next.js put this response's nonce on every script it rendered…
      const scripts = page.locator("script");
      expect(await scripts.count()).toBeGreaterThan(0);
      for (const n of await scripts.evaluateAll((els) => els.map((e) => (e as HTMLScriptElement).nonce))) expect(n).toBe(nonce);
      // …and a fresh one is made for the next response.
      const again = await page.request.get(path);
      expect(again.headers()["content-security-policy"]).not.toContain(nonce!);
    }
    // The scripts ran under the policy: the login form hydrated and signs in (the fixture fails
    // the test on any refused script).
    await signIn(page, "lanhdao");
  });

  test("a server action sent from another site is refused and changes nothing", async ({ page, baseURL }) => {
    await signIn(page, "lanhdao");
    await page.goto("/account");
    // Take the real request the button sends (without letting it through), to replay it as a
    // forged cross-site submit would: same cookies, another site's Origin.
    const captured = new Promise<{ headers: Record<string, string>; body: Buffer }>((resolve) => {
      void page.route("**/account", async (route) => {
        const request = route.request();
        if (request.method() !== "POST" || !request.headers()["next-action"]) return route.continue();
        resolve({ headers: request.headers(), body: request.postDataBuffer() ?? Buffer.alloc(0) });
        await route.abort();
      });
    });
    await page.getByRole("button", { name: "Đăng xuất trên mọi thiết bị" }).click();
    const { headers, body } = await captured;
    const replay = (origin: string) =>
      page.request.post("/account", {
        headers: { "next-action": headers["next-action"]!, "content-type": headers["content-type"]!, accept: "text/x-component", origin },
        data: body,
      });

    expect((await replay("https://ke-gia-mao.example")).status()).toBe(500);
    // The sessions were not revoked: the leader is still signed in.
    await page.goto("/dashboard");
    await expect(page.getByRole("heading", { name: "Bảng điều khiển" })).toBeVisible();

    // The same request from the app's own origin goes through (so the refusal above was the Origin).
    expect((await replay(new URL(baseURL!).origin)).status()).toBe(200);
    await page.goto("/dashboard");
    await expect(page).toHaveURL(/\/login/);
  });
});

test.describe("administration", () => {
  test("admin creates an officer for one unit, who then signs in and sees only that unit", async ({ page }) => {
    await signIn(page, "admin");
    await expect(page.getByRole("heading", { name: "Quản trị hệ thống" })).toBeVisible();
    await page.getByRole("link", { name: "Người dùng" }).first().click();
    await page.getByRole("link", { name: "Tạo người dùng" }).click();

    // Validation errors appear next to the fields and nothing is lost.
    await page.getByLabel("Tên đăng nhập").fill("canbo.sotaichinh");
    await page.getByRole("button", { name: "Tạo người dùng" }).click();
    await expect(page.getByText("Họ và tên cần từ 2 ký tự.")).toBeVisible();
    await expect(page.getByLabel("Tên đăng nhập")).toHaveValue("canbo.sotaichinh");

    await page.getByLabel("Họ và tên").fill("Bùi Thị Hạnh");
    await page.getByLabel("Mật khẩu ban đầu").fill("SoTaiChinh2026");
    await page.getByLabel("Vai trò").selectOption("UNIT_OFFICER");
    await page.getByLabel("Phạm vi phụ trách").selectOption("UNIT");
    await page.getByLabel("Đơn vị", { exact: true }).selectOption({ label: "Sở Tài chính tỉnh Lào Cai" });
    await page.getByRole("button", { name: "Tạo người dùng" }).click();
    await expect(page).toHaveURL(/\/admin\/users$/);
    await expect(page.getByTestId("users-table")).toContainText("canbo.sotaichinh");

    await signOut(page);
    // The admin chose that password: the officer must choose their own before anything else.
    await submitSignIn(page, "canbo.sotaichinh", "SoTaiChinh2026");
    await expect(page).toHaveURL(/\/change-password$/);
    await expect(page.getByText("Bạn đang dùng mật khẩu do quản trị viên cấp.")).toBeVisible();
    await page.goto("/units");
    await expect(page).toHaveURL(/\/change-password$/);
    await choosePassword(page, "SoTaiChinh2026", "Đồi chè xanh 2026");

    await signIn(page, "canbo.sotaichinh", "Đồi chè xanh 2026");
    await expect(page.getByRole("link", { name: "Sở Tài chính tỉnh Lào Cai" })).toBeVisible();
    const response = await page.goto(`/units/${unitId("CQ-STP")}`);
    expect(response?.status()).toBe(403);
    await signOut(page);

    // Forgotten: the admin issues a one-time password, shown once.
    await signIn(page, "admin");
    await page.goto("/admin/users");
    await page.getByTestId("users-table").getByRole("link", { name: /canbo\.sotaichinh/ }).click();
    await page.getByRole("button", { name: "Đặt lại mật khẩu" }).click();
    await page.getByRole("button", { name: "Xác nhận đặt lại" }).click();
    const oneTimePassword = (await page.getByTestId("one-time-password").innerText()).trim();
    expect(oneTimePassword).toMatch(/^[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}$/);
    await signOut(page);

    await submitSignIn(page, "canbo.sotaichinh", "Đồi chè xanh 2026");
    await expect(page.getByText("Tên đăng nhập hoặc mật khẩu không đúng.")).toBeVisible();
    await submitSignIn(page, "canbo.sotaichinh", oneTimePassword);
    await expect(page).toHaveURL(/\/change-password$/);
    await choosePassword(page, oneTimePassword, "Ruộng bậc thang 2027");
    await signIn(page, "canbo.sotaichinh", "Ruộng bậc thang 2027");
    await expect(page.getByRole("link", { name: "Sở Tài chính tỉnh Lào Cai" })).toBeVisible();
  });

  test("admin creates the commune police accounts a commune lacks, in bulk, and hands over one-time passwords", async ({ page }) => {
    await signIn(page, "admin");
    await page.goto("/admin/users");
    await page.getByRole("link", { name: "Tạo hàng loạt" }).click();
    const choose = page.getByRole("form", { name: "Chọn đối tượng" });
    await choose.getByLabel("Tài khoản cho").selectOption("COMMUNE_REVIEWERS");
    await choose.getByLabel("Xã, phường").selectOption({ label: "Phường Cam Đường" });
    await choose.getByRole("button", { name: "Xem danh sách" }).click();
    await expect(page.getByTestId("bulk-preview")).toContainText("ca.lci-p02");
    await page.getByRole("button", { name: "Tạo 1 tài khoản" }).click();

    const issued = page.getByTestId("bulk-issued");
    await expect(issued).toContainText("ca.lci-p02");
    const oneTimePassword = (await issued.locator("tbody tr td").nth(1).innerText()).trim();
    expect(oneTimePassword).toMatch(/^[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}$/);
    const download = page.waitForEvent("download");
    await page.getByRole("button", { name: "Tải danh sách (.xlsx)" }).click();
    expect((await download).suggestedFilename()).toBe("tai-khoan-moi.xlsx");

    // Nothing is left to create for that commune.
    await page.reload();
    await expect(page.getByText("Không còn đơn vị, xã nào thiếu tài khoản theo lựa chọn này.")).toBeVisible();

    await signOut(page);
    await submitSignIn(page, "ca.lci-p02", oneTimePassword);
    await expect(page).toHaveURL(/\/change-password$/);
  });

  test("the system log proves its own integrity and speaks Vietnamese only", async ({ page }) => {
    await signIn(page, "admin");
    await page.goto("/admin/audit");
    await expect(page.getByTestId("audit-chain")).toHaveText(/^Chuỗi nhật ký toàn vẹn: [\d.]+ sự kiện/);
    const log = page.getByTestId("audit-log");
    await expect(log).toContainText("Đăng nhập");
    // No dotted action key ("auth.login.succeeded") and no record type ("User") reaches the screen.
    expect(await log.innerText()).not.toMatch(/\b(auth|user|records|dossier|evidence|decision)\.[a-z_]+|\bUser\b|\bDossier\b/);

    await page.getByLabel("Thao tác").selectOption({ label: "Đăng nhập" });
    await page.getByRole("button", { name: "Lọc" }).click();
    await expect(page).toHaveURL(/action=auth\.login\.succeeded/);
    await expect(log.locator("tbody tr").first()).toContainText("Đăng nhập");
  });
});

test.describe("on a phone @phone", () => {
  test("the menu opens and navigates @phone", async ({ page }) => {
    await signIn(page, "lanhdao");
    await page.getByText("☰ Menu").click();
    await page.locator("details nav").getByRole("link", { name: "Danh sách đơn vị" }).click();
    await expect(page.getByRole("heading", { name: "Danh sách đơn vị" })).toBeVisible();
  });
});
