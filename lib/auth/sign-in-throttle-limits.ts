// The sign-in throttle's limits (kept apart from sign-in-throttle.ts, which is server-only, so
// tests and docs can name them).
export const MAX_FAILURES = 10;
export const MAX_FAILURES_PER_IP = 50;
export const WINDOW_SECONDS = 15 * 60;
