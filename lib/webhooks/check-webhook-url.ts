// The SSRF guard for a webhook URL, at save time and again before every send. With the guard on
// (production, unless WEBHOOK_ALLOW_PRIVATE_NETWORK is set for an on-premises permit system),
// only https:// is accepted, and every address the host name resolves to must be public.
import "server-only";
import dns from "node:dns/promises";
import net from "node:net";
import { env } from "../env";
import { isForbiddenAddress } from "./forbidden-address";

export type UrlCheck = { ok: true; url: URL } | { ok: false; message: string };

export const webhookGuardOn = () => env.NODE_ENV === "production" && !env.WEBHOOK_ALLOW_PRIVATE_NETWORK;

export async function checkWebhookUrl(raw: string, opts: { guard?: boolean } = {}): Promise<UrlCheck> {
  const guard = opts.guard ?? webhookGuardOn();
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return { ok: false, message: "Enter the endpoint URL in the right format, like https://permits.example.org/hooks/permitpay" };
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") return { ok: false, message: "Enter a URL that starts with https://" };
  if (url.username || url.password) return { ok: false, message: "Enter a URL without a user name or password in it" };
  if (!guard) return { ok: true, url };
  if (url.protocol !== "https:") return { ok: false, message: "Enter a URL that starts with https://" };
  const host = url.hostname.replace(/^\[(.*)\]$/, "$1");
  let addresses: string[];
  if (net.isIP(host)) addresses = [host];
  else {
    try {
      addresses = (await dns.lookup(host, { all: true, verbatim: true })).map((a) => a.address);
    } catch {
      return { ok: false, message: `The host name ${host} could not be found. Check the URL` };
    }
  }
  if (addresses.length === 0 || addresses.some(isForbiddenAddress)) {
    return { ok: false, message: "Enter a URL on the public internet: PermitPay does not send webhooks to private or internal addresses" };
  }
  return { ok: true, url };
}
