// A refused address never fails the payment: the refusal is recorded on the delivery try and the
// email is retried by the schedule; once the mail server takes it, it is delivered.
import { afterAll, beforeAll, describe, expect, inject, it, vi } from "vitest";
import { db } from "@/lib/db";
import { applyPostback } from "@/lib/payments/apply-postback";
import { mailDevInbox } from "@/test/maildev-inbox";
import { arrangeAttempt, arrangeConfiguredBiller, arrangeInvoices, postbackFields } from "@/test/payment-fixtures";
import { startRefusingSmtpServer } from "@/test/refusing-smtp-server";

const kind = process.env.TEST_DB_KIND;
const inbox = mailDevInbox(inject("maildevUrl"));

/** The dispatcher, loaded with SMTP_URL pointing at the given server. */
async function dispatcherWith(smtpUrl: string) {
  vi.resetModules();
  process.env.SMTP_URL = smtpUrl;
  return (await import("./dispatch-outbox")).dispatchOutbox;
}

describe.skipIf(kind === "none")(`a refused email address (${kind})`, () => {
  const mailDevSmtp = process.env.SMTP_URL ?? "";
  let refusing: Awaited<ReturnType<typeof startRefusingSmtpServer>>;
  beforeAll(async () => {
    refusing = await startRefusingSmtpServer();
  });
  afterAll(async () => {
    process.env.SMTP_URL = mailDevSmtp;
    await refusing.close();
  });

  it("is recorded on the delivery and retried, and the payment stays PAID", async () => {
    const biller = await arrangeConfiguredBiller(db);
    const { applicant, invoices } = await arrangeInvoices(db, biller.id, [7500]);
    const attempt = await arrangeAttempt(db, { billerId: biller.id, applicantId: applicant.id, invoices });
    expect(await applyPostback({ paymentId: attempt.id, ...postbackFields(attempt) })).toEqual({ outcome: "paid" });
    const email = await db.outboxMessage.findFirstOrThrow({ where: { attemptId: attempt.id, channel: "EMAIL" } });

    const t0 = new Date();
    const refusingDispatch = await dispatcherWith(refusing.smtpUrl);
    for (let i = 0; i < 20 && (await db.outboxMessage.count({ where: { id: email.id, tries: 0 } })) > 0; i++)
      await refusingDispatch({ db, now: t0 });
    const afterRefusal = await db.outboxMessage.findUniqueOrThrow({ where: { id: email.id }, include: { deliveries: true } });
    expect(afterRefusal).toMatchObject({ status: "PENDING", tries: 1 });
    expect(afterRefusal.nextAttemptAt.getTime()).toBeGreaterThan(t0.getTime());
    expect(afterRefusal.deliveries).toHaveLength(1);
    expect(afterRefusal.deliveries[0]).toMatchObject({ ok: false, statusCode: 550 });
    expect(afterRefusal.deliveries[0]!.responseExcerpt).toMatch(/^Address refused: .*No such mailbox/);
    expect((await db.paymentAttempt.findUniqueOrThrow({ where: { id: attempt.id } })).status).toBe("PAID");

    const later = new Date(t0.getTime() + 31_000);
    const dispatch = await dispatcherWith(mailDevSmtp);
    for (let i = 0; i < 20 && (await db.outboxMessage.count({ where: { id: email.id, status: "PENDING" } })) > 0; i++)
      await dispatch({ db, now: later });
    expect(await db.outboxMessage.findUniqueOrThrow({ where: { id: email.id } })).toMatchObject({ status: "DELIVERED", tries: 2 });
    expect(await inbox.waitFor(applicant.email, { subject: /Payment receipt/ })).toHaveLength(1);
  }, 120_000); // two fresh module graphs (the mail code loaded twice), slow on a busy machine
});
