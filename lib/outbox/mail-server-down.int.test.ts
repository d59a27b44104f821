// A mail server that does not answer costs one try per batch, not one render and connection per
// email: the batch's other emails are recorded as not tried and wait by the retry schedule, and
// the payment is untouched. Once the server answers, they are delivered.
import { afterAll, describe, expect, inject, it, vi } from "vitest";
import { db } from "@/lib/db";
import { applyPostback } from "@/lib/payments/apply-postback";
import { mailDevInbox } from "@/test/maildev-inbox";
import { arrangeAttempt, arrangeConfiguredBiller, arrangeInvoices, postbackFields } from "@/test/payment-fixtures";
import { freePort } from "@/test/sandbox-process";

const kind = process.env.TEST_DB_KIND;
const inbox = mailDevInbox(inject("maildevUrl"));

/** The dispatcher, loaded with SMTP_URL pointing at the given server. */
async function dispatcherWith(smtpUrl: string) {
  vi.resetModules();
  process.env.SMTP_URL = smtpUrl;
  return await import("./dispatch-outbox");
}

describe.skipIf(kind === "none")(`a mail server that does not answer (${kind})`, () => {
  const mailDevSmtp = process.env.SMTP_URL ?? "";
  afterAll(() => {
    process.env.SMTP_URL = mailDevSmtp;
  });

  it("is tried once per batch; the other emails wait untried, then are delivered", async () => {
    const biller = await arrangeConfiguredBiller(db);
    const paid = [];
    for (let i = 0; i < 3; i++) {
      const { applicant, invoices } = await arrangeInvoices(db, biller.id, [5000 + i]);
      const attempt = await arrangeAttempt(db, { billerId: biller.id, applicantId: applicant.id, invoices });
      expect(await applyPostback({ paymentId: attempt.id, ...postbackFields(attempt) })).toEqual({ outcome: "paid" });
      paid.push({ attempt, applicant });
    }
    const emails = await db.outboxMessage.findMany({ where: { attemptId: { in: paid.map((p) => p.attempt.id) }, channel: "EMAIL" } });
    expect(emails).toHaveLength(3);
    const ids = emails.map((e) => e.id);

    const t0 = new Date();
    const down = await dispatcherWith(`smtp://127.0.0.1:${await freePort()}`);
    // One batch large enough for every due message (other files' included), one email at a time.
    const result = await down.dispatchOutbox({ db, now: t0, limit: 1000, concurrency: 1 });
    expect(result.mailServerUnreachable).toBe(true);
    const after = await db.outboxMessage.findMany({ where: { id: { in: ids } }, include: { deliveries: true } });
    for (const message of after) {
      expect(message).toMatchObject({ status: "PENDING", tries: 1 });
      expect(message.nextAttemptAt.getTime()).toBeGreaterThan(t0.getTime());
      expect(message.deliveries).toHaveLength(1);
      expect(message.deliveries[0]!.ok).toBe(false);
    }
    // At most the batch's first email was tried (it may have been another file's).
    const excerpts = after.map((m) => m.deliveries[0]!.responseExcerpt);
    expect(excerpts.filter((e) => e === down.NOT_TRIED_MAIL_SERVER_DOWN).length).toBeGreaterThanOrEqual(2);
    expect(excerpts.filter((e) => e !== down.NOT_TRIED_MAIL_SERVER_DOWN).every((e) => e?.startsWith("Mail server unavailable"))).toBe(true);
    for (const p of paid) expect((await db.paymentAttempt.findUniqueOrThrow({ where: { id: p.attempt.id } })).status).toBe("PAID");

    const later = new Date(t0.getTime() + 31_000);
    const up = await dispatcherWith(mailDevSmtp);
    for (let i = 0; i < 20 && (await db.outboxMessage.count({ where: { id: { in: ids }, status: "PENDING" } })) > 0; i++)
      await up.dispatchOutbox({ db, now: later });
    expect(await db.outboxMessage.count({ where: { id: { in: ids }, status: "DELIVERED", tries: 2 } })).toBe(3);
    for (const p of paid) expect(await inbox.waitFor(p.applicant.email, { subject: /Payment receipt/ })).toHaveLength(1);
  }, 120_000); // two fresh module graphs (the mail code loaded twice), slow on a busy machine
});
