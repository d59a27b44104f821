// The Invoice Cloud call of PAY ONLINE: build the CPV2 request, open the session with the
// biller's decrypted key, and record the outcome on the attempt.
import "server-only";
import { recordAuditEvent } from "../audit/record-audit-event";
import { buildCpv2Request } from "../cpv2/build-request";
import { createPaymentSession } from "../cpv2/client";
import { db } from "../db";
import { env } from "../env";
import { UserFacingError } from "../errors";
import { generateAccountNumber } from "../identifiers";
import { logger } from "../logger";
import { decryptApiKey } from "../secrets";
import { closeAsFailed } from "./claim-invoices";
import type { StartPaymentResult } from "./start-payment";

export async function openSession(opts: {
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
