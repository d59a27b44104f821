// Reconciliation: attempts left open past their Invoice Cloud session's life were abandoned.
// Close them as EXPIRED and release their invoices. A verified approval that arrives later still
// marks them PAID (apply-postback accepts EXPIRED), and the biller's payments page lists them.
import type { Db } from "../prisma-client";
import { recordAuditEvent } from "../audit/record-audit-event";

/** Extra time after expiry before we give up on a postback (Invoice Cloud may retry late). */
export const EXPIRY_GRACE_MS = 30 * 60 * 1000;

export async function expireStaleAttempts(opts: { db: Db; now?: Date }): Promise<{ expired: number }> {
  const cutoff = new Date((opts.now ?? new Date()).getTime() - EXPIRY_GRACE_MS);
  const stale = await opts.db.paymentAttempt.findMany({
    where: { status: { in: ["CREATED", "REDIRECTED"] }, expiresAt: { lt: cutoff } },
    select: { id: true, billerId: true },
    take: 500,
  });
  let expired = 0;
  for (const attempt of stale) {
    await opts.db.$transaction(async (tx) => {
      const { count } = await tx.paymentAttempt.updateMany({
        where: { id: attempt.id, status: { in: ["CREATED", "REDIRECTED"] } },
        data: { status: "EXPIRED", closedAt: new Date() },
      });
      if (count === 0) return; // a postback closed it meanwhile
      await tx.invoice.updateMany({ where: { openAttemptId: attempt.id }, data: { openAttemptId: null } });
      await recordAuditEvent(tx, { type: "payment.expired", billerId: attempt.billerId, attemptId: attempt.id });
      expired += 1;
    });
  }
  return { expired };
}
