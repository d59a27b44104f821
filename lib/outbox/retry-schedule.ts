// When to try a failed delivery again: exponential backoff from 30 s, doubling, capped at 6 hours,
// with "equal jitter" (half the delay fixed, half random) so that messages that failed together do
// not all come back together. Retries stop RETRY_WINDOW_MS after the message was written (or after
// a Resend); a failure after that makes it DEAD. docs/webhooks.md prints this schedule.
export const FIRST_RETRY_MS = 30_000;
export const MAX_RETRY_MS = 6 * 3600_000;
export const RETRY_WINDOW_MS = 3 * 24 * 3600_000;

/** The delay after the `tries`-th failed try (1 = the first try failed). */
export function retryDelayMs(tries: number, random: () => number = Math.random): number {
  const base = Math.min(FIRST_RETRY_MS * 2 ** Math.max(0, tries - 1), MAX_RETRY_MS);
  return Math.round(base / 2 + random() * (base / 2));
}

/** Null when the message is out of time: mark it dead. */
export function nextRetryAt({
  tries,
  now,
  retryUntil,
  random,
}: {
  tries: number;
  now: Date;
  retryUntil: Date;
  random?: () => number;
}): Date | null {
  const at = new Date(now.getTime() + retryDelayMs(tries, random));
  return at.getTime() > retryUntil.getTime() ? null : at;
}
