// The late-notice policy: what a verified postback does to the attempt it names, given the
// attempt as it stands now. Pure; applyPostback performs the decision and retries on a race.
// The policy table in docs/architecture.md is this function, row by row (decide-postback.test.ts).
import type { AttemptStatus, ReviewKind } from "@prisma/client";
import type { PostbackOutcome } from "./postback-outcome";
import type { Verification } from "./verify-postback";

export type AttemptNow = {
  status: AttemptStatus;
  paymentGuid: string | null;
  reviewKind: ReviewKind | null;
  reviewReason: string | null;
  reviewPaymentGuid: string | null;
  /** The state of the first of its invoices that it may no longer pay: PAID by another attempt, CANCELLED or REFUNDED. */
  invoicesBlockedBy: "PAID" | "CANCELLED" | "REFUNDED" | null;
};

export type PostbackDecision =
  | { type: "approve" }
  | { type: "decline" }
  /** Open a review item. */
  | { type: "flag"; kind: ReviewKind; reason: string }
  /** Add this notice to the review item already open, keeping what it holds. */
  | { type: "note"; reason: string }
  | { type: "record"; outcome: Extract<PostbackOutcome, "duplicate" | "ignored" | "rejected">; reason: string };

const LATE_APPROVABLE: readonly AttemptStatus[] = ["CREATED", "REDIRECTED", "DECLINED", "EXPIRED", "FAILED"];
const norm = (guid: string | null | undefined) => (guid ?? "").trim().replace(/[{}]/g, "").toLowerCase();

export function decidePostback(attempt: AttemptNow, verdict: Verification, paymentGuid: string | null): PostbackDecision {
  if (!verdict.ok && !verdict.genuine) return { type: "record", outcome: "rejected", reason: verdict.reason };
  const guid = norm(paymentGuid);
  // A notice without a PaymentGUID never counts as one already seen.
  const same = (other: string | null) => guid !== "" && norm(other) === guid;
  const reviewOpen = attempt.reviewKind !== null;
  const seenInReview =
    reviewOpen && (same(attempt.reviewPaymentGuid) || (guid !== "" && (attempt.reviewReason ?? "").toLowerCase().includes(guid)));
  const who = paymentGuid ?? "no PaymentGUID";

  if (!verdict.ok) {
    // A genuine notice that contradicts what we asked Invoice Cloud to collect.
    if (seenInReview) return { type: "record", outcome: "duplicate", reason: "Already flagged for review" };
    if (reviewOpen || attempt.status === "NEEDS_REVIEW") return { type: "note", reason: `${verdict.reason} (PaymentGUID ${who})` };
    return { type: "flag", kind: verdict.mismatch, reason: verdict.reason };
  }

  if (!verdict.approved) {
    if (attempt.status === "CREATED" || attempt.status === "REDIRECTED") return { type: "decline" };
    if (attempt.status === "DECLINED" && same(attempt.paymentGuid))
      return { type: "record", outcome: "duplicate", reason: "Already declined" };
    // An older decline arriving after the approval, or after the attempt closed: never undo.
    return { type: "record", outcome: "ignored", reason: `Attempt already ${attempt.status}` };
  }

  // A verified approval: money was taken. It is applied, or it opens or joins a review item; never lost.
  const applied = (attempt.status === "PAID" || attempt.status === "NEEDS_REVIEW") && same(attempt.paymentGuid);
  if (applied || seenInReview) return { type: "record", outcome: "duplicate", reason: "Already applied or under review" };
  const charged = `an approved payment (${who})`;
  if (attempt.status === "PAID") {
    if (reviewOpen) return { type: "note", reason: `also ${charged}: charged again` };
    return {
      type: "flag",
      kind: "CHARGED_TWICE",
      reason: `A second approved payment (${who}) arrived for a payment already paid by ${attempt.paymentGuid ?? "another payment"}`,
    };
  }
  if (attempt.status === "NEEDS_REVIEW") {
    if (attempt.reviewKind === "NO_POSTBACK_AFTER_RETURN" && attempt.invoicesBlockedBy === null) return { type: "approve" };
    return { type: "note", reason: `also ${charged} while under review` };
  }
  if (LATE_APPROVABLE.includes(attempt.status)) {
    if (attempt.invoicesBlockedBy === "PAID") {
      return { type: "flag", kind: "CHARGED_TWICE", reason: `Charged twice: ${charged} arrived for invoices another payment already paid` };
    }
    if (attempt.invoicesBlockedBy !== null) {
      return {
        type: "flag",
        kind: "INVOICE_NOT_PAYABLE",
        reason: `${charged.charAt(0).toUpperCase()}${charged.slice(1)} arrived for an invoice that is ${attempt.invoicesBlockedBy}`,
      };
    }
    return { type: "approve" };
  }
  return { type: "note", reason: `also ${charged}` };
}
