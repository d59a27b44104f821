// Two instances, as the job runner sees them: two Prisma clients and two lock connections on one
// PostgreSQL schema (on PGlite, one process: one client, one lock). Each tick must run once.
import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { targetFromEnv } from "@/lib/database";
import { createPrismaClient } from "@/lib/prisma-client";
import { createJobLock } from "./job-lock";
import { runJobTick } from "./run-job-tick";
import type { ScheduledJob } from "./scheduled-job";

const kind = process.env.TEST_DB_KIND;
const target = targetFromEnv({ DATABASE_URL: process.env.DATABASE_URL, PGLITE_DATA_DIR: process.env.PGLITE_DATA_DIR });

describe.skipIf(kind === "none")(`runJobTick (${kind})`, () => {
  const dbB = kind === "postgres" ? createPrismaClient(target) : db;
  const lockA = createJobLock(target);
  const lockB = kind === "postgres" ? createJobLock(target) : lockA;
  afterAll(async () => {
    if (dbB !== db) await dbB.$disconnect();
  });

  function countingJob() {
    const runs: Date[] = [];
    const job: ScheduledJob = {
      name: `test-${randomUUID()}`,
      everySeconds: 60,
      run: async ({ now }) => {
        runs.push(now);
        await new Promise((r) => setTimeout(r, 5));
        return { n: runs.length };
      },
    };
    return { job, runs };
  }

  it("runs each tick once when both instances fire it at the same moment", async () => {
    const { job, runs } = countingJob();
    const ticks = Array.from({ length: 10 }, (_, i) => new Date(Date.UTC(2026, 0, 1, 0, i)));
    const outcomes: string[] = [];
    for (const tick of ticks) {
      outcomes.push(
        ...(await Promise.all([
          runJobTick({ db, lock: lockA, job, tick, instance: "A" }),
          runJobTick({ db: dbB, lock: lockB, job, tick, instance: "B" }),
        ])),
      );
    }
    expect(runs).toHaveLength(ticks.length);
    expect(outcomes.filter((o) => o === "ran")).toHaveLength(ticks.length);
    expect(outcomes.filter((o) => o === "taken" || o === "busy")).toHaveLength(ticks.length);
    const rows = await db.jobRun.findMany({ where: { job: job.name } });
    expect(rows).toHaveLength(ticks.length);
    expect(new Set(rows.map((r) => r.tick?.toISOString())).size).toBe(ticks.length);
    expect(rows.every((r) => r.outcome === "ok" && r.finishedAt !== null)).toBe(true);
  });

  it("does not run a tick again when an instance's timer fires after the other instance finished it", async () => {
    const { job, runs } = countingJob();
    const tick = new Date(Date.UTC(2026, 0, 2));
    expect(await runJobTick({ db, lock: lockA, job, tick, instance: "A" })).toBe("ran");
    expect(await runJobTick({ db: dbB, lock: lockB, job, tick, instance: "B" })).toBe("taken");
    expect(runs).toHaveLength(1);
  });

  it("never runs a job twice at once: a run that outlasts its tick makes the next tick wait", async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    let running = 0;
    let maxRunning = 0;
    const job: ScheduledJob = {
      name: `slow-${randomUUID()}`,
      everySeconds: 60,
      run: async () => {
        maxRunning = Math.max(maxRunning, ++running);
        await gate;
        running--;
      },
    };
    const first = runJobTick({ db, lock: lockA, job, tick: new Date(Date.UTC(2026, 0, 3, 0, 0)), instance: "A" });
    await expect.poll(() => running).toBe(1);
    expect(await runJobTick({ db: dbB, lock: lockB, job, tick: new Date(Date.UTC(2026, 0, 3, 0, 1)), instance: "B" })).toBe("busy");
    release();
    expect(await first).toBe("ran");
    expect(maxRunning).toBe(1);
    // The lock is free again.
    expect(await runJobTick({ db: dbB, lock: lockB, job, tick: new Date(Date.UTC(2026, 0, 3, 0, 2)), instance: "B" })).toBe("ran");
  });

  it("records a failed run and still releases the lock; start-up runs are not tied to a tick", async () => {
    const job: ScheduledJob = {
      name: `failing-${randomUUID()}`,
      everySeconds: 60,
      run: () => Promise.reject(new Error("boom")),
    };
    expect(await runJobTick({ db, lock: lockA, job, tick: null, instance: "A" })).toBe("failed");
    expect(await runJobTick({ db, lock: lockA, job, tick: null, instance: "A" })).toBe("failed");
    const rows = await db.jobRun.findMany({ where: { job: job.name } });
    expect(rows.map((r) => [r.tick, r.outcome])).toEqual([
      [null, "failed"],
      [null, "failed"],
    ]);
    expect(rows[0]?.detail).toEqual({ error: "boom" });
  });
});
