// The Invoice Cloud call of PAY ONLINE: build the CPV2 request, open the session with the
// biller's decrypted key, and record the outcome on the attempt.
import "server-only";
import { buildCpv2Request } from "../cpv2/build-request";
import { createPaymentSession } from "../cpv2/client";
import { db } from "../db";
import { env } from "../env";
import { UserFacingError } from "../errors";
import { msg, type Text } from "../i18n/message";
import { generateAccountNumber } from "../identifiers";
import { logger } from "../logger";
import { decryptApiKey } from "../secrets";
import { postbackTokenFor } from "./authenticate-postback";
import { performTransition } from "./perform-transition";
import { POSTBACK_TOKEN_PARAM } from "./postback-token";
import type { StartPaymentResult } from "./start-payment-result";

/** Invoice Cloud refused or could not be reached; startPayment closes the attempt (one place). */
export class InvoiceCloudRefused extends Error {
  constructor(
    readonly reason: string,
    /** What the applicant reads: a catalogue key (portal.errors.*) with parameters. */
    readonly userMessage: Text,
  ) {
    super(reason);
  }
}

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
    postbackToken: postbackTokenFor(paymentId),
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
    logger.warn({ paymentId, kind: result.error.kind, httpStatus: result.error.httpStatus }, "Invoice Cloud did not open a session");
    throw new InvoiceCloudRefused(
      `${result.error.kind}: ${result.error.message}`,
      result.error.kind === "rejected" && (result.error.httpStatus ?? 0) < 500
        ? msg("portal.errors.invoiceCloudRejected", { detail: result.error.message })
        : msg("portal.errors.invoiceCloudUnreachable"),
    );
  }
  // Only from CREATED: a late approval or an expiry that closed the attempt meanwhile is not undone.
  const opened = await db.$transaction((tx) =>
    performTransition(tx, {
      attemptId: paymentId,
      billerId,
      from: "CREATED",
      event: "session_opened",
      actor: "applicant",
      actorId: opts.applicantId,
      now: new Date(),
      set: { hostedPageUrl: result.cloudPaymentUrl, redirectedAt: new Date() },
      audit: { request: redactRequest(request), hostedPageOrigin: new URL(result.cloudPaymentUrl).origin },
    }),
  );
  if (!opened) {
    throw new UserFacingError("portal.errors.closedWhileOpening");
  }
  return { hostedPageUrl: result.cloudPaymentUrl, paymentId, resumed: false };
}

/** The request as audited: customer contact details summarised, the reference shortened, the token gone. */
function redactRequest(request: ReturnType<typeof buildCpv2Request>) {
  const postBack = new URL(request.PostBackURL);
  postBack.searchParams.delete(POSTBACK_TOKEN_PARAM);
  return {
    ...request,
    PostBackURL: postBack.toString(),
    BillerReference: `${request.BillerReference.slice(0, 8)}…`,
    Customers: request.Customers.map((c) => ({ AccountNumber: c.AccountNumber, Invoices: c.Invoices })),
  };
}
