import type { AttemptStatus } from "@prisma/client";

export const STATUS_LABEL: Record<AttemptStatus, string> = {
  CREATED: "Starting",
  REDIRECTED: "In progress at Invoice Cloud",
  PAID: "Paid",
  DECLINED: "Declined",
  FAILED: "Could not start",
  EXPIRED: "Expired (not confirmed)",
  NEEDS_REVIEW: "Being checked by the municipality",
};
