// PAY ONLINE: checks everything on the server, opens exactly one Invoice Cloud session for a set
// of invoices, and returns the hosted page's URL. A second press while that session is young
// resumes it instead of opening another (double click, Back button, second tab).
import "server-only";
import { randomUUID } from "node:crypto";
import { db } from "../db";
import { UserFacingError } from "../errors";
import type { AppLocale } from "../i18n/locales";
import { msg } from "../i18n/message";
import { generateBillerReference } from "../identifiers";
import { formatCents } from "../money";
import { returnGraceMs } from "../env";
import { getBillerPayability } from "../invoices/get-biller-payability";
import { liveAttemptsSelect } from "../invoices/invoice-summary-select";
import { invoicePayability, overMaximumMessage } from "../invoices/payability";
import { withinOnlineMaximum } from "../settings/payment-readiness";
import { claimInvoices, closeAsFailed } from "./claim-invoices";
import { reachFaultPoint } from "./fault-points";
import { InvoiceCloudRefused, openSession } from "./open-session";
import { resumeOpenAttempt, waitForConcurrentAttempt } from "./resume-open-attempt";

import { MAX_INVOICES_PER_PAYMENT } from "./limits";
import type { StartPaymentResult } from "./start-payment-result";

export type { StartPaymentResult };

/** `locale`: the applicant's language, for the amounts inside a refusal's message (English without one). */
export async function startPayment(opts: {
  applicantId: string;
  invoiceIds: string[];
  locale?: AppLocale;
  now?: Date;
}): Promise<StartPaymentResult> {
  const money = (cents: number) => formatCents(cents, opts.locale);
  const invoiceIds = [...new Set(opts.invoiceIds)].sort();
  if (invoiceIds.length === 0) throw new UserFacingError("portal.errors.selectOne");
  if (invoiceIds.length > MAX_INVOICES_PER_PAYMENT) {
    throw new UserFacingError(msg("portal.errors.tooMany", { max: MAX_INVOICES_PER_PAYMENT }));
  }
  const now = opts.now ?? new Date();

  // The invoices belong to the applicant and share one biller; each may be paid (invoicePayability).
  const invoices = await db.invoice.findMany({
    where: { id: { in: invoiceIds }, applicantId: opts.applicantId },
    select: {
      id: true,
      invoiceNumber: true,
      amountDueCents: true,
      status: true,
      billerId: true,
      openAttemptId: true,
      attempts: liveAttemptsSelect(),
    },
    orderBy: { invoiceNumber: "asc" },
  });
  if (invoices.length !== invoiceIds.length) throw new UserFacingError("portal.errors.invoiceNotFound");
  const billerId = invoices[0]!.billerId;
  if (invoices.some((i) => i.billerId !== billerId)) {
    throw new UserFacingError("portal.errors.differentBillers");
  }
  const payability = (await getBillerPayability([billerId])).get(billerId);
  for (const invoice of invoices) {
    const pay = invoicePayability(invoice, payability, money, { now, returnGraceMs: returnGraceMs() });
    // An open attempt for exactly these invoices is resumed below, and the maximum is checked on
    // the total; anything else is refused in the rule's own words.
    if (pay.kind === "payable" || pay.kind === "in_progress" || pay.kind === "unconfirmed" || pay.kind === "over_maximum") continue;
    throw new UserFacingError(pay.message);
  }
  const { biller, settings } = await readBillerSettings(billerId);
  if (!settings.apiKeyCiphertext || settings.invoiceTypeId === null) {
    throw new UserFacingError(msg("portal.payability.notAvailable", { biller: biller.name }));
  }
  const totalCents = invoices.reduce((sum, i) => sum + i.amountDueCents, 0);
  if (!withinOnlineMaximum(totalCents, settings.maxOnlineAmountCents)) {
    throw new UserFacingError(
      overMaximumMessage({ name: biller.name, maxOnlineAmountCents: settings.maxOnlineAmountCents }, money, totalCents),
    );
  }

  // Resume the open attempt holding these invoices, or claim them for a new one.
  const resumed = await resumeOpenAttempt({ invoiceIds, heldBy: invoices.map((i) => i.openAttemptId), now });
  if (resumed) return resumed;
  const paymentId = randomUUID();
  const billerReference = generateBillerReference();
  const claimed = await claimInvoices({
    paymentId,
    billerReference,
    billerId,
    applicantId: opts.applicantId,
    invoices,
    totalCents,
    now,
    invoiceTypeId: settings.invoiceTypeId,
    reopenRefunded: payability?.payAgainAfterRefund ?? false,
  });
  if (!claimed) {
    // Another press won the race a moment ago: wait for its URL instead of opening a second session.
    const other = await waitForConcurrentAttempt({ invoiceIds, now });
    if (other) return other;
    throw new UserFacingError("portal.errors.alreadyPreparing");
  }
  reachFaultPoint("after-claim");

  // Build the request, call Invoice Cloud, record the outcome. Any failure from here on
  // closes the attempt, so its invoices are never left held by a dead attempt.
  try {
    const ready = { ...settings, apiKeyCiphertext: settings.apiKeyCiphertext, invoiceTypeId: settings.invoiceTypeId };
    reachFaultPoint("during-invoice-cloud-call");
    const session = await openSession({ ...opts, paymentId, billerReference, billerId, biller, settings: ready, invoices, now });
    reachFaultPoint("after-invoice-cloud-answered");
    return session;
  } catch (error) {
    if (error instanceof UserFacingError) throw error; // the attempt moved on meanwhile; nothing to close
    const refused = error instanceof InvoiceCloudRefused;
    await closeAsFailed({
      paymentId,
      billerId,
      reason: refused ? error.reason : "internal: the request to Invoice Cloud could not be prepared",
      internal: !refused,
    }).catch(() => undefined);
    if (refused) throw new UserFacingError(error.userMessage, "invoice_cloud_failed");
    throw error;
  }
}

/** The biller and the settings a session is opened with (the encrypted key included), in one read. */
async function readBillerSettings(billerId: string) {
  const [row] = await db.$queryRaw<
    {
      name: string;
      timeZone: string;
      apiKeyCiphertext: string | null;
      invoiceTypeId: number | null;
      maxOnlineAmountCents: number | null;
      customReturnSiteName: string | null;
    }[]
  >`SELECT b."name", b."timeZone", s."apiKeyCiphertext", s."invoiceTypeId", s."maxOnlineAmountCents", s."customReturnSiteName"
      FROM "Biller" b LEFT JOIN "PaymentSettings" s ON s."billerId" = b."id"
     WHERE b."id" = ${billerId}::uuid`;
  if (!row) throw new Error(`Biller ${billerId} not found`);
  const { name, timeZone, ...settings } = row;
  return { biller: { name, timeZone }, settings };
}
