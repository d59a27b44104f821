// One invoice by number, only within the credential's biller: another biller's is "not found".
import "server-only";
import { db } from "../db";
import { apiInvoiceSelect, toInvoiceJson } from "./invoice-resource";
import { isPlausibleInvoiceNumber } from "../identifiers";

export async function getApiInvoice(opts: { billerId: string; invoiceNumber: string }) {
  if (!isPlausibleInvoiceNumber(opts.invoiceNumber)) return null;
  const row = await db.invoice.findFirst({
    where: { invoiceNumber: opts.invoiceNumber, billerId: opts.billerId },
    select: apiInvoiceSelect,
  });
  return row ? toInvoiceJson(row) : null;
}
