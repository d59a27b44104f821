// One pass of the dispatcher: claim due messages (claimDueMessages, FOR UPDATE SKIP LOCKED),
// deliver them a few at a time, and record each try. A success is DELIVERED; a failure waits by
// the retry schedule, or is DEAD once out of time. Safe to run on every instance at once.
import "server-only";
import type { OutboxMessage } from "@prisma/client";
import type { Db } from "../prisma-client";
import { claimDueMessages } from "./claim-due-messages";
import { deliverOutboxMessage, type DeliveryOutcome, type EndpointCache } from "./deliver-outbox-message";
import { nextRetryAt } from "./retry-schedule";

export type DispatchResult = {
  claimed: number;
  delivered: number;
  retrying: number;
  dead: number;
  /** No mail server answered: the job ends its run here rather than claim the next batch. */
  mailServerUnreachable?: boolean;
};

/** Recorded on an email left untried because the mail server did not answer for an earlier one. */
export const NOT_TRIED_MAIL_SERVER_DOWN = "Not tried: the mail server did not answer for an earlier email of this batch";

export async function dispatchOutbox(opts: { db: Db; now?: Date; limit?: number; concurrency?: number }): Promise<DispatchResult> {
  const { db } = opts;
  const now = opts.now ?? new Date();
  const ids = await claimDueMessages({ db, now, limit: opts.limit ?? 25 });
  const result: DispatchResult = { claimed: ids.length, delivered: 0, retrying: 0, dead: 0 };
  if (ids.length === 0) return result;
  const queue = await db.outboxMessage.findMany({ where: { id: { in: ids } }, orderBy: { nextAttemptAt: "asc" } });
  const endpoints: EndpointCache = new Map();
  const tries: Try[] = [];
  // Once no mail server answers, the batch's other emails are not rendered or sent: each would cost
  // a render (the web server's CPU) and a connection for the same answer. They wait by the retry
  // schedule like any failed try; webhooks go on.
  let mailServerUnreachable = false;
  const worker = async () => {
    for (let message = queue.shift(); message; message = queue.shift()) {
      const attemptedAt = opts.now ?? new Date();
      const outcome =
        mailServerUnreachable && message.channel === "EMAIL"
          ? { ok: false, statusCode: null, excerpt: NOT_TRIED_MAIL_SERVER_DOWN, durationMs: 0 }
          : await deliverOnce(db, message, now, endpoints);
      if (outcome.mailServerUnreachable) mailServerUnreachable = true;
      tries.push({ message, attemptedAt, outcome });
    }
  };
  await Promise.all(Array.from({ length: Math.min(opts.concurrency ?? 5, ids.length) }, worker));
  // Recorded together, one transaction per batch: a dispatcher that dies before this line leaves
  // the batch to be sent again when its lease ends (at least once; receivers deduplicate).
  const delivered = tries.filter((t) => t.outcome.ok).map((t) => t.message.id);
  const failed = tries
    .filter((t) => !t.outcome.ok)
    .map((t) => ({ ...t, retryAt: nextRetryAt({ tries: t.message.tries, now, retryUntil: t.message.retryUntil }) }));
  await db.$transaction([
    db.deliveryAttempt.createMany({
      data: tries.map(({ message, attemptedAt, outcome }) => ({
        messageId: message.id,
        attemptedAt,
        ok: outcome.ok,
        statusCode: outcome.statusCode,
        responseExcerpt: outcome.excerpt,
        durationMs: outcome.durationMs,
      })),
    }),
    db.outboxMessage.updateMany({ where: { id: { in: delivered } }, data: { status: "DELIVERED", deliveredAt: now, lastError: null } }),
    ...failed.map((f) =>
      db.outboxMessage.update({
        where: { id: f.message.id },
        data: f.retryAt
          ? { nextAttemptAt: f.retryAt, lastError: f.outcome.excerpt }
          : { status: "DEAD", deadAt: now, lastError: f.outcome.excerpt },
      }),
    ),
  ]);
  result.delivered = delivered.length;
  result.retrying = failed.filter((f) => f.retryAt).length;
  result.dead = failed.length - result.retrying;
  if (mailServerUnreachable) result.mailServerUnreachable = true;
  return result;
}

type Try = { message: OutboxMessage; attemptedAt: Date; outcome: DeliveryOutcome };

async function deliverOnce(db: Db, message: OutboxMessage, now: Date, endpoints: EndpointCache): Promise<DeliveryOutcome> {
  try {
    return await deliverOutboxMessage({ db, message, now, endpoints });
  } catch (error) {
    // A bug or an undecryptable secret: recorded like any failed try, and retried.
    return {
      ok: false,
      statusCode: null,
      excerpt: `Not sent: ${error instanceof Error ? error.message : String(error)}`.slice(0, 500),
      durationMs: 0,
    };
  }
}
