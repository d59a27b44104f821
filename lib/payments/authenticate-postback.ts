// Who may post back: the holder of the PostBackURL we gave Invoice Cloud. Checked from the URL
// alone, in constant time, before any database read or write. Attempts opened before PostBackURL
// carried a token keep the old rule (BillerReference) until their session and its grace are over;
// their ids are read once per process (a set that only shrinks), never per request.
import "server-only";
import { parseKeyRing, type KeyRing } from "../crypto";
import { db } from "../db";
import { env, returnGraceMs } from "../env";
import { isUuid } from "../identifiers";
import { POSTBACK_TOKEN_PARAM, signPostbackToken, verifyPostbackToken } from "./postback-token";
import { SESSION_HOLD_MARGIN_MS } from "./transitions";

export type PostbackAuth = { ok: true; paymentId: string; signed: boolean } | { ok: false; paymentId: string | null };

let ring: KeyRing | undefined;
const keyRing = () => (ring ??= parseKeyRing(env.POSTBACK_SIGNING_KEYS));

/** The token for this attempt's PostBackURL (newest key). */
export function postbackTokenFor(paymentId: string): string {
  return signPostbackToken(paymentId, keyRing());
}

export async function authenticatePostback(url: URL, now: Date = new Date()): Promise<PostbackAuth> {
  const paymentId = url.searchParams.get("payment-id");
  if (!isUuid(paymentId)) return { ok: false, paymentId };
  const tokens = url.searchParams.getAll(POSTBACK_TOKEN_PARAM);
  if (tokens.length > 1) return { ok: false, paymentId };
  if (tokens.length === 1)
    return verifyPostbackToken(paymentId, tokens[0]!, keyRing()) ? { ok: true, paymentId, signed: true } : { ok: false, paymentId };
  return (await isLegacyAttempt(paymentId, now)) ? { ok: true, paymentId, signed: false } : { ok: false, paymentId };
}

// Pre-token attempts: id → the end of their old-rule window. Loaded once; entries only lapse.
let legacy: Promise<Map<string, number>> | undefined;

async function isLegacyAttempt(paymentId: string, now: Date): Promise<boolean> {
  const until = (await legacyAttempts()).get(paymentId.toLowerCase());
  return until !== undefined && until > now.getTime();
}

async function loadLegacyAttempts(): Promise<Map<string, number>> {
  const graceMs = returnGraceMs();
  const rows = await db.paymentAttempt.findMany({
    where: { postbackSigned: false, expiresAt: { gt: new Date(Date.now() - SESSION_HOLD_MARGIN_MS - graceMs) } },
    select: { id: true, expiresAt: true },
  });
  return new Map(rows.map((r) => [r.id.toLowerCase(), r.expiresAt.getTime() + SESSION_HOLD_MARGIN_MS + graceMs]));
}

/** Tests: forget the loaded set (as a restarted process would). */
export function resetLegacyAttemptsForTests() {
  legacy = undefined;
}

/** Start-up: load the set before the first postback arrives. */
export async function preloadLegacyAttempts() {
  await legacyAttempts();
}

/** Loaded once per process; a failed load (database down) is forgotten, so the next call tries again. */
function legacyAttempts(): Promise<Map<string, number>> {
  legacy ??= loadLegacyAttempts().catch((error: unknown) => {
    legacy = undefined;
    throw error;
  });
  return legacy;
}
