// The app's one Prisma client, built once per process on globalThis (Next.js dev reloads
// modules). PostgreSQL when DATABASE_URL is set, else PGlite under PGLITE_DATA_DIR.
import "server-only";
import { targetFromEnv } from "./database";
import { env } from "./env";
import { createPrismaClient, type Db } from "./prisma-client";

const globalForDb = globalThis as unknown as { permitpayDb?: Db };

export const db: Db = (globalForDb.permitpayDb ??= createPrismaClient(targetFromEnv(env)));
