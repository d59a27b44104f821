import type { Biller } from "./billers";
import { esc, layout, portalHeader } from "./html";
import { formatUsd, toCents } from "./money";
import type { FormErrors } from "./payform";
import type { Session } from "./types";
import { TEST_ACH, TEST_CARDS } from "./testcards";

export function siteName(session: Session, biller: Biller): string {
  return session.request.CustomReturnSiteName?.trim() || biller.dba;
}

export function invoiceTable(session: Session): string {
  const rows = session.request.Customers.flatMap((c) =>
    c.Invoices.map(
      (i) =>
        `<tr><td>${esc(i.InvoiceNumber)}</td><td>${esc(i.TypeId)}</td><td>${esc(i.DueDate)}</td><td class="num">${esc(formatUsd(toCents(i.BalanceDue) ?? 0))}</td></tr>`,
    ),
  ).join("\n");
  const fee =
    session.feeCents > 0 ? `<tr><td colspan="3">Convenience fee</td><td class="num">${esc(formatUsd(session.feeCents))}</td></tr>` : "";
  return `<table id="invoices">
<caption class="muted" style="text-align:left">Invoices</caption>
<thead><tr><th scope="col">Invoice number</th><th scope="col">Type ID</th><th scope="col">Due date</th><th scope="col" class="num">Amount</th></tr></thead>
<tbody>
${rows}
${fee}</tbody>
<tfoot><tr><td colspan="3">Total</td><td class="num" id="total">${esc(formatUsd(session.invoiceTotalCents + session.feeCents))}</td></tr></tfoot>
</table>`;
}

function customerBlock(session: Session): string {
  return session.request.Customers.map((c) => {
    const addr = [c.Address, [c.City, c.State].filter(Boolean).join(", "), c.Zip].filter(Boolean).join(", ");
    return `<dl class="customer">
<dt>Name</dt><dd>${esc(c.Name ?? "")}</dd>
<dt>Account</dt><dd id="customer-account">${esc(c.AccountNumber)}</dd>
<dt>Address</dt><dd>${esc(addr)}</dd>
${c.EmailAddress ? `<dt>Email</dt><dd>${esc(c.EmailAddress)}</dd>` : ""}
</dl>`;
  }).join("\n");
}

function field(id: string, label: string, value: string, error: string | undefined, extra = ""): string {
  const errId = `${id}-error`;
  return `<div class="field">
<label for="${id}">${esc(label)}</label>
<input type="text" id="${id}" name="${id}" value="${esc(value)}"${error ? ` aria-invalid="true" aria-describedby="${errId}"` : ""} ${extra}>
${error ? `<p class="error" id="${errId}">${esc(error)}</p>` : ""}
</div>`;
}

function testCardsBox(): string {
  const cards = TEST_CARDS.map((c) => `<li><code>${esc(c.display)}</code>: ${esc(c.description)}</li>`).join("\n");
  return `<section class="card testcards" aria-labelledby="testcards-h">
<h2 id="testcards-h">Sandbox test cards and accounts</h2>
<p class="muted">This is a sandbox: no real money moves. Use any future expiry, any 3-digit CVC and any name.</p>
<ul id="test-cards">
${cards}
<li>Bank account (ACH): routing <code>${TEST_ACH.routing}</code> with account <code>${TEST_ACH.approveAccount}</code>: Approves</li>
<li>Bank account (ACH): routing <code>${TEST_ACH.routing}</code> with account <code>${TEST_ACH.declineAccount}</code>: Declines</li>
</ul>
</section>`;
}

export function paymentPage(session: Session, biller: Biller, form: Record<string, string> = {}, errors?: FormErrors): string {
  const allowCard = session.request.AllowCCPayment === true;
  const allowAch = session.request.AllowACHPayment === true;
  const method = form.method ?? (allowCard ? "card" : "ach");
  const e = errors?.fields ?? {};
  const total = formatUsd(session.invoiceTotalCents + session.feeCents);
  const radio = (value: string, label: string, allowed: boolean) =>
    allowed
      ? `<label><input type="radio" name="method" value="${value}" id="method-${value}"${method === value ? " checked" : ""}> ${esc(label)}</label>`
      : "";
  const summary = errors
    ? `<div class="alert" role="alert" id="form-error"><strong>${esc(errors.summary ?? "Please correct the errors below")}</strong></div>`
    : "";
  const body = `
<h1>Pay ${esc(biller.dba)}</h1>
${summary}
<section class="card" aria-labelledby="cust-h"><h2 id="cust-h">Customer</h2>${customerBlock(session)}</section>
<section class="card" aria-labelledby="inv-h"><h2 id="inv-h">Invoices</h2>${invoiceTable(session)}</section>
<section class="card" aria-labelledby="pay-h"><h2 id="pay-h">Payment</h2>
<form method="post" action="/portal/access/otp/${esc(session.token)}" id="payment-form" novalidate>
<fieldset class="method-choice"><legend>Payment method</legend>
${radio("card", "Card", allowCard)}${radio("ach", "Bank account (ACH)", allowAch)}
${e.method ? `<p class="error" id="method-error">${esc(e.method)}</p>` : ""}
</fieldset>
${
  allowCard
    ? `<fieldset id="card-fields" data-method="card"><legend>Card</legend>
${field("cardNumber", "Card number", form.cardNumber ?? "", e.cardNumber, 'autocomplete="cc-number" inputmode="numeric"')}
${field("expiry", "Expiry (MM/YY)", form.expiry ?? "", e.expiry, 'autocomplete="cc-exp" placeholder="MM/YY"')}
${field("cvc", "CVC", form.cvc ?? "", e.cvc, 'autocomplete="cc-csc" inputmode="numeric"')}
${field("cardName", "Name on card", form.cardName ?? "", e.cardName, 'autocomplete="cc-name"')}
</fieldset>`
    : ""
}
${
  allowAch
    ? `<fieldset id="ach-fields" data-method="ach"><legend>Bank account (ACH)</legend>
${field("routingNumber", "Routing number", form.routingNumber ?? "", e.routingNumber, 'inputmode="numeric"')}
${field("bankAccountNumber", "Account number", form.bankAccountNumber ?? "", e.bankAccountNumber, 'inputmode="numeric"')}
${field("accountHolder", "Account holder name", form.accountHolder ?? "", e.accountHolder)}
</fieldset>`
    : ""
}
<button type="submit" id="pay-button">Pay ${esc(total)}</button>
</form>
</section>
${testCardsBox()}
<script>
(function(){var f=document.getElementById('payment-form');if(!f)return;
function sync(){var m=(f.querySelector('input[name=method]:checked')||{}).value;
f.querySelectorAll('fieldset[data-method]').forEach(function(s){s.hidden=s.getAttribute('data-method')!==m;});}
f.addEventListener('change',sync);sync();
f.addEventListener('submit',function(){var b=document.getElementById('pay-button');setTimeout(function(){b.disabled=true;},0);});})();
</script>`;
  return layout({
    title: `Pay ${biller.dba} - Invoice Cloud`,
    header: portalHeader(biller.dba, siteName(session, biller), session.request.ReturnURL),
    body,
  });
}
