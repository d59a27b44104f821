import { describe, expect, it } from "vitest";
import { nextRetryAt, retryDelayMs, RETRY_WINDOW_MS } from "./retry-schedule";

describe("retry schedule", () => {
  it.each([
    [1, 15_000, 30_000],
    [2, 30_000, 60_000],
    [5, 240_000, 480_000],
    [10, 7_680_000, 15_360_000],
    [11, 10_800_000, 21_600_000],
    [30, 10_800_000, 21_600_000],
  ])("after try %i waits between %i and %i ms", (tries, low, high) => {
    expect(retryDelayMs(tries, () => 0)).toBe(low);
    expect(retryDelayMs(tries, () => 1)).toBe(high);
  });

  it("gives up once the next try would fall after the 3-day window, never before", () => {
    const start = new Date("2026-01-01T00:00:00Z");
    const retryUntil = new Date(start.getTime() + RETRY_WINDOW_MS);
    let now = start;
    let tries = 0;
    for (;;) {
      tries++;
      const next = nextRetryAt({ tries, now, retryUntil, random: () => 1 });
      if (!next) break;
      now = next;
    }
    expect(retryUntil.getTime() - now.getTime()).toBeLessThan(21_600_000);
    expect(tries).toBe(21); // with the longest delays; shorter jitter fits more tries in the window
  });
});
