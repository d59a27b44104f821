// One webhook POST: JSON body, PermitPay-Signature, a 10 s limit for the whole exchange, no
// redirects followed. With the SSRF guard on, the connection's own DNS lookup refuses private
// addresses too, so a host name that changes its answer after the check (DNS rebinding) cannot
// reach the inside. Never throws: the outcome is recorded as a delivery try.
import "server-only";
import dns from "node:dns";
import http from "node:http";
import https from "node:https";
import type { LookupFunction } from "node:net";
import { checkWebhookUrl, webhookGuardOn } from "./check-webhook-url";
import { isForbiddenAddress } from "./forbidden-address";
import { SIGNATURE_HEADER } from "./sign-webhook";

export const WEBHOOK_TIMEOUT_MS = 10_000;
const EXCERPT_CHARS = 500;

export type WebhookDelivery = { ok: boolean; statusCode: number | null; excerpt: string; durationMs: number };

const guardedLookup: LookupFunction = (hostname, options, callback) => {
  dns.lookup(hostname, { ...options, all: true }, (error, addresses) => {
    if (error) return callback(error, "", 4);
    const list = addresses as dns.LookupAddress[];
    const bad = list.find((a) => isForbiddenAddress(a.address));
    if (bad || list.length === 0) {
      const refused = Object.assign(new Error(`Refused: ${hostname} resolves to a private address`), { code: "EFORBIDDENADDRESS" });
      return callback(refused, "", 4);
    }
    if (options.all) return callback(null, list);
    const first = list[0]!;
    callback(null, first.address, first.family);
  });
};

export async function deliverWebhook(opts: {
  url: string;
  body: string;
  signature: string;
  eventId: string;
  guard?: boolean;
  timeoutMs?: number;
}): Promise<WebhookDelivery> {
  const started = performance.now();
  const done = (ok: boolean, statusCode: number | null, excerpt: string): WebhookDelivery => ({
    ok,
    statusCode,
    excerpt: excerpt.slice(0, EXCERPT_CHARS),
    durationMs: Math.round(performance.now() - started),
  });
  const guard = opts.guard ?? webhookGuardOn();
  const checked = await checkWebhookUrl(opts.url, { guard });
  if (!checked.ok) return done(false, null, `Not sent: ${checked.message}`);
  const url = checked.url;
  const client = url.protocol === "https:" ? https : http;
  const timeoutMs = opts.timeoutMs ?? WEBHOOK_TIMEOUT_MS;

  return new Promise<WebhookDelivery>((resolve) => {
    let settled = false;
    const finish = (d: WebhookDelivery) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(d);
    };
    const req = client.request(
      url,
      {
        method: "POST",
        headers: {
          "content-type": "application/json",
          "content-length": Buffer.byteLength(opts.body),
          "user-agent": "PermitPay-Webhooks/1",
          [SIGNATURE_HEADER]: opts.signature,
          "PermitPay-Event-Id": opts.eventId,
        },
        ...(guard ? { lookup: guardedLookup } : {}),
        agent: false,
      },
      (res) => {
        let text = "";
        res.setEncoding("utf8");
        res.on("data", (chunk: string) => {
          if (text.length < EXCERPT_CHARS) text += chunk;
        });
        res.on("end", () => {
          const status = res.statusCode ?? 0;
          finish(done(status >= 200 && status < 300, status, text));
        });
        res.on("error", (e) => finish(done(false, res.statusCode ?? null, `Response failed: ${e.message}`)));
      },
    );
    const timer = setTimeout(() => {
      req.destroy();
      finish(done(false, null, `No answer within ${timeoutMs / 1000} s`));
    }, timeoutMs);
    req.on("error", (e: NodeJS.ErrnoException) => finish(done(false, null, `Could not connect: ${e.code ?? ""} ${e.message}`.trim())));
    req.end(opts.body);
  });
}
