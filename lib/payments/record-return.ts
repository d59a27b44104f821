// The browser came back from Invoice Cloud. The URL proves nothing about the outcome:
// note the time (for the "confirming" timeout) and let the payment page read the database.
import "server-only";
import { recordAuditEvent } from "../audit/record-audit-event";
import { db } from "../db";
import { isUuid } from "../identifiers";

export async function recordReturn(opts: { paymentId: string | null; now?: Date }): Promise<{ found: boolean }> {
  if (!isUuid(opts.paymentId)) return { found: false };
  const attempt = await db.paymentAttempt.findUnique({ where: { id: opts.paymentId }, select: { id: true, billerId: true, status: true } });
  if (!attempt) return { found: false };
  const { count } = await db.paymentAttempt.updateMany({
    where: { id: attempt.id, returnedAt: null },
    data: { returnedAt: opts.now ?? new Date() },
  });
  if (count > 0) {
    await recordAuditEvent(db, {
      type: "payment.returned",
      billerId: attempt.billerId,
      attemptId: attempt.id,
      data: { statusOnReturn: attempt.status },
    });
  }
  return { found: true };
}
