// What a receiver does with PermitPay-Signature (and what docs/webhooks.md shows): recompute the
// HMAC over "t.body" with its secret, compare in constant time with any v1, and refuse a
// timestamp more than `toleranceSeconds` (default 300) away from now, so a captured request
// cannot be replayed later.
import crypto from "node:crypto";

export type SignatureVerdict = { ok: true } | { ok: false; reason: "malformed" | "too_old" | "mismatch" };

export function verifyWebhookSignature(opts: {
  header: string | null;
  body: string;
  secret: string;
  nowSeconds?: number;
  toleranceSeconds?: number;
}): SignatureVerdict {
  const parts = (opts.header ?? "").split(",").map((p) => p.trim().split("="));
  const t = Number(parts.find(([k]) => k === "t")?.[1]);
  const candidates = parts.filter(([k, v]) => k === "v1" && v && /^[0-9a-f]{64}$/.test(v)).map(([, v]) => v as string);
  if (!Number.isInteger(t) || candidates.length === 0) return { ok: false, reason: "malformed" };
  const now = opts.nowSeconds ?? Math.floor(Date.now() / 1000);
  if (Math.abs(now - t) > (opts.toleranceSeconds ?? 300)) return { ok: false, reason: "too_old" };
  const expected = crypto.createHmac("sha256", opts.secret).update(`${t}.${opts.body}`).digest();
  const match = candidates.some((hex) => crypto.timingSafeEqual(Buffer.from(hex, "hex"), expected));
  return match ? { ok: true } : { ok: false, reason: "mismatch" };
}
