// A day's (or a range's) lines behind the reconciliation report: each confirmed payment with its
// PaymentGUID, and each refund recorded for the day (not reversed). The report's expanded day and
// its CSV read these; their sums are the report's rows.
import "server-only";
import { Prisma } from "@prisma/client";
import { db } from "../db";
import { addDays, startOfZonedDay, zonedDay } from "./zoned-day";

export type ReportLine =
  | {
      kind: "payment";
      day: string;
      at: Date;
      attemptId: string;
      paymentGuid: string | null;
      invoiceNumbers: string[];
      applicant: string;
      grossCents: number;
      feeCents: number;
    }
  | { kind: "refund"; day: string; at: Date; attemptId: string; refundId: string; paymentGuid: string | null; reference: string; invoiceNumbers: string[]; applicant: string; amountCents: number };

type PaymentRow = {
  id: string;
  closedAt: Date | string;
  paymentGuid: string | null;
  paidAmountCents: number | null;
  totalCents: number;
  convenienceFeeCents: number | null;
  applicant: string;
  invoiceNumbers: string[];
};
type RefundRow = {
  id: string;
  refundedOn: string;
  recordedAt: Date | string;
  reference: string;
  amountCents: number;
  attemptId: string;
  paymentGuid: string | null;
  applicant: string;
  invoiceNumbers: string[];
};

export async function listReportLines(opts: {
  billerId: string;
  from: string;
  to: string;
  timeZone: string;
  /** Only attempts sent with this Invoice Type ID (and their refunds); null: every type. */
  typeId?: number | null;
}): Promise<ReportLine[]> {
  const start = startOfZonedDay(opts.from, opts.timeZone);
  const end = startOfZonedDay(addDays(opts.to, 1), opts.timeZone);
  const ofType = opts.typeId == null ? Prisma.empty : Prisma.sql`AND a."invoiceTypeId" = ${opts.typeId}`;
  // One statement each, with the applicant and the invoice numbers read per row by key (scalar
  // subqueries), rather than Prisma's nested reads, which send every id of a month back as IN lists.
  const [attempts, refunds] = await Promise.all([
    db.$queryRaw<PaymentRow[]>`
      SELECT a."id", a."closedAt", a."paymentGuid", a."paidAmountCents", a."totalCents", a."convenienceFeeCents",
             (SELECT u."name" FROM "User" u WHERE u."id" = a."applicantId") AS "applicant",
             (SELECT coalesce(json_agg(i."invoiceNumber" ORDER BY l."invoiceId"), '[]'::json)
                FROM "PaymentAttemptInvoice" l JOIN "Invoice" i ON i."id" = l."invoiceId"
               WHERE l."attemptId" = a."id") AS "invoiceNumbers"
        FROM "PaymentAttempt" a
       WHERE a."billerId" = ${opts.billerId}::uuid AND a."status" = 'PAID'
         AND a."closedAt" >= ${start} AND a."closedAt" < ${end} ${ofType}
       ORDER BY a."closedAt", a."id"`,
    db.$queryRaw<RefundRow[]>`
      SELECT r."id", to_char(r."refundedOn", 'YYYY-MM-DD') AS "refundedOn", r."recordedAt", r."reference", r."amountCents",
             a."id" AS "attemptId", a."paymentGuid",
             (SELECT u."name" FROM "User" u WHERE u."id" = a."applicantId") AS "applicant",
             (SELECT coalesce(json_agg(i."invoiceNumber" ORDER BY l."invoiceId"), '[]'::json)
                FROM "RefundLine" l JOIN "Invoice" i ON i."id" = l."invoiceId"
               WHERE l."refundId" = r."id") AS "invoiceNumbers"
        FROM "Refund" r JOIN "PaymentAttempt" a ON a."id" = r."attemptId"
       WHERE r."billerId" = ${opts.billerId}::uuid AND r."reversedAt" IS NULL
         AND r."refundedOn" >= ${opts.from}::date AND r."refundedOn" <= ${opts.to}::date ${ofType}
       ORDER BY r."refundedOn", r."recordedAt"`,
  ]);
  const lines: ReportLine[] = [
    ...attempts.map((a): ReportLine => {
      const fee = a.convenienceFeeCents ?? 0;
      const at = new Date(a.closedAt);
      return {
        kind: "payment",
        day: zonedDay(at, opts.timeZone),
        at,
        attemptId: a.id,
        paymentGuid: a.paymentGuid,
        invoiceNumbers: a.invoiceNumbers,
        applicant: a.applicant,
        grossCents: (a.paidAmountCents ?? a.totalCents) - fee,
        feeCents: fee,
      };
    }),
    ...refunds.map(
      (r): ReportLine => ({
        kind: "refund",
        day: r.refundedOn,
        at: new Date(r.recordedAt),
        attemptId: r.attemptId,
        refundId: r.id,
        paymentGuid: r.paymentGuid,
        reference: r.reference,
        invoiceNumbers: r.invoiceNumbers,
        applicant: r.applicant,
        amountCents: r.amountCents,
      }),
    ),
  ];
  // By day, payments before refunds, then in time order.
  return lines.sort((a, b) => a.day.localeCompare(b.day) || (a.kind === b.kind ? a.at.getTime() - b.at.getTime() : a.kind === "payment" ? -1 : 1));
}
