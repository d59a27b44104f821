// The life of a PaymentAttempt: the whole table, and who may cause each change. Every status
// change goes through performTransition (perform-transition.ts), which refuses anything not here.
// The diagram below and the one in docs/architecture.md are checked against TRANSITIONS by a test.
//
//   CREATED --> REDIRECTED : session_opened (applicant)
//   CREATED --> FAILED : session_failed (applicant)
//   CREATED --> EXPIRED : expired (reconciliation, applicant)
//   REDIRECTED --> EXPIRED : expired (reconciliation, applicant)
//   REDIRECTED --> EXPIRED : abandoned (applicant)
//   CREATED --> EXPIRED : superseded (invoice_cloud)
//   REDIRECTED --> EXPIRED : superseded (invoice_cloud)
//   CREATED --> DECLINED : declined (invoice_cloud)
//   REDIRECTED --> DECLINED : declined (invoice_cloud)
//   CREATED --> PAID : approved (invoice_cloud)
//   REDIRECTED --> PAID : approved (invoice_cloud)
//   DECLINED --> PAID : approved (invoice_cloud)
//   EXPIRED --> PAID : approved (invoice_cloud)
//   FAILED --> PAID : approved (invoice_cloud)
//   NEEDS_REVIEW --> PAID : approved (invoice_cloud)
//   CREATED --> NEEDS_REVIEW : flagged (invoice_cloud)
//   REDIRECTED --> NEEDS_REVIEW : flagged (invoice_cloud)
//   DECLINED --> NEEDS_REVIEW : flagged (invoice_cloud)
//   EXPIRED --> NEEDS_REVIEW : flagged (invoice_cloud)
//   FAILED --> NEEDS_REVIEW : flagged (invoice_cloud)
//   PAID --> PAID : flagged (invoice_cloud)
//   NEEDS_REVIEW --> NEEDS_REVIEW : flagged (invoice_cloud)
//   NEEDS_REVIEW --> PAID : review_mark_paid (biller_admin)
//   NEEDS_REVIEW --> DECLINED : review_release (biller_admin)
//   PAID --> PAID : review_dismiss (biller_admin)
//   PAID --> PAID : refund_recorded (biller_admin)
//   PAID --> PAID : refund_reversed (biller_admin)
//
// NEEDS_REVIEW --approved--> PAID only when the review was "no postback after return" (attempts
// from before the payment-integrity change). PAID --flagged--> PAID keeps the invoices paid and
// opens a review item on the attempt (a second charge, or a notice that contradicts it); a further
// notice while a review is open is added to it (PAID or NEEDS_REVIEW --flagged--> itself).
import type { AttemptStatus } from "@prisma/client";

export type Actor = "invoice_cloud" | "applicant" | "reconciliation" | "biller_admin";
export type TransitionEvent =
  | "session_opened"
  | "session_failed"
  | "expired"
  | "abandoned"
  | "superseded"
  | "declined"
  | "approved"
  | "flagged"
  | "review_mark_paid"
  | "review_release"
  | "review_dismiss"
  | "refund_recorded"
  | "refund_reversed";

export type Transition = { from: AttemptStatus; event: TransitionEvent; to: AttemptStatus; actors: readonly Actor[] };

const LATE_APPROVABLE = ["CREATED", "REDIRECTED", "DECLINED", "EXPIRED", "FAILED"] as const satisfies readonly AttemptStatus[];

const rows = (from: readonly AttemptStatus[], event: TransitionEvent, to: AttemptStatus, actors: readonly Actor[]): Transition[] =>
  from.map((f) => ({ from: f, event, to, actors }));

