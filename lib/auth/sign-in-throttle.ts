// Slows password guessing, counted per account and per client address in the database (shared by
// every app instance, kept across restarts): after 10 wrong passwords for one email, or 50 from
// one address, within 15 minutes, sign-in is refused until the window passes. A success clears
// the account's count only, so signing in to one's own account cannot reset an address's count.
import "server-only";
import { RateLimiterRes, type RateLimiterAbstract } from "rate-limiter-flexible";
import { createLimiter, type LimiterOptions } from "../rate-limit/create-limiter";

import { MAX_FAILURES, MAX_FAILURES_PER_IP, WINDOW_SECONDS } from "./sign-in-throttle-limits";

export { MAX_FAILURES, MAX_FAILURES_PER_IP, WINDOW_SECONDS };
export { TOO_MANY_ATTEMPTS } from "./sign-in-throttle-code";

export type SignInAttempt = { email: string; ip: string };

export function createSignInThrottle(opts: Pick<LimiterOptions, "store" | "db"> = {}) {
  const perAccount = createLimiter({ ...opts, keyPrefix: "signin:account", points: MAX_FAILURES, durationSeconds: WINDOW_SECONDS });
  const perIp = createLimiter({ ...opts, keyPrefix: "signin:ip", points: MAX_FAILURES_PER_IP, durationSeconds: WINDOW_SECONDS });
  const account = (email: string) => email.trim().toLowerCase();

  async function secondsLeft(limiter: RateLimiterAbstract, key: string, max: number): Promise<number> {
    const res = await limiter.get(key);
    return res && res.consumedPoints >= max ? Math.max(1, Math.ceil(res.msBeforeNext / 1000)) : 0;
  }
  async function consume(limiter: RateLimiterAbstract, key: string): Promise<void> {
    await limiter.consume(key).catch((e: unknown) => {
      if (!(e instanceof RateLimiterRes)) throw e; // over the limit: already blocked
    });
  }

  return {
    /** Seconds until this email, from this address, may try again, or 0. */
    async blockedFor(attempt: SignInAttempt): Promise<number> {
      const [byAccount, byIp] = await Promise.all([
        secondsLeft(perAccount, account(attempt.email), MAX_FAILURES),
        secondsLeft(perIp, attempt.ip, MAX_FAILURES_PER_IP),
      ]);
      return Math.max(byAccount, byIp);
    },
    async recordFailure(attempt: SignInAttempt): Promise<void> {
      await Promise.all([consume(perAccount, account(attempt.email)), consume(perIp, attempt.ip)]);
    },
    async recordSuccess(attempt: SignInAttempt): Promise<void> {
      await perAccount.delete(account(attempt.email));
    },
  };
}

export const signInThrottle = createSignInThrottle();
