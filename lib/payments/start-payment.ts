// PAY ONLINE: checks everything on the server, opens exactly one Invoice Cloud session for a set
// of invoices, and returns the hosted page's URL. A second press while that session is young
// resumes it instead of opening another (double click, Back button, second tab).
import "server-only";
import { Prisma } from "@prisma/client";
import { randomUUID } from "node:crypto";
import { recordAuditEvent } from "../audit/record-audit-event";
import { buildCpv2Request } from "../cpv2/build-request";
import { createPaymentSession } from "../cpv2/client";
import { db } from "../db";
import { env } from "../env";
import { UserFacingError } from "../errors";
import { generateAccountNumber, generateBillerReference } from "../identifiers";
import { logger } from "../logger";
import { formatCents } from "../money";
import { paths } from "../paths";
import { decryptApiKey } from "../secrets";
import { paymentReadiness, withinOnlineMaximum } from "../settings/payment-readiness";
import { CREATED_STALE_MS, RESUME_MARGIN_MS } from "./transitions";

import { MAX_INVOICES_PER_PAYMENT } from "./limits";
const WAIT_FOR_CONCURRENT_MS = 12_000;

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
  const resumed = await resumeOpenAttempt({ invoiceIds, now });
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

async function openSession(opts: {
  applicantId: string;
  paymentId: string;
  billerReference: string;
  billerId: string;
  biller: { timeZone: string };
  settings: { apiKeyCiphertext: string; invoiceTypeId: number; customReturnSiteName: string | null };
  invoices: { invoiceNumber: string; amountDueCents: number }[];
  now: Date;
}): Promise<StartPaymentResult> {
  const { paymentId, billerReference, billerId, biller, settings, invoices, now } = opts;
  let applicant = await db.user.findUniqueOrThrow({ where: { id: opts.applicantId } });
  if (!applicant.accountNumber) {
    // Invoice Cloud's AccountNumber is generated once and kept, so it stays stable.
    applicant = await db.user.update({ where: { id: applicant.id }, data: { accountNumber: generateAccountNumber() } });
  }
  const request = buildCpv2Request({
    paymentId,
    billerReference,
    publicBaseUrl: env.PUBLIC_BASE_URL,
    now,
    billerTimeZone: biller.timeZone,
    typeId: settings.invoiceTypeId,
    customReturnSiteName: settings.customReturnSiteName,
    customer: {
      accountNumber: applicant.accountNumber!,
      name: applicant.name,
      address: applicant.address,
      city: applicant.city,
      state: applicant.state,
      zip: applicant.zip,
      email: applicant.email,
    },
    invoices,
  });
  const result = await createPaymentSession({ apiKey: decryptApiKey(billerId, settings.apiKeyCiphertext), request });
  if (!result.ok) {
    await closeAsFailed({ paymentId, billerId, reason: `${result.error.kind}: ${result.error.message}` });
    logger.warn({ paymentId, kind: result.error.kind, httpStatus: result.error.httpStatus }, "Invoice Cloud did not open a session");
    throw new UserFacingError(
      result.error.kind === "rejected" && (result.error.httpStatus ?? 0) < 500
        ? `Invoice Cloud could not start the payment (${result.error.message}). Your invoice is unchanged. Try again.`
        : "We could not reach Invoice Cloud to start the payment. Your invoice is unchanged. Try again.",
      "invoice_cloud_failed",
    );
  }
  await db.$transaction(async (tx) => {
    await tx.paymentAttempt.update({
      where: { id: paymentId },
      data: { status: "REDIRECTED", hostedPageUrl: result.cloudPaymentUrl, redirectedAt: new Date() },
    });
    await recordAuditEvent(tx, {
      type: "payment.redirected",
      actorId: opts.applicantId,
      billerId,
      attemptId: paymentId,
      data: { request: redactRequest(request), hostedPageOrigin: new URL(result.cloudPaymentUrl).origin },
    });
  });
  return { hostedPageUrl: result.cloudPaymentUrl, paymentId, resumed: false };
}

/** The request as audited: customer contact details are summarised, the reference shortened. */
function redactRequest(request: ReturnType<typeof buildCpv2Request>) {
  return {
    ...request,
    BillerReference: `${request.BillerReference.slice(0, 8)}…`,
    Customers: request.Customers.map((c) => ({ AccountNumber: c.AccountNumber, Invoices: c.Invoices })),
  };
}

