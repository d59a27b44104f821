// The PermitPay-Signature header, Stripe-style: t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.body">.
// While a rolled secret's predecessor is still valid, one v1 per secret, newest first, so a
// receiver holding either secret verifies.
import crypto from "node:crypto";

export const SIGNATURE_HEADER = "PermitPay-Signature";

export function signWebhook({ body, secrets, timestamp }: { body: string; secrets: readonly string[]; timestamp: number }): string {
  if (secrets.length === 0) throw new Error("No webhook secret to sign with");
  const t = Math.floor(timestamp);
  const signatures = secrets.map((secret) => `v1=${crypto.createHmac("sha256", secret).update(`${t}.${body}`).digest("hex")}`);
  return [`t=${t}`, ...signatures].join(",");
}
