// The outbox at a glance, for the health route: messages waiting, how late the oldest due one is,
// and how many are dead (given up after 3 days, waiting for a person).
import "server-only";
import type { Db } from "../prisma-client";

export type OutboxBacklog = { pending: number; due: number; oldestDueSeconds: number; dead: number };

export async function countOutboxBacklog({ db, now = new Date() }: { db: Db; now?: Date }): Promise<OutboxBacklog> {
  const [pending, dueRows, dead] = await Promise.all([
    db.outboxMessage.count({ where: { status: "PENDING" } }),
    db.outboxMessage.aggregate({ where: { status: "PENDING", nextAttemptAt: { lte: now } }, _count: true, _min: { nextAttemptAt: true } }),
    db.outboxMessage.count({ where: { status: "DEAD" } }),
  ]);
  const oldest = dueRows._min.nextAttemptAt;
  return {
    pending,
    due: dueRows._count,
    oldestDueSeconds: oldest ? Math.max(0, Math.round((now.getTime() - oldest.getTime()) / 1000)) : 0,
    dead,
  };
}
