// Rate limiters whose counters every app instance shares. The default store is the database's
// RateLimit table (rate-limiter-flexible's RateLimiterPrisma): on PostgreSQL, N instances allow
// no more than one would, and a restart forgets nothing; on PGlite (one process) the same table
// keeps counts across restarts. "memory" keeps them in this process only: for unit tests of a
// caller's own logic, never for a limit that several instances must share.
// Expired rows are pruned by the scheduled job in ./prune-rate-limits.ts, not by a timer per limiter.
import "server-only";
import { RateLimiterMemory, RateLimiterPrisma, type RateLimiterAbstract } from "rate-limiter-flexible";
import { db as appDb } from "../db";
import type { Db } from "../prisma-client";

export type LimiterOptions = {
  /** Unique per limiter, e.g. "signin:account"; stored keys are "<keyPrefix>:<key>". */
  keyPrefix: string;
  /** How many points (attempts) a key may consume in one window. */
  points: number;
  durationSeconds: number;
  /** Once over the limit, refuse for this long instead of until the window ends (0: the window). */
  blockDurationSeconds?: number;
  store?: "database" | "memory";
  /** Another Prisma client than the app's (tests that play two instances). */
  db?: Db;
};

export function createLimiter(opts: LimiterOptions): RateLimiterAbstract {
  const common = {
    keyPrefix: opts.keyPrefix,
    points: opts.points,
    duration: opts.durationSeconds,
    blockDuration: opts.blockDurationSeconds ?? 0,
  };
  if (opts.store === "memory") return new RateLimiterMemory(common);
  // tableName is the Prisma client's property for model RateLimit.
  return new RateLimiterPrisma({ ...common, storeClient: opts.db ?? appDb, tableName: "rateLimit", clearExpiredByTimeout: false });
}
