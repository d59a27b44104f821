// The SSRF guard for a webhook URL, at save time and again before every send. With the guard on
// (production, unless WEBHOOK_ALLOW_PRIVATE_NETWORK is set for an on-premises permit system),
// only https:// is accepted, and every address the host name resolves to must be public.
import "server-only";
import dns from "node:dns/promises";
import net from "node:net";
import { english } from "../api/english";
import { env } from "../env";
import { msg, type Text } from "../i18n/message";
import { isForbiddenAddress } from "./forbidden-address";

/** `text` is what the admin reads (a catalogue key); `message` its English, for delivery records. */
export type UrlCheck = { ok: true; url: URL } | { ok: false; text: Text; message: string };

const refuse = (text: Text): UrlCheck => ({ ok: false, text, message: english(text) });

export const webhookGuardOn = () => env.NODE_ENV === "production" && !env.WEBHOOK_ALLOW_PRIVATE_NETWORK;

export async function checkWebhookUrl(raw: string, opts: { guard?: boolean } = {}): Promise<UrlCheck> {
  const guard = opts.guard ?? webhookGuardOn();
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return refuse("admin.webhooks.errors.urlFormat");
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") return refuse("admin.webhooks.errors.https");
  if (url.username || url.password) return refuse("admin.webhooks.errors.credentials");
  if (!guard) return { ok: true, url };
  if (url.protocol !== "https:") return refuse("admin.webhooks.errors.https");
  const host = url.hostname.replace(/^\[(.*)\]$/, "$1");
  let addresses: string[];
  if (net.isIP(host)) addresses = [host];
  else {
    try {
      addresses = (await dns.lookup(host, { all: true, verbatim: true })).map((a) => a.address);
    } catch {
      return refuse(msg("admin.webhooks.errors.hostNotFound", { host }));
    }
  }
  if (addresses.length === 0 || addresses.some(isForbiddenAddress)) {
    return refuse("admin.webhooks.errors.private");
  }
  return { ok: true, url };
}
