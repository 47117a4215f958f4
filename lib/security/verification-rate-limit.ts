/**
 * Rate limit of the public verification page (/xac-minh/<token>): per client address, at most
 * `points` look-ups a minute, then a wait. Tokens carry 256 random bits, so guessing is hopeless
 * anyway; the limit keeps a scraper or a broken client from turning the page into load on the
 * database. Counted in the database like the sign-in limits, so every app instance shares them.
 */
import { RateLimiterRes } from "rate-limiter-flexible";
import { getPrisma } from "@/lib/db/client";
import { rateLimiter, type RateLimitStore } from "./rate-limit-store";

export const VERIFICATION_RATE_LIMIT = { points: 30, duration: 60 } as const;

export type VerificationRateLimiter = {
  /** 0 to go on, or the seconds to wait. */
  admit(address: string): Promise<number>;
};

export function createVerificationRateLimiter(limits: { points: number; duration: number } = VERIFICATION_RATE_LIMIT, store: RateLimitStore = { kind: "memory" }): VerificationRateLimiter {
  const limiter = rateLimiter(store, { keyPrefix: "verify-certificate", ...limits });
  return {
    async admit(address) {
      try {
        await limiter.consume(address);
        return 0;
      } catch (error) {
        if (error instanceof RateLimiterRes) return Math.max(1, Math.ceil(error.msBeforeNext / 1000));
        throw error;
      }
    },
  };
}

let shared: VerificationRateLimiter | null = null;

/** The app's limiter, counting in the database (shared by every app instance). */
export function verificationRateLimiter(): VerificationRateLimiter {
  shared ??= createVerificationRateLimiter(VERIFICATION_RATE_LIMIT, { kind: "database", prisma: getPrisma() });
  return shared;
}
