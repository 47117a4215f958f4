import { describe, expect, it } from "vitest";
import { clientAddress, createSignInRateLimiter } from "@/lib/auth/sign-in-rate-limit";
import { signInErrorMessage } from "@/lib/auth/sign-in-errors";

const limits = { perAccount: { points: 3, duration: 60 }, perAddressFailures: { points: 2, duration: 900, blockDuration: 900 } };

describe("sign-in rate limits", () => {
  it("turns away a burst against one account, whatever the addresses, and not other accounts", async () => {
    const limiter = createSignInRateLimiter(limits);
    for (let i = 0; i < 3; i++) expect(await limiter.admit(" LanhDao ", `10.0.0.${i}`)).toBe(0);
    const wait = await limiter.admit("lanhdao", "10.0.0.9");
    expect(wait).toBeGreaterThan(0);
    expect(wait).toBeLessThanOrEqual(60);
    expect(await limiter.admit("admin", "10.0.0.9")).toBe(0);
  });

  it("stops an address after its failures, for every account, and leaves other addresses alone", async () => {
    const limiter = createSignInRateLimiter(limits);
    expect(await limiter.admit("a", "192.0.2.1")).toBe(0);
    await limiter.failed("192.0.2.1");
    expect(await limiter.admit("b", "192.0.2.1")).toBe(0);
    await limiter.failed("192.0.2.1");
    const wait = await limiter.admit("c", "192.0.2.1");
    expect(wait).toBeGreaterThan(800);
    expect(await limiter.admit("c", "192.0.2.2")).toBe(0);
  });

  it("reads the address the nearest proxy saw, not what the client claims", () => {
    expect(clientAddress({ "x-forwarded-for": "6.6.6.6, 203.0.113.7" })).toBe("203.0.113.7");
    expect(clientAddress({ "x-forwarded-for": "::1" })).toBe("::1");
    expect(clientAddress({})).toBe("unknown");
    expect(clientAddress(undefined)).toBe("unknown");
  });

  it("explains the wait in Vietnamese", () => {
    expect(signInErrorMessage("RATE_LIMITED:61")).toBe("Có quá nhiều lần đăng nhập trong thời gian ngắn. Vui lòng thử lại sau 2 phút.");
    expect(signInErrorMessage("RATE_LIMITED")).toBe("Có quá nhiều lần đăng nhập trong thời gian ngắn. Vui lòng thử lại sau ít phút.");
  });
});
