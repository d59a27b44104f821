// The PostBackURL's proof of origin. Invoice Cloud signs nothing, so the portal puts a secret in
// the one URL only Invoice Cloud is given: an HMAC-SHA256 over the payment-id, keyed by a server
// key ring (POSTBACK_SIGNING_KEYS, newest first). The newest key signs; every key verifies, so a
// key can be rotated while attempts signed with the old one are still open. Pure.
import crypto from "node:crypto";
import type { KeyRing } from "../crypto";

/** The query parameter that carries the token on PostBackURL (and nowhere else). */
export const POSTBACK_TOKEN_PARAM = "pp-token";

const mac = (key: Buffer, paymentId: string) =>
  crypto.createHmac("sha256", key).update(`permitpay.postback.v1:${paymentId.toLowerCase()}`).digest();

/** `<keyId>.<base64url HMAC>`: the key id lets an older key verify after a rotation. */
export function signPostbackToken(paymentId: string, ring: KeyRing): string {
  return `${ring.current.id}.${mac(ring.current.key, paymentId).toString("base64url")}`;
}

/** Constant-time for a token of the right shape; a malformed token is refused without hashing. */
export function verifyPostbackToken(paymentId: string, token: string, ring: KeyRing): boolean {
  const dot = token.indexOf(".");
  if (dot <= 0 || token.length > 200) return false;
  const key = ring.byId.get(token.slice(0, dot));
  if (!key) return false;
  const given = Buffer.from(token.slice(dot + 1), "base64url");
  const expected = mac(key, paymentId);
  return given.length === expected.length && crypto.timingSafeEqual(given, expected);
}
