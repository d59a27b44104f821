// May this invoice be paid online, and if not, why? The one rule: the invoice list, the invoice
// page and PAY ONLINE (startPayment) all ask it, and show its message: a catalogue key with
// parameters (portal.payability.*), translated by the page. Pure.
import { msg, type Text } from "../i18n/message";
import { holdEndsAt, isResumable } from "../payments/transitions";
import { withinOnlineMaximum } from "../settings/payment-readiness";
import type { BillerPayability } from "./get-biller-payability";

export type InvoicePayability =
  | { kind: "payable" }
  | { kind: "paid"; message: Text }
  | { kind: "cancelled"; message: Text }
  | { kind: "refunded"; message: Text }
  | { kind: "in_progress"; paymentId: string; message: Text }
  | { kind: "unconfirmed"; paymentId: string; message: Text }
  | { kind: "held"; paymentId: string; message: Text }
  | { kind: "in_review"; paymentId: string; message: Text }
  | { kind: "not_available"; message: Text }
  | { kind: "over_maximum"; message: Text };

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
  // "Invoice 123 …" when the number is known, else "This invoice …".
  const about = (key: "paid" | "refunded" | "cancelled") =>
    invoice.invoiceNumber ? msg(`portal.payability.${key}`, { number: invoice.invoiceNumber }) : msg(`portal.payability.${key}This`);
  if (invoice.status === "PAID") return { kind: "paid", message: about("paid") };
  // Refunded in full: final, unless the biller lets it be paid again (payAgainAfterRefund, off by
  // default; docs/admin.md). PAY ONLINE then reopens it (claimInvoices).
  if (invoice.status === "REFUNDED" && !biller?.payAgainAfterRefund) return { kind: "refunded", message: about("refunded") };
  if (invoice.status === "CANCELLED") return { kind: "cancelled", message: about("cancelled") };
  const attempts = (invoice.attempts ?? []).map((a) => a.attempt);
  const review = attempts.find((a) => a.status === "NEEDS_REVIEW");
  if (review) {
    const message = biller ? msg("portal.payability.inReview", { biller: biller.name }) : msg("portal.payability.inReviewNoBiller");
    return { kind: "in_review", paymentId: review.id, message };
  }
  if (!biller || !biller.readiness.ready) {
    const message = biller ? msg("portal.payability.notAvailable", { biller: biller.name }) : msg("portal.payability.notAvailableNoBiller");
    return { kind: "not_available", message };
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
      message: msg("portal.payability.unconfirmed"),
    };
  }
  const resumable = open.find((a) => isResumable(a, now));
  if (resumable) return { kind: "in_progress", paymentId: resumable.id, message: msg("portal.payability.inProgress") };
  const held = open.find((a) => holdEndsAt(a, opts.returnGraceMs ?? 24 * 3600_000) > now);
  if (held) {
    return {
      kind: "held",
      paymentId: held.id,
      message: msg("portal.payability.held"),
    };
  }
  return { kind: "payable" };
}

/** The biller's online maximum, said once for one invoice and for a selection. */
export function overMaximumMessage(
  biller: { name: string; maxOnlineAmountCents: number | null },
  formatMoney: (cents: number) => string,
  totalCents?: number,
): Text {
  const values = { biller: biller.name, max: formatMoney(biller.maxOnlineAmountCents ?? 0) };
  return totalCents === undefined
    ? msg("portal.payability.overMaximum", values)
    : msg("portal.payability.overMaximumTotal", { ...values, total: formatMoney(totalCents) });
}
