import { describe, expect, it } from "vitest";
import { createVerificationRateLimiter } from "./verification-rate-limit";

describe("verification page rate limit", () => {
  it("admits up to the limit per address, then says how long to wait; other addresses go on", async () => {
    const limiter = createVerificationRateLimiter({ points: 3, duration: 60 });
    for (let i = 0; i < 3; i++) expect(await limiter.admit("10.0.0.1")).toBe(0);
    const wait = await limiter.admit("10.0.0.1");
    expect(wait).toBeGreaterThan(0);
    expect(wait).toBeLessThanOrEqual(60);
    expect(await limiter.admit("10.0.0.2")).toBe(0);
  });
});