export const TRANSITIONS: readonly Transition[] = [
  ...rows(["CREATED"], "session_opened", "REDIRECTED", ["applicant"]),
  ...rows(["CREATED"], "session_failed", "FAILED", ["applicant"]),
  // A session that can no longer take a payment; PAY ONLINE expires one it finds in its way.
  ...rows(["CREATED", "REDIRECTED"], "expired", "EXPIRED", ["reconciliation", "applicant"]),
  ...rows(["REDIRECTED"], "abandoned", "EXPIRED", ["applicant"]),
  ...rows(["CREATED", "REDIRECTED"], "superseded", "EXPIRED", ["invoice_cloud"]),
  ...rows(["CREATED", "REDIRECTED"], "declined", "DECLINED", ["invoice_cloud"]),
  // A verified approval means money was taken: it is never lost (see the late-notice policy).
  ...rows([...LATE_APPROVABLE, "NEEDS_REVIEW"], "approved", "PAID", ["invoice_cloud"]),
  ...rows(LATE_APPROVABLE, "flagged", "NEEDS_REVIEW", ["invoice_cloud"]),
  ...rows(["PAID", "NEEDS_REVIEW"], "flagged", "PAID", ["invoice_cloud"]).map((t) => ({ ...t, to: t.from })),
  ...rows(["NEEDS_REVIEW"], "review_mark_paid", "PAID", ["biller_admin"]),
  ...rows(["NEEDS_REVIEW"], "review_release", "DECLINED", ["biller_admin"]),
  ...rows(["PAID"], "review_dismiss", "PAID", ["biller_admin"]),
  // A refund made in Invoice Cloud, recorded here (lib/refunds/); the attempt stays PAID, its invoices
  // become REFUNDED when refunded in full. A refund recorded by mistake may be reversed once.
  ...rows(["PAID"], "refund_recorded", "PAID", ["biller_admin"]),
  ...rows(["PAID"], "refund_reversed", "PAID", ["biller_admin"]),
];

export const ATTEMPT_STATUSES = [
  "CREATED",
  "REDIRECTED",
  "PAID",
  "DECLINED",
  "FAILED",
  "EXPIRED",
  "NEEDS_REVIEW",
] as const satisfies readonly AttemptStatus[];

export const TRANSITION_EVENTS = [
  "session_opened",
  "session_failed",
  "expired",
  "abandoned",
  "superseded",
  "declined",
  "approved",
  "flagged",
  "review_mark_paid",
  "review_release",
  "review_dismiss",
  "refund_recorded",
  "refund_reversed",
] as const satisfies readonly TransitionEvent[];

/** The row for (from, event), or null when the table has none: the change is refused. */
export function findTransition(from: AttemptStatus, event: TransitionEvent): Transition | null {
  return TRANSITIONS.find((t) => t.from === from && t.event === event) ?? null;
}

export const OPEN_STATUSES = ["CREATED", "REDIRECTED"] as const satisfies readonly AttemptStatus[];

export function isOpen(status: AttemptStatus | string): boolean {
  return (OPEN_STATUSES as readonly string[]).includes(status);
}

/** How long a resumed Invoice Cloud page must still have to live to be worth resuming. */
export const RESUME_MARGIN_MS = 5 * 60 * 1000;

/**
 * Invoice Cloud may still accept a payment on a page a little after the lifetime we assume
 * (PAYMENT_SESSION_TTL_MINUTES): a REDIRECTED attempt keeps its invoices this much longer.
 */
export const SESSION_HOLD_MARGIN_MS = 15 * 60 * 1000;

/**
 * A CREATED attempt older than this never heard back from Invoice Cloud (the call times out after
 * 10 s): the process died mid-call, and no applicant was ever sent to a page. It holds nothing.
 */
export const CREATED_STALE_MS = 2 * 60 * 1000;

type HoldingAttempt = { status: AttemptStatus | string; expiresAt: Date; createdAt: Date; returnedAt?: Date | null };

/** An open attempt whose Invoice Cloud page is still worth sending the applicant back to. */
export function isResumable(attempt: HoldingAttempt, now: Date): boolean {
  if (!isOpen(attempt.status)) return false;
  if (attempt.expiresAt.getTime() - now.getTime() <= RESUME_MARGIN_MS) return false;
  return attempt.status !== "CREATED" || now.getTime() - attempt.createdAt.getTime() < CREATED_STALE_MS;
}

/**
 * When an open attempt stops holding its invoices. Until then no second session opens for them:
 * - CREATED: until it is stale (its process died before any page was shown);
 * - REDIRECTED: until its page can no longer take a payment (lifetime plus a margin);
 * - REDIRECTED and returned: also at least `returnGraceMs` after the return, since the applicant
 *   may have paid and Invoice Cloud's postback may be late. "Start again" ends that early.
 */
export function holdEndsAt(attempt: HoldingAttempt, returnGraceMs: number): Date {
  if (attempt.status === "CREATED") return new Date(attempt.createdAt.getTime() + CREATED_STALE_MS);
  const sessionEnd = attempt.expiresAt.getTime() + SESSION_HOLD_MARGIN_MS;
  const returnEnd = attempt.returnedAt ? attempt.returnedAt.getTime() + returnGraceMs : 0;
  return new Date(Math.max(sessionEnd, returnEnd));
}
