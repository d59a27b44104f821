// What the applicant may do with one invoice. Pure, so the rules are tested in one place.
import { withinOnlineMaximum } from "../settings/payment-readiness";
import type { BillerPayability } from "./get-biller-payability";

export type InvoicePayability =
  { kind: "payable" } | { kind: "paid" } | { kind: "not_available"; message: string } | { kind: "over_maximum"; message: string };

export function invoicePayability(
  invoice: { status: "PAID" | "UNPAID"; amountDueCents: number },
  biller: BillerPayability | undefined,
  formatMoney: (cents: number) => string,
): InvoicePayability {
  if (invoice.status === "PAID") return { kind: "paid" };
  if (!biller || !biller.readiness.ready) {
    return {
      kind: "not_available",
      message: `Online payment is not yet available for ${biller?.name ?? "this municipality"}.`,
    };
  }
  if (!withinOnlineMaximum(invoice.amountDueCents, biller.maxOnlineAmountCents)) {
    return {
      kind: "over_maximum",
      message: `${biller.name} accepts online payments of up to ${formatMoney(biller.maxOnlineAmountCents!)}. Please pay this invoice at the municipal office.`,
    };
  }
  return { kind: "payable" };
}
