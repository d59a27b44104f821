// What the applicant may do with one invoice. Pure, so the rules are tested in one place.
import { isResumable } from "../payments/transitions";
import { withinOnlineMaximum } from "../settings/payment-readiness";
import type { BillerPayability } from "./get-biller-payability";

export type InvoicePayability =
  | { kind: "payable" }
  | { kind: "paid" }
  | { kind: "cancelled"; message: string }
  | { kind: "in_progress"; paymentId: string; message: string }
  | { kind: "in_review"; paymentId: string; message: string }
  | { kind: "not_available"; message: string }
  | { kind: "over_maximum"; message: string };

/** An attempt that includes the invoice and is still open or under review. */
export type LiveAttempt = { id: string; status: string; expiresAt: Date; createdAt: Date };

export function invoicePayability(
  invoice: { status: "PAID" | "UNPAID" | "CANCELLED"; amountDueCents: number; attempts?: { attempt: LiveAttempt }[] },
  biller: BillerPayability | undefined,
  formatMoney: (cents: number) => string,
  now: Date = new Date(),
): InvoicePayability {
  if (invoice.status === "PAID") return { kind: "paid" };
  if (invoice.status === "CANCELLED") return { kind: "cancelled", message: "This invoice was cancelled. There is nothing to pay." };
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
    return {
      kind: "over_maximum",
      message: `${biller.name} accepts online payments of up to ${formatMoney(biller.maxOnlineAmountCents!)}. Please pay this invoice at the municipal office.`,
    };
  }
  const open = attempts.find((a) => isResumable(a, now));
  if (open) return { kind: "in_progress", paymentId: open.id, message: "A payment for this invoice is in progress at Invoice Cloud." };
  return { kind: "payable" };
}
