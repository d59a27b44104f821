// The JSON a webhook carries (docs/webhooks.md is its catalogue): a stable event id to deduplicate
// on, the type, when it happened, and the payment's data with amounts in cents and formatted.
import type { PaymentSnapshot } from "../notifications/load-payment-snapshot";
import { formatCents } from "../money";
import type { TransitionEvent } from "../payments/transitions";

export type WebhookEventBody = {
  id: string;
  type: string;
  created: string;
  data: Record<string, unknown>;
};

const SETTLED_OUTCOME: Partial<Record<TransitionEvent, string>> = {
  review_mark_paid: "marked_paid",
  review_release: "released",
  review_dismiss: "dismissed",
};

export function webhookEventBody(opts: {
  id: string;
  type: string;
  created: Date;
  event: TransitionEvent;
  snapshot: PaymentSnapshot;
}): WebhookEventBody {
  const s = opts.snapshot;
  const review = s.review;
  return {
    id: opts.id,
    type: opts.type,
    created: opts.created.toISOString(),
    data: {
      payment_id: s.paymentId,
      status: s.status,
      biller: { id: s.biller.id, name: s.biller.name },
      payment_guid: s.paymentGuid,
      amount_cents: s.amountCents,
      amount: s.amount,
      invoices: s.invoices.map((i) => ({
        invoice_number: i.invoiceNumber,
        permit_number: i.permitNumber,
        external_reference: i.externalReference,
        amount_cents: i.amountCents,
        amount: i.amount,
        ...(opts.type === "payment.refunded"
          ? { status: i.status, refunded_cents: i.refundedCents, refunded: formatCents(i.refundedCents) }
          : {}),
      })),
      ...(opts.type === "payment.needs_review" && review
        ? {
            review: {
              kind: review.kind,
              reason: review.reason,
              notice_amount_cents: review.amountCents,
              notice_amount: review.amountCents != null ? formatCents(review.amountCents) : null,
              notice_payment_guid: review.paymentGuid,
            },
          }
        : {}),
      ...(opts.type === "payment.review_settled" ? { outcome: SETTLED_OUTCOME[opts.event] ?? null } : {}),
      ...(opts.type === "payment.refunded" ? { change: opts.event === "refund_reversed" ? "reversed" : "recorded" } : {}),
    },
  };
}
