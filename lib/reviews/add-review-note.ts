// A note on a payment's review trail (who, when, what): an audit row on the attempt, so the trail
// is as append-only as the audit log. Only for the biller's own payments.
import "server-only";
import { recordAuditEvent } from "../audit/record-audit-event";
import { db } from "../db";
import { UserFacingError } from "../errors";

export async function addReviewNote(opts: { billerId: string; attemptId: string; actorId: string; note: string }) {
  const attempt = await db.paymentAttempt.findFirst({
    where: { id: opts.attemptId, billerId: opts.billerId },
    select: { id: true, reviewKind: true, status: true },
  });
  if (!attempt) throw new UserFacingError("admin.refunds.errors.noPayment");
  await recordAuditEvent(db, {
    type: "payment.review_note",
    actorId: opts.actorId,
    billerId: opts.billerId,
    attemptId: attempt.id,
    data: { note: opts.note, status: attempt.status, reviewKind: attempt.reviewKind },
  });
}
