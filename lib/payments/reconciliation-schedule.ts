// Reconciliation as a scheduled job: every RECONCILIATION_INTERVAL_SECONDS (default 5 minutes), once
// across all app instances, and once at start-up: expire abandoned payment attempts.
import { env } from "../env";
import type { ScheduledJob } from "../jobs/scheduled-job";
import { logger } from "../logger";
import { expireStaleAttempts } from "./expire-stale-attempts";

export const reconciliationJob: ScheduledJob = {
  name: "reconciliation",
  everySeconds: env.RECONCILIATION_INTERVAL_SECONDS,
  runAtStart: true,
  async run({ db }) {
    const { expired } = await expireStaleAttempts({ db });
    if (expired > 0) logger.info({ expired }, "reconciliation expired abandoned attempts");
    return { expired };
  },
};
