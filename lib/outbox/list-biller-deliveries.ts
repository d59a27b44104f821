// A biller's outbox, newest first, with every try: what its admins see on the webhooks page.
import "server-only";
import type { OutboxChannel } from "@prisma/client";
import { db } from "../db";

export async function listBillerDeliveries({ billerId, channel, take = 50 }: { billerId: string; channel?: OutboxChannel; take?: number }) {
  return db.outboxMessage.findMany({
    where: { billerId, ...(channel ? { channel } : {}) },
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    take,
    select: {
      id: true,
      eventId: true,
      eventType: true,
      channel: true,
      recipient: true,
      status: true,
      tries: true,
      nextAttemptAt: true,
      lastError: true,
      createdAt: true,
      deliveries: {
        orderBy: { attemptedAt: "asc" },
        select: { id: true, attemptedAt: true, ok: true, statusCode: true, responseExcerpt: true, durationMs: true },
      },
    },
  });
}
