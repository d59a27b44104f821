// Claiming invoices for a new attempt, in one transaction whose conditional update is the lock,
// and closing an attempt that Invoice Cloud never opened.
import "server-only";
import { Prisma } from "@prisma/client";
import { recordAuditEvent } from "../audit/record-audit-event";
import { db } from "../db";
import { env } from "../env";
import { CREATED_STALE_MS, RESUME_MARGIN_MS } from "./transitions";

/** Creates the attempt and takes the invoices in one transaction; false when another attempt holds one. */
export async function claimInvoices(opts: {
  paymentId: string;
  billerReference: string;
  billerId: string;
  applicantId: string;
  invoices: { id: string; amountDueCents: number; invoiceNumber: string }[];
  totalCents: number;
  now: Date;
}): Promise<boolean> {
  const ids = opts.invoices.map((i) => i.id);
  try {
    await db.$transaction(async (tx) => {
      // Release holds of attempts that are closed or expired.
      const holders = await tx.invoice.findMany({
        where: { id: { in: ids }, openAttemptId: { not: null } },
        select: { openAttemptId: true },
      });
      const heldBy = [...new Set(holders.map((h) => h.openAttemptId!))];
      if (heldBy.length > 0) {
        const stale = await tx.paymentAttempt.findMany({
          where: {
            id: { in: heldBy },
            // NEEDS_REVIEW keeps its hold: money may have been taken, so no second payment.
            OR: [
              { status: { in: ["PAID", "DECLINED", "FAILED", "EXPIRED"] } },
              { status: { in: ["CREATED", "REDIRECTED"] }, expiresAt: { lte: new Date(opts.now.getTime() + RESUME_MARGIN_MS) } },
              { status: "CREATED", createdAt: { lt: new Date(opts.now.getTime() - CREATED_STALE_MS) } },
            ],
          },
          select: { id: true },
        });
        await tx.invoice.updateMany({
          where: { id: { in: ids }, openAttemptId: { in: stale.map((s) => s.id) } },
          data: { openAttemptId: null },
        });
      }
      await tx.paymentAttempt.create({
        data: {
          id: opts.paymentId,
          billerId: opts.billerId,
          applicantId: opts.applicantId,
          billerReference: opts.billerReference,
          totalCents: opts.totalCents,
          expiresAt: new Date(opts.now.getTime() + env.PAYMENT_SESSION_TTL_MINUTES * 60_000),
          invoices: { create: opts.invoices.map((i) => ({ invoiceId: i.id, amountCents: i.amountDueCents })) },
        },
      });
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

export async function closeAsFailed(opts: { paymentId: string; billerId: string; reason: string }) {
  await db.$transaction(async (tx) => {
    await tx.paymentAttempt.updateMany({
      where: { id: opts.paymentId, status: "CREATED" },
      data: { status: "FAILED", failureReason: opts.reason, closedAt: new Date() },
    });
    await tx.invoice.updateMany({ where: { openAttemptId: opts.paymentId }, data: { openAttemptId: null } });
    await recordAuditEvent(tx, {
      type: "payment.failed",
      billerId: opts.billerId,
      attemptId: opts.paymentId,
      data: { reason: opts.reason },
    });
  });
}
