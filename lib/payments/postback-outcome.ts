// What the postback route tells Invoice Cloud, and the verdict stored on its receipt.
import type { PostbackVerdict } from "@prisma/client";

export type PostbackOutcome = PostbackVerdict;
export type PostbackResult = { outcome: PostbackOutcome; reason?: string };

/** 2xx stops Invoice Cloud's retries: a notice that is applied, a repeat, or already recorded. */
export const POSTBACK_HTTP_STATUS: Record<PostbackOutcome, number> = {
  paid: 200,
  declined: 200,
  duplicate: 200,
  ignored: 200,
  unknown: 404,
  rejected: 403,
  needs_review: 422,
  malformed: 400,
};
