// A day's (or a range's) lines behind the reconciliation report: each confirmed payment with its
// PaymentGUID, and each refund recorded for the day (not reversed). The report's expanded day and
// its CSV read these; their sums are the report's rows.
import "server-only";
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

export async function listReportLines(opts: {
  billerId: string;
  from: string;
  to: string;
  timeZone: string;
  /** Only attempts sent with this Invoice Type ID (and their refunds); null: every type. */
  typeId?: number | null;
}): Promise<ReportLine[]> {
  const ofType = opts.typeId == null ? {} : { invoiceTypeId: opts.typeId };
  const start = startOfZonedDay(opts.from, opts.timeZone);
  const end = startOfZonedDay(addDays(opts.to, 1), opts.timeZone);
  const invoiceNumbers = { select: { invoice: { select: { invoiceNumber: true } } }, orderBy: { invoiceId: "asc" as const } };
  const [attempts, refunds] = await Promise.all([
    db.paymentAttempt.findMany({
      where: { billerId: opts.billerId, status: "PAID", closedAt: { gte: start, lt: end }, ...ofType },
      orderBy: [{ closedAt: "asc" }, { id: "asc" }],
      select: {
        id: true,
        closedAt: true,
        paymentGuid: true,
        paidAmountCents: true,
        totalCents: true,
        convenienceFeeCents: true,
        applicant: { select: { name: true } },
        invoices: invoiceNumbers,
      },
    }),
    db.refund.findMany({
      where: {
        billerId: opts.billerId,
        reversedAt: null,
        refundedOn: { gte: new Date(`${opts.from}T00:00:00Z`), lte: new Date(`${opts.to}T00:00:00Z`) },
        ...(opts.typeId == null ? {} : { attempt: ofType }),
      },
      orderBy: [{ refundedOn: "asc" }, { recordedAt: "asc" }],
      select: {
        id: true,
        refundedOn: true,
        recordedAt: true,
        reference: true,
        amountCents: true,
        attempt: { select: { id: true, paymentGuid: true, applicant: { select: { name: true } } } },
        lines: { select: { invoice: { select: { invoiceNumber: true } } }, orderBy: { invoiceId: "asc" } },
      },
    }),
  ]);
  const lines: ReportLine[] = [
    ...attempts.map((a): ReportLine => {
      const fee = a.convenienceFeeCents ?? 0;
      return {
        kind: "payment",
        day: zonedDay(a.closedAt!, opts.timeZone),
        at: a.closedAt!,
        attemptId: a.id,
        paymentGuid: a.paymentGuid,
        invoiceNumbers: a.invoices.map((i) => i.invoice.invoiceNumber),
        applicant: a.applicant.name,
        grossCents: (a.paidAmountCents ?? a.totalCents) - fee,
        feeCents: fee,
      };
    }),
    ...refunds.map(
      (r): ReportLine => ({
        kind: "refund",
        day: r.refundedOn.toISOString().slice(0, 10),
        at: r.recordedAt,
        attemptId: r.attempt.id,
        refundId: r.id,
        paymentGuid: r.attempt.paymentGuid,
        reference: r.reference,
        invoiceNumbers: r.lines.map((l) => l.invoice.invoiceNumber),
        applicant: r.attempt.applicant.name,
        amountCents: r.amountCents,
      }),
    ),
  ];
  // By day, payments before refunds, then in time order.
  return lines.sort((a, b) => a.day.localeCompare(b.day) || (a.kind === b.kind ? a.at.getTime() - b.at.getTime() : a.kind === "payment" ? -1 : 1));
}
