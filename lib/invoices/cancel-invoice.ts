// Cancels an unpaid invoice that no payment attempt holds. The conditional update is the lock: an
// applicant pressing PAY ONLINE at the same moment either holds the invoice first (and the cancel
// is refused) or finds it CANCELLED (and cannot claim it). The audit row is in the same transaction.
import "server-only";
import { recordAuditEvent } from "../audit/record-audit-event";
import { db } from "../db";
import { isPlausibleInvoiceNumber } from "../identifiers";
import type { InvoiceActor } from "./create-invoice";
import { InvoiceConflictError } from "./invoice-errors";

export type CancelInvoiceResult = { outcome: "cancelled" | "already_cancelled"; invoiceId: string } | { outcome: "not_found" };

export async function cancelInvoice(opts: {
  billerId: string;
  invoiceNumber: string;
  actor: InvoiceActor;
  now?: Date;
}): Promise<CancelInvoiceResult> {
  const now = opts.now ?? new Date();
  if (!isPlausibleInvoiceNumber(opts.invoiceNumber)) return { outcome: "not_found" };
  return db.$transaction(async (tx) => {
    const invoice = await tx.invoice.findFirst({
      where: { invoiceNumber: opts.invoiceNumber, billerId: opts.billerId },
      select: { id: true },
    });
    if (!invoice) return { outcome: "not_found" as const };
    const { count } = await tx.invoice.updateMany({
      where: { id: invoice.id, status: "UNPAID", openAttemptId: null },
      data: { status: "CANCELLED", cancelledAt: now },
    });
    if (count === 0) {
      const current = await tx.invoice.findUniqueOrThrow({ where: { id: invoice.id }, select: { status: true, openAttemptId: true } });
      if (current.status === "CANCELLED") return { outcome: "already_cancelled" as const, invoiceId: invoice.id };
      if (current.status === "PAID") {
        throw new InvoiceConflictError("This invoice is paid, so it cannot be cancelled.", "invoice_paid", opts.invoiceNumber);
      }
      throw new InvoiceConflictError(
        "A payment for this invoice is in progress at Invoice Cloud, so it cannot be cancelled now. Try again once the payment has finished or expired.",
        "payment_in_progress",
        opts.invoiceNumber,
      );
    }
    await recordAuditEvent(tx, {
      type: "invoice.cancelled",
      billerId: opts.billerId,
      actorId: opts.actor.via === "api" ? null : opts.actor.userId,
      data: {
        via: opts.actor.via,
        credentialId: opts.actor.via === "api" ? opts.actor.credentialId : undefined,
        invoiceNumber: opts.invoiceNumber,
      },
    });
    return { outcome: "cancelled" as const, invoiceId: invoice.id };
  });
}
