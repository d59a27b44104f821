// One payment attempt as its applicant sees it. Someone else's attempt is null.
import "server-only";
import { db } from "../db";
import { isUuid } from "../identifiers";
import { clampPage } from "../pagination";

export async function getApplicantPayment(opts: { applicantId: string; paymentId: string }) {
  if (!isUuid(opts.paymentId)) return null;
  return db.paymentAttempt.findFirst({
    where: { id: opts.paymentId, applicantId: opts.applicantId },
    select: {
      id: true,
      status: true,
      totalCents: true,
      hostedPageUrl: true,
      failureReason: true,
      closeReason: true,
      reviewKind: true,
      paymentGuid: true,
      createdAt: true,
      returnedAt: true,
      closedAt: true,
      expiresAt: true,
      biller: { select: { name: true, timeZone: true } },
      invoices: {
        select: {
          amountCents: true,
          invoice: {
            select: {
              id: true,
              invoiceNumber: true,
              description: true,
              status: true,
              refundedCents: true,
              permit: { select: { number: true } },
            },
          },
        },
      },
    },
  });
}

export async function listApplicantPayments(opts: { applicantId: string; page: number; pageSize?: number }) {
  const take = opts.pageSize ?? 25;
  const page = clampPage(opts.page);
  const where = { applicantId: opts.applicantId };
  const [total, rows] = await Promise.all([
    db.paymentAttempt.count({ where }),
    db.paymentAttempt.findMany({
      where,
      orderBy: { createdAt: "desc" },
      skip: (page - 1) * take,
      take,
      select: {
        id: true,
        status: true,
        totalCents: true,
        createdAt: true,
        failureReason: true,
        biller: { select: { name: true, timeZone: true } },
        invoices: { select: { invoice: { select: { invoiceNumber: true } } } },
      },
    }),
  ]);
  return { rows, total, page, pageCount: Math.max(1, Math.ceil(total / take)) };
}
