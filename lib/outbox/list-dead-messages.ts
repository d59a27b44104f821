// Dead messages across every biller (given up after their retry window), for platform admins.
// Test events sent by hand are left out: their result was shown to whoever sent them.
import "server-only";
import { db } from "../db";
import { TEST_EVENT_TYPE } from "../webhooks/webhook-events";

export async function listDeadMessages({ take = 100 }: { take?: number } = {}) {
  return db.outboxMessage.findMany({
    where: { status: "DEAD", eventType: { not: TEST_EVENT_TYPE } },
    orderBy: [{ deadAt: "desc" }, { id: "asc" }],
    take,
    select: {
      id: true,
      eventId: true,
      eventType: true,
      channel: true,
      recipient: true,
      tries: true,
      lastError: true,
      createdAt: true,
      deadAt: true,
      attemptId: true,
      biller: { select: { id: true, name: true } },
    },
  });
}
