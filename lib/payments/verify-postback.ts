// Checks a postback against the attempt it names, before anything changes. Pure.
// Invoice Cloud signs nothing: the PostBackURL's token (postback-token.ts) proves where a notice
// came from; these checks prove it matches what we asked Invoice Cloud to collect.
import crypto from "node:crypto";
import { parseDollarsToCents } from "../money";
import type { PostbackFields } from "../cpv2/schemas";

export type AttemptForVerification = {
  billerReference: string;
  totalCents: number;
  configuredBillerGuid: string | null;
};

export type Mismatch = "BILLER_GUID_MISMATCH" | "AMOUNT_MISMATCH" | "UNREADABLE_NOTICE";
export type Verification =
  | { ok: true; approved: boolean; paidCents: number; feeCents: number }
  | { ok: false; genuine: false; reason: string }
  | { ok: false; genuine: true; mismatch: Mismatch; reason: string; paidCents: number | null };

/** Constant-time and case-insensitive (the reference is hex; an echo may change its case). */
function sameSecret(received: string, expected: string): boolean {
  const a = Buffer.from(received.trim().toLowerCase());
  const b = Buffer.from(expected.toLowerCase());
  return a.length === b.length && crypto.timingSafeEqual(a, b);
}

const sameGuid = (a: string, b: string) => a.trim().replace(/[{}]/g, "").toLowerCase() === b.trim().replace(/[{}]/g, "").toLowerCase();

export function verifyPostback(attempt: AttemptForVerification, fields: PostbackFields): Verification {
  // The reference is a 256-bit secret shared only with Invoice Cloud: without it, the sender is
  // not Invoice Cloud, and the attempt must not be touched (a forger must not block the real notice).
  if (!sameSecret(fields.BillerReference, attempt.billerReference)) {
    return { ok: false, genuine: false, reason: "BillerReference does not match this payment" };
  }
  if (attempt.configuredBillerGuid && (!fields.BillerGUID || !sameGuid(fields.BillerGUID, attempt.configuredBillerGuid))) {
    const paidCents = parseDollarsToCents(fields.PaymentAmount);
    return {
      ok: false,
      genuine: true,
      mismatch: "BILLER_GUID_MISMATCH",
      paidCents,
      reason: `BillerGUID ${fields.BillerGUID ?? "(missing)"} is not this biller's`,
    };
  }
  const approved = /^true$/i.test(fields.Approved);
  const paidCents = parseDollarsToCents(fields.PaymentAmount);
  const feeCents = fields.ConvenienceFee ? parseDollarsToCents(fields.ConvenienceFee) : 0;
  if (paidCents === null || feeCents === null) {
    return {
      ok: false,
      genuine: true,
      mismatch: "UNREADABLE_NOTICE",
      paidCents,
      reason: `PaymentAmount "${fields.PaymentAmount}" or ConvenienceFee is not an amount`,
    };
  }
  if (approved && paidCents - feeCents !== attempt.totalCents) {
    return {
      ok: false,
      genuine: true,
      mismatch: "AMOUNT_MISMATCH",
      paidCents,
      reason: `PaymentAmount ${fields.PaymentAmount} less ConvenienceFee ${fields.ConvenienceFee ?? "0"} does not equal the amount owed (${(attempt.totalCents / 100).toFixed(2)})`,
    };
  }
  return { ok: true, approved, paidCents, feeCents };
}
