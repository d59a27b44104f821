// One pass of the dispatcher: claim due messages (claimDueMessages, FOR UPDATE SKIP LOCKED),
// deliver them a few at a time, and record each try. A success is DELIVERED; a failure waits by
// the retry schedule, or is DEAD once out of time. Safe to run on every instance at once.
import "server-only";
import type { Db } from "../prisma-client";
import { claimDueMessages } from "./claim-due-messages";
import { deliverOutboxMessage, type DeliveryOutcome } from "./deliver-outbox-message";
import { nextRetryAt } from "./retry-schedule";

export type DispatchResult = { claimed: number; delivered: number; retrying: number; dead: number };

export async function dispatchOutbox(opts: { db: Db; now?: Date; limit?: number; concurrency?: number }): Promise<DispatchResult> {
  const { db } = opts;
  const now = opts.now ?? new Date();
  const ids = await claimDueMessages({ db, now, limit: opts.limit ?? 25 });
  const result: DispatchResult = { claimed: ids.length, delivered: 0, retrying: 0, dead: 0 };
  const queue = [...ids];
  const worker = async () => {
    for (let id = queue.shift(); id; id = queue.shift()) {
      const outcome = await deliverOne(db, id, now);
      result[outcome]++;
    }
  };
  await Promise.all(Array.from({ length: Math.min(opts.concurrency ?? 5, ids.length) }, worker));
  return result;
}

async function deliverOne(db: Db, id: string, now: Date): Promise<"delivered" | "retrying" | "dead"> {
  const message = await db.outboxMessage.findUniqueOrThrow({ where: { id } });
  let outcome: DeliveryOutcome;
  try {
    outcome = await deliverOutboxMessage({ db, message, now });
  } catch (error) {
    // A bug or an undecryptable secret: recorded like any failed try, and retried.
    outcome = {
      ok: false,
      statusCode: null,
      excerpt: `Not sent: ${error instanceof Error ? error.message : String(error)}`.slice(0, 500),
      durationMs: 0,
    };
  }
  const retryAt = outcome.ok ? null : nextRetryAt({ tries: message.tries, now, retryUntil: message.retryUntil });
  const verdict = outcome.ok ? "delivered" : retryAt ? "retrying" : "dead";
  await db.$transaction([
    db.deliveryAttempt.create({
      data: {
        messageId: id,
        attemptedAt: now,
        ok: outcome.ok,
        statusCode: outcome.statusCode,
        responseExcerpt: outcome.excerpt,
        durationMs: outcome.durationMs,
      },
    }),
    db.outboxMessage.update({
      where: { id },
      data:
        verdict === "delivered"
          ? { status: "DELIVERED", deliveredAt: now, lastError: null }
          : verdict === "retrying"
            ? { nextAttemptAt: retryAt!, lastError: outcome.excerpt }
            : { status: "DEAD", deadAt: now, lastError: outcome.excerpt },
    }),
  ]);
  return verdict;
}
