// The daily digest of overdue review items: once per biller per business day (in its time zone,
// from 08:00), each of its admins is emailed the review items open longer than
// REVIEW_DUE_BUSINESS_DAYS, through the outbox (retried like every email, in each admin's
// language). The event id is derived from the biller and the day, so a second run that day (on
// any instance) finds it and sends nothing.
import "server-only";
import crypto from "node:crypto";
import { env } from "../env";
import type { ScheduledJob } from "../jobs/scheduled-job";
import type { ReviewDigestEmailProps } from "../mail/templates/review-digest-email";
import { RETRY_WINDOW_MS } from "../outbox/retry-schedule";
import { absoluteUrl, paths } from "../paths";
import type { Db } from "../prisma-client";
import { businessDaysBetween, zonedDay } from "../reports/zoned-day";
import { OPEN_REVIEW, REVIEW_DUE_BUSINESS_DAYS, reviewSince } from "./open-reviews";

const SEND_FROM_LOCAL_HOUR = 8;
const MAX_ITEMS = 50;

/** A stable UUID for (biller, day): the digest's event id. */
export function digestEventId(billerId: string, day: string): string {
  const h = crypto.createHash("sha256").update(`review-digest:${billerId}:${day}`).digest("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${((parseInt(h.slice(16, 18), 16) & 0x3f) | 0x80).toString(16)}${h.slice(18, 20)}-${h.slice(20, 32)}`;
}

function localHour(now: Date, timeZone: string): number {
  return Number(new Intl.DateTimeFormat("en-CA", { timeZone, hour: "numeric", hourCycle: "h23" }).format(now));
}

/** `billerIds` narrows the run to some billers (every biller when absent). */
export async function sendReviewDigests({ db, now, billerIds }: { db: Db; now: Date; billerIds?: string[] }) {
  const open = await db.paymentAttempt.findMany({
    where: { ...OPEN_REVIEW, ...(billerIds ? { billerId: { in: billerIds } } : {}) },
    select: {
      id: true,
      billerId: true,
      totalCents: true,
      reviewNoticeAt: true,
      closedAt: true,
      createdAt: true,
      applicant: { select: { name: true } },
      biller: { select: { name: true, timeZone: true } },
    },
  });
  const byBiller = new Map<string, { biller: { name: string; timeZone: string }; items: ReviewDigestEmailProps["items"] }>();
  for (const a of open) {
    const since = reviewSince(a);
    const businessDays = businessDaysBetween(since, now, a.biller.timeZone);
    if (businessDays <= REVIEW_DUE_BUSINESS_DAYS) continue;
    const entry = byBiller.get(a.billerId) ?? { biller: a.biller, items: [] };
    entry.items.push({
      applicantName: a.applicant.name,
      amountCents: a.totalCents,
      since: since.toISOString(),
      businessDays,
      reviewUrl: absoluteUrl(env.PUBLIC_BASE_URL, paths.admin.payment(a.id)),
    });
    byBiller.set(a.billerId, entry);
  }
  let emails = 0;
  let billers = 0;
  for (const [billerId, { biller, items }] of byBiller) {
    if (localHour(now, biller.timeZone) < SEND_FROM_LOCAL_HOUR) continue;
    const eventId = digestEventId(billerId, zonedDay(now, biller.timeZone));
    if (await db.outboxMessage.findFirst({ where: { eventId }, select: { id: true } })) continue;
    const admins = await db.user.findMany({ where: { billerId, role: "BILLER_ADMIN" }, select: { email: true } });
    if (admins.length === 0) continue;
    items.sort((a, b) => a.since.localeCompare(b.since));
    const props: ReviewDigestEmailProps = {
      billerName: biller.name,
      timeZone: biller.timeZone,
      dueBusinessDays: REVIEW_DUE_BUSINESS_DAYS,
      items: items.slice(0, MAX_ITEMS),
      paymentsUrl: absoluteUrl(env.PUBLIC_BASE_URL, `${paths.admin.payments}?review=open`),
    };
    await db.outboxMessage.createMany({
      data: admins.map((admin) => ({
        eventId,
        eventType: "review.digest",
        billerId,
        channel: "EMAIL" as const,
        recipient: admin.email,
        template: "reviewDigest",
        payload: props,
        nextAttemptAt: now,
        retryUntil: new Date(now.getTime() + RETRY_WINDOW_MS),
        createdAt: now,
      })),
    });
    emails += admins.length;
    billers += 1;
  }
  return { billers, emails };
}

export const reviewDigestJob: ScheduledJob = {
  name: "review-digest",
  everySeconds: 3600,
  run: ({ db, now }) => sendReviewDigests({ db, now }),
};
