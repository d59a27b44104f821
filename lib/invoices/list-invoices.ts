// The applicant's invoices, newest due date first, a page at a time. Only their own rows.
import "server-only";
import { db } from "../db";
import { paginate } from "../pagination";
import { invoiceSummarySelect } from "./invoice-summary-select";

export const INVOICES_PAGE_SIZE = 25;

export async function listInvoices(opts: { applicantId: string; page: number }) {
  const where = { applicantId: opts.applicantId };
  return paginate({
    page: opts.page,
    pageSize: INVOICES_PAGE_SIZE,
    count: () => db.invoice.count({ where }),
    findMany: (window) =>
      db.invoice.findMany({
        where,
        orderBy: [{ status: "asc" }, { dueDate: "asc" }, { invoiceNumber: "asc" }], // unpaid first
        ...window,
        select: invoiceSummarySelect,
      }),
  });
}
