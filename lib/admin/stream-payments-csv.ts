// A biller's payment attempts in a date range as CSV, streamed: read in keyset pages of the index
// PaymentAttempt(billerId, createdAt, id), one statement a page, and written out a page at a time, so the server holds one
// page however long the range (the export's memory does not grow with its rows, and no row cap is
// needed). Times in the biller's zone, money in dollars with 2 decimals, and text a spreadsheet would
// run as a formula escaped.
import "server-only";
import { Prisma } from "@prisma/client";
import { stringify } from "csv-stringify/sync";
import { db } from "../db";
import { formatDateTime } from "../dates";
import { centsToDecimalString } from "../money";

export const CSV_PAGE_ROWS = 1000;

const COLUMNS = [
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
];

type Key = { createdAt: Date; id: string };

type Row = {
  id: string;
  createdAt: Date;
  closedAt: Date | null;
  status: string;
  totalCents: number;
  paidAmountCents: number | null;
  convenienceFeeCents: number | null;
  paymentGuid: string | null;
  failureReason: string | null;
  reviewReason: string | null;
  applicant: { name: string; email: string; accountNumber: string | null };
  invoiceNumbers: string | null;
};

/** One page in one statement: the index range, then each row's applicant and invoice numbers by key. */
async function page(opts: { billerId: string; from: Date; to: Date; after: Key | null; size: number }) {
  const after = opts.after
    ? Prisma.sql`AND (a."createdAt", a."id") > (${opts.after.createdAt}, ${opts.after.id}::uuid)`
    : Prisma.sql`AND a."createdAt" >= ${opts.from}`;
  const rows = await db.$queryRaw<Row[]>`
    SELECT a."id", a."createdAt", a."closedAt", a."status"::text AS "status", a."totalCents", a."paidAmountCents",
           a."convenienceFeeCents", a."paymentGuid", a."failureReason", a."reviewReason",
           -- Per row by its key (a scalar subquery is never planned as a join that scans every user).
           (SELECT json_build_object('name', u."name", 'email', u."email", 'accountNumber', u."accountNumber")
              FROM "User" u WHERE u."id" = a."applicantId") AS "applicant",
           (SELECT string_agg(i."invoiceNumber", ' ' ORDER BY l."invoiceId")
              FROM "PaymentAttemptInvoice" l JOIN "Invoice" i ON i."id" = l."invoiceId"
             WHERE l."attemptId" = a."id") AS "invoiceNumbers"
      FROM "PaymentAttempt" a
     WHERE a."billerId" = ${opts.billerId}::uuid AND a."createdAt" < ${opts.to} ${after}
     ORDER BY a."createdAt", a."id" LIMIT ${opts.size}`;
  const last = rows[rows.length - 1];
  return { rows, last: last ? { createdAt: new Date(last.createdAt), id: last.id } : null };
}

/** The CSV as a byte stream (a Response body); `pageRows` rows are read and written at a time. */
export function streamPaymentsCsv(opts: { billerId: string; from: Date; to: Date; pageRows?: number }): ReadableStream<Uint8Array> {
  const size = opts.pageRows ?? CSV_PAGE_ROWS;
  const encoder = new TextEncoder();
  let timeZone: string | null = null;
  let after: Key | null = null;
  let header = true;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      timeZone ??= (await db.biller.findUniqueOrThrow({ where: { id: opts.billerId }, select: { timeZone: true } })).timeZone;
      const tz = timeZone;
      const { rows, last } = await page({ billerId: opts.billerId, from: opts.from, to: opts.to, after, size });
      const when = (d: Date | string | null) => (d ? formatDateTime(new Date(d), tz) : "");
      const money = (c: number | null) => (c === null ? "" : centsToDecimalString(c));
      const text = stringify(
        rows.map((a) => ({
          created: when(a.createdAt),
          closed: when(a.closedAt),
          status: a.status,
          total: money(a.totalCents),
          paid: money(a.paidAmountCents),
          convenience_fee: money(a.convenienceFeeCents),
          invoice_numbers: a.invoiceNumbers ?? "",
          account_number: a.applicant.accountNumber ?? "",
          applicant: a.applicant.name,
          email: a.applicant.email,
          invoice_cloud_payment_guid: a.paymentGuid ?? "",
          payment_id: a.id,
          reason: a.reviewReason ?? a.failureReason ?? "",
        })),
        // A cell starting with =, +, -, @, tab or CR would run as a formula in a spreadsheet: escaped.
        { header, escape_formulas: true, columns: COLUMNS },
      );
      header = false;
      if (text) controller.enqueue(encoder.encode(text));
      if (!last || rows.length < size) controller.close();
      else after = last;
    },
  });
}
