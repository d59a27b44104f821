// Two dispatchers on two database connections (two app instances) drain 1,000 messages at once:
// every message reaches the receiver exactly once. On PGlite (one process) a single dispatcher.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { targetFromEnv } from "@/lib/database";
import { db } from "@/lib/db";
import { createPrismaClient } from "@/lib/prisma-client";
import { arrangeConfiguredBiller } from "@/test/payment-fixtures";
import { startWebhookReceiver } from "@/test/webhook-receiver";
import { createUser } from "@/prisma/factories";
import { saveWebhookEndpoint } from "../webhooks/save-webhook-endpoint";
import { dispatchOutbox } from "./dispatch-outbox";
import { RETRY_WINDOW_MS } from "./retry-schedule";

const kind = process.env.TEST_DB_KIND;
const target = targetFromEnv({ DATABASE_URL: process.env.DATABASE_URL, PGLITE_DATA_DIR: process.env.PGLITE_DATA_DIR });
const COUNT = 1000;

describe.skipIf(kind === "none")(`outbox dispatchers (${kind})`, () => {
  const dbB = kind === "postgres" ? createPrismaClient(target) : null;
  let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;
  beforeAll(async () => {
    receiver = await startWebhookReceiver();
  });
  afterAll(async () => {
    await receiver.close();
    await dbB?.$disconnect();
  });

  it(`deliver ${COUNT} messages with no duplicate and none missed`, async () => {
    const biller = await arrangeConfiguredBiller(db);
    const admin = await createUser(db, { role: "BILLER_ADMIN", billerId: biller.id });
    await saveWebhookEndpoint({
      billerId: biller.id,
      actorId: admin.id,
      input: { url: receiver.url, events: ["payment.paid"], enabled: true },
    });
    const endpoint = await db.webhookEndpoint.findUniqueOrThrow({ where: { billerId: biller.id } });
    const now = new Date();
    const rows = Array.from({ length: COUNT }, () => {
      const eventId = crypto.randomUUID();
      return {
        eventId,
        eventType: "payment.paid",
        billerId: biller.id,
        channel: "WEBHOOK" as const,
        recipient: endpoint.id,
        payload: { id: eventId, type: "payment.paid", created: now.toISOString(), data: { n: 1 } },
        nextAttemptAt: now,
        retryUntil: new Date(now.getTime() + RETRY_WINDOW_MS),
      };
    });
    await db.outboxMessage.createMany({ data: rows });
    const mine = new Set(rows.map((r) => r.eventId));

    const drain = async (client: typeof db) => {
      let sent = 0;
      for (;;) {
        const r = await dispatchOutbox({ db: client, limit: 25, concurrency: 5 });
        sent += r.claimed;
        if (r.claimed === 0) return sent;
      }
    };
    const claimedBy = await Promise.all(dbB ? [drain(db), drain(dbB)] : [drain(db)]);

    const got = receiver.received.filter((r) => r.eventId && mine.has(r.eventId)).map((r) => r.eventId!);
    const distinct = new Set(got);
    expect(got.length - distinct.size).toBe(0); // duplicates
    expect(COUNT - distinct.size).toBe(0); // missed
    const stored = await db.outboxMessage.groupBy({ by: ["status"], where: { billerId: biller.id }, _count: true });
    expect(stored).toEqual([{ status: "DELIVERED", _count: COUNT }]);
    expect(await db.deliveryAttempt.count({ where: { message: { billerId: biller.id } } })).toBe(COUNT);
    if (dbB) expect(claimedBy.every((n) => n > 0)).toBe(true); // both instances took part
  }, 120_000);
});
