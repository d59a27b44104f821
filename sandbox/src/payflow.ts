import { randomBytes, randomUUID } from "node:crypto";
import type { Biller } from "./billers";
import type { Ctx } from "./config";
import { FAULT_DEFAULTS, takePostbackFaults } from "./faults";
import { centsToDecimal } from "./money";
import type { ValidPayment } from "./payform";
import { deliver, postbackFields } from "./postback";
import { formatEastern } from "./dates";
import type { Payment, Session } from "./types";
import { later, sleep } from "./store";
import { ACH_DECLINE_MESSAGE, DECLINE_MESSAGE, cardBrand } from "./testcards";

/**
 * Charges a session. The caller has already set session.status = 'processing'
 * and session.paymentGuid synchronously, so a double submit cannot charge twice.
 * Resolves once the first postback attempt has completed (or was deferred by a fault).
 */
export async function processPayment(ctx: Ctx, session: Session, biller: Biller, input: ValidPayment, ip: string): Promise<Payment> {
  const paymentGuid = session.paymentGuid ?? randomUUID();
  const amountCents = session.invoiceTotalCents + session.feeCents;
  if (input.method === "card" && input.outcome === "delay") await sleep(ctx.state, ctx.config.delayedCardMs);
  const approved = input.method === "card" ? input.outcome !== "decline" : input.approve;
  const payment: Payment = {
    paymentGuid,
    token: session.token,
    billerGuid: biller.billerGuid,
    billerReference: session.request.BillerReference,
    approved,
    message: approved ? "Approved" : input.method === "card" ? DECLINE_MESSAGE : ACH_DECLINE_MESSAGE,
    method: input.method,
    cardType: input.method === "card" ? cardBrand(input.number) : "ACH",
    last4: input.method === "card" ? input.number.slice(-4) : input.account.slice(-4),
    amountCents,
    feeCents: session.feeCents,
    postedAmountCents: input.method === "card" && input.outcome === "wrong_amount" ? amountCents + 100 : amountCents,
    createdAt: new Date().toISOString(),
    remoteIp: ip,
    invoiceNumbers: session.request.Customers.flatMap((c) => c.Invoices.map((i) => i.InvoiceNumber)),
    faultsApplied: [],
  };
  ctx.state.payments.set(paymentGuid, payment);
  session.status = approved ? "paid" : "declined";
  ctx.log.info({ event: "payment", paymentGuid, biller: biller.name, billerGuid: biller.billerGuid, approved }, "payment processed");
  await sendPostbacks(ctx, payment, session);
  return payment;
}

async function sendPostbacks(ctx: Ctx, payment: Payment, session: Session): Promise<void> {
  const faults = takePostbackFaults(ctx.state, payment.billerGuid);
  payment.faultsApplied = [...faults.keys()];
  const fields = postbackFields(payment, session);
  const url = session.request.PostBackURL;
  const base = { paymentGuid: payment.paymentGuid, url };
  const failFirst = faults.get("postback_fail_first");
  const lostAttempts = failFirst ? (failFirst.count ?? FAULT_DEFAULTS.failFirstCount) : 0;

  const extras = async (): Promise<void> => {
    const dup = faults.get("postback_duplicate");
    const copies = dup ? Math.max(2, dup.count ?? FAULT_DEFAULTS.duplicateCount) - 1 : 0;
    for (let i = 0; i < copies; i++) await deliver(ctx, { ...base, kind: "duplicate", fields, retry: true });
    if (faults.has("postback_out_of_order")) {
      // An OLDER event (an earlier declined attempt on the same session) arriving AFTER the real one.
      const older = {
        ...fields,
        Approved: "False",
        PaymentGUID: randomUUID(),
        PaymentMessage: DECLINE_MESSAGE,
        PaymentDate: formatEastern(new Date(Date.parse(payment.createdAt) - 60_000)),
      };
      await deliver(ctx, { ...base, kind: "out_of_order", fields: older, retry: true });
    }
    // A forger is not Invoice Cloud: it never saw the PostBackURL. It builds one from what a payer
    // sees, the ReturnURL's query string on the PostBackURL's path (see docs/sandbox.md).
    const forgedUrl = payerVisiblePostbackUrl(session.request.PostBackURL, session.request.ReturnURL);
    const forged = (kind: string, over: Record<string, string>) =>
      deliver(ctx, { ...base, url: forgedUrl, kind, fields: { ...fields, PaymentGUID: randomUUID(), ...over }, retry: false });
    if (faults.has("forged_unknown_reference")) {
      await forged("forged_unknown_reference", { BillerReference: randomBytes(32).toString("hex") });
    }
    if (faults.has("forged_wrong_biller_guid")) await forged("forged_wrong_biller_guid", { BillerGUID: randomUUID() });
    if (faults.has("forged_wrong_amount")) {
      const cents = payment.amountCents > 1 ? 1 : payment.amountCents + 1000;
      await forged("forged_wrong_amount", { PaymentAmount: centsToDecimal(cents) });
    }
  };
  const real = async (): Promise<void> => {
    if (!faults.has("postback_drop")) await deliver(ctx, { ...base, kind: "real", fields, retry: true, lostAttempts });
    await extras();
  };

  const afterReturn = faults.get("postback_after_return");
  const delay = faults.get("postback_delay");
  if (afterReturn) {
    const delayMs = afterReturn.delayMs ?? FAULT_DEFAULTS.afterReturnMs;
    let fired = false;
    const fire = () => {
      if (fired) return;
      fired = true;
      ctx.state.deferred.delete(payment.paymentGuid);
      later(ctx.state, delayMs, () => void real());
    };
    ctx.state.deferred.set(payment.paymentGuid, fire);
    later(ctx.state, FAULT_DEFAULTS.afterReturnFallbackMs, fire);
  } else if (delay) {
    later(ctx.state, delay.delayMs ?? FAULT_DEFAULTS.postbackDelayMs, () => void real());
  } else {
    await real();
  }
}

/** Re-sends a payment's postback (like `stripe events resend`). */
export async function resendPostback(ctx: Ctx, paymentGuid: string) {
  const payment = ctx.state.payments.get(paymentGuid);
  const session = payment ? ctx.state.sessions.get(payment.token) : undefined;
  if (!payment || !session) return undefined;
  return deliver(ctx, {
    paymentGuid,
    url: session.request.PostBackURL,
    kind: "resend",
    fields: postbackFields(payment, session),
    retry: true,
  });
}

/** The postback URL a payer could guess: the PostBackURL's path with the ReturnURL's query (its payment-id). */
export function payerVisiblePostbackUrl(postBackUrl: string, returnUrl: string): string {
  const target = new URL(postBackUrl);
  return `${target.origin}${target.pathname}${new URL(returnUrl).search}`;
}
