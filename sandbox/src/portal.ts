import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { RequestInfo } from "./api";
import type { Ctx } from "./config";
import { esc, messagePage } from "./html";
import { BodyTooLargeError, formToObject, readBody, redirect, remoteIp, sendHtml } from "./http";
import { paymentPage } from "./pages";
import { validatePaymentForm } from "./payform";
import { processPayment } from "./payflow";
import { processingPage, receiptPage } from "./receipt";
import type { Session } from "./types";
import { findBillerByGuid, refreshStatus } from "./store";

const receiptLink = (guid: string | undefined) =>
  guid ? `<p><a class="button" id="view-receipt" href="/portal/receipt/${esc(guid)}">View receipt</a></p>` : "";

/** Renders the page for a session that cannot be paid; returns true if it did. */
function unusable(ctx: Ctx, session: Session | undefined, res: ServerResponse): boolean {
  if (!session) {
    sendHtml(res, 404, messagePage("Payment link not found", "This payment link is not valid. Return to the portal and start again."));
    return true;
  }
  const status = refreshStatus(session, new Date());
  if (status === "expired") {
    sendHtml(
      res,
      410,
      messagePage("This payment link has expired", "This payment link has expired. Return to the portal and start the payment again."),
    );
    return true;
  }
  if (status === "processing") {
    sendHtml(res, 409, messagePage("Payment in progress", "This payment is already being processed.", receiptLink(session.paymentGuid)));
    return true;
  }
  if (status === "paid" || status === "declined") {
    const what =
      status === "paid"
        ? "This invoice has already been paid: this payment link was already used."
        : "This payment link was already used (the payment was declined). Return to the portal and start again.";
    sendHtml(res, 409, messagePage(status === "paid" ? "Already paid" : "Link already used", what, receiptLink(session.paymentGuid)));
    return true;
  }
  return false;
}

export function handlePaymentPage(ctx: Ctx, token: string, res: ServerResponse, info: RequestInfo): void {
  const session = ctx.state.sessions.get(token);
  if (unusable(ctx, session, res) || !session) return;
  const biller = findBillerByGuid(ctx.state, session.billerGuid);
  if (!biller) return sendHtml(res, 404, messagePage("Biller not found", "The biller for this payment no longer exists."));
  info.biller = { name: biller.name, billerGuid: biller.billerGuid };
  sendHtml(res, 200, paymentPage(session, biller));
}

export async function handlePaymentSubmit(
  ctx: Ctx,
  token: string,
  req: IncomingMessage,
  res: ServerResponse,
  info: RequestInfo,
): Promise<void> {
  let raw: string;
  try {
    raw = await readBody(req);
  } catch (err) {
    if (err instanceof BodyTooLargeError) return sendHtml(res, 413, messagePage("Too large", "The form was too large."));
    throw err;
  }
  const session = ctx.state.sessions.get(token);
  if (unusable(ctx, session, res) || !session) return;
  const biller = findBillerByGuid(ctx.state, session.billerGuid);
  if (!biller) return sendHtml(res, 404, messagePage("Biller not found", "The biller for this payment no longer exists."));
  info.biller = { name: biller.name, billerGuid: biller.billerGuid };
  const form = formToObject(raw);
  const allowed = { card: session.request.AllowCCPayment === true, ach: session.request.AllowACHPayment === true };
  const result = validatePaymentForm(form, allowed, new Date());
  if (!result.ok) {
    const safeForm = { ...form, cvc: "" };
    return sendHtml(res, 422, paymentPage(session, biller, safeForm, result.errors));
  }
  // Single use: claim the session synchronously, before any await.
  session.status = "processing";
  session.paymentGuid = randomUUID();
  try {
    const payment = await processPayment(ctx, session, biller, result.value, remoteIp(req));
    redirect(res, `/portal/receipt/${payment.paymentGuid}`);
  } catch (err) {
    // Nothing was charged if no payment was recorded: let the applicant try again.
    if (session.paymentGuid && !ctx.state.payments.has(session.paymentGuid)) session.status = "open";
    throw err;
  }
}

export function handleReceipt(ctx: Ctx, guid: string, res: ServerResponse, info: RequestInfo): void {
  const payment = ctx.state.payments.get(guid);
  if (!payment) {
    const pending = [...ctx.state.sessions.values()].find((s) => s.paymentGuid === guid && s.status === "processing");
    if (pending) return sendHtml(res, 200, processingPage(guid));
    return sendHtml(res, 404, messagePage("Receipt not found", "No payment has this id."));
  }
  const session = ctx.state.sessions.get(payment.token);
  const biller = findBillerByGuid(ctx.state, payment.billerGuid);
  if (!session || !biller) return sendHtml(res, 404, messagePage("Receipt not found", "No payment has this id."));
  info.biller = { name: biller.name, billerGuid: biller.billerGuid };
  if (!payment.receiptViewedAt) {
    payment.receiptViewedAt = new Date().toISOString();
    ctx.state.deferred.get(guid)?.();
  }
  sendHtml(res, 200, receiptPage(payment, session, biller));
}
