/**
 * Rate limits on sign-in, in front of the per-account lock-out (lib/users/authenticate.ts):
 * - per account: at most `perAccount.points` attempts a minute, so a burst against one account is
 *   turned away before it reaches the database;
 * - per client address: at most `perAddressFailures.points` failed attempts in 15 minutes, then
 *   the address waits 15 minutes, so one machine cannot walk through many accounts.
 * Counters live in the database (lib/security/rate-limit-store.ts), so several app servers behind
 * a load balancer share them; the unit tests use memory.
 */
import { RateLimiterRes } from "rate-limiter-flexible";
import { rateLimiter, type RateLimitStore } from "@/lib/security/rate-limit-store";

export const SIGN_IN_RATE_LIMITS = {
  perAccount: { points: 20, duration: 60 },
  perAddressFailures: { points: 30, duration: 15 * 60, blockDuration: 15 * 60 },
} as const;

export type SignInRateLimiter = {
  /** Before the password is checked: 0 to go on, or the seconds to wait. */
  admit(username: string, address: string): Promise<number>;
  /** After a failed attempt: counts it against the client address. */
  failed(address: string): Promise<void>;
};

const secondsOf = (res: RateLimiterRes) => Math.max(1, Math.ceil(res.msBeforeNext / 1000));

export function createSignInRateLimiter(
  limits: { perAccount: { points: number; duration: number }; perAddressFailures: { points: number; duration: number; blockDuration: number } } = SIGN_IN_RATE_LIMITS,
  store: RateLimitStore = { kind: "memory" },
): SignInRateLimiter {
  const perAccount = rateLimiter(store, { keyPrefix: "sign-in-account", ...limits.perAccount });
  const perAddress = rateLimiter(store, { keyPrefix: "sign-in-address", ...limits.perAddressFailures });
  return {
    async admit(username, address) {
      const spent = await perAddress.get(address);
      if (spent && spent.consumedPoints >= limits.perAddressFailures.points) return secondsOf(spent);
      try {
        await perAccount.consume(username.trim().toLowerCase());
        return 0;
      } catch (error) {
        if (error instanceof RateLimiterRes) return secondsOf(error);
        throw error;
      }
    },
    async failed(address) {
      try {
        await perAddress.consume(address);
      } catch (error) {
        if (!(error instanceof RateLimiterRes)) throw error;
      }
    },
  };
}

/**
 * The client's address as the nearest proxy saw it: the last X-Forwarded-For entry (a reverse
 * proxy appends the address it saw; without one, Next.js fills in the socket's address). Earlier
 * entries are the client's own claims and are ignored.
 */
export function clientAddress(headers: Record<string, string | string[] | undefined> | undefined): string {
  const raw = headers?.["x-forwarded-for"];
  const value = Array.isArray(raw) ? raw.join(",") : (raw ?? "");
  return value.split(",").map((s) => s.trim()).filter(Boolean).at(-1) ?? "unknown";
}
