// A scheduled job: deletes rate-limit counters whose window ended over an hour ago. Once an hour,
// once across all instances (one sweep instead of a timer per limiter per instance).
import "server-only";
import type { ScheduledJob } from "../jobs/scheduled-job";

export const pruneRateLimitsJob: ScheduledJob = {
  name: "prune-rate-limits",
  everySeconds: 3600,
  async run({ db, now }) {
    const { count } = await db.rateLimit.deleteMany({ where: { expire: { lt: new Date(now.getTime() - 3600_000) } } });
    return { deleted: count };
  },
};
