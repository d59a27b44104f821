// How an invoice is read for, and written to, the API: one select and one mapper.
import type { Prisma } from "@prisma/client";
import type { InvoiceJson } from "./schemas";

export const apiInvoiceSelect = {
  id: true,
  invoiceNumber: true,
  externalReference: true,
  status: true,
  description: true,
  amountDueCents: true,
  dueDate: true,
  paidAt: true,
  paidAmountCents: true,
  cancelledAt: true,
  createdAt: true,
  updatedAt: true,
  permit: { select: { number: true, description: true } },
  applicant: { select: { email: true, name: true } },
} satisfies Prisma.InvoiceSelect;

export type ApiInvoiceRow = Prisma.InvoiceGetPayload<{ select: typeof apiInvoiceSelect }>;

export function toInvoiceJson(row: ApiInvoiceRow): InvoiceJson {
  return {
    invoiceNumber: row.invoiceNumber,
    externalReference: row.externalReference,
    status: row.status,
    description: row.description,
    amountCents: row.amountDueCents,
    dueDate: row.dueDate.toISOString().slice(0, 10),
    permit: row.permit,
    applicant: row.applicant,
    paidAt: row.paidAt?.toISOString() ?? null,
    paidAmountCents: row.paidAmountCents,
    cancelledAt: row.cancelledAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
