// A biller's payment attempts in a date range as CSV, for reconciling against the Invoice Cloud
// biller portal. Times in the biller's zone; money in dollars with 2 decimals; text that a
// spreadsheet would run as a formula is escaped.
import "server-only";
import { stringify } from "csv-stringify/sync";
import { db } from "../db";
import { formatDateTime } from "../dates";
import { centsToDecimalString } from "../money";

export const EXPORT_MAX_ROWS = 10_000;

export async function exportPaymentsCsv(opts: { billerId: string; from: Date; to: Date }): Promise<{ csv: string; rows: number }> {
  const biller = await db.biller.findUniqueOrThrow({ where: { id: opts.billerId }, select: { timeZone: true } });
  const attempts = await db.paymentAttempt.findMany({
    where: { billerId: opts.billerId, createdAt: { gte: opts.from, lt: opts.to } },
    orderBy: { createdAt: "asc" },
    take: EXPORT_MAX_ROWS,
    select: {
      id: true,
      createdAt: true,
      closedAt: true,
      status: true,
      totalCents: true,
      paidAmountCents: true,
      convenienceFeeCents: true,
      paymentGuid: true,
      failureReason: true,
      reviewReason: true,
      applicant: { select: { name: true, email: true, accountNumber: true } },
      invoices: { select: { invoice: { select: { invoiceNumber: true } } }, orderBy: { invoiceId: "asc" } },
    },
  });
  const when = (d: Date | null) => (d ? formatDateTime(d, biller.timeZone) : "");
  const money = (c: number | null) => (c === null ? "" : centsToDecimalString(c));
  const csv = stringify(
    attempts.map((a) => ({
      created: when(a.createdAt),
      closed: when(a.closedAt),
      status: a.status,
      total: money(a.totalCents),
      paid: money(a.paidAmountCents),
      convenience_fee: money(a.convenienceFeeCents),
      invoice_numbers: a.invoices.map((i) => i.invoice.invoiceNumber).join(" "),
      account_number: a.applicant.accountNumber ?? "",
      applicant: a.applicant.name,
      email: a.applicant.email,
      invoice_cloud_payment_guid: a.paymentGuid ?? "",
      payment_id: a.id,
      reason: a.reviewReason ?? a.failureReason ?? "",
    })),
    {
      header: true,
      // A cell starting with =, +, -, @, tab or CR is a formula to Excel and Sheets: an applicant
      // named =HYPERLINK(…) would otherwise run in the admin's spreadsheet. Such cells get a leading '.
      escape_formulas: true,
      columns: [
        "created",
        "closed",
        "status",
        "total",
        "paid",
        "convenience_fee",
        "invoice_numbers",
        "account_number",
        "applicant",
        "email",
        "invoice_cloud_payment_guid",
        "payment_id",
        "reason",
      ],
    },
  );
  return { csv, rows: attempts.length };
}
