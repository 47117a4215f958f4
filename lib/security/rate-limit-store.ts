/**
 * Where rate-limit counters live. In the database (rate-limiter-flexible's Prisma store, table
 * "RateLimiterFlexible"), so every app instance behind a load balancer counts the same attempts:
 * with counters in each process's memory, N instances would allow N times the limit. Memory is
 * for the pure unit tests only.
 */
import { RateLimiterMemory, RateLimiterPrisma, type RateLimiterAbstract } from "rate-limiter-flexible";
import type { PrismaClient } from "@/lib/generated/prisma/client";

export type RateLimitStore = { kind: "memory" } | { kind: "database"; prisma: PrismaClient };

export function rateLimiter(store: RateLimitStore, options: { keyPrefix: string; points: number; duration: number; blockDuration?: number }): RateLimiterAbstract {
  if (store.kind === "memory") return new RateLimiterMemory(options);
  // tableName is the Prisma client's model property; the library deletes rows expired over an
  // hour ago every five minutes (an unref'd timer: it never keeps a process alive).
  return new RateLimiterPrisma({ ...options, storeClient: store.prisma, tableName: "rateLimiterFlexible" });
}
