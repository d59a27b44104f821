// A biller admin settles a payment that needs review, after checking it in the Invoice Cloud
// biller portal:
//   mark_paid – the money was taken and kept: the attempt is PAID and its invoices too, with the
//               PaymentGUID and amount of the notice that raised the review when one is known;
//   release   – nothing was kept (not charged, or refunded): the invoices can be paid again;
//   dismiss   – for a PAID attempt flagged by a later notice, once that notice is dealt with.
// One transaction through performTransition, conditional on the state the admin saw; the note is audited.
import "server-only";
import { db } from "../db";
import { UserFacingError } from "../errors";
import { InvoicesAlreadyPaid, performTransition } from "./perform-transition";

export type Resolution = "mark_paid" | "release" | "dismiss";

const STALE = "errors.reviewSettled";

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
    select: {
      id: true,
      status: true,
      reviewKind: true,
      reviewReason: true,
      reviewPaymentGuid: true,
      reviewAmountCents: true,
      paymentGuid: true,
      paidAmountCents: true,
      totalCents: true,
      invoices: { select: { invoice: { select: { status: true, paidAttemptId: true } } } },
    },
  });
  if (!attempt) throw new UserFacingError("errors.paymentNotFound");
  const flaggedPaid = attempt.status === "PAID" && attempt.reviewKind !== null;
  if (opts.resolution === "dismiss" ? !flaggedPaid : attempt.status !== "NEEDS_REVIEW") {
    throw new UserFacingError("errors.reviewNotNeeded");
  }
  if (opts.resolution === "mark_paid" && attempt.invoices.some((l) => l.invoice.status !== "UNPAID")) {
    throw new UserFacingError("errors.reviewInvoicesPaid");
  }
  const closeReview = { reviewKind: null, reviewReason: null, reviewPaymentGuid: null, reviewAmountCents: null, reviewNoticeAt: null };
  const base = {
    attemptId: attempt.id,
    billerId: opts.billerId,
    from: attempt.status,
    actor: "biller_admin" as const,
    actorId: opts.actorId,
    now,
    where: { reviewKind: attempt.reviewKind },
    audit: {
      resolution: opts.resolution,
      note: opts.note,
      reviewKind: attempt.reviewKind,
      reviewReason: attempt.reviewReason,
      reviewPaymentGuid: attempt.reviewPaymentGuid,
    },
  };
  const paymentGuid = attempt.reviewPaymentGuid ?? attempt.paymentGuid;
  try {
    const done = await db.$transaction((tx) => {
      if (opts.resolution === "dismiss") return performTransition(tx, { ...base, event: "review_dismiss", set: closeReview });
      if (opts.resolution === "mark_paid") {
        return performTransition(tx, {
          ...base,
          event: "review_mark_paid",
          set: {
            ...closeReview,
            paymentGuid,
            paidAmountCents: attempt.reviewAmountCents ?? attempt.paidAmountCents ?? attempt.totalCents,
            closeReason: null,
          },
          paidWith: { paymentGuid },
        });
      }
      return performTransition(tx, { ...base, event: "review_release", set: { ...closeReview, closeReason: "RELEASED_AFTER_REVIEW" } });
    });
    if (!done) throw new UserFacingError(STALE);
  } catch (error) {
    if (error instanceof InvoicesAlreadyPaid) throw new UserFacingError(STALE);
    throw error;
  }
}
