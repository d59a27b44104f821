// Claiming invoices for a new attempt, in one transaction whose conditional update is the lock,
// and closing an attempt that Invoice Cloud never opened (closeAsFailed: the one place).
import "server-only";
import { Prisma } from "@prisma/client";
import { recordAuditEvent } from "../audit/record-audit-event";
import { db } from "../db";
import { env, returnGraceMs } from "../env";
import type { Tx } from "../prisma-client";
import { performTransition } from "./perform-transition";
import { holdEndsAt, OPEN_STATUSES } from "./transitions";

/** Creates the attempt and takes the invoices in one transaction; false when another attempt holds one. */
export async function claimInvoices(opts: {
  paymentId: string;
  billerReference: string;
  billerId: string;
  applicantId: string;
  invoices: { id: string; amountDueCents: number; invoiceNumber: string }[];
  totalCents: number;
  now: Date;
  /** The Invoice Type ID the session is opened with, kept on the attempt for the report. */
  invoiceTypeId?: number | null;
  /** The biller lets invoices refunded in full be paid again: reopen them (REFUNDED → UNPAID) first. */
  reopenRefunded?: boolean;
}): Promise<boolean> {
  const ids = opts.invoices.map((i) => i.id);
  try {
    await db.$transaction(async (tx) => {
      // An open attempt whose session can no longer take a payment stops holding: expire it.
      const holders = await tx.invoice.findMany({
        where: { id: { in: ids }, openAttemptId: { not: null } },
        select: { openAttemptId: true },
      });
      const heldBy = [...new Set(holders.map((h) => h.openAttemptId!))];
      const stale =
        heldBy.length === 0
          ? []
          : await tx.paymentAttempt.findMany({
              where: { id: { in: heldBy }, status: { in: [...OPEN_STATUSES] } },
              select: { id: true, status: true, billerId: true, expiresAt: true, createdAt: true, returnedAt: true },
              // In id order, like every other writer that locks several attempts (no deadlock cycle).
              orderBy: { id: "asc" },
            });
      for (const holder of stale) {
        if (holdEndsAt(holder, returnGraceMs()) > opts.now) continue;
        await performTransition(tx, {
          attemptId: holder.id,
          billerId: holder.billerId,
          from: holder.status,
          event: "expired",
          actor: "applicant",
          now: opts.now,
          set: { closeReason: holder.status === "CREATED" ? "SESSION_NEVER_OPENED" : "NO_POSTBACK" },
        });
      }
      // The attempt, then its lines in one INSERT (a nested create would read the attempt back too).
      await tx.paymentAttempt.create({
        data: {
          id: opts.paymentId,
          billerId: opts.billerId,
          applicantId: opts.applicantId,
          billerReference: opts.billerReference,
          totalCents: opts.totalCents,
          invoiceTypeId: opts.invoiceTypeId ?? null,
          createdAt: opts.now,
          expiresAt: new Date(opts.now.getTime() + env.PAYMENT_SESSION_TTL_MINUTES * 60_000),
          postbackSigned: true,
        },
        select: { id: true },
      });
      await tx.paymentAttemptInvoice.createMany({
        data: opts.invoices.map((i) => ({ attemptId: opts.paymentId, invoiceId: i.id, amountCents: i.amountDueCents })),
      });
      if (opts.reopenRefunded) await reopenRefundedInvoices(tx, opts);
      // The conditional update is the lock: of two concurrent presses, only one can take every row.
      const { count } = await tx.invoice.updateMany({
        where: { id: { in: ids }, status: "UNPAID", openAttemptId: null },
        data: { openAttemptId: opts.paymentId },
      });
      if (count !== ids.length) throw new ClaimLost();
      await recordAuditEvent(tx, {
        type: "payment.created",
        actorId: opts.applicantId,
        billerId: opts.billerId,
        attemptId: opts.paymentId,
        data: { invoiceNumbers: opts.invoices.map((i) => i.invoiceNumber), totalCents: opts.totalCents },
      });
    });
    return true;
  } catch (error) {
    if (error instanceof ClaimLost) return false;
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2034") return false; // serialization
    throw error;
  }
}

class ClaimLost extends Error {}

/**
 * An invoice refunded in full, paid again (the biller's payAgainAfterRefund): it becomes UNPAID for
 * its original amount, forgetting the refunded payment (whose attempt, refund rows and report lines
 * stay as they were), with an audit row naming that payment. A refund of the old payment can no
 * longer be reversed afterwards (applyRefundToInvoices matches only the invoice's paying attempt).
 */
async function reopenRefundedInvoices(
  tx: Tx,
  opts: { billerId: string; applicantId: string; invoices: { id: string; invoiceNumber: string }[]; now: Date },
) {
  const refunded = await tx.invoice.findMany({
    where: { id: { in: opts.invoices.map((i) => i.id) }, status: "REFUNDED", openAttemptId: null },
    select: { id: true, invoiceNumber: true, paidAttemptId: true, paymentGuid: true },
  });
  for (const invoice of refunded) {
    const { count } = await tx.invoice.updateMany({
      where: { id: invoice.id, status: "REFUNDED", openAttemptId: null },
      data: {
        status: "UNPAID",
        refundedCents: 0,
        paidAt: null,
        paidAmountCents: null,
        paymentGuid: null,
        paidAttemptId: null,
        updatedAt: opts.now,
      },
    });
    if (count !== 1) throw new ClaimLost();
    await recordAuditEvent(tx, {
      type: "invoice.reopened",
      actorId: opts.applicantId,
      billerId: opts.billerId,
      attemptId: invoice.paidAttemptId,
      data: { invoiceNumber: invoice.invoiceNumber, refundedPaymentGuid: invoice.paymentGuid, reason: "pay_again_after_refund" },
    });
  }
}

/** Invoice Cloud did not open a session (or we failed before calling it): FAILED, invoices released. */
export async function closeAsFailed(opts: { paymentId: string; billerId: string; reason: string; internal?: boolean }) {
  await db.$transaction((tx) =>
    performTransition(tx, {
      attemptId: opts.paymentId,
      billerId: opts.billerId,
      from: "CREATED",
      event: "session_failed",
      actor: "applicant",
      now: new Date(),
      set: { failureReason: opts.reason, closeReason: opts.internal ? "PREPARATION_FAILURE" : "INVOICE_CLOUD_FAILURE" },
      audit: { reason: opts.reason },
    }),
  );
}
