// Undo a refund recorded by mistake: once, audited, with a note. The Refund row is kept and marked
// reversed (a conditional update on reversedAt, so a second reversal changes nothing); its lines go
// back onto the invoices (REFUNDED → PAID) through the refund_reversed transition.
import "server-only";
import { db } from "../db";
import { UserFacingError } from "../errors";
import { performTransition } from "../payments/perform-transition";
import { OverRefund } from "./apply-refund-to-invoices";

const ALREADY = "This refund was already reversed. Reload the page to see the current refunds.";

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
  if (!refund) throw new UserFacingError("That refund does not exist.");
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
      if (!done) throw new UserFacingError("This payment is no longer paid, so its refund cannot be reversed.");
    });
  } catch (error) {
    if (error instanceof OverRefund) {
      throw new UserFacingError(
        "These invoices have changed since the refund (paid again or refunded otherwise), so it cannot be reversed.",
      );
    }
    throw error;
  }
}
