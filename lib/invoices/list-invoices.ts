// The applicant's invoices, newest due date first, a page at a time. Only their own rows.
import "server-only";
import { db } from "../db";
import { clampPage } from "../pagination";
import { invoiceSummarySelect } from "./invoice-summary-select";

export const INVOICES_PAGE_SIZE = 25;

export async function listInvoices(opts: { applicantId: string; page: number }) {
  const page = clampPage(opts.page);
  const where = { applicantId: opts.applicantId };
  const [total, rows] = await Promise.all([
    db.invoice.count({ where }),
    db.invoice.findMany({
      where,
      orderBy: [{ status: "asc" }, { dueDate: "asc" }, { invoiceNumber: "asc" }], // unpaid first
      skip: (page - 1) * INVOICES_PAGE_SIZE,
      take: INVOICES_PAGE_SIZE,
      select: invoiceSummarySelect,
    }),
  ]);
  return {
    rows,
    total,
    page,
    pageCount: Math.max(1, Math.ceil(total / INVOICES_PAGE_SIZE)),
  };
}
