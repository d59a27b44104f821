// When money moves, people and systems hear of it, through the outbox: the applicant's receipt
// and the biller admins' review alert arrive in MailDev over real SMTP, and the permit system's
// webhook endpoint (a local receiver) gets one signed, verifiable event per paid payment.
import { verifyWebhookSignature } from "../lib/webhooks/verify-webhook-signature";
import { createUser } from "../prisma/factories";
import { startWebhookReceiver } from "../test/webhook-receiver";
import { expect, sandbox, signIn, test } from "./fixtures";
import { inbox } from "./mail-helpers";
import { arrangeApplicant, CARDS, invoiceRow, payOnInvoiceCloud } from "./payment-helpers";

// The dispatcher runs every 10 s: give it two ticks and the mail server a moment.
const DELIVERY_WAIT_MS = 40_000;

let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;
test.beforeAll(async () => {
  receiver = await startWebhookReceiver();
});
test.afterAll(async ({ db }) => {
  const biller = await db.biller.findUniqueOrThrow({ where: { name: "City of Mississauga" } });
  await db.webhookEndpoint.deleteMany({ where: { billerId: biller.id } });
  await receiver.close();
});
test.beforeEach(async () => {
  await sandbox.clearFaults();
});

test("paying leaves one receipt in the applicant's inbox, with the amount and Invoice Cloud's PaymentGUID", async ({ page, db }) => {
  const { applicant, invoices } = await arrangeApplicant(db, [6000]);
  await signIn(page, applicant.email);
  await invoiceRow(page, invoices[0]!.invoiceNumber).getByRole("button", { name: "PAY ONLINE" }).click();
  await payOnInvoiceCloud(page, CARDS.approve);
  const paymentGuid = (await page.locator("#payment-guid").innerText()).trim();
  await page.getByRole("link", { name: "Return to Home Page" }).click();
  await expect(page.getByText("Payment received")).toBeVisible();

  const [receipt] = await inbox.waitFor(applicant.email, { subject: /Payment receipt/, timeoutMs: DELIVERY_WAIT_MS });
  expect(receipt!.subject).toBe("Payment receipt: $60.00 to City of Mississauga");
  for (const part of [receipt!.text, receipt!.html]) {
    expect(part).toContain("$60.00");
    expect(part).toContain(paymentGuid);
    expect(part).toContain(invoices[0]!.invoiceNumber);
  }
  expect(receipt!.html).toMatch(/<h1[^>]*>Payment received<\/h1>/);
  expect(receipt!.html).toMatch(/<th[^>]*scope="col"/);
  expect(receipt!.html).toContain(">See this payment on PermitPay<");
  // Exactly one: the stored message is delivered, once.
  const attempt = await db.paymentAttempt.findFirstOrThrow({ where: { applicantId: applicant.id, status: "PAID" } });
  // The mail has arrived; the worker records the outcome just after, so wait for the row.
  const emailRows = async () =>
    (await db.outboxMessage.findMany({ where: { attemptId: attempt.id, channel: "EMAIL" }, include: { deliveries: true } })).map((m) => [
      m.eventType,
      m.status,
      m.deliveries.length,
    ]);
  await expect.poll(emailRows, { timeout: DELIVERY_WAIT_MS }).toEqual([["payment.paid", "DELIVERED", 1]]);
  expect(await inbox.to(applicant.email)).toHaveLength(1);
});

test("a wrong-amount postback emails the biller's admins a needs-review alert", async ({ page, db }) => {
  const { biller, applicant, invoices } = await arrangeApplicant(db, [12500]);
  const admin = await createUser(db, { role: "BILLER_ADMIN", billerId: biller.id, name: "Robin Reviewer" });
  await signIn(page, applicant.email);
  await invoiceRow(page, invoices[0]!.invoiceNumber).getByRole("button", { name: "PAY ONLINE" }).click();
  await payOnInvoiceCloud(page, CARDS.wrongAmount); // the sandbox posts back $126.00 for $125.00

  const [alert] = await inbox.waitFor(admin.email, { subject: /needs review/, timeoutMs: DELIVERY_WAIT_MS });
  expect(alert!.subject).toBe(`A payment needs review: ${applicant.name}, $125.00`);
  expect(alert!.text).toContain("does not match");
  expect(alert!.text).toContain("$126.00");
  expect(alert!.text).toContain(invoices[0]!.invoiceNumber);
  expect(alert!.html).toContain(">Review this payment on the PermitPay payments page<");
  const attempt = await db.paymentAttempt.findFirstOrThrow({ where: { applicantId: applicant.id } });
  expect(attempt).toMatchObject({ status: "NEEDS_REVIEW", reviewKind: "AMOUNT_MISMATCH" });
  // The applicant gets no receipt for a payment that is not settled.
  expect(await inbox.to(applicant.email)).toHaveLength(0);
});

