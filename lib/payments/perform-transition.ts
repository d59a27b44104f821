// The one writer of payment status. A change is (from, event) → to from the table in
// transitions.ts; it is a conditional update on the status the caller saw, its effect on the
// invoices, and an audit row, all in the caller's transaction. Returns false when the attempt was
// no longer in `from` (someone else moved it first): the caller re-reads and decides again.
import "server-only";
import type { AttemptCloseReason, AttemptStatus, Prisma, ReviewKind } from "@prisma/client";
import { recordAuditEvent, type AuditEventType } from "../audit/record-audit-event";
import { enqueuePaymentEvents } from "../outbox/enqueue-payment-events";
import { applyRefundToInvoices } from "../refunds/apply-refund-to-invoices";
import type { Tx } from "../prisma-client";
import { findTransition, type Actor, type TransitionEvent } from "./transitions";

const AUDIT: Record<TransitionEvent, AuditEventType> = {
  session_opened: "payment.redirected",
  session_failed: "payment.failed",
  expired: "payment.expired",
  abandoned: "payment.abandoned",
  superseded: "payment.superseded",
  declined: "payment.declined",
  approved: "payment.paid",
  flagged: "postback.needs_review",
  review_mark_paid: "payment.review_resolved",
  review_release: "payment.review_resolved",
  review_dismiss: "payment.review_resolved",
  refund_recorded: "payment.refund_recorded",
  refund_reversed: "payment.refund_reversed",
};

export class IllegalTransition extends Error {}
/** The invoices were paid by another attempt between the caller's read and this write. */
export class InvoicesAlreadyPaid extends Error {}

export type TransitionInput = {
  attemptId: string;
  billerId: string;
  from: AttemptStatus;
  event: TransitionEvent;
  actor: Actor;
  actorId?: string | null;
  now: Date;
  /** Attempt fields written with the status (never `status` itself). */
  set?: {
    hostedPageUrl?: string;
    redirectedAt?: Date;
    failureReason?: string | null;
    closeReason?: AttemptCloseReason | null;
    paymentGuid?: string | null;
    paidAmountCents?: number | null;
    convenienceFeeCents?: number | null;
    reviewKind?: ReviewKind | null;
    reviewReason?: string | null;
    reviewPaymentGuid?: string | null;
    reviewAmountCents?: number | null;
    reviewNoticeAt?: Date | null;
  };
  /** Extra conditions on the attempt row (for example "has an open review item"). */
  where?: Prisma.PaymentAttemptWhereInput;
  /** For approved / review_mark_paid: the PaymentGUID stored on the invoices. */
  paidWith?: { paymentGuid: string | null };
  /** For refund_recorded / refund_reversed: how much of each invoice went back (or is restored). */
  refundLines?: { invoiceId: string; amountCents: number }[];
  audit?: object;
};

export async function performTransition(tx: Tx, input: TransitionInput): Promise<boolean> {
  const row = findTransition(input.from, input.event);
  if (!row || !row.actors.includes(input.actor)) {
    throw new IllegalTransition(`${input.actor} may not cause ${input.event} from ${input.from}`);
  }
  const closes = row.to !== input.from && row.to !== "REDIRECTED";
  const { count } = await tx.paymentAttempt.updateMany({
    where: { ...input.where, id: input.attemptId, status: input.from },
    data: { ...input.set, status: row.to, ...(closes ? { closedAt: input.now } : {}) },
  });
  if (count === 0) return false;

  if (input.event === "refund_recorded" || input.event === "refund_reversed") {
    // Fully refunded → REFUNDED, partly → PAID with refundedCents; a reversal goes back. Throws on an over-refund.
    await applyRefundToInvoices(tx, { attemptId: input.attemptId, lines: input.refundLines ?? [], event: input.event, now: input.now });
  } else if (row.to === "PAID" && input.from !== "PAID") {
    await markInvoicesPaid(tx, input.attemptId, input.paidWith?.paymentGuid ?? null, input.now);
  } else if (row.to === "EXPIRED" || row.to === "DECLINED" || row.to === "FAILED") {
    // Closed with nothing kept: its invoices may be paid again. NEEDS_REVIEW keeps them held.
    await tx.invoice.updateMany({ where: { openAttemptId: input.attemptId }, data: { openAttemptId: null } });
  }
  await recordAuditEvent(tx, {
    type: AUDIT[input.event],
    actorId: input.actorId ?? null,
    billerId: input.billerId,
    attemptId: input.attemptId,
    data: { from: input.from, to: row.to, event: input.event, by: input.actor, ...input.audit },
  });
  // Receipts, review alerts and webhooks: written here so they exist if and only if this change commits.
  await enqueuePaymentEvents(tx, { attemptId: input.attemptId, billerId: input.billerId, event: input.event, now: input.now });
  return true;
}

/** Every line's invoice, from UNPAID, or the whole transaction is undone. */
async function markInvoicesPaid(tx: Tx, attemptId: string, paymentGuid: string | null, now: Date) {
  const lines = await tx.paymentAttemptInvoice.findMany({ where: { attemptId }, select: { invoiceId: true, amountCents: true } });
  // One statement per distinct amount (usually one): the line's amount is what was paid.
  const byAmount = new Map<number, string[]>();
  for (const l of lines) byAmount.set(l.amountCents, [...(byAmount.get(l.amountCents) ?? []), l.invoiceId]);
  let paid = 0;
  for (const [amountCents, ids] of byAmount) {
    const { count } = await tx.invoice.updateMany({
      where: { id: { in: ids }, status: "UNPAID" },
      data: { status: "PAID", paidAt: now, paidAmountCents: amountCents, paymentGuid, paidAttemptId: attemptId, openAttemptId: null },
    });
    paid += count;
  }
  if (paid !== lines.length) throw new InvoicesAlreadyPaid("Some of these invoices were already paid by another payment");
}
