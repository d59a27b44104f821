// What a scheduled job is. Jobs are listed in ./scheduled-jobs.ts and run by ./start-scheduled-jobs.ts,
// once per tick across every app instance (see ./run-job-tick.ts for how).
import type { Db } from "../prisma-client";

export type ScheduledJob = {
  /** Stable and unique: it keys the job's runs (JobRun.job) and its lock. */
  name: string;
  /** Ticks fall on multiples of this since the epoch, the same instants on every instance. */
  everySeconds: number;
  /** Also run once when an instance starts (not tied to a tick, still never two at once). */
  runAtStart?: boolean;
  /** Must be safe to run again (a process can die mid-run). What it returns is kept in JobRun.detail. */
  run: (ctx: { db: Db; now: Date }) => Promise<Record<string, number | string | boolean> | void>;
};
