// PAY ONLINE: checks everything on the server, opens exactly one Invoice Cloud session for a set
// of invoices, and returns the hosted page's URL. A second press while that session is young
// resumes it instead of opening another (double click, Back button, second tab).
import "server-only";
import { randomUUID } from "node:crypto";
import { db } from "../db";
import { UserFacingError } from "../errors";
import { generateBillerReference } from "../identifiers";
import { formatCents } from "../money";
import { paymentReadiness, withinOnlineMaximum } from "../settings/payment-readiness";
import { claimInvoices, closeAsFailed } from "./claim-invoices";
import { openSession } from "./open-session";
import { resumeOpenAttempt, waitForConcurrentAttempt } from "./resume-open-attempt";

import { MAX_INVOICES_PER_PAYMENT } from "./limits";

export type StartPaymentResult = { hostedPageUrl: string; paymentId: string; resumed: boolean };

export async function startPayment(opts: { applicantId: string; invoiceIds: string[]; now?: Date }): Promise<StartPaymentResult> {
  const invoiceIds = [...new Set(opts.invoiceIds)].sort();
  if (invoiceIds.length === 0) throw new UserFacingError("Select at least one invoice to pay.");
  if (invoiceIds.length > MAX_INVOICES_PER_PAYMENT) {
    throw new UserFacingError(`Pay at most ${MAX_INVOICES_PER_PAYMENT} invoices at a time.`);
  }
  const now = opts.now ?? new Date();

  // 1. The invoices belong to the applicant, are unpaid, and share one biller.
  const invoices = await db.invoice.findMany({
    where: { id: { in: invoiceIds }, applicantId: opts.applicantId },
    select: { id: true, invoiceNumber: true, amountDueCents: true, status: true, billerId: true, openAttemptId: true },
    orderBy: { invoiceNumber: "asc" },
  });
  if (invoices.length !== invoiceIds.length) throw new UserFacingError("No invoice with that number on your account.");
  const paid = invoices.find((i) => i.status === "PAID");
  if (paid) throw new UserFacingError(`Invoice ${paid.invoiceNumber} is already paid.`);
  const billerId = invoices[0]!.billerId;
  if (invoices.some((i) => i.billerId !== billerId)) {
    throw new UserFacingError("Invoices from different municipalities must be paid separately.");
  }

  // 2–3. The biller takes online payments, up to its maximum.
  const biller = await db.biller.findUniqueOrThrow({
    where: { id: billerId },
    select: { name: true, timeZone: true, invoiceTypes: { select: { typeId: true } } },
  });
  const settings = await db.paymentSettings.findUnique({
    where: { billerId },
    select: {
      apiKeyCiphertext: true,
      apiKeyLast4: true,
      invoiceTypeId: true,
      maxOnlineAmountCents: true,
      customReturnSiteName: true,
    },
  });
  const readiness = paymentReadiness(
    settings,
    biller.invoiceTypes.map((t) => t.typeId),
  );
  if (!readiness.ready || !settings?.apiKeyCiphertext || settings.invoiceTypeId === null) {
    throw new UserFacingError(`Online payment is not yet available for ${biller.name}.`);
  }
  const totalCents = invoices.reduce((sum, i) => sum + i.amountDueCents, 0);
  if (!withinOnlineMaximum(totalCents, settings.maxOnlineAmountCents)) {
    throw new UserFacingError(
      `${biller.name} accepts online payments of up to ${formatCents(settings.maxOnlineAmountCents!)}. ` +
        `This total is ${formatCents(totalCents)}: please pay it at the municipal office, or pay fewer invoices at a time.`,
    );
  }

  // A genuine postback that failed a check means money may have been taken: no second payment.
  const inReview = await db.paymentAttemptInvoice.findFirst({
    where: { invoiceId: { in: invoiceIds }, attempt: { status: "NEEDS_REVIEW" } },
    select: { invoice: { select: { invoiceNumber: true } } },
  });
  if (inReview) {
    throw new UserFacingError(
      `A payment for invoice ${inReview.invoice.invoiceNumber} is being checked by ${biller.name}. Please do not pay again: they will contact you.`,
    );
  }

  // 4. Resume the open attempt holding these invoices, or claim them for a new one.
  const resumed = await resumeOpenAttempt({ invoiceIds, heldBy: invoices.map((i) => i.openAttemptId), now });
  if (resumed) return resumed;
  const paymentId = randomUUID();
  const billerReference = generateBillerReference();
  const claimed = await claimInvoices({ paymentId, billerReference, billerId, applicantId: opts.applicantId, invoices, totalCents, now });
  if (!claimed) {
    // Another press won the race a moment ago: wait for its URL instead of opening a second session.
    const other = await waitForConcurrentAttempt({ invoiceIds, now });
    if (other) return other;
    throw new UserFacingError("A payment for these invoices is already being prepared. Wait a moment and try again.");
  }

  // 5–8. Build the request, call Invoice Cloud, record the outcome. Any failure from here on
  // closes the attempt, so its invoices are never left held by a dead attempt.
  try {
    const ready = { ...settings, apiKeyCiphertext: settings.apiKeyCiphertext, invoiceTypeId: settings.invoiceTypeId };
    return await openSession({ ...opts, paymentId, billerReference, billerId, biller, settings: ready, invoices, now });
  } catch (error) {
    if (!(error instanceof UserFacingError)) {
      await closeAsFailed({ paymentId, billerId, reason: "internal: the request to Invoice Cloud could not be prepared" }).catch(
        () => undefined,
      );
    }
    throw error;
  }
}
