// A biller's payment attempts in a date range as CSV, streamed: read in keyset pages of the index
// PaymentAttempt(billerId, createdAt, id) and written out a page at a time, so the server holds one
// page however long the range (the export's memory does not grow with its rows, and no row cap is
// needed). The same columns, escaping and time zone as exportPaymentsCsv.
import "server-only";
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

async function page(opts: { billerId: string; from: Date; to: Date; after: Key | null; size: number }) {
  const keys = opts.after
    ? await db.$queryRaw<Key[]>`
        SELECT "createdAt", "id" FROM "PaymentAttempt"
         WHERE "billerId" = ${opts.billerId}::uuid AND "createdAt" < ${opts.to}
           AND ("createdAt", "id") > (${opts.after.createdAt}, ${opts.after.id}::uuid)
         ORDER BY "createdAt", "id" LIMIT ${opts.size}`
    : await db.$queryRaw<Key[]>`
        SELECT "createdAt", "id" FROM "PaymentAttempt"
         WHERE "billerId" = ${opts.billerId}::uuid AND "createdAt" >= ${opts.from} AND "createdAt" < ${opts.to}
         ORDER BY "createdAt", "id" LIMIT ${opts.size}`;
  if (keys.length === 0) return { rows: [], last: null };
  const rows = await db.paymentAttempt.findMany({
    where: { id: { in: keys.map((k) => k.id) } },
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
  const byId = new Map(rows.map((r) => [r.id, r]));
  const last = keys[keys.length - 1]!;
  return { rows: keys.flatMap((k) => byId.get(k.id) ?? []), last: { createdAt: new Date(last.createdAt), id: last.id } };
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
      const when = (d: Date | null) => (d ? formatDateTime(d, tz) : "");
      const money = (c: number | null) => (c === null ? "" : centsToDecimalString(c));
      const text = stringify(
        rows.map((a) => ({
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
