import { randomUUID } from "node:crypto";
import type { Ctx } from "./config";
import { formatEastern } from "./dates";
import { centsToDecimal } from "./money";
import type { Delivery, Payment, Session } from "./types";
import { later } from "./store";

/** The 18 postback fields, in Invoice Cloud's order. */
export const POSTBACK_FIELDS = [
  "BillerGUID",
  "PaymentDate",
  "InvoiceNumber",
  "Approved",
  "CustomerName",
  "CustomerAddress",
  "CustomerCity",
  "CustomerState",
  "CustomerZip",
  "PaymentGUID",
  "PaymentAmount",
  "PaymentDescription",
  "PaymentTypeID",
  "CardType",
  "PaymentMessage",
  "BillerReference",
  "ConvenienceFee",
  "RemoteIP",
] as const;
export type PostbackFields = Record<(typeof POSTBACK_FIELDS)[number], string>;

export function postbackFields(p: Payment, s: Session): PostbackFields {
  const c = s.request.Customers[0];
  const list = p.invoiceNumbers.join(",");
  return {
    BillerGUID: p.billerGuid,
    PaymentDate: formatEastern(new Date(p.createdAt)),
    InvoiceNumber: list,
    Approved: p.approved ? "True" : "False",
    CustomerName: c?.Name ?? "",
    CustomerAddress: c?.Address ?? "",
    CustomerCity: c?.City ?? "",
    CustomerState: c?.State ?? "",
    CustomerZip: c?.Zip ?? "",
    PaymentGUID: p.paymentGuid,
    PaymentAmount: centsToDecimal(p.postedAmountCents),
    PaymentDescription: `Payment for invoice${p.invoiceNumbers.length > 1 ? "s" : ""} ${list}`,
    PaymentTypeID: p.method === "card" ? "1" : "2",
    CardType: p.cardType,
    PaymentMessage: p.message,
    BillerReference: p.billerReference,
    ConvenienceFee: centsToDecimal(p.feeCents),
    RemoteIP: p.remoteIp,
  };
}

export interface ChainOptions {
  paymentGuid: string;
  kind: string;
  url: string;
  fields: Record<string, string>;
  /** Retry on failure using config.postbackRetryMs. */
  retry: boolean;
  /** The first N attempts are "lost" without being sent (postback_fail_first). */
  lostAttempts?: number;
}

/**
 * The PostBackURL exactly as the client gave it, query string included (the app may add its own
 * parameters, e.g. a token beside payment-id). With postbackInQuery the fields are appended to the
 * text as it is: re-serialising through URLSearchParams would re-encode the client's own parameters.
 */
function targetUrl(ctx: Ctx, url: string, fields: Record<string, string>): string {
  if (!ctx.config.postbackInQuery) return url;
  const hash = url.indexOf("#");
  const base = hash >= 0 ? url.slice(0, hash) : url;
  const sep = !base.includes("?") ? "?" : base.endsWith("?") || base.endsWith("&") ? "" : "&";
  return `${base}${sep}${new URLSearchParams(fields).toString()}${hash >= 0 ? url.slice(hash) : ""}`;
}

async function attempt(ctx: Ctx, opts: ChainOptions, chainId: string, n: number): Promise<Delivery> {
  const url = targetUrl(ctx, opts.url, opts.fields);
  const d: Delivery = {
    id: `dlv_${randomUUID()}`,
    paymentGuid: opts.paymentGuid,
    kind: opts.kind,
    chainId,
    attempt: n,
    url,
    at: new Date().toISOString(),
    ok: false,
    fields: { ...opts.fields },
  };
  if (n <= (opts.lostAttempts ?? 0)) {
    d.error = "lost in transit (fault postback_fail_first); not sent";
  } else {
    try {
      const res = await fetch(url, {
        method: "POST",
        redirect: "manual",
        headers: { "Content-Type": "application/x-www-form-urlencoded", "User-Agent": "InvoiceCloud-Sandbox/1.0" },
        body: new URLSearchParams(opts.fields).toString(),
        signal: AbortSignal.timeout(ctx.config.postbackTimeoutMs),
      });
      d.status = res.status;
      d.responseBody = (await res.text()).slice(0, 500);
      d.ok = res.status >= 200 && res.status < 300;
      if (res.status >= 300 && res.status < 400) {
        d.error = `redirect to ${res.headers.get("location") ?? "(no Location)"}: postbacks never follow redirects`;
      } else if (!d.ok) d.error = `HTTP ${res.status}`;
    } catch (err) {
      const e = err as Error & { cause?: { code?: string } };
      d.error =
        e.name === "TimeoutError"
          ? `timeout after ${ctx.config.postbackTimeoutMs} ms`
          : `${e.message}${e.cause?.code ? ` (${e.cause.code})` : ""}`;
    }
  }
  ctx.state.deliveries.push(d);
  ctx.log.info(
    { event: "postback", paymentGuid: d.paymentGuid, kind: d.kind, attempt: n, status: d.status, ok: d.ok, error: d.error },
    "postback attempt",
  );
  const delay = ctx.config.postbackRetryMs[n - 1];
  if (!d.ok && opts.retry && delay !== undefined) {
    later(ctx.state, delay, () => void attempt(ctx, opts, chainId, n + 1));
  }
  return d;
}

/** Delivers one postback; resolves with the first attempt. Retries (if any) run in the background. */
export function deliver(ctx: Ctx, opts: ChainOptions): Promise<Delivery> {
  return attempt(ctx, opts, `chn_${randomUUID()}`, 1);
}
