// One biller's payment attempts, newest first, a page at a time, for the biller admin; or only
// those with an open review item (`reviewOnly`), oldest first, with the oldest one's start.
import "server-only";
import type { Prisma } from "@prisma/client";
import { db } from "../db";
import { OPEN_REVIEW } from "../reviews/open-reviews";
import { paginate } from "../pagination";

export const ATTEMPTS_PAGE_SIZE = 25;

/** What a row of the payments list shows (also the keyset pages' rows). */
export const attemptRowSelect = {
  id: true,
  status: true,
  totalCents: true,
  paidAmountCents: true,
  paymentGuid: true,
  createdAt: true,
  closedAt: true,
  failureReason: true,
  reviewReason: true,
  reviewKind: true,
  reviewNoticeAt: true,
  applicant: { select: { name: true, email: true } },
  invoices: { select: { invoice: { select: { invoiceNumber: true } } }, orderBy: { invoiceId: "asc" as const } },
} satisfies Prisma.PaymentAttemptSelect;

export async function listPaymentAttempts(opts: { billerId: string; page: number; reviewOnly?: boolean }) {
  const where: Prisma.PaymentAttemptWhereInput = opts.reviewOnly
    ? { billerId: opts.billerId, ...OPEN_REVIEW }
    : { billerId: opts.billerId };
  const [list, needsReview, oldestReview] = await Promise.all([
    paginate({
      page: opts.page,
      pageSize: ATTEMPTS_PAGE_SIZE,
      count: () => db.paymentAttempt.count({ where }),
      findMany: (window) =>
        db.paymentAttempt.findMany({
          where,
          orderBy: opts.reviewOnly ? [{ createdAt: "asc" }, { id: "asc" }] : [{ createdAt: "desc" }, { id: "desc" }],
          ...window,
          select: attemptRowSelect,
        }),
    }),
    db.paymentAttempt.count({ where: { billerId: opts.billerId, ...OPEN_REVIEW } }),
    db.paymentAttempt.findFirst({
      where: { billerId: opts.billerId, ...OPEN_REVIEW },
      orderBy: [{ reviewNoticeAt: { sort: "asc", nulls: "first" } }, { createdAt: "asc" }],
      select: { reviewNoticeAt: true, createdAt: true, closedAt: true },
    }),
  ]);
  // A review item's age runs from the notice that raised it (older items have none: their close).
  const oldestReviewSince = oldestReview ? (oldestReview.reviewNoticeAt ?? oldestReview.closedAt ?? oldestReview.createdAt) : null;
  return { ...list, needsReview, oldestReviewSince };
}
