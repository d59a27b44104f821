// Runs one tick of a scheduled job, at most once across all instances:
//  1. the advisory lock (./job-lock.ts): no two runs of a job at once, even when a run outlasts its tick;
//  2. the JobRun row: INSERT … ON CONFLICT (job, tick) DO NOTHING, so an instance whose timer fires
//     after another instance already ran this tick does not run it again.
// The row then records the outcome; rows older than 30 days are pruned.
import "server-only";
import { logger } from "../logger";
import type { Db } from "../prisma-client";
import type { JobLock } from "./job-lock";
import type { ScheduledJob } from "./scheduled-job";

export type TickOutcome = "ran" | "failed" | "taken" | "busy";

const KEEP_RUNS_MS = 30 * 24 * 3600_000;

export async function runJobTick(opts: {
  db: Db;
  lock: JobLock;
  job: ScheduledJob;
  /** The tick's instant, or null for a start-up run. */
  tick: Date | null;
  instance: string;
}): Promise<TickOutcome> {
  const { db, lock, job, tick, instance } = opts;
  const log = logger.child({ job: job.name, tick: tick?.toISOString() ?? "start-up", instance });
  if (!(await lock.tryLock(job.name))) {
    log.debug("job busy: another run holds its lock");
    return "busy";
  }
  try {
    const claimed = await db.$queryRaw<{ id: string }[]>`
      INSERT INTO "JobRun" ("id", "job", "tick", "instance", "startedAt")
      VALUES (gen_random_uuid(), ${job.name}, ${tick}::timestamptz, ${instance}, now())
      ON CONFLICT ("job", "tick") DO NOTHING
      RETURNING "id"`;
    const runId = claimed[0]?.id;
    if (!runId) {
      log.debug("job tick taken by another instance");
      return "taken";
    }
    let outcome: TickOutcome = "ran";
    let detail: Record<string, number | string | boolean> = {};
    try {
      detail = (await job.run({ db, now: new Date() })) ?? {};
      log.debug({ detail }, "job tick ran");
    } catch (error) {
      outcome = "failed";
      detail = { error: error instanceof Error ? error.message : String(error) };
      log.error({ err: error }, "job failed");
    }
    await db.jobRun.update({
      where: { id: runId },
      data: { finishedAt: new Date(), outcome: outcome === "ran" ? "ok" : "failed", detail },
    });
    await db.jobRun.deleteMany({ where: { job: job.name, startedAt: { lt: new Date(Date.now() - KEEP_RUNS_MS) } } });
    return outcome;
  } finally {
    await lock.unlock(job.name).catch((error: unknown) => log.warn({ err: error }, "job unlock failed"));
  }
}
