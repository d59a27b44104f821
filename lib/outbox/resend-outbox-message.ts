// A biller admin's "Resend": the message is due again now, with a fresh 3-day retry window and
// the same event id (so a receiver that already has it can tell). Only the biller's own messages.
import "server-only";
import { recordAuditEvent } from "../audit/record-audit-event";
import { db } from "../db";
import { UserFacingError } from "../errors";
import { TEST_EVENT_TYPE } from "../webhooks/webhook-events";
import { RETRY_WINDOW_MS } from "./retry-schedule";

export async function resendOutboxMessage(opts: { billerId: string; actorId: string; messageId: string; now?: Date }) {
  const now = opts.now ?? new Date();
  return db.$transaction(async (tx) => {
    const { count } = await tx.outboxMessage.updateMany({
      where: { id: opts.messageId, billerId: opts.billerId, eventType: { not: TEST_EVENT_TYPE } },
      data: { status: "PENDING", nextAttemptAt: now, retryUntil: new Date(now.getTime() + RETRY_WINDOW_MS), deadAt: null },
    });
    if (count === 0) throw new UserFacingError("platform.outbox.errors.noSuchDelivery");
    const message = await tx.outboxMessage.findUniqueOrThrow({
      where: { id: opts.messageId },
      select: { eventId: true, eventType: true, channel: true },
    });
    await recordAuditEvent(tx, {
      type: "outbox.resent",
      actorId: opts.actorId,
      billerId: opts.billerId,
      data: { messageId: opts.messageId, ...message },
    });
  });
}
