import type { Biller } from "./billers";
import { formatHuman } from "./dates";
import { esc, layout, portalHeader } from "./html";
import { formatUsd } from "./money";
import { invoiceTable, siteName } from "./pages";
import type { Payment, Session } from "./types";

export function methodText(p: Payment): string {
  return p.method === "card" ? `${p.cardType} ending ${p.last4}` : `Bank account ending ${p.last4}`;
}

/** Invoice Cloud style receipt; "Return to Home Page" leads to ReturnURL unchanged. */
export function receiptPage(payment: Payment, session: Session, biller: Biller): string {
  const heading = payment.approved ? "Payment receipt" : "Payment declined";
  const status = payment.approved
    ? `<div class="ok" role="status"><strong>Thank you. Your payment to ${esc(biller.dba)} was approved.</strong></div>`
    : `<div class="alert" role="alert" id="decline-message"><strong>${esc(payment.message)}</strong></div>`;
  const body = `
<h1 id="receipt-heading">${heading}</h1>
${status}
<section class="card" aria-labelledby="details-h"><h2 id="details-h">Details</h2>
<dl id="receipt-details">
<dt>Biller</dt><dd>${esc(biller.dba)}</dd>
<dt>${payment.approved ? "Amount paid" : "Amount"}</dt><dd id="amount-paid">${esc(formatUsd(payment.amountCents))}</dd>
<dt>Date</dt><dd>${esc(formatHuman(new Date(payment.createdAt)))}</dd>
<dt>Method</dt><dd id="payment-method">${esc(methodText(payment))}</dd>
<dt>Payment GUID</dt><dd id="payment-guid"><code>${esc(payment.paymentGuid)}</code></dd>
<dt>Reference</dt><dd><code>${esc(payment.billerReference)}</code></dd>
</dl>
</section>
<section class="card" aria-labelledby="inv-h"><h2 id="inv-h">Invoices</h2>${invoiceTable(session)}</section>
<p><a class="button" id="return-home" href="${esc(session.request.ReturnURL)}">Return to Home Page</a></p>`;
  return layout({
    title: `${heading} - ${biller.dba} - Invoice Cloud`,
    header: portalHeader(biller.dba, siteName(session, biller), session.request.ReturnURL),
    body,
  });
}

export function processingPage(paymentGuid: string): string {
  return layout({
    title: "Processing payment - Invoice Cloud",
    body: `<section class="card"><h1>Processing your payment</h1><p role="status">Please wait: this page refreshes automatically.</p>
<p><a href="/portal/receipt/${esc(paymentGuid)}">Refresh</a></p></section>
<meta http-equiv="refresh" content="1">`,
  });
}
