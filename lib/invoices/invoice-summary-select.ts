// The fields of an invoice that the applicant's pages show.
import type { Prisma } from "@prisma/client";

/** Attempts that still matter to what the applicant may do (invoicePayability): open, or under review. */
export function liveAttemptsSelect() {
  return {
    where: { attempt: { status: { in: ["CREATED", "REDIRECTED", "NEEDS_REVIEW"] } } },
    select: { attempt: { select: { id: true, status: true, expiresAt: true, createdAt: true, returnedAt: true } } },
  } satisfies Prisma.Invoice$attemptsArgs;
}

export const invoiceSummarySelect = {
  id: true,
  invoiceNumber: true,
  description: true,
  amountDueCents: true,
  dueDate: true,
  status: true,
  paidAt: true,
  paidAmountCents: true,
  refundedCents: true,
  paymentGuid: true,
  billerId: true,
  openAttemptId: true,
  permit: { select: { number: true, description: true } },
  biller: { select: { name: true, timeZone: true } },
  attempts: liveAttemptsSelect(),
} satisfies Prisma.InvoiceSelect;
