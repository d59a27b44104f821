// One payment as the biller admin sees it on its own page: the attempt, each invoice it paid with
// what is left to refund, its refunds (and reversals), and its trail: every audited change and
// note, with who and when. Null for another biller's payment (it does not exist here).
import "server-only";
import { db } from "../db";
import { isUuid } from "../identifiers";

const TRAIL_TYPES = [
  "payment.paid",
  "postback.needs_review",
  "payment.review_resolved",
  "payment.review_note",
  "payment.refund_recorded",
  "payment.refund_reversed",
  "payment.declined",
  "payment.expired",
  "payment.superseded",
  "payment.abandoned",
  "payment.returned",
];

export async function getAdminPayment(opts: { billerId: string; attemptId: string }) {
  if (!isUuid(opts.attemptId)) return null;
  const attempt = await db.paymentAttempt.findFirst({
    where: { id: opts.attemptId, billerId: opts.billerId },
    select: {
      id: true,
      status: true,
      totalCents: true,
      paidAmountCents: true,
      convenienceFeeCents: true,
      paymentGuid: true,
      billerReference: true,
      closeReason: true,
      failureReason: true,
      reviewKind: true,
      reviewReason: true,
      reviewPaymentGuid: true,
      reviewAmountCents: true,
      reviewNoticeAt: true,
      returnedAt: true,
      createdAt: true,
      closedAt: true,
      applicant: { select: { name: true, email: true } },
      invoices: {
        orderBy: { invoiceId: "asc" },
        select: {
          amountCents: true,
          invoice: {
            select: {
              id: true,
              invoiceNumber: true,
              description: true,
              status: true,
              paidAttemptId: true,
              paidAmountCents: true,
              refundedCents: true,
            },
          },
        },
      },
      refunds: {
        orderBy: { recordedAt: "asc" },
        select: {
          id: true,
          amountCents: true,
          reference: true,
          refundedOn: true,
          note: true,
          recordedAt: true,
          recordedById: true,
          reversedAt: true,
          reversalNote: true,
          lines: { select: { amountCents: true, invoice: { select: { invoiceNumber: true } } } },
        },
      },
    },
  });
  if (!attempt) return null;
  const events = await db.auditEvent.findMany({
    where: { attemptId: attempt.id, billerId: opts.billerId, type: { in: TRAIL_TYPES } },
    orderBy: { at: "asc" },
    take: 200,
    select: { id: true, at: true, type: true, actorId: true, data: true },
  });
  const actorIds = [...new Set(events.map((e) => e.actorId).filter((id): id is string => id !== null))];
  const actors = new Map(
    (await db.user.findMany({ where: { id: { in: actorIds } }, select: { id: true, name: true, email: true } })).map((u) => [u.id, u]),
  );
  const trail = events.map((e) => {
    const data = (e.data ?? {}) as Record<string, unknown>;
    const actor = e.actorId ? actors.get(e.actorId) : undefined;
    return {
      id: e.id,
      at: e.at,
      type: e.type,
      who: actor ? `${actor.name} (${actor.email})` : data.by === "invoice_cloud" ? "Invoice Cloud" : "PermitPay",
      note: typeof data.note === "string" ? data.note : null,
      detail: typeof data.resolution === "string" ? data.resolution : typeof data.reference === "string" ? data.reference : null,
    };
  });
  const lines = attempt.invoices.map((l) => {
    const paidHere = l.invoice.paidAttemptId === attempt.id;
    const paid = paidHere ? (l.invoice.paidAmountCents ?? 0) : 0;
    const refunded = paidHere ? l.invoice.refundedCents : 0;
    return { ...l.invoice, lineCents: l.amountCents, paidHere, paidCents: paid, refundedCents: refunded, leftCents: paid - refunded };
  });
  return { ...attempt, lines, trail, refundableCents: attempt.status === "PAID" ? lines.reduce((s, l) => s + l.leftCents, 0) : 0 };
}
export type AdminPayment = NonNullable<Awaited<ReturnType<typeof getAdminPayment>>>;
