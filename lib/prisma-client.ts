// Builds a Prisma client over a database target. The app's single instance lives in lib/db.ts;
// scripts, the seed and tests build their own through this function.
import { PrismaClient } from "@prisma/client";
import { createAdapterFactory, type DatabaseTarget } from "./database";

export function createPrismaClient(target: DatabaseTarget) {
  return new PrismaClient({
    adapter: createAdapterFactory(target),
    // The encrypted API key is never loaded unless a query selects it explicitly.
    omit: { paymentSettings: { apiKeyCiphertext: true } },
    // PGlite runs transactions one at a time: give a queued one time to start.
    transactionOptions: { maxWait: 10_000, timeout: 20_000 },
  });
}

export type Db = ReturnType<typeof createPrismaClient>;
/** The client inside `db.$transaction(async (tx) => …)`. */
export type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];
