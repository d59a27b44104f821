// A biller admin records a refund made in Invoice Cloud's biller portal (CPV2 has no refund API).
// Each line may refund at most what is left of its invoice; the attempt stays PAID and an invoice
// refunded in full becomes REFUNDED. One transaction: the Refund row, the refund_recorded
// transition (conditional per-invoice updates, audit row). Two clerks recording the same refund at
// once: one wins, the other is told it would refund more than was paid.
import "server-only";
import { db } from "../db";
import { UserFacingError } from "../errors";
import { msg } from "../i18n/message";
import { formatCents } from "../money";
import { performTransition } from "../payments/perform-transition";
import { OverRefund } from "./apply-refund-to-invoices";
import type { RefundInput } from "./refund-input-schema";

const OVER = "admin.refunds.errors.overRefund";

/** `formatMoney` writes an amount inside a message in the reader's language (the page passes it). */
export async function recordRefund(opts: {
  billerId: string;
  actorId: string;
  input: RefundInput;
  now?: Date;
  formatMoney?: (cents: number) => string;
}) {
  const formatMoney = opts.formatMoney ?? ((cents: number) => formatCents(cents));
  const now = opts.now ?? new Date();
  const { input } = opts;
  const attempt = await db.paymentAttempt.findFirst({
    where: { id: input.attemptId, billerId: opts.billerId }, // another biller's payment does not exist here
    select: { id: true, status: true, paymentGuid: true },
  });
  if (!attempt) throw new UserFacingError("admin.refunds.errors.noPayment");
  if (attempt.status !== "PAID") throw new UserFacingError("admin.refunds.errors.notPaid");
  const invoices = await db.invoice.findMany({
    where: { paidAttemptId: attempt.id, billerId: opts.billerId },
    select: { id: true, invoiceNumber: true, paidAmountCents: true, refundedCents: true },
  });
  const lines = input.lines.filter((l) => l.amount > 0).map((l) => ({ invoiceId: l.invoiceId, amountCents: l.amount }));
  for (const line of lines) {
    const invoice = invoices.find((i) => i.id === line.invoiceId);
    if (!invoice) throw new UserFacingError("admin.refunds.errors.notThisPayment");
    const left = (invoice.paidAmountCents ?? 0) - invoice.refundedCents;
    if (line.amountCents > left) {
      throw new UserFacingError(
        msg("admin.refunds.errors.moreThanLeft", { invoiceNumber: invoice.invoiceNumber, left: formatMoney(left) }),
      );
    }
  }
  const amountCents = lines.reduce((s, l) => s + l.amountCents, 0);
  try {
    return await db.$transaction(async (tx) => {
      const refund = await tx.refund.create({
        data: {
          billerId: opts.billerId,
          attemptId: attempt.id,
          amountCents,
          reference: input.reference,
          refundedOn: new Date(`${input.refundedOn}T00:00:00Z`),
          note: input.note,
          recordedById: opts.actorId,
          recordedAt: now,
          lines: { create: lines },
        },
      });
      const done = await performTransition(tx, {
        attemptId: attempt.id,
        billerId: opts.billerId,
        from: "PAID",
        event: "refund_recorded",
        actor: "biller_admin",
        actorId: opts.actorId,
        now,
        refundLines: lines,
        audit: { refundId: refund.id, amountCents, reference: input.reference, refundedOn: input.refundedOn, note: input.note, lines },
      });
      if (!done) throw new UserFacingError("admin.refunds.errors.notPaid");
      return { refundId: refund.id, amountCents };
    });
  } catch (error) {
    if (error instanceof OverRefund || isCheckViolation(error)) throw new UserFacingError(OVER);
    throw error;
  }
}

/** The check constraint on Invoice.refundedCents, should a conditional update ever be missed. */
function isCheckViolation(error: unknown): boolean {
  return error instanceof Error && /refundedCents_check|23514/.test(error.message);
}
