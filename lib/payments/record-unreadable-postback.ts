// A postback with a valid token that we cannot read (Approved=Yes, a body over the cap, …) came
// from Invoice Cloud and may report money taken: keep what arrived and open a review item, so a
// biller admin sees it on the payments page. Nothing else changes; invoices stay as they are.
import "server-only";
import type { Prisma } from "@prisma/client";
import { db } from "../db";
import { performTransition } from "./perform-transition";
import type { PostbackResult } from "./postback-outcome";

const FLAGGABLE = ["CREATED", "REDIRECTED", "DECLINED", "EXPIRED", "FAILED", "PAID"] as const;

export async function recordUnreadablePostback(opts: {
  paymentId: string;
  error: string;
  raw: Record<string, string>;
  now?: Date;
}): Promise<PostbackResult> {
  const now = opts.now ?? new Date();
  const reason = `Invoice Cloud sent a notice we could not read: ${opts.error}`.slice(0, 300);
  for (let round = 0; round < 3; round++) {
    const attempt = await db.paymentAttempt.findUnique({
      where: { id: opts.paymentId },
      select: { id: true, status: true, billerId: true, reviewKind: true },
    });
    // Open a review item unless one is open already (or the attempt is gone); the receipt is kept either way.
    const flaggable = attempt !== null && attempt.reviewKind === null && (FLAGGABLE as readonly string[]).includes(attempt.status);
    const done = await db.$transaction(async (tx) => {
      if (
        flaggable &&
        !(await performTransition(tx, {
          attemptId: attempt.id,
          billerId: attempt.billerId,
          from: attempt.status,
          event: "flagged",
          actor: "invoice_cloud",
          now,
          where: { reviewKind: null },
          set: {
            reviewKind: "UNREADABLE_NOTICE",
            reviewReason: reason,
            reviewPaymentGuid: opts.raw.PaymentGUID ?? null,
            reviewNoticeAt: now,
          },
          audit: { kind: "UNREADABLE_NOTICE", reason },
        }))
      ) {
        return false; // moved under us: read again
      }
      await tx.postbackReceipt.create({
        data: {
          paymentId: opts.paymentId,
          attemptId: attempt?.id ?? null,
          verdict: "malformed",
          reason,
          fields: opts.raw as Prisma.InputJsonValue,
        },
      });
      return true;
    });
    if (done) return { outcome: "malformed", reason };
  }
  throw new Error(`Could not record an unreadable postback for ${opts.paymentId}`);
}
