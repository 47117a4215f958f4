/**
 * Rate limits hold across app instances: two limiters on one database (two servers behind a load
 * balancer) count the same attempts, also when they arrive at the same moment.
 */
import { describe, expect, it } from "vitest";
import { createSignInRateLimiter } from "../../lib/auth/sign-in-rate-limit";
import { createVerificationRateLimiter } from "../../lib/security/verification-rate-limit";
import { setupTestDatabase } from "./test-db";

const t = setupTestDatabase();
const limits = { perAccount: { points: 3, duration: 60 }, perAddressFailures: { points: 4, duration: 900, blockDuration: 900 } };

describe("rate limits shared through the database", () => {
  it("sign-in: two instances together admit an account's attempts up to the limit, then make both wait", async () => {
    const a = createSignInRateLimiter(limits, { kind: "database", prisma: t.prisma });
    const b = createSignInRateLimiter(limits, { kind: "database", prisma: t.prisma });
    expect(await a.admit("Lanhdao", "10.0.0.1")).toBe(0);
    expect(await b.admit("lanhdao", "10.0.0.2")).toBe(0);
    expect(await a.admit(" lanhdao ", "10.0.0.3")).toBe(0);
    const waitB = await b.admit("lanhdao", "10.0.0.4");
    expect(waitB).toBeGreaterThan(0);
    expect(waitB).toBeLessThanOrEqual(60);
    expect(await a.admit("lanhdao", "10.0.0.5")).toBeGreaterThan(0);
    expect(await a.admit("admin", "10.0.0.5")).toBe(0); // another account is not affected
  });

  it("sign-in: failures from one address counted on either instance block it on both", async () => {
    const a = createSignInRateLimiter(limits, { kind: "database", prisma: t.prisma });
    const b = createSignInRateLimiter(limits, { kind: "database", prisma: t.prisma });
    for (const limiter of [a, b, a, b]) {
      expect(await limiter.admit(`user${Math.random()}`, "192.0.2.7")).toBe(0);
      await limiter.failed("192.0.2.7");
    }
    expect(await a.admit("someone", "192.0.2.7")).toBeGreaterThan(60);
    expect(await b.admit("someone-else", "192.0.2.7")).toBeGreaterThan(60);
    expect(await b.admit("someone-else", "192.0.2.8")).toBe(0);
  });

  it("verification page: concurrent look-ups on two instances are all counted", async () => {
    const a = createVerificationRateLimiter({ points: 10, duration: 60 }, { kind: "database", prisma: t.prisma });
    const b = createVerificationRateLimiter({ points: 10, duration: 60 }, { kind: "database", prisma: t.prisma });
    const waits = await Promise.all(Array.from({ length: 16 }, (_, i) => (i % 2 ? a : b).admit("203.0.113.9")));
    expect(waits.filter((w) => w === 0)).toHaveLength(10);
    expect(await t.prisma.rateLimiterFlexible.findUniqueOrThrow({ where: { key: "verify-certificate:203.0.113.9" } })).toMatchObject({ points: 16 });
  });
});
