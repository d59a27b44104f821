import type { Ctx } from "./config";
import type { ApiCall } from "./types";
import { FAULT_KINDS } from "./types";
import { esc, layout } from "./html";
import { formatUsd } from "./money";

const table = (id: string, head: string[], rows: string[][]) =>
  rows.length === 0
    ? `<p class="muted" id="${id}">None yet.</p>`
    : `<table id="${id}"><thead><tr>${head.map((h) => `<th scope="col">${esc(h)}</th>`).join("")}</tr></thead>
<tbody>${rows.map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join("")}</tr>`).join("\n")}</tbody></table>`;

/** The recent create calls, newest first: a summary row, then the binding notes and the body as received. */
function callsTable(calls: readonly ApiCall[]): string {
  if (calls.length === 0) return `<p class="muted" id="calls">None yet.</p>`;
  const rows = [...calls].reverse().map((c) => {
    const fault = c.fault ? ` <span class="muted">(fault ${esc(c.fault)})</span>` : "";
    const answer =
      c.status === 200 && c.message === "SUCCESS"
        ? `<strong>200 SUCCESS</strong>${fault}`
        : `<span class="error">${esc(c.status)} ${esc(c.message)}</span>${fault}`;
    const notes =
      c.body === undefined
        ? ""
        : c.notes.length === 0
          ? `<p class="muted">No binding notes: every field as expected.</p>`
          : `<ul class="notes">${c.notes.map((n) => `<li>${esc(n)}</li>`).join("")}</ul>`;
    const body =
      c.body === undefined
        ? `<p class="muted">Body not read (the key was refused).</p>`
        : `<details><summary>Request as received</summary><pre>${esc(c.body)}</pre></details>`;
    return `<tr><td>${esc(c.at)}</td><td>${esc(c.biller ?? "(key refused)")}</td><td>${answer}</td></tr>
<tr class="call-detail"><td colspan="3">${notes}${body}</td></tr>`;
  });
  return `<table id="calls"><thead><tr><th scope="col">Time</th><th scope="col">Biller</th><th scope="col">Answer</th></tr></thead>
<tbody>${rows.join("\n")}</tbody></table>`;
}

/** GET /__sandbox: a developer dashboard (like Stripe's test-mode dashboard). */
export function devPage(ctx: Ctx): string {
  const { state } = ctx;
  const billerOptions = state.billers.map((b) => `<option value="${esc(b.billerGuid)}">${esc(b.name)}</option>`).join("");
  const sessions = [...state.sessions.values()]
    .reverse()
    .map((s) => [
      `<a href="/portal/access/otp/${esc(s.token)}">${esc(s.token.slice(0, 10))}…</a>`,
      esc(state.billers.find((b) => b.billerGuid === s.billerGuid)?.name ?? s.billerGuid),
      esc(s.status),
      esc(formatUsd(s.invoiceTotalCents + s.feeCents)),
      `<code>${esc(s.request.BillerReference.slice(0, 16))}…</code>`,
      esc(s.createdAt),
    ]);
  const payments = [...state.payments.values()]
    .reverse()
    .map((p) => [
      `<a href="/portal/receipt/${esc(p.paymentGuid)}"><code>${esc(p.paymentGuid)}</code></a>`,
      p.approved ? "Approved" : `Declined: ${esc(p.message)}`,
      esc(formatUsd(p.amountCents)),
      esc(p.faultsApplied.join(", ")),
      `<form method="post" action="/__sandbox/postbacks/${esc(p.paymentGuid)}/resend"><button type="submit">Resend postback</button></form>`,
    ]);
  const deliveries = [...state.deliveries]
    .reverse()
    .map((d) => [
      esc(d.at),
      `<code>${esc(d.paymentGuid.slice(0, 8))}</code>`,
      esc(d.kind),
      esc(d.attempt),
      d.ok ? `<strong>${esc(d.status)}</strong>` : `<span class="error">${esc(d.status ?? "")} ${esc(d.error ?? "")}</span>`,
      `<pre>${esc(d.responseBody ?? "")}</pre>`,
    ]);
  const faults = state.faults.map((f) => [
    esc(f.fault),
    esc(f.scope),
    esc(f.billerGuid ?? "any"),
    esc(f.delayMs ?? ""),
    esc(f.count ?? ""),
    `<code>${esc(f.id)}</code>`,
  ]);
  const body = `
<h1>Invoice Cloud sandbox</h1>
<p class="muted">Control API: <a href="/__sandbox/payments">/__sandbox/payments</a> · <a href="/__sandbox/calls">/__sandbox/calls</a> · <a href="/__sandbox/faults">/__sandbox/faults</a> · <a href="/__sandbox/billers">/__sandbox/billers</a></p>
<section class="card"><h2>Faults</h2>${table("faults", ["Fault", "Scope", "Biller", "delayMs", "count", "Id"], faults)}
<form method="post" action="/__sandbox/faults">
<div class="field"><label for="fault">Fault</label><select id="fault" name="fault">${FAULT_KINDS.map((k) => `<option>${k}</option>`).join("")}</select></div>
<div class="field"><label for="scope">Scope</label><select id="scope" name="scope"><option value="next">next (once)</option><option value="biller">biller (until cleared)</option></select></div>
<div class="field"><label for="billerGuid">Biller</label><select id="billerGuid" name="billerGuid"><option value="">any (scope next only)</option>${billerOptions}</select></div>
<div class="field"><label for="delayMs">delayMs (optional)</label><input type="text" id="delayMs" name="delayMs" inputmode="numeric"></div>
<div class="field"><label for="count">count (optional)</label><input type="text" id="count" name="count" inputmode="numeric"></div>
<div class="field"><label for="message">message (api_error_message, optional)</label><input type="text" id="message" name="message"></div>
<button type="submit">Add fault</button></form>
<form method="post" action="/__sandbox/faults/clear" style="margin-top:.75rem"><button type="submit">Clear all faults</button></form>
</section>
<section class="card"><h2>Create calls</h2><p class="muted">The most recent <code>POST /cloudpaymentsapi/v2</code> calls, newest first, with how each request was read (<a href="/__sandbox/calls">/__sandbox/calls</a>).</p>${callsTable(state.apiCalls)}</section>
<section class="card"><h2>Sessions</h2>${table("sessions", ["Link", "Biller", "Status", "Total", "BillerReference", "Created"], sessions)}</section>
<section class="card"><h2>Payments</h2>${table("payments", ["Payment GUID", "Outcome", "Amount", "Faults", ""], payments)}</section>
<section class="card"><h2>Postback deliveries</h2>${table("deliveries", ["Time", "Payment", "Kind", "Attempt", "Result", "Response body"], deliveries)}</section>
<form method="post" action="/__sandbox/reset"><button type="submit">Reset sandbox</button></form>`;
  return layout({ title: "Invoice Cloud sandbox", body });
}
