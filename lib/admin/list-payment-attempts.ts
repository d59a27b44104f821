// One biller's payment attempts, newest first, a page at a time, for the biller admin.
import "server-only";
import { clampPage } from "../pagination";
import { db } from "../db";

export const ATTEMPTS_PAGE_SIZE = 25;

export async function listPaymentAttempts(opts: { billerId: string; page: number }) {
  const page = clampPage(opts.page);
  const where = { billerId: opts.billerId };
  const [total, rows, needsReview] = await Promise.all([
    db.paymentAttempt.count({ where }),
    db.paymentAttempt.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (page - 1) * ATTEMPTS_PAGE_SIZE,
      take: ATTEMPTS_PAGE_SIZE,
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
    db.paymentAttempt.count({ where: { ...where, OR: [{ status: "NEEDS_REVIEW" }, { status: "PAID", reviewReason: { not: null } }] } }),
  ]);
  return { rows, total, needsReview, page, pageCount: Math.max(1, Math.ceil(total / ATTEMPTS_PAGE_SIZE)) };
}
