// One biller's payment attempts, newest first, a page at a time, for the biller admin.
import "server-only";
import { db } from "../db";
import { paginate } from "../pagination";

export const ATTEMPTS_PAGE_SIZE = 25;

export async function listPaymentAttempts(opts: { billerId: string; page: number }) {
  const where = { billerId: opts.billerId };
  const [list, needsReview] = await Promise.all([
    paginate({
      page: opts.page,
      pageSize: ATTEMPTS_PAGE_SIZE,
      count: () => db.paymentAttempt.count({ where }),
      findMany: (window) =>
        db.paymentAttempt.findMany({
          where,
          orderBy: [{ createdAt: "desc" }, { id: "desc" }],
          ...window,
          select: {
            id: true,
            status: true,
            totalCents: true,
            paidAmountCents: true,
            paymentGuid: true,
            createdAt: true,
            closedAt: true,
            failureReason: true,
            reviewReason: true,
            applicant: { select: { name: true, email: true } },
            invoices: { select: { invoice: { select: { invoiceNumber: true } } }, orderBy: { invoiceId: "asc" } },
          },
        }),
    }),
    db.paymentAttempt.count({ where: { ...where, OR: [{ status: "NEEDS_REVIEW" }, { status: "PAID", reviewReason: { not: null } }] } }),
  ]);
  return { ...list, needsReview };
}
