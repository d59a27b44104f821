// Every scheduled job of the app. To add one, write a ScheduledJob beside its domain code and list it
// here: it then runs once per tick across all instances (./run-job-tick.ts), on PostgreSQL and PGlite.
import "server-only";
import { outboxJob } from "../outbox/outbox-job";
import { reconciliationJob } from "../payments/reconciliation-schedule";
import { pruneRateLimitsJob } from "../rate-limit/prune-rate-limits";
import { reviewDigestJob } from "../reviews/review-digest";
import type { ScheduledJob } from "./scheduled-job";

export const scheduledJobs: readonly ScheduledJob[] = [reconciliationJob, pruneRateLimitsJob, outboxJob, reviewDigestJob];
