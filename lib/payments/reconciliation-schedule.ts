// Every 5 minutes, in the app's own process: expire abandoned payment attempts.
import { db } from "../db";
import { logger } from "../logger";
import { expireStaleAttempts } from "./expire-stale-attempts";

const EVERY_MS = 5 * 60 * 1000;

export function startReconciliation() {
  const run = () =>
    expireStaleAttempts({ db })
      .then(({ expired }) => expired > 0 && logger.info({ expired }, "reconciliation expired abandoned attempts"))
      .catch((error: unknown) => logger.error({ err: error }, "reconciliation failed"));
  setTimeout(() => void run(), 30_000).unref();
  setInterval(() => void run(), EVERY_MS).unref();
}
