// Requests per credential: 600 a minute, counted in the shared RateLimit table (the sign-in
// throttle's store), so every app instance enforces one limit. Over it, the API answers 429 with
// Retry-After.
import "server-only";
import { RateLimiterRes, type RateLimiterAbstract } from "rate-limiter-flexible";
import { createLimiter } from "../rate-limit/create-limiter";

export const API_REQUESTS_PER_MINUTE = 600;

let shared: RateLimiterAbstract | undefined;

/** Seconds the caller must wait, or 0 when this request may go ahead. */
export async function consumeApiRequest(credentialId: string, limiter?: RateLimiterAbstract): Promise<number> {
  const l = limiter ?? (shared ??= createLimiter({ keyPrefix: "api:credential", points: API_REQUESTS_PER_MINUTE, durationSeconds: 60 }));
  try {
    await l.consume(credentialId);
    return 0;
  } catch (error) {
    if (error instanceof RateLimiterRes) return Math.max(1, Math.ceil(error.msBeforeNext / 1000));
    throw error;
  }
}
