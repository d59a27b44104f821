// Limits "Forgot your password?" requests: 3 per email and 20 per client address per hour, in the
// database store shared by every app instance (lib/rate-limit). Counted the same whether or not
// the email has an account, so being refused tells nothing about the account either.
import "server-only";
import { RateLimiterRes } from "rate-limiter-flexible";
import { createLimiter, type LimiterOptions } from "../rate-limit/create-limiter";

export const RESETS_PER_EMAIL = 3;
export const RESETS_PER_IP = 20;
export const RESET_WINDOW_SECONDS = 60 * 60;

export type ThrottleVerdict = { allowed: true } | { allowed: false; retryAfterSeconds: number };

export function createPasswordResetThrottle(opts: Pick<LimiterOptions, "store" | "db"> = {}) {
  const perEmail = createLimiter({ ...opts, keyPrefix: "reset:email", points: RESETS_PER_EMAIL, durationSeconds: RESET_WINDOW_SECONDS });
  const perIp = createLimiter({ ...opts, keyPrefix: "reset:ip", points: RESETS_PER_IP, durationSeconds: RESET_WINDOW_SECONDS });
  return {
    /** Counts one request; refuses it when the email or the address is over its limit. */
    async consume(request: { email: string; ip: string }): Promise<ThrottleVerdict> {
      const results = await Promise.allSettled([perEmail.consume(request.email.trim().toLowerCase()), perIp.consume(request.ip)]);
      const refusals: RateLimiterRes[] = [];
      for (const r of results) {
        if (r.status === "fulfilled") continue;
        if (!(r.reason instanceof RateLimiterRes)) throw r.reason; // the store failed: not a refusal
        refusals.push(r.reason);
      }
      if (refusals.length === 0) return { allowed: true };
      return { allowed: false, retryAfterSeconds: Math.max(...refusals.map((r) => Math.max(1, Math.ceil(r.msBeforeNext / 1000)))) };
    },
  };
}

export const passwordResetThrottle = createPasswordResetThrottle();
