// The reconciliation report: per business day in the biller's time zone, the payments Invoice
// Cloud confirmed (count, gross, convenience fees), the refunds recorded for that day, and net;
// and a total row that is the sum of the rows. Matches Invoice Cloud's daily deposit.
//   gross  = what was paid for the invoices (the amount paid less Invoice Cloud's convenience fee)
//   net    = gross − refunds (reversed refunds count for nothing)
// A payment's day is the day its confirmation arrived (the attempt's closedAt), in the biller's zone;
// a refund's day is the date it was made in Invoice Cloud, as the clerk recorded it.
import "server-only";
import { Prisma } from "@prisma/client";
import { db } from "../db";
import { addDays, startOfZonedDay } from "./zoned-day";

export type ReportRow = { day: string; count: number; grossCents: number; feeCents: number; refundCount: number; refundCents: number; netCents: number };
export type ReconciliationReport = { timeZone: string; typeId: number | null; from: string; to: string; days: ReportRow[]; total: Omit<ReportRow, "day"> };

/** Only attempts sent with this Invoice Type ID (and their refunds); null: every type. */
export type TypeFilter = { typeId?: number | null };

export async function getReconciliationReport(opts: { billerId: string; from: string; to: string } & TypeFilter): Promise<ReconciliationReport> {
  const typeId = opts.typeId ?? null;
  const ofType = typeId === null ? Prisma.empty : Prisma.sql`AND "invoiceTypeId" = ${typeId}::int`;
  const refundOfType =
    typeId === null
      ? Prisma.empty
      : Prisma.sql`AND "attemptId" IN (SELECT "id" FROM "PaymentAttempt" WHERE "billerId" = ${opts.billerId}::uuid AND "invoiceTypeId" = ${typeId}::int)`;
  const biller = await db.biller.findUniqueOrThrow({
    where: { id: opts.billerId },
    select: { timeZone: true, paymentSettings: { select: { invoiceTypeId: true } } },
  });
  const tz = biller.timeZone;
  const start = startOfZonedDay(opts.from, tz);
  const end = startOfZonedDay(addDays(opts.to, 1), tz);
  const [payments, refunds] = await Promise.all([
    db.$queryRaw<{ day: string; count: number; gross: bigint; fees: bigint }[]>`
      SELECT to_char("closedAt" AT TIME ZONE ${tz}, 'YYYY-MM-DD') AS day,
             count(*)::int AS count,
             sum(coalesce("paidAmountCents", "totalCents") - coalesce("convenienceFeeCents", 0))::bigint AS gross,
             sum(coalesce("convenienceFeeCents", 0))::bigint AS fees
        FROM "PaymentAttempt"
       WHERE "billerId" = ${opts.billerId}::uuid AND "status" = 'PAID'::"AttemptStatus"
         AND "closedAt" >= ${start} AND "closedAt" < ${end} ${ofType}
       GROUP BY 1`,
    db.$queryRaw<{ day: string; count: number; amount: bigint }[]>`
      SELECT to_char("refundedOn", 'YYYY-MM-DD') AS day, count(*)::int AS count, sum("amountCents")::bigint AS amount
        FROM "Refund"
       WHERE "billerId" = ${opts.billerId}::uuid AND "reversedAt" IS NULL
         AND "refundedOn" >= ${opts.from}::date AND "refundedOn" <= ${opts.to}::date ${refundOfType}
       GROUP BY 1`,
  ]);
  const byDay = new Map<string, ReportRow>();
  const row = (day: string) => {
    let r = byDay.get(day);
    if (!r) byDay.set(day, (r = { day, count: 0, grossCents: 0, feeCents: 0, refundCount: 0, refundCents: 0, netCents: 0 }));
    return r;
  };
  for (const p of payments) Object.assign(row(p.day), { count: Number(p.count), grossCents: Number(p.gross), feeCents: Number(p.fees) });
  for (const r of refunds) Object.assign(row(r.day), { refundCount: Number(r.count), refundCents: Number(r.amount) });
  const days = [...byDay.values()].sort((a, b) => a.day.localeCompare(b.day));
  for (const d of days) d.netCents = d.grossCents - d.refundCents;
  const total = { count: 0, grossCents: 0, feeCents: 0, refundCount: 0, refundCents: 0, netCents: 0 };
  for (const d of days) for (const k of Object.keys(total) as (keyof typeof total)[]) total[k] += d[k];
  return { timeZone: tz, typeId, from: opts.from, to: opts.to, days, total };
}
