// "Is another instance running this job right now?" On PostgreSQL: a session-level advisory lock
// (pg_try_advisory_lock) on one dedicated connection, so the lock is released by PostgreSQL itself
// if this process dies. Keyed by schema and job name, so that apps on other schemas of the same
// server never contend. On PGlite (one process by construction) a set in memory is enough.
import "server-only";
import pg from "pg";
import type { DatabaseTarget } from "../database";
import { logger } from "../logger";

export type JobLock = {
  tryLock(job: string): Promise<boolean>;
  unlock(job: string): Promise<void>;
};

export function createJobLock(target: DatabaseTarget): JobLock {
  const held = new Set<string>();
  if (target.kind !== "postgres") {
    return {
      tryLock: (job) => Promise.resolve(held.has(job) ? false : (held.add(job), true)),
      unlock: (job) => Promise.resolve(void held.delete(job)),
    };
  }
  const url = new URL(target.url);
  const schema = url.searchParams.get("schema") ?? /search_path=([\w$]+)/.exec(url.searchParams.get("options") ?? "")?.[1] ?? "public";
  url.searchParams.delete("schema");
  let client: Promise<pg.Client> | undefined;
  const connection = () =>
    (client ??= (async () => {
      const c = new pg.Client({ connectionString: url.toString(), application_name: "permitpay-job-lock" });
      c.on("error", (error) => {
        // The connection is gone, and PostgreSQL has released its locks with it.
        logger.warn({ err: error }, "job lock connection lost");
        client = undefined;
        held.clear();
      });
      try {
        await c.connect();
      } catch (error) {
        client = undefined;
        throw error;
      }
      return c;
    })());
  const key = (job: string) => `${schema}:permitpay-job:${job}`;
  return {
    async tryLock(job) {
      if (held.has(job)) return false;
      const c = await connection();
      const { rows } = await c.query<{ ok: boolean }>("SELECT pg_try_advisory_lock(hashtextextended($1, 0)) AS ok", [key(job)]);
      if (rows[0]?.ok) held.add(job);
      return rows[0]?.ok === true;
    },
    async unlock(job) {
      if (!held.delete(job)) return;
      const c = await connection();
      await c.query("SELECT pg_advisory_unlock(hashtextextended($1, 0))", [key(job)]);
    },
  };
}
