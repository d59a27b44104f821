// Opens the database behind Prisma: PostgreSQL when a URL is given, else PGlite in this
// process over a data folder guarded by an exclusive lock (PGlite has none of its own, and a
// second process on the same folder silently diverges and then corrupts it).
// Used by lib/db.ts (the app), prisma.config.ts (the CLI), the seed, scripts and tests.
import fs from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import type { SqlDriverAdapter, SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import lockfile from "proper-lockfile";

export type DatabaseTarget =
  | { kind: "postgres"; url: string }
  | { kind: "pglite"; dataDir: string } // a folder, or "memory://" for a throwaway in-memory database
  | { kind: "pglite-instance"; pglite: PGlite };

export class DatabaseLockedError extends Error {}

function ownerFile(dataDir: string) {
  return `${dataDir}.owner.json`;
}

/** Takes the folder's lock, or throws saying which process holds it. */
export function lockPgliteFolder(dataDir: string): () => void {
  fs.mkdirSync(dataDir, { recursive: true });
  let release: () => void;
  try {
    release = lockfile.lockSync(dataDir, { stale: 10_000, update: 3_000, realpath: false });
  } catch (error) {
    if ((error as { code?: string }).code !== "ELOCKED") throw error;
    let owner = "another process";
    try {
      const info = JSON.parse(fs.readFileSync(ownerFile(dataDir), "utf8")) as { pid: number; command: string };
      owner = `process ${info.pid} (${info.command})`;
    } catch {
      /* owner file missing: keep the generic wording */
    }
    throw new DatabaseLockedError(
      `The PGlite data folder ${dataDir} is in use by ${owner}. PGlite allows one process at a time: ` +
        `stop that process first (migrations and the seed run before the app starts), or set DATABASE_URL to use PostgreSQL.`,
    );
  }
  fs.writeFileSync(ownerFile(dataDir), JSON.stringify({ pid: process.pid, command: process.argv.slice(1, 3).join(" ") }));
  return () => {
    try {
      fs.rmSync(ownerFile(dataDir), { force: true });
      release();
    } catch {
      /* already released */
    }
  };
}

/** Appends `options=-c search_path=<schema>` so that every connection lands in one schema. */
export function withSchema(url: string, schema: string): string {
  const u = new URL(url);
  u.searchParams.set("options", `-c search_path=${schema}`);
  return u.toString();
}

/**
 * The connection string the app uses for a PostgreSQL URL: the schema (from `?schema=` or an
 * `options=-c search_path=`) on the search path, and every session in UTC. Dates travel to
 * PostgreSQL as UTC text without an offset, which timestamptz reads in the session's time zone, so
 * a server whose default zone is not UTC would shift every timestamp; the last `-c TimeZone` wins.
 */
export function postgresConnection(databaseUrl: string): { connectionString: string; schema: string | undefined } {
  const url = new URL(databaseUrl);
  const schema = url.searchParams.get("schema") ?? /search_path=([\w$]+)/.exec(url.searchParams.get("options") ?? "")?.[1];
  url.searchParams.delete("schema");
  let options = url.searchParams.get("options") ?? "";
  if (schema && !options.includes("search_path")) options += ` -c search_path=${schema}`;
  options += " -c TimeZone=UTC";
  url.searchParams.set("options", options.trim());
  return { connectionString: url.toString(), schema };
}

/**
 * A lazy adapter factory: nothing is opened (and no lock is taken) until Prisma's first query,
 * so `next build` never touches the data folder.
 */
export function createAdapterFactory(target: DatabaseTarget): SqlMigrationAwareDriverAdapterFactory {
  if (target.kind === "postgres") {
    // Prisma qualifies every table with a schema name, so a non-default schema must be named
    // to the adapter as well as put on the search path (for migrations).
    const { connectionString, schema } = postgresConnection(target.url);
    return new PrismaPg({ connectionString, max: 10 }, schema ? { schema } : undefined);
  }
  let inner: Promise<PrismaPGlite> | undefined;
  const open = () =>
    (inner ??= (async () => {
      if (target.kind === "pglite-instance") return new PrismaPGlite(target.pglite);
      if (target.dataDir.startsWith("memory://")) return new PrismaPGlite(new PGlite(target.dataDir));
      const dir = path.resolve(target.dataDir);
      const release = lockPgliteFolder(dir);
      process.once("exit", release);
      const pglite = new PGlite(dir);
      await pglite.waitReady;
      return new PrismaPGlite(pglite);
    })());
  return {
    provider: "postgres",
    adapterName: "pglite-locked",
    connect: async (): Promise<SqlDriverAdapter> => (await open()).connect(),
    connectToShadowDb: async (): Promise<SqlDriverAdapter> => (await open()).connectToShadowDb(),
  };
}

export function targetFromEnv(env: Partial<Record<"DATABASE_URL" | "PGLITE_DATA_DIR", string>>): DatabaseTarget {
  if (env.DATABASE_URL) return { kind: "postgres", url: env.DATABASE_URL };
  return { kind: "pglite", dataDir: env.PGLITE_DATA_DIR ?? "./data/pglite" };
}
