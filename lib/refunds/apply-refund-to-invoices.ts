// A refund's effect on its invoices, inside performTransition's transaction. One conditional
// UPDATE per line: refundedCents moves by the line's amount only while the invoice is still paid
// by this attempt and the new total stays within what was paid, so two clerks recording the same
// refund at once cannot both win (the second UPDATE re-reads the row and matches nothing). An
// invoice refunded in full becomes REFUNDED; a reversal brings it back to PAID.
import "server-only";
import type { Tx } from "../prisma-client";

/** A line would refund more than what is left of the invoice, or the invoice changed meanwhile. */
export class OverRefund extends Error {}

export async function applyRefundToInvoices(
  tx: Tx,
  opts: { attemptId: string; lines: { invoiceId: string; amountCents: number }[]; event: "refund_recorded" | "refund_reversed"; now: Date },
) {
  if (opts.lines.length === 0) throw new OverRefund("A refund needs at least one line");
  for (const line of opts.lines) {
    if (!Number.isSafeInteger(line.amountCents) || line.amountCents <= 0) throw new OverRefund("A line's amount must be positive");
    const count =
      opts.event === "refund_recorded"
        ? await tx.$executeRaw`
            UPDATE "Invoice"
               SET "refundedCents" = "refundedCents" + ${line.amountCents},
                   "status" = CASE WHEN "refundedCents" + ${line.amountCents} = "paidAmountCents"
                                   THEN 'REFUNDED'::"InvoiceStatus" ELSE "status" END,
                   "updatedAt" = ${opts.now}
             WHERE "id" = ${line.invoiceId}::uuid
               AND "paidAttemptId" = ${opts.attemptId}::uuid
               AND "status" = 'PAID'::"InvoiceStatus"
               AND "refundedCents" + ${line.amountCents} <= "paidAmountCents"`
        : await tx.$executeRaw`
            UPDATE "Invoice"
               SET "refundedCents" = "refundedCents" - ${line.amountCents},
                   "status" = 'PAID'::"InvoiceStatus",
                   "updatedAt" = ${opts.now}
             WHERE "id" = ${line.invoiceId}::uuid
               AND "paidAttemptId" = ${opts.attemptId}::uuid
               AND "status" IN ('PAID'::"InvoiceStatus", 'REFUNDED'::"InvoiceStatus")
               AND "refundedCents" >= ${line.amountCents}`;
    if (count !== 1)
      throw new OverRefund(`Invoice ${line.invoiceId} cannot take this ${opts.event === "refund_recorded" ? "refund" : "reversal"}`);
  }
}
