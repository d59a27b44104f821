// Reconciliation: attempts left open past their Invoice Cloud session's life.
// - Never returned from Invoice Cloud: abandoned. EXPIRED, and their invoices are released.
// - Returned (the applicant saw Invoice Cloud's receipt) but no postback ever came: the money may
//   have been taken. NEEDS_REVIEW, invoices kept held so no second payment, for a person to check.
// A verified approval that arrives later still marks either PAID.
import type { Db } from "../prisma-client";
import { recordAuditEvent } from "../audit/record-audit-event";

/** Extra time after expiry before we give up on a postback (Invoice Cloud may retry late). */
export const EXPIRY_GRACE_MS = 30 * 60 * 1000;

export async function expireStaleAttempts(opts: { db: Db; now?: Date }): Promise<{ expired: number }> {
  const cutoff = new Date((opts.now ?? new Date()).getTime() - EXPIRY_GRACE_MS);
  const stale = await opts.db.paymentAttempt.findMany({
    where: { status: { in: ["CREATED", "REDIRECTED"] }, expiresAt: { lt: cutoff } },
    select: { id: true, billerId: true, returnedAt: true },
    take: 500,
  });
  let expired = 0;
  for (const attempt of stale) {
    await opts.db.$transaction(async (tx) => {
      const returned = attempt.returnedAt !== null;
      const reviewReason =
        "The applicant returned from Invoice Cloud but no postback arrived: check the payment in the Invoice Cloud biller portal";
      const { count } = await tx.paymentAttempt.updateMany({
        where: { id: attempt.id, status: { in: ["CREATED", "REDIRECTED"] } },
        data: returned ? { status: "NEEDS_REVIEW", reviewReason, closedAt: new Date() } : { status: "EXPIRED", closedAt: new Date() },
      });
      if (count === 0) return; // a postback closed it meanwhile
      if (!returned) await tx.invoice.updateMany({ where: { openAttemptId: attempt.id }, data: { openAttemptId: null } });
      await recordAuditEvent(tx, {
        type: returned ? "postback.needs_review" : "payment.expired",
        billerId: attempt.billerId,
        attemptId: attempt.id,
        data: returned ? { reason: reviewReason } : {},
      });
      expired += 1;
    });
  }
  return { expired };
}