test("a biller admin sets up a webhook; a paid invoice produces exactly one delivery that verifies", async ({ page, db }) => {
  await signIn(page, "admin@mississauga.permitpay.test");
  await page.goto("/admin/webhooks");
  await page.getByLabel("Endpoint URL").fill(receiver.url);
  await page.getByRole("button", { name: "Save webhook settings" }).click();
  const secret = (await page.getByTestId("webhook-secret").innerText()).trim();
  expect(secret).toMatch(/^whsec_/);
  const stored = await db.webhookEndpoint.findFirstOrThrow({ where: { url: receiver.url } });
  expect(stored.secretCiphertext).not.toContain(secret.slice(6, 20)); // encrypted at rest
  expect(await db.auditEvent.count({ where: { type: "webhook.created", billerId: stored.billerId } })).toBe(1);

  await page.getByRole("button", { name: "Send test event" }).click();
  await expect(page.getByTestId("test-event-result")).toContainText("Your endpoint answered 200");
  const test = receiver.received.find((r) => r.body.includes('"webhook.test"'));
  expect(verifyWebhookSignature({ header: String(test?.headers["permitpay-signature"]), body: test!.body, secret })).toEqual({ ok: true });

  await page.context().clearCookies();
  const { applicant, invoices } = await arrangeApplicant(db, [4250]);
  await signIn(page, applicant.email);
  await invoiceRow(page, invoices[0]!.invoiceNumber).getByRole("button", { name: "PAY ONLINE" }).click();
  await payOnInvoiceCloud(page, CARDS.approve);
  const paymentGuid = (await page.locator("#payment-guid").innerText()).trim();

  const forInvoice = () => receiver.received.filter((r) => r.body.includes(invoices[0]!.invoiceNumber));
  await expect.poll(() => forInvoice().length, { timeout: DELIVERY_WAIT_MS }).toBe(1);
  const [delivery] = forInvoice();
  expect(verifyWebhookSignature({ header: String(delivery!.headers["permitpay-signature"]), body: delivery!.body, secret })).toEqual({
    ok: true,
  });
  expect(
    verifyWebhookSignature({
      header: String(delivery!.headers["permitpay-signature"]),
      body: delivery!.body.replace("4250", "4350"),
      secret,
    }).ok,
  ).toBe(false);
  const event = JSON.parse(delivery!.body) as { id: string; type: string; data: Record<string, unknown> };
  expect(event).toMatchObject({
    type: "payment.paid",
    data: { payment_guid: paymentGuid, amount_cents: 4250, amount: "$42.50", status: "PAID" },
  });
  expect(delivery!.eventId).toBe(event.id);
  // The receiver has answered, but the worker records the outcome just after: wait for the row.
  const outboxRow = () =>
    db.outboxMessage.findFirstOrThrow({ where: { eventId: event.id, channel: "WEBHOOK" }, include: { deliveries: true } });
  await expect.poll(async () => (await outboxRow()).status, { timeout: DELIVERY_WAIT_MS }).toBe("DELIVERED");
  const message = await outboxRow();
  expect(message).toMatchObject({ status: "DELIVERED", tries: 1 });
  expect(message.deliveries.map((d) => [d.ok, d.statusCode])).toEqual([[true, 200]]);

  // The admin sees it among the deliveries.
  await page.context().clearCookies();
  await signIn(page, "admin@mississauga.permitpay.test");
  await page.goto("/admin/webhooks");
  await expect(page.locator(`tr[data-event="${event.id}"]`).first()).toContainText("Delivered");
});
