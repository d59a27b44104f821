// What stops a month from closing: the "differences" section of the reconciliation report.
//   reviews          – open review items (not charged twice): settle on the payment's page;
//   unconfirmed      – applicants returned from Invoice Cloud but no postback ever confirmed it
//                      (still held, or expired with NO_POSTBACK): check Invoice Cloud's portal;
//   chargedTwice     – approvals that arrived for invoices already paid, with their age: refund
//                      the extra charge in Invoice Cloud, then settle the review.
// Each list is capped; `counts` says how many there are in all.
import "server-only";
import type { Prisma } from "@prisma/client";
import { db } from "../db";
import { addDays, startOfZonedDay } from "./zoned-day";

export const DIFFERENCES_LIMIT = 100;

const select = {
  id: true,
  status: true,
  totalCents: true,
  paymentGuid: true,
  reviewKind: true,
  reviewReason: true,
  reviewPaymentGuid: true,
  reviewAmountCents: true,
  reviewNoticeAt: true,
  returnedAt: true,
  closeReason: true,
  createdAt: true,
  closedAt: true,
  applicant: { select: { name: true } },
} satisfies Prisma.PaymentAttemptSelect;

export type DifferenceRow = Prisma.PaymentAttemptGetPayload<{ select: typeof select }> & { since: Date };

export async function listReconciliationDifferences(opts: { billerId: string; from: string; to: string; timeZone: string; typeId?: number | null }) {
  const ofType = opts.typeId == null ? {} : { invoiceTypeId: opts.typeId };
  const start = startOfZonedDay(opts.from, opts.timeZone);
  const end = startOfZonedDay(addDays(opts.to, 1), opts.timeZone);
  const reviewWhere: Prisma.PaymentAttemptWhereInput = {
    billerId: opts.billerId,
    ...ofType,
    OR: [{ status: "NEEDS_REVIEW", reviewKind: null }, { reviewKind: { not: null, notIn: ["CHARGED_TWICE"] } }],
  };
  const chargedTwiceWhere: Prisma.PaymentAttemptWhereInput = { billerId: opts.billerId, reviewKind: "CHARGED_TWICE", ...ofType };
  const unconfirmedWhere: Prisma.PaymentAttemptWhereInput = {
    billerId: opts.billerId,
    ...ofType,
    returnedAt: { gte: start, lt: end },
    OR: [{ status: { in: ["CREATED", "REDIRECTED"] } }, { status: "EXPIRED", closeReason: "NO_POSTBACK" }],
  };
  const oldestFirst = [{ reviewNoticeAt: "asc" as const }, { createdAt: "asc" as const }];
  const [reviews, chargedTwice, unconfirmed, reviewCount, chargedTwiceCount, unconfirmedCount] = await Promise.all([
    db.paymentAttempt.findMany({ where: reviewWhere, orderBy: oldestFirst, take: DIFFERENCES_LIMIT, select }),
    db.paymentAttempt.findMany({ where: chargedTwiceWhere, orderBy: oldestFirst, take: DIFFERENCES_LIMIT, select }),
    db.paymentAttempt.findMany({ where: unconfirmedWhere, orderBy: { returnedAt: "asc" }, take: DIFFERENCES_LIMIT, select }),
    db.paymentAttempt.count({ where: reviewWhere }),
    db.paymentAttempt.count({ where: chargedTwiceWhere }),
    db.paymentAttempt.count({ where: unconfirmedWhere }),
  ]);
  const since = (a: (typeof reviews)[number]) => ({ ...a, since: a.reviewNoticeAt ?? a.closedAt ?? a.createdAt });
  return {
    reviews: reviews.map(since),
    chargedTwice: chargedTwice.map(since),
    unconfirmed: unconfirmed.map((a) => ({ ...a, since: a.returnedAt ?? a.createdAt })),
    counts: { reviews: reviewCount, chargedTwice: chargedTwiceCount, unconfirmed: unconfirmedCount },
  };
}
