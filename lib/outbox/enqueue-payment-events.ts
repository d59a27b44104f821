// Writes the outbox messages a payment change announces, inside that change's transaction
// (performTransition calls it), so they exist if and only if the change commits. One event id per
// event, shared by its emails and its webhook; the payload is a snapshot taken now.
import "server-only";
import crypto from "node:crypto";
import type { Prisma } from "@prisma/client";
import { env } from "../env";
import { loadPaymentSnapshot, type PaymentSnapshot } from "../notifications/load-payment-snapshot";
import { planNotifications } from "../notifications/plan-notifications";
import { absoluteUrl, paths } from "../paths";
import type { Tx } from "../prisma-client";
import type { TransitionEvent } from "../payments/transitions";
import { webhookEventBody } from "../webhooks/webhook-event-body";
import { RETRY_WINDOW_MS } from "./retry-schedule";

const ANNOUNCED: ReadonlySet<TransitionEvent> = new Set([
  "approved",
  "flagged",
  "review_mark_paid",
  "review_release",
  "review_dismiss",
  "refund_recorded",
  "refund_reversed",
]);

/** Does this change announce anything (emails or webhooks)? */
export const announces = (event: TransitionEvent) => ANNOUNCED.has(event);

export type OutboxRow = Prisma.OutboxMessageCreateManyInput & { id: string };

export async function enqueuePaymentEvents(
  tx: Tx,
  { attemptId, billerId, event, now }: { attemptId: string; billerId: string; event: TransitionEvent; now: Date },
): Promise<number> {
  if (!ANNOUNCED.has(event)) return 0;
  // One query at a time: a transaction's connection runs them in turn anyway.
  const snapshot = await loadPaymentSnapshot(tx, { attemptId, now });
  const admins = await tx.user.findMany({ where: { billerId, role: "BILLER_ADMIN" }, select: { email: true }, orderBy: { email: "asc" } });
  const endpoint = await tx.webhookEndpoint.findUnique({ where: { billerId }, select: { id: true, enabled: true, events: true } });
  const rows = planOutboxRows({ attemptId, billerId, event, now, snapshot, adminEmails: admins.map((a) => a.email), endpoint });
  if (rows.length > 0) await tx.outboxMessage.createMany({ data: rows });
  return rows.length;
}

/**
 * Pure: the outbox rows one change writes, from the snapshot at the change, the biller's admins
 * (by email) and its webhook endpoint. The postback's one-statement approval inserts these itself.
 */
export function planOutboxRows(opts: {
  attemptId: string;
  billerId: string;
  event: TransitionEvent;
  now: Date;
  snapshot: PaymentSnapshot;
  adminEmails: string[];
  endpoint: { id: string; enabled: boolean; events: string[] } | null;
}): OutboxRow[] {
  const { attemptId, billerId, event, now, snapshot, endpoint } = opts;
  if (!ANNOUNCED.has(event)) return [];
  const planned = planNotifications({
    event,
    snapshot,
    adminEmails: opts.adminEmails,
    paymentUrl: absoluteUrl(env.PUBLIC_BASE_URL, paths.portal.payment(attemptId)),
    reviewUrl: absoluteUrl(env.PUBLIC_BASE_URL, paths.admin.payments),
  });
  const retryUntil = new Date(now.getTime() + RETRY_WINDOW_MS);
  const rows: OutboxRow[] = [];
  for (const p of planned) {
    const eventId = crypto.randomUUID();
    const base = { eventId, eventType: p.type, billerId, attemptId, nextAttemptAt: now, retryUntil, createdAt: now };
    for (const email of p.emails) {
      rows.push({
        ...base,
        id: crypto.randomUUID(),
        channel: "EMAIL",
        recipient: email.to,
        template: email.template,
        payload: email.props as Prisma.InputJsonValue,
      });
    }
    if (endpoint?.enabled && endpoint.events.includes(p.type)) {
      const body = webhookEventBody({ id: eventId, type: p.type, created: now, event, snapshot });
      rows.push({ ...base, id: crypto.randomUUID(), channel: "WEBHOOK", recipient: endpoint.id, payload: body as Prisma.InputJsonValue });
    }
  }
  return rows;
}