async function resumeOpenAttempt(opts: { invoiceIds: string[]; now: Date }): Promise<StartPaymentResult | null> {
  const holders = await db.invoice.findMany({ where: { id: { in: opts.invoiceIds } }, select: { openAttemptId: true } });
  const attemptIds = [...new Set(holders.map((h) => h.openAttemptId).filter((id): id is string => !!id))];
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
      throw new UserFacingError(
        "A payment for this invoice is being checked by the municipality. Please do not pay again: they will contact you.",
      );
    }
    const young =
      a.expiresAt.getTime() - opts.now.getTime() > RESUME_MARGIN_MS &&
      (a.status !== "CREATED" || opts.now.getTime() - a.createdAt.getTime() < CREATED_STALE_MS);
    if (!young || (a.status !== "REDIRECTED" && a.status !== "CREATED")) continue;
    const sameSet =
      a.invoices
        .map((i) => i.invoiceId)
        .sort()
        .join() === opts.invoiceIds.join();
    if (!sameSet) {
      throw new UserFacingError(
        "Some of these invoices are already in a payment that is in progress. Finish that payment, or wait for it to expire, then try again.",
      );
    }
    if (a.status === "CREATED") return waitForConcurrentAttempt(opts);
    if (a.returnedAt) {
      // The applicant already came back from Invoice Cloud: the page may have been paid and
      // is one-time. Show the payment's status instead of sending them to pay again.
      return { hostedPageUrl: paths.portal.payment(a.id), paymentId: a.id, resumed: true };
    }
    await recordAuditEvent(db, { type: "payment.resumed", actorId: a.applicantId, billerId: a.billerId, attemptId: a.id });
    return { hostedPageUrl: a.hostedPageUrl!, paymentId: a.id, resumed: true };
  }
  return null;
}

async function waitForConcurrentAttempt(opts: { invoiceIds: string[]; now: Date }): Promise<StartPaymentResult | null> {
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

/** Creates the attempt and takes the invoices in one transaction; false when another attempt holds one. */
async function claimInvoices(opts: {
  paymentId: string;
  billerReference: string;
  billerId: string;
  applicantId: string;
  invoices: { id: string; amountDueCents: number; invoiceNumber: string }[];
  totalCents: number;
  now: Date;
}): Promise<boolean> {
  const ids = opts.invoices.map((i) => i.id);
  try {
    await db.$transaction(async (tx) => {
      // Release holds of attempts that are closed or expired.
      const holders = await tx.invoice.findMany({
        where: { id: { in: ids }, openAttemptId: { not: null } },
        select: { openAttemptId: true },
      });
      const heldBy = [...new Set(holders.map((h) => h.openAttemptId!))];
      if (heldBy.length > 0) {
        const stale = await tx.paymentAttempt.findMany({
          where: {
            id: { in: heldBy },
            // NEEDS_REVIEW keeps its hold: money may have been taken, so no second payment.
            OR: [
              { status: { in: ["PAID", "DECLINED", "FAILED", "EXPIRED"] } },
              { status: { in: ["CREATED", "REDIRECTED"] }, expiresAt: { lte: new Date(opts.now.getTime() + RESUME_MARGIN_MS) } },
              { status: "CREATED", createdAt: { lt: new Date(opts.now.getTime() - CREATED_STALE_MS) } },
            ],
          },
          select: { id: true },
        });
        await tx.invoice.updateMany({
          where: { id: { in: ids }, openAttemptId: { in: stale.map((s) => s.id) } },
          data: { openAttemptId: null },
        });
      }
      await tx.paymentAttempt.create({
        data: {
          id: opts.paymentId,
          billerId: opts.billerId,
          applicantId: opts.applicantId,
          billerReference: opts.billerReference,
          totalCents: opts.totalCents,
          expiresAt: new Date(opts.now.getTime() + env.PAYMENT_SESSION_TTL_MINUTES * 60_000),
          invoices: { create: opts.invoices.map((i) => ({ invoiceId: i.id, amountCents: i.amountDueCents })) },
        },
      });
      // The conditional update is the lock: of two concurrent presses, only one can take every row.
      const { count } = await tx.invoice.updateMany({
        where: { id: { in: ids }, status: "UNPAID", openAttemptId: null },
        data: { openAttemptId: opts.paymentId },
      });
      if (count !== ids.length) throw new ClaimLost();
      await recordAuditEvent(tx, {
        type: "payment.created",
        actorId: opts.applicantId,
        billerId: opts.billerId,
        attemptId: opts.paymentId,
        data: { invoiceNumbers: opts.invoices.map((i) => i.invoiceNumber), totalCents: opts.totalCents },
      });
    });
    return true;
  } catch (error) {
    if (error instanceof ClaimLost) return false;
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2034") return false; // serialization
    throw error;
  }
}

class ClaimLost extends Error {}

async function closeAsFailed(opts: { paymentId: string; billerId: string; reason: string }) {
  await db.$transaction(async (tx) => {
    await tx.paymentAttempt.updateMany({
      where: { id: opts.paymentId, status: "CREATED" },
      data: { status: "FAILED", failureReason: opts.reason, closedAt: new Date() },
    });
    await tx.invoice.updateMany({ where: { openAttemptId: opts.paymentId }, data: { openAttemptId: null } });
    await recordAuditEvent(tx, {
      type: "payment.failed",
      billerId: opts.billerId,
      attemptId: opts.paymentId,
      data: { reason: opts.reason },
    });
  });
}
