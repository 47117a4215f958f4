/**
 * Rate limit of the public verification page (/xac-minh/<token>): per client address, at most
 * `points` look-ups a minute, then a wait. Tokens carry 256 random bits, so guessing is hopeless
 * anyway; the limit keeps a scraper or a broken client from turning the page into load on the
 * database. In this process's memory (rate-limiter-flexible), like the sign-in limits.
 */
import { RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";

export const VERIFICATION_RATE_LIMIT = { points: 30, duration: 60 } as const;

export type VerificationRateLimiter = {
  /** 0 to go on, or the seconds to wait. */
  admit(address: string): Promise<number>;
};

export function createVerificationRateLimiter(limits: { points: number; duration: number } = VERIFICATION_RATE_LIMIT): VerificationRateLimiter {
  const limiter = new RateLimiterMemory({ keyPrefix: "verify-certificate", ...limits });
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

/** The process's limiter (one app server; several would share a store, as for sign-in). */
export function verificationRateLimiter(): VerificationRateLimiter {
  shared ??= createVerificationRateLimiter();
  return shared;
}
