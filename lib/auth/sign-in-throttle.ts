// Slows password guessing: after 10 wrong passwords for one email within 15 minutes, sign-in for
// that email is refused until the window passes. In memory, per app process (rate-limiter-flexible
// can move this to PostgreSQL when PermitPay runs on several servers).
import { RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";

export const MAX_FAILURES = 10;
export const WINDOW_SECONDS = 15 * 60;
export { TOO_MANY_ATTEMPTS } from "./sign-in-throttle-code";

export function createSignInThrottle() {
  const failures = new RateLimiterMemory({ points: MAX_FAILURES, duration: WINDOW_SECONDS, keyPrefix: "signin" });
  const key = (email: string) => email.trim().toLowerCase();
  return {
    /** Seconds until this email may try again, or 0. */
    async blockedFor(email: string): Promise<number> {
      const res = await failures.get(key(email));
      return res && res.consumedPoints >= MAX_FAILURES ? Math.ceil(res.msBeforeNext / 1000) : 0;
    },
    async recordFailure(email: string): Promise<void> {
      await failures.consume(key(email)).catch((e: unknown) => {
        if (!(e instanceof RateLimiterRes)) throw e; // over the limit: already blocked
      });
    },
    async recordSuccess(email: string): Promise<void> {
      await failures.delete(key(email));
    },
  };
}

export const signInThrottle = createSignInThrottle();
