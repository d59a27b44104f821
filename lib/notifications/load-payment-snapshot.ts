// The payment as it stands inside the transaction that changed it: what every email and webhook
// for that change says. Read once, at the change, so a retry days later sends the same facts.
import "server-only";
import type { AttemptStatus, ReviewKind } from "@prisma/client";
import { formatDateTime } from "../dates";
import { formatCents } from "../money";
import type { Tx } from "../prisma-client";

export type PaymentSnapshot = {
  paymentId: string;
  status: AttemptStatus;
  biller: { id: string; name: string; timeZone: string };
  applicant: { name: string; email: string };
  paymentGuid: string | null;
  amountCents: number;
  amount: string;
  invoices: {
    invoiceNumber: string;
    permitNumber: string;
    description: string;
    externalReference: string | null;
    amountCents: number;
    amount: string;
    /** The invoice's status and what has been refunded of it, at the change. */
    status: string;
    refundedCents: number;
  }[];
  review: {
    kind: ReviewKind;
    reason: string | null;
    paymentGuid: string | null;
    amountCents: number | null;
    noticeAt: string | null;
  } | null;
  /** The change's instant, ISO and in the biller's zone. */
  at: string;
  atText: string;
};

export async function loadPaymentSnapshot(tx: Tx, { attemptId, now }: { attemptId: string; now: Date }): Promise<PaymentSnapshot> {
  const a = await tx.paymentAttempt.findUniqueOrThrow({
    where: { id: attemptId },
    include: {
      biller: { select: { id: true, name: true, timeZone: true } },
      applicant: { select: { name: true, email: true } },
      invoices: {
        include: {
          invoice: {
            select: {
              invoiceNumber: true,
              description: true,
              externalReference: true,
              status: true,
              refundedCents: true,
              permit: { select: { number: true } },
            },
          },
        },
      },
    },
  });
  return paymentSnapshotFrom(a, now);
}

/** The attempt as read (with its biller, applicant and lines), as the snapshot every message carries. */
export type SnapshotSource = {
  id: string;
  status: AttemptStatus;
  totalCents: number;
  paidAmountCents: number | null;
  paymentGuid: string | null;
  reviewKind: ReviewKind | null;
  reviewReason: string | null;
  reviewPaymentGuid: string | null;
  reviewAmountCents: number | null;
  reviewNoticeAt: Date | null;
  biller: { id: string; name: string; timeZone: string };
  applicant: { name: string; email: string };
  invoices: {
    amountCents: number;
    invoice: {
      invoiceNumber: string;
      description: string;
      externalReference: string | null;
      status: string;
      refundedCents: number;
      permit: { number: string };
    };
  }[];
};

/** Pure: the postback's one-statement approval builds its snapshot from what it read, as changed. */
export function paymentSnapshotFrom(a: SnapshotSource, now: Date): PaymentSnapshot {
  const amountCents = a.paidAmountCents ?? a.totalCents;
  return {
    paymentId: a.id,
    status: a.status,
    biller: a.biller,
    applicant: a.applicant,
    paymentGuid: a.paymentGuid ?? a.reviewPaymentGuid,
    amountCents,
    amount: formatCents(amountCents),
    invoices: a.invoices
      .map((l) => ({
        invoiceNumber: l.invoice.invoiceNumber,
        permitNumber: l.invoice.permit.number,
        description: l.invoice.description,
        externalReference: l.invoice.externalReference,
        amountCents: l.amountCents,
        amount: formatCents(l.amountCents),
        status: l.invoice.status,
        refundedCents: l.invoice.refundedCents,
      }))
      .sort((x, y) => x.invoiceNumber.localeCompare(y.invoiceNumber)),
    review: a.reviewKind
      ? {
          kind: a.reviewKind,
          reason: a.reviewReason,
          paymentGuid: a.reviewPaymentGuid,
          amountCents: a.reviewAmountCents,
          noticeAt: a.reviewNoticeAt?.toISOString() ?? null,
        }
      : null,
    at: now.toISOString(),
    atText: formatDateTime(now, a.biller.timeZone),
  };
}
