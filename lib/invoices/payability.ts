// May this invoice be paid online, and if not, why? The one rule: the invoice list, the invoice
// page and PAY ONLINE (startPayment) all ask it, and show its message. Pure.
import { holdEndsAt, isResumable } from "../payments/transitions";
import { withinOnlineMaximum } from "../settings/payment-readiness";
import type { BillerPayability } from "./get-biller-payability";

export type InvoicePayability =
  | { kind: "payable" }
  | { kind: "paid"; message: string }
  | { kind: "cancelled"; message: string }
  | { kind: "refunded"; message: string }
  | { kind: "in_progress"; paymentId: string; message: string }
  | { kind: "unconfirmed"; paymentId: string; message: string }
  | { kind: "held"; paymentId: string; message: string }
  | { kind: "in_review"; paymentId: string; message: string }
  | { kind: "not_available"; message: string }
  | { kind: "over_maximum"; message: string };

/** An attempt that includes the invoice and is still open or under review. */
export type LiveAttempt = { id: string; status: string; expiresAt: Date; createdAt: Date; returnedAt?: Date | null };

export type PayabilityOptions = { now?: Date; returnGraceMs?: number };

export function invoicePayability(
  invoice: { invoiceNumber?: string; status: string; amountDueCents: number; attempts?: { attempt: LiveAttempt }[] },
  biller: BillerPayability | undefined,
  formatMoney: (cents: number) => string,
  opts: PayabilityOptions = {},
): InvoicePayability {
  const now = opts.now ?? new Date();
  const label = invoice.invoiceNumber ? `Invoice ${invoice.invoiceNumber}` : "This invoice";
  if (invoice.status === "PAID") return { kind: "paid", message: `${label} is already paid.` };
  // Refunded in full: final (the biller setting payAgainAfterRefund is off by default; see docs/admin.md).
  if (invoice.status === "REFUNDED") return { kind: "refunded", message: `${label} was refunded. There is nothing to pay.` };
  if (invoice.status === "CANCELLED")
    return { kind: "cancelled", message: `${label} was cancelled by the municipality. There is nothing to pay.` };
  const attempts = (invoice.attempts ?? []).map((a) => a.attempt);
  const review = attempts.find((a) => a.status === "NEEDS_REVIEW");
  if (review) {
    const who = biller?.name ?? "The municipality";
    return { kind: "in_review", paymentId: review.id, message: `${who} is checking a payment for this invoice. Please do not pay again.` };
  }
  if (!biller || !biller.readiness.ready) {
    return { kind: "not_available", message: `Online payment is not yet available for ${biller?.name ?? "this municipality"}.` };
  }
  if (!withinOnlineMaximum(invoice.amountDueCents, biller.maxOnlineAmountCents)) {
    return { kind: "over_maximum", message: overMaximumMessage(biller, formatMoney) };
  }
  const open = attempts.filter((a) => a.status === "CREATED" || a.status === "REDIRECTED");
  const returned = open.find((a) => a.returnedAt);
  if (returned && holdEndsAt(returned, opts.returnGraceMs ?? 24 * 3600_000) > now) {
    return {
      kind: "unconfirmed",
      paymentId: returned.id,
      message: "You returned from Invoice Cloud, but it has not confirmed a payment yet. Please do not pay again until it does.",
    };
  }
  const resumable = open.find((a) => isResumable(a, now));
  if (resumable)
    return { kind: "in_progress", paymentId: resumable.id, message: "A payment for this invoice is in progress at Invoice Cloud." };
  const held = open.find((a) => holdEndsAt(a, opts.returnGraceMs ?? 24 * 3600_000) > now);
  if (held) {
    return {
      kind: "held",
      paymentId: held.id,
      message: "A payment page for this invoice is still open at Invoice Cloud and may take a payment. You can pay again once it closes.",
    };
  }
  return { kind: "payable" };
}

/** The biller's online maximum, said once for one invoice and for a selection. */
export function overMaximumMessage(
  biller: { name: string; maxOnlineAmountCents: number | null },
  formatMoney: (cents: number) => string,
  totalCents?: number,
): string {
  const total = totalCents === undefined ? "" : ` This total is ${formatMoney(totalCents)}.`;
  return `${biller.name} accepts online payments of up to ${formatMoney(biller.maxOnlineAmountCents ?? 0)}.${total} Please pay at the municipal office, or pay fewer invoices at a time.`;
}
