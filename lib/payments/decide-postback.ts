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
  reviewPaymentGuid: string | null;
  /** Some of its invoices are PAID by another attempt. */
  invoicesPaidElsewhere: boolean;
};

export type PostbackDecision =
  | { type: "approve" }
  | { type: "decline" }
  | { type: "flag"; kind: ReviewKind; reason: string }
  | { type: "record"; outcome: Extract<PostbackOutcome, "duplicate" | "ignored" | "rejected" | "needs_review">; reason: string };

const LATE_APPROVABLE: readonly AttemptStatus[] = ["CREATED", "REDIRECTED", "DECLINED", "EXPIRED", "FAILED"];
const norm = (guid: string | null | undefined) => (guid ?? "").trim().replace(/[{}]/g, "").toLowerCase();

export function decidePostback(attempt: AttemptNow, verdict: Verification, paymentGuid: string | null): PostbackDecision {
  if (!verdict.ok && !verdict.genuine) return { type: "record", outcome: "rejected", reason: verdict.reason };
  const guid = norm(paymentGuid);
  const seenInReview = attempt.reviewKind !== null && norm(attempt.reviewPaymentGuid) === guid;

  if (!verdict.ok) {
    // A genuine notice that contradicts what we asked Invoice Cloud to collect.
    if (seenInReview && attempt.reviewKind === verdict.mismatch)
      return { type: "record", outcome: "duplicate", reason: "Already flagged for review" };
    if (attempt.status === "NEEDS_REVIEW")
      return { type: "record", outcome: "needs_review", reason: `Already under review; also: ${verdict.reason}` };
    return { type: "flag", kind: verdict.mismatch, reason: verdict.reason };
  }

  if (!verdict.approved) {
    if (attempt.status === "CREATED" || attempt.status === "REDIRECTED") return { type: "decline" };
    if (attempt.status === "DECLINED" && norm(attempt.paymentGuid) === guid)
      return { type: "record", outcome: "duplicate", reason: "Already declined" };
    // An older decline arriving after the approval, or after the attempt closed: never undo.
    return { type: "record", outcome: "ignored", reason: `Attempt already ${attempt.status}` };
  }

  // A verified approval: money was taken. It is applied, or it opens a review; never lost.
  if (attempt.status === "PAID") {
    if (norm(attempt.paymentGuid) === guid || seenInReview) return { type: "record", outcome: "duplicate", reason: "Already applied" };
    return {
      type: "flag",
      kind: "CHARGED_TWICE",
      reason: `A second approved payment (${paymentGuid ?? "no PaymentGUID"}) arrived for a payment already paid by ${attempt.paymentGuid ?? "another payment"}`,
    };
  }
  if (attempt.status === "NEEDS_REVIEW") {
    if (seenInReview || (attempt.paymentGuid !== null && norm(attempt.paymentGuid) === guid)) {
      return { type: "record", outcome: "duplicate", reason: "Already flagged for review" };
    }
    if (attempt.reviewKind === "NO_POSTBACK_AFTER_RETURN" && !attempt.invoicesPaidElsewhere) return { type: "approve" };
    return { type: "record", outcome: "needs_review", reason: "Already under review; an approval arrived too" };
  }
  if (LATE_APPROVABLE.includes(attempt.status)) {
    if (attempt.invoicesPaidElsewhere) {
      return {
        type: "flag",
        kind: "CHARGED_TWICE",
        reason: `Charged twice: an approved payment (${paymentGuid ?? "no PaymentGUID"}) arrived for invoices another payment already paid`,
      };
    }
    return { type: "approve" };
  }
  return { type: "record", outcome: "ignored", reason: `Attempt already ${attempt.status}` };
}
