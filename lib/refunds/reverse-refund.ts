// Undo a refund recorded by mistake: once, audited, with a note. The Refund row is kept and marked
// reversed (a conditional update on reversedAt, so a second reversal changes nothing); its lines go
// back onto the invoices (REFUNDED → PAID) through the refund_reversed transition.
import "server-only";
import { db } from "../db";
import { UserFacingError } from "../errors";
import { performTransition } from "../payments/perform-transition";
import { OverRefund } from "./apply-refund-to-invoices";

const ALREADY = "admin.refunds.errors.alreadyReversed";

export async function reverseRefund(opts: { billerId: string; refundId: string; actorId: string; note: string; now?: Date }) {
  const now = opts.now ?? new Date();
  const refund = await db.refund.findFirst({
    where: { id: opts.refundId, billerId: opts.billerId },
    select: {
      id: true,
      attemptId: true,
      amountCents: true,
      reference: true,
      reversedAt: true,
      lines: { select: { invoiceId: true, amountCents: true } },
    },
  });
  if (!refund) throw new UserFacingError("admin.refunds.errors.noRefund");
  if (refund.reversedAt) throw new UserFacingError(ALREADY);
  try {
    await db.$transaction(async (tx) => {
      const { count } = await tx.refund.updateMany({
        where: { id: refund.id, reversedAt: null },
        data: { reversedAt: now, reversedById: opts.actorId, reversalNote: opts.note },
      });
      if (count === 0) throw new UserFacingError(ALREADY);
      const done = await performTransition(tx, {
        attemptId: refund.attemptId,
        billerId: opts.billerId,
        from: "PAID",
        event: "refund_reversed",
        actor: "biller_admin",
        actorId: opts.actorId,
        now,
        refundLines: refund.lines,
        audit: { refundId: refund.id, amountCents: refund.amountCents, reference: refund.reference, note: opts.note },
      });
      if (!done) throw new UserFacingError("admin.refunds.errors.noLongerPaid");
    });
  } catch (error) {
    if (error instanceof OverRefund) {
      throw new UserFacingError("admin.refunds.errors.invoicesChanged");
    }
    throw error;
  }
}
