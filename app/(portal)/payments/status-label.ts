import type { AttemptStatus } from "@prisma/client";

/** Each payment status's label in the payment history: a catalogue key (portal.json). */
export const STATUS_LABEL = {
  CREATED: "history.status.CREATED",
  REDIRECTED: "history.status.REDIRECTED",
  PAID: "history.status.PAID",
  DECLINED: "history.status.DECLINED",
  FAILED: "history.status.FAILED",
  EXPIRED: "history.status.EXPIRED",
  NEEDS_REVIEW: "history.status.NEEDS_REVIEW",
} as const satisfies Record<AttemptStatus, `history.status.${AttemptStatus}`>;
