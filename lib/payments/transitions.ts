// The life of a PaymentAttempt.
//   CREATED ──Invoice Cloud gave a URL──▶ REDIRECTED ──postback Approved=True──▶ PAID
//      │                                     │ ──postback Approved=False─▶ DECLINED
//      └──Invoice Cloud failed──▶ FAILED     └──no postback before expiry─▶ EXPIRED
// A verified approval may still close a DECLINED/EXPIRED/FAILED attempt as PAID (money was taken),
// provided its invoices are still unpaid. A genuine postback that fails a check → NEEDS_REVIEW.
import type { AttemptStatus } from "@prisma/client";

export const OPEN_STATUSES = ["CREATED", "REDIRECTED"] as const satisfies readonly AttemptStatus[];
/** Closed without money taken: a verified approval may still arrive late. */
export const LATE_APPROVABLE_STATUSES = [
  "CREATED",
  "REDIRECTED",
  "DECLINED",
  "EXPIRED",
  "FAILED",
] as const satisfies readonly AttemptStatus[];

export function isOpen(status: AttemptStatus): boolean {
  return (OPEN_STATUSES as readonly AttemptStatus[]).includes(status);
}

/** How long a resumed Invoice Cloud page must still have to live to be worth resuming. */
export const RESUME_MARGIN_MS = 5 * 60 * 1000;

/**
 * A CREATED attempt older than this never heard back from Invoice Cloud (the call times out after
 * 10 s): the process died mid-call. It no longer holds its invoices.
 */
export const CREATED_STALE_MS = 2 * 60 * 1000;

/** An open attempt whose Invoice Cloud page is still worth sending the applicant back to. */
export function isResumable(attempt: { status: AttemptStatus | string; expiresAt: Date; createdAt: Date }, now: Date): boolean {
  if (attempt.status !== "REDIRECTED" && attempt.status !== "CREATED") return false;
  if (attempt.expiresAt.getTime() - now.getTime() <= RESUME_MARGIN_MS) return false;
  return attempt.status !== "CREATED" || now.getTime() - attempt.createdAt.getTime() < CREATED_STALE_MS;
}
