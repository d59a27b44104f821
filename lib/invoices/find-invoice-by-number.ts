// Retrieves one of the applicant's invoices by its number. Someone else's invoice and a
// number that does not exist look the same: null.
import "server-only";
import { db } from "../db";
import { invoiceSummarySelect } from "./invoice-summary-select";

export async function findInvoiceByNumber(opts: { applicantId: string; invoiceNumber: string }) {
  const invoiceNumber = opts.invoiceNumber.trim().replace(/\s+/g, "");
  if (!/^[A-Za-z0-9-]{1,40}$/.test(invoiceNumber)) return null;
  return db.invoice.findFirst({
    where: { invoiceNumber, applicantId: opts.applicantId },
    select: invoiceSummarySelect,
  });
}
