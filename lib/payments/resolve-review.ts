// A biller admin settles a payment that needs review, after checking it in the Invoice Cloud
// biller portal:
//   mark_paid – the money was taken and kept: the attempt is PAID and its unpaid invoices too;
//   release   – nothing was kept (not charged, or refunded): the invoices can be paid again;
//   dismiss   – for a PAID attempt flagged by a later notice, once that notice is dealt with.
// One transaction, conditional on the state the admin saw; the note is audited.
import "server-only";
import { recordAuditEvent } from "../audit/record-audit-event";
import { db } from "../db";
import { UserFacingError } from "../errors";
import { RELEASED_AFTER_REVIEW } from "./attempt-reasons";

export type Resolution = "mark_paid" | "release" | "dismiss";

export async function resolveReview(opts: {
  billerId: string;
  attemptId: string;
  actorId: string;
  resolution: Resolution;
  note: string;
  now?: Date;
}) {
  const now = opts.now ?? new Date();
  const attempt = await db.paymentAttempt.findFirst({
    where: { id: opts.attemptId, billerId: opts.billerId }, // another biller's attempt does not exist here
    select: { id: true, status: true, reviewReason: true, paymentGuid: true, invoices: { select: { invoiceId: true, amountCents: true } } },
  });
  if (!attempt) throw new UserFacingError("That payment does not exist.");
  const flaggedPaid = attempt.status === "PAID" && attempt.reviewReason !== null;
  if (opts.resolution === "dismiss" ? !flaggedPaid : attempt.status !== "NEEDS_REVIEW") {
    throw new UserFacingError("This payment no longer needs that action. Reload the page to see its current state.");
  }

  await db.$transaction(async (tx) => {
    if (opts.resolution === "dismiss") {
      const { count } = await tx.paymentAttempt.updateMany({
        where: { id: attempt.id, status: "PAID", reviewReason: { not: null } },
        data: { reviewReason: null },
      });
      if (count === 0) throw new UserFacingError("This payment was already settled.");
    } else if (opts.resolution === "mark_paid") {
      const { count } = await tx.paymentAttempt.updateMany({
        where: { id: attempt.id, status: "NEEDS_REVIEW" },
        data: { status: "PAID", closedAt: now },
      });
      if (count === 0) throw new UserFacingError("This payment was already settled.");
      for (const line of attempt.invoices) {
        await tx.invoice.updateMany({
          where: { id: line.invoiceId, status: "UNPAID" },
          data: {
            status: "PAID",
            paidAt: now,
            paidAmountCents: line.amountCents,
            paymentGuid: attempt.paymentGuid,
            paidAttemptId: attempt.id,
            openAttemptId: null,
          },
        });
      }
    } else {
      const { count } = await tx.paymentAttempt.updateMany({
        where: { id: attempt.id, status: "NEEDS_REVIEW" },
        data: { status: "DECLINED", failureReason: `${RELEASED_AFTER_REVIEW}: nothing was kept`, closedAt: now },
      });
      if (count === 0) throw new UserFacingError("This payment was already settled.");
      await tx.invoice.updateMany({ where: { openAttemptId: attempt.id }, data: { openAttemptId: null } });
    }
    await recordAuditEvent(tx, {
      type: "payment.review_resolved",
      actorId: opts.actorId,
      billerId: opts.billerId,
      attemptId: attempt.id,
      data: { resolution: opts.resolution, note: opts.note, reviewReason: attempt.reviewReason },
    });
  });
}
