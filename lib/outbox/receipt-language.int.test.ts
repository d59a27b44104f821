// The receipt an applicant gets is written in the language saved on their profile: paid through
// a real postback, queued in the outbox, delivered over real SMTP to MailDev.
import { describe, expect, inject, it, vi } from "vitest";
import { db } from "@/lib/db";
import { applyPostback } from "@/lib/payments/apply-postback";
import { mailDevInbox } from "@/test/maildev-inbox";
import { arrangeAttempt, arrangeConfiguredBiller, arrangeInvoices, postbackFields } from "@/test/payment-fixtures";

const kind = process.env.TEST_DB_KIND;
const inbox = mailDevInbox(inject("maildevUrl"));

async function payAndDeliver(locale: string | null) {
  const biller = await arrangeConfiguredBiller(db);
  const { applicant, invoices } = await arrangeInvoices(db, biller.id, [6000]);
  await db.user.update({ where: { id: applicant.id }, data: { locale } });
  const attempt = await arrangeAttempt(db, { billerId: biller.id, applicantId: applicant.id, invoices });
  expect(await applyPostback({ paymentId: attempt.id, ...postbackFields(attempt) })).toEqual({ outcome: "paid" });
  const email = await db.outboxMessage.findFirstOrThrow({ where: { attemptId: attempt.id, channel: "EMAIL" } });
  vi.resetModules();
  const { dispatchOutbox } = await import("./dispatch-outbox");
  for (let i = 0; i < 20 && (await db.outboxMessage.count({ where: { id: email.id, status: "PENDING" } })) > 0; i++)
    await dispatchOutbox({ db, now: new Date() });
  expect(await db.outboxMessage.findUniqueOrThrow({ where: { id: email.id } })).toMatchObject({ status: "DELIVERED" });
  const [received] = await inbox.waitFor(applicant.email);
  return { biller, invoice: invoices[0]!, received: received! };
}

describe.skipIf(kind === "none")(`the receipt's language (${kind})`, () => {
  it("is French for an applicant who chose French: subject, text and HTML, « 60,00 $ »", async () => {
    const { biller, invoice, received } = await payAndDeliver("fr-CA");
    expect(received.subject).toBe(`Reçu de paiement\u00a0: 60,00\u00a0$ à ${biller.name}`);
    expect(received.html).toMatch(/<html[^>]*lang="fr-CA"/);
    expect(received.html).toMatch(/<h1[^>]*>Paiement reçu<\/h1>/);
    for (const part of [received.text, received.html]) {
      expect(part).toContain("60,00\u00a0$");
      expect(part).toContain(invoice.invoiceNumber);
      expect(part).not.toContain("$60.00");
    }
  }, 120_000);

  it("is English, as before, for an applicant who never chose", async () => {
    const { biller, received } = await payAndDeliver(null);
    expect(received.subject).toBe(`Payment receipt: $60.00 to ${biller.name}`);
    expect(received.html).toMatch(/<html[^>]*lang="en-CA"/);
    expect(received.html).toMatch(/<h1[^>]*>Payment received<\/h1>/);
  }, 120_000);
});
