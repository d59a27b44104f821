// Counts of Invoice Cloud postbacks by verdict over a recent window, for the operator's page:
// a rise in "rejected", "unknown" or "needs_review" is the first sign of trouble.
import "server-only";
import { db } from "../db";

export const POSTBACK_VERDICTS = ["paid", "declined", "duplicate", "ignored", "needs_review", "rejected", "unknown", "malformed"] as const;

export async function countPostbackOutcomes(opts: { since: Date }): Promise<Record<(typeof POSTBACK_VERDICTS)[number], number>> {
  const groups = await db.postbackReceipt.groupBy({ by: ["verdict"], where: { receivedAt: { gte: opts.since } }, _count: { _all: true } });
  const counts = Object.fromEntries(POSTBACK_VERDICTS.map((v) => [v, 0])) as Record<(typeof POSTBACK_VERDICTS)[number], number>;
  for (const g of groups) if (g.verdict in counts) counts[g.verdict as keyof typeof counts] = g._count._all;
  return counts;
}
