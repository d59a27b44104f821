// Postbacks refused for a missing or wrong token write nothing to the database (a flood must not
// fill it). They are counted here and logged as one line per hour, plus the first of each hour
// at once so an operator sees an attack begin. The payment-id is logged; the token never is.
import { logger } from "../logger";

const HOUR_MS = 3600_000;
let windowStart = 0;
let count = 0;

export function countRefusedPostback(opts: { paymentId: string | null; now?: number }) {
  const now = opts.now ?? Date.now();
  if (now - windowStart >= HOUR_MS) {
    if (count > 0)
      logger.warn(
        { refused: count, since: new Date(windowStart).toISOString() },
        "postbacks refused: missing or wrong token (hourly total)",
      );
    windowStart = now;
    count = 0;
  }
  count += 1;
  if (count === 1)
    logger.warn({ paymentId: opts.paymentId?.slice(0, 64) ?? null }, "postback refused: missing or wrong token (first this hour)");
}

/** Refused so far in the current hour (the health route and tests read it). */
export function refusedPostbacksThisHour(): number {
  return count;
}
