// The daily digest of overdue review items, on a real database: only items open longer than 3
// business days, once per biller per local day, to each admin, and through the outbox.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { generateBillerReference } from "@/lib/identifiers";
import { renderEmail } from "@/lib/mail/render-email";
import type { ReviewDigestEmailProps } from "@/lib/mail/templates/review-digest-email";
import { createBiller, createUser } from "@/prisma/factories";
import { digestEventId, sendReviewDigests } from "./review-digest";

const kind = process.env.TEST_DB_KIND;

async function review(billerId: string, applicantId: string, noticeAt: Date, totalCents: number) {
  return db.paymentAttempt.create({
    data: {
      id: randomUUID(),
      billerId,
      applicantId,
      billerReference: generateBillerReference(),
      status: "NEEDS_REVIEW",
      reviewKind: "AMOUNT_MISMATCH",
      reviewNoticeAt: noticeAt,
      totalCents,
      expiresAt: noticeAt,
      createdAt: new Date(noticeAt.getTime() - 60_000),
    },
  });
}

describe.skipIf(kind === "none")(`the review digest (${kind})`, () => {
  it("emails each admin the overdue items once a day, oldest first, in the admin's language", async () => {
    const biller = await createBiller(db, { timeZone: "America/Toronto" });
    const en = await createUser(db, { role: "BILLER_ADMIN", billerId: biller.id });
    const fr = await createUser(db, { role: "BILLER_ADMIN", billerId: biller.id });
    await db.user.update({ where: { id: fr.id }, data: { locale: "fr-CA" } });
    const applicant = await createUser(db, { role: "APPLICANT" });
    // Wednesday 2 December 2026, 10:00 in Toronto.
    const now = new Date("2026-12-02T15:00:00Z");
    const old = await review(biller.id, applicant.id, new Date("2026-11-23T15:00:00Z"), 12500); // 7 business days
    const older = await review(biller.id, applicant.id, new Date("2026-11-20T15:00:00Z"), 6000); // 8 business days
    await review(biller.id, applicant.id, new Date("2026-11-30T15:00:00Z"), 9900); // 2 business days: not due

    expect(await sendReviewDigests({ db, now, billerIds: [biller.id] })).toEqual({ billers: 1, emails: 2 });
    const messages = await db.outboxMessage.findMany({
      where: { billerId: biller.id, eventType: "review.digest" },
      orderBy: { recipient: "asc" },
    });
    expect(messages.map((m) => m.recipient).sort()).toEqual([en.email, fr.email].sort());
    expect(new Set(messages.map((m) => m.eventId))).toEqual(new Set([digestEventId(biller.id, "2026-12-02")]));
    const props = messages[0]!.payload as ReviewDigestEmailProps;
    expect(props.items.map((i) => [i.amountCents, i.businessDays])).toEqual([
      [6000, 8],
      [12500, 7],
    ]);
    expect(props.items[0]!.reviewUrl).toContain(`/admin/payments/${older.id}`);
    expect(props.items[1]!.reviewUrl).toContain(`/admin/payments/${old.id}`);

    // A second run the same day sends nothing; the next business day sends again.
    expect(await sendReviewDigests({ db, now: new Date("2026-12-02T20:00:00Z"), billerIds: [biller.id] })).toEqual({
      billers: 0,
      emails: 0,
    });
    expect(await sendReviewDigests({ db, now: new Date("2026-12-03T14:00:00Z"), billerIds: [biller.id] })).toEqual({
      billers: 1,
      emails: 2,
    });
    // Before 08:00 local time nothing is sent yet.
    expect(await sendReviewDigests({ db, now: new Date("2026-12-04T11:00:00Z"), billerIds: [biller.id] })).toEqual({
      billers: 0,
      emails: 0,
    });

    const french = await renderEmail({ template: "reviewDigest", props, locale: "fr-CA" });
    expect(french.subject).toBe(`2 paiements attendent depuis trop longtemps une vérification pour ${biller.name}`);
    expect(french.text).toContain("60,00\u00a0$");
    const english = await renderEmail({ template: "reviewDigest", props, locale: "en-CA" });
    expect(english.subject).toBe(`2 payments have waited too long for review at ${biller.name}`);
    expect(english.text).toContain("Open for 8 business days");
  });

  it("sends nothing when no item is overdue", async () => {
    const biller = await createBiller(db, { timeZone: "UTC" });
    await createUser(db, { role: "BILLER_ADMIN", billerId: biller.id });
    const applicant = await createUser(db, { role: "APPLICANT" });
    const now = new Date("2026-12-02T12:00:00Z");
    await review(biller.id, applicant.id, new Date("2026-12-01T12:00:00Z"), 5000);
    expect(await sendReviewDigests({ db, now, billerIds: [biller.id] })).toEqual({ billers: 0, emails: 0 });
    expect(await db.outboxMessage.count({ where: { billerId: biller.id } })).toBe(0);
  });
});
