// "Send test event": a webhook.test event, delivered now (not queued) so the admin sees the result
// at once; it is kept as an outbox message with its try, like every other delivery. Audited.
import "server-only";
import crypto from "node:crypto";
import { recordAuditEvent } from "../audit/record-audit-event";
import { db } from "../db";
import { UserFacingError } from "../errors";
import { deliverOutboxMessage, type DeliveryOutcome } from "../outbox/deliver-outbox-message";
import { RETRY_WINDOW_MS } from "../outbox/retry-schedule";
import { TEST_EVENT_TYPE } from "./webhook-events";

export async function sendTestEvent(opts: { billerId: string; actorId: string; now?: Date }): Promise<DeliveryOutcome> {
  const now = opts.now ?? new Date();
  const endpoint = await db.webhookEndpoint.findUnique({ where: { billerId: opts.billerId }, select: { id: true } });
  if (!endpoint) throw new UserFacingError("admin.webhooks.errors.noEndpoint");
  const biller = await db.biller.findUniqueOrThrow({ where: { id: opts.billerId }, select: { id: true, name: true } });
  const eventId = crypto.randomUUID();
  const payload = {
    id: eventId,
    type: TEST_EVENT_TYPE,
    created: now.toISOString(),
    data: { biller, message: "A test event from PermitPay" },
  };
  // Delivered once, by hand: not left PENDING for the dispatcher to send again.
  const message = await db.outboxMessage.create({
    data: {
      eventId,
      eventType: TEST_EVENT_TYPE,
      billerId: opts.billerId,
      channel: "WEBHOOK",
      recipient: endpoint.id,
      payload,
      status: "DEAD",
      tries: 1,
      nextAttemptAt: now,
      retryUntil: new Date(now.getTime() + RETRY_WINDOW_MS),
      createdAt: now,
    },
  });
  const outcome = await deliverOutboxMessage({ db, message, now });
  await db.$transaction([
    db.deliveryAttempt.create({
      data: {
        messageId: message.id,
        attemptedAt: now,
        ok: outcome.ok,
        statusCode: outcome.statusCode,
        responseExcerpt: outcome.excerpt,
        durationMs: outcome.durationMs,
      },
    }),
    db.outboxMessage.update({
      where: { id: message.id },
      data: outcome.ok ? { status: "DELIVERED", deliveredAt: now } : { status: "DEAD", deadAt: now, lastError: outcome.excerpt },
    }),
  ]);
  await recordAuditEvent(db, {
    type: "webhook.test_sent",
    actorId: opts.actorId,
    billerId: opts.billerId,
    data: { eventId, ok: outcome.ok, statusCode: outcome.statusCode },
  });
  return outcome;
}
