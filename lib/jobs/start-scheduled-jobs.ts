// Starts the scheduled jobs inside this app process (instrumentation.ts). Every instance runs the
// same timers; ticks fall on the same instants everywhere (multiples of the job's interval since
// the epoch), and runJobTick lets exactly one instance run each tick. On PGlite there is only ever
// one process, so the same code runs every tick there.
import "server-only";
import os from "node:os";
import { targetFromEnv } from "../database";
import { db } from "../db";
import { env } from "../env";
import { logger } from "../logger";
import { createJobLock } from "./job-lock";
import { runJobTick } from "./run-job-tick";
import type { ScheduledJob } from "./scheduled-job";

/** Start-up runs wait this long, so a starting server answers its health check first. */
const START_DELAY_MS = 5_000;

export function startScheduledJobs(jobs: readonly ScheduledJob[]): { stop: () => void } {
  const lock = createJobLock(targetFromEnv(env));
  const instance = `${os.hostname()}:${process.pid}`;
  const timers = new Set<NodeJS.Timeout>();
  const later = (ms: number, fn: () => void) => {
    const t = setTimeout(() => {
      timers.delete(t);
      fn();
    }, ms);
    t.unref();
    timers.add(t);
  };
  const tickOnce = (job: ScheduledJob, tick: Date | null) =>
    runJobTick({ db, lock, job, tick, instance }).catch((error: unknown) =>
      // The database or the lock's connection is down: the next tick tries again.
      logger.error({ err: error, job: job.name }, "job tick could not run"),
    );

  for (const job of jobs) {
    const everyMs = job.everySeconds * 1000;
    const scheduleNext = () => {
      const next = Math.floor(Date.now() / everyMs) * everyMs + everyMs;
      later(next - Date.now(), () => {
        scheduleNext();
        void tickOnce(job, new Date(next));
      });
    };
    scheduleNext();
    if (job.runAtStart) later(START_DELAY_MS, () => void tickOnce(job, null));
  }
  logger.info({ jobs: jobs.map((j) => `${j.name} every ${j.everySeconds}s`), instance }, "scheduled jobs started");
  return { stop: () => timers.forEach((t) => clearTimeout(t)) };
}
