// Payment outcomes for permit systems that pull instead of receiving webhooks: attempts that were
// paid or need review, in the order they closed, (closedAt, id), after a keyset cursor. Read from
// the payment tables directly; a settled review closes again, so it shows up again with its outcome.
import "server-only";
import type { Prisma } from "@prisma/client";
import { db } from "../db";
import { afterCursor, encodeCursor, type Cursor } from "./cursor";
import type { PaymentJson } from "./schemas";

export async function listApiPayments(opts: { billerId: string; since?: Date; cursor: Cursor | null; limit: number }) {
  const where: Prisma.PaymentAttemptWhereInput = {
    billerId: opts.billerId,
    status: { in: ["PAID", "NEEDS_REVIEW"] },
    closedAt: opts.since ? { gte: opts.since } : { not: null },
    ...afterCursor("closedAt", opts.cursor),
  };
  const rows = await db.paymentAttempt.findMany({
    where,
    orderBy: [{ closedAt: "asc" }, { id: "asc" }],
    take: opts.limit + 1,
    select: {
      id: true,
      status: true,
      totalCents: true,
      paidAmountCents: true,
      convenienceFeeCents: true,
      paymentGuid: true,
      closedAt: true,
      invoices: {
        select: { amountCents: true, invoice: { select: { invoiceNumber: true, externalReference: true } } },
        orderBy: { invoice: { invoiceNumber: "asc" } },
      },
    },
  });
  const page = rows.slice(0, opts.limit);
  const data: PaymentJson[] = page.map((a) => ({
    paymentId: a.id,
    outcome: a.status === "PAID" ? "paid" : "needs_review",
    totalCents: a.totalCents,
    paidAmountCents: a.paidAmountCents,
    convenienceFeeCents: a.convenienceFeeCents,
    paymentGuid: a.paymentGuid,
    closedAt: a.closedAt!.toISOString(),
    invoices: a.invoices.map((i) => ({ ...i.invoice, amountCents: i.amountCents })),
  }));
  const last = page.at(-1);
  return {
    data,
    nextCursor: last ? encodeCursor({ at: last.closedAt!, id: last.id }) : opts.cursor ? encodeCursor(opts.cursor) : null,
    hasMore: rows.length > opts.limit,
  };
}
