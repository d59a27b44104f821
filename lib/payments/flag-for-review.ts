// A genuine postback that cannot be applied: the attempt goes to NEEDS_REVIEW (a PAID one keeps
// PAID and gets a review reason), no invoice changes, and the biller admin sees it.
import "server-only";
import type { PostbackFields } from "../cpv2/schemas";
import { recordAuditEvent } from "../audit/record-audit-event";
import { db } from "../db";
import type { Tx } from "../prisma-client";
import type { PostbackOutcome, PostbackResult } from "./apply-postback";

/** A genuine notice we cannot apply: a person must look. No invoice changes. */
export async function flagForReview(opts: {
  attemptId: string;
  billerId: string;
  reason: string;
  fields: PostbackFields;
  receipt: (tx: Tx, verdict: PostbackOutcome, reason?: string) => Promise<unknown>;
}): Promise<PostbackResult> {
  // Invoice Cloud retries a 4xx: the same notice again is already flagged, so answer 2xx and stop.
  if (opts.fields.PaymentGUID) {
    const seen = await db.postbackReceipt.findFirst({
      where: { attemptId: opts.attemptId, verdict: "needs_review", fields: { path: ["PaymentGUID"], equals: opts.fields.PaymentGUID } },
      select: { id: true },
    });
    if (seen) {
      await db.$transaction((tx) => opts.receipt(tx, "duplicate", "Already flagged for review"));
      return { outcome: "duplicate", reason: "Already flagged for review" };
    }
  }
  await db.$transaction(async (tx) => {
    // A PAID attempt stays PAID (its invoices were rightly paid); the extra notice is flagged.
    await tx.paymentAttempt.updateMany({
      where: { id: opts.attemptId, status: { not: "PAID" } },
      data: { status: "NEEDS_REVIEW", reviewReason: opts.reason, closedAt: new Date() },
    });
    await tx.paymentAttempt.updateMany({ where: { id: opts.attemptId, status: "PAID" }, data: { reviewReason: opts.reason } });
    await opts.receipt(tx, "needs_review", opts.reason);
    await recordAuditEvent(tx, {
      type: "postback.needs_review",
      billerId: opts.billerId,
      attemptId: opts.attemptId,
      data: {
        reason: opts.reason,
        paymentGuid: opts.fields.PaymentGUID,
        paymentAmount: opts.fields.PaymentAmount,
        approved: opts.fields.Approved,
      },
    });
  });
  return { outcome: "needs_review", reason: opts.reason };
}
