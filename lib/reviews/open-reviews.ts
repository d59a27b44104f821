// What an open review item is, when its clock started, and when it is overdue: one definition for
// the payments page, its filter, and the daily digest of overdue reviews.
import type { Prisma } from "@prisma/client";

/** Waiting for a person: NEEDS_REVIEW, or a paid payment still flagged (for example charged twice). */
export const OPEN_REVIEW = {
  OR: [{ status: "NEEDS_REVIEW" }, { status: "PAID", reviewKind: { not: null } }],
} satisfies Prisma.PaymentAttemptWhereInput;

/** A review item open longer than this many business days (in the biller's zone) is overdue. */
export const REVIEW_DUE_BUSINESS_DAYS = 3;

/** When the review started: the notice that raised it, else when the attempt closed or began. */
export function reviewSince(a: { reviewNoticeAt: Date | null; closedAt: Date | null; createdAt: Date }): Date {
  return a.reviewNoticeAt ?? a.closedAt ?? a.createdAt;
}
