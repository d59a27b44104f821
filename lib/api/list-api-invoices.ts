// The biller's invoices in the order they last changed, (updatedAt, id), a page at a time after a
// keyset cursor. New and changed invoices land after every cursor already handed out, so a permit
// system that keeps its last cursor sees each change once and misses none.
import "server-only";
import type { InvoiceStatus, Prisma } from "@prisma/client";
import { db } from "../db";
import { afterCursor, encodeCursor, type Cursor } from "./cursor";
import { apiInvoiceSelect, toInvoiceJson } from "./invoice-resource";

export async function listApiInvoices(opts: {
  billerId: string;
  status?: InvoiceStatus;
  updatedSince?: Date;
  cursor: Cursor | null;
  limit: number;
}) {
  const where: Prisma.InvoiceWhereInput = {
    billerId: opts.billerId,
    ...(opts.status ? { status: opts.status } : {}),
    ...(opts.updatedSince ? { updatedAt: { gte: opts.updatedSince } } : {}),
    ...afterCursor("updatedAt", opts.cursor),
  };
  const rows = await db.invoice.findMany({
    where,
    orderBy: [{ updatedAt: "asc" }, { id: "asc" }],
    take: opts.limit + 1,
    select: apiInvoiceSelect,
  });
  const page = rows.slice(0, opts.limit);
  const last = page.at(-1);
  return {
    data: page.map(toInvoiceJson),
    nextCursor: last ? encodeCursor({ at: last.updatedAt, id: last.id }) : opts.cursor ? encodeCursor(opts.cursor) : null,
    hasMore: rows.length > opts.limit,
  };
}
