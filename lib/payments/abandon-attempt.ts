// "I did not finish paying: start again". The applicant says the Invoice Cloud page they left
// took no payment, so its invoices may be paid again: EXPIRED (ABANDONED_BY_APPLICANT), audited.
// If Invoice Cloud did take a payment there after all, its approval still applies (late-notice
// policy), or opens a "charged twice" review when a second payment already paid the invoices.
import "server-only";
import { db } from "../db";
import { UserFacingError } from "../errors";
import { isUuid } from "../identifiers";
import { performTransition } from "./perform-transition";

export async function abandonAttempt(opts: { applicantId: string; paymentId: string; now?: Date }): Promise<void> {
  if (!isUuid(opts.paymentId)) throw new UserFacingError("portal.errors.paymentNotFound");
  const attempt = await db.paymentAttempt.findFirst({
    where: { id: opts.paymentId, applicantId: opts.applicantId }, // someone else's attempt does not exist here
    select: { id: true, status: true, billerId: true },
  });
  if (!attempt) throw new UserFacingError("portal.errors.paymentNotFound");
  if (attempt.status !== "REDIRECTED") {
    throw new UserFacingError("portal.errors.cannotRestart");
  }
  const done = await db.$transaction((tx) =>
    performTransition(tx, {
      attemptId: attempt.id,
      billerId: attempt.billerId,
      from: "REDIRECTED",
      event: "abandoned",
      actor: "applicant",
      actorId: opts.applicantId,
      now: opts.now ?? new Date(),
      set: { closeReason: "ABANDONED_BY_APPLICANT" },
    }),
  );
  if (!done) throw new UserFacingError("portal.errors.justReported");
}
