// Takes up to `limit` due messages for this dispatcher. FOR UPDATE SKIP LOCKED means two
// dispatchers (two app instances) claiming at once take disjoint rows; the claim itself moves
// nextAttemptAt forward by a lease, so a message being delivered is not due for anyone else, and
// one whose dispatcher died becomes due again when the lease ends (at least once, never lost).
import "server-only";
import type { Db } from "../prisma-client";

export const CLAIM_LEASE_MS = 2 * 60_000;

export async function claimDueMessages({ db, now, limit }: { db: Db; now: Date; limit: number }): Promise<string[]> {
  const leaseUntil = new Date(now.getTime() + CLAIM_LEASE_MS);
  const rows = await db.$queryRaw<{ id: string }[]>`
    UPDATE "OutboxMessage" SET "nextAttemptAt" = ${leaseUntil}::timestamptz, "tries" = "tries" + 1
    WHERE "id" IN (
      SELECT "id" FROM "OutboxMessage"
      WHERE "status" = 'PENDING' AND "nextAttemptAt" <= ${now}::timestamptz
      ORDER BY "nextAttemptAt"
      LIMIT ${limit}::int
      FOR UPDATE SKIP LOCKED
    )
    RETURNING "id"`;
  return rows.map((r) => r.id);
}
