// Resuming PAY ONLINE: the open attempt already holding these invoices is reused instead of
// opening a second Invoice Cloud session (double click, Back button, second tab).
import "server-only";
import { recordAuditEvent } from "../audit/record-audit-event";
import { db } from "../db";
import { returnGraceMs } from "../env";
import { UserFacingError } from "../errors";
import { paths } from "../paths";
import type { StartPaymentResult } from "./start-payment-result";
import { holdEndsAt, isResumable } from "./transitions";

const WAIT_FOR_CONCURRENT_MS = 12_000;

/** `heldBy`: the invoices' openAttemptId values, as the caller just read them. */
export async function resumeOpenAttempt(opts: {
  invoiceIds: string[];
  heldBy: (string | null)[];
  now: Date;
}): Promise<StartPaymentResult | null> {
  const attemptIds = [...new Set(opts.heldBy.filter((id): id is string => !!id))];
  if (attemptIds.length === 0) return null;
  const attempts = await db.paymentAttempt.findMany({
    where: { id: { in: attemptIds } },
    select: {
      id: true,
      status: true,
      hostedPageUrl: true,
      expiresAt: true,
      createdAt: true,
      returnedAt: true,
      billerId: true,
      applicantId: true,
      invoices: { select: { invoiceId: true } },
    },
  });
  for (const a of attempts) {
    if (a.status === "NEEDS_REVIEW") {
      throw new UserFacingError("portal.errors.beingChecked");
    }
    if (a.status === "REDIRECTED" && a.returnedAt && holdEndsAt(a, returnGraceMs()) > opts.now) {
      // The applicant already came back from Invoice Cloud: they may have paid, and the page is
      // one-time. Show the payment's status (with "start again") instead of a second session.
      return { hostedPageUrl: paths.portal.payment(a.id), paymentId: a.id, resumed: true };
    }
    if (!isResumable(a, opts.now)) continue;
    const sameSet =
      a.invoices
        .map((i) => i.invoiceId)
        .sort()
        .join() === opts.invoiceIds.join();
    if (!sameSet) {
      throw new UserFacingError("portal.errors.partlyInProgress");
    }
    if (a.status === "CREATED") return waitForConcurrentAttempt(opts);
    await recordAuditEvent(db, { type: "payment.resumed", actorId: a.applicantId, billerId: a.billerId, attemptId: a.id });
    return { hostedPageUrl: a.hostedPageUrl!, paymentId: a.id, resumed: true };
  }
  return null;
}

export async function waitForConcurrentAttempt(opts: { invoiceIds: string[]; now: Date }): Promise<StartPaymentResult | null> {
  const deadline = Date.now() + WAIT_FOR_CONCURRENT_MS;
  while (Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 250));
    const holder = await db.invoice.findFirst({ where: { id: opts.invoiceIds[0] }, select: { openAttemptId: true } });
    if (!holder?.openAttemptId) return null;
    const a = await db.paymentAttempt.findUnique({
      where: { id: holder.openAttemptId },
      select: { id: true, status: true, hostedPageUrl: true },
    });
    if (a?.status === "REDIRECTED" && a.hostedPageUrl) return { hostedPageUrl: a.hostedPageUrl, paymentId: a.id, resumed: true };
    if (a && a.status !== "CREATED") return null;
  }
  return null;
}
