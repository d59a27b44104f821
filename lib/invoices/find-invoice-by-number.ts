// Retrieves one of the applicant's invoices by its number. Someone else's invoice and a
// number that does not exist look the same: null.
import "server-only";
import { db } from "../db";

export async function findInvoiceByNumber(opts: { applicantId: string; invoiceNumber: string }) {
  const invoiceNumber = opts.invoiceNumber.trim().replace(/\s+/g, "");
  if (!/^[A-Za-z0-9-]{1,40}$/.test(invoiceNumber)) return null;
  return db.invoice.findFirst({
    where: { invoiceNumber, applicantId: opts.applicantId },
    select: {
      id: true,
      invoiceNumber: true,
      description: true,
      amountDueCents: true,
      dueDate: true,
      status: true,
      paidAt: true,
      paidAmountCents: true,
      paymentGuid: true,
      billerId: true,
      openAttemptId: true,
      permit: { select: { number: true, description: true } },
      biller: { select: { name: true, timeZone: true } },
    },
  });
}
