// Emails in the recipient's language (issue 16): the receipt is written in the language saved on
// the applicant's profile when it is sent, and the biller admins' review alert in each admin's own
// language, through the real outbox and SMTP (MailDev).
import { createUser } from "../prisma/factories";
import { expect, sandbox, signIn, test } from "./fixtures";
import { inbox } from "./mail-helpers";
import { arrangeApplicant, CARDS, invoiceRow, payOnInvoiceCloud } from "./payment-helpers";

// The dispatcher runs every 10 s: give it two ticks and the mail server a moment.
const DELIVERY_WAIT_MS = 40_000;

test.beforeEach(async () => {
  await sandbox.clearFaults();
});

test("an applicant who chose French gets a French receipt: subject, text and HTML, « 60,00 $ »", async ({ page, db }) => {
  const { biller, applicant, invoices } = await arrangeApplicant(db, [6000]);
  await signIn(page, applicant.email);
  await invoiceRow(page, invoices[0]!.invoiceNumber).getByRole("button", { name: "PAY ONLINE" }).click();
  // The applicant switches to French while Invoice Cloud's page is open: the receipt is sent after.
  await db.user.update({ where: { id: applicant.id }, data: { locale: "fr-CA" } });
  await payOnInvoiceCloud(page, CARDS.approve);
  const paymentGuid = (await page.locator("#payment-guid").innerText()).trim();

  const [receipt] = await inbox.waitFor(applicant.email, { timeoutMs: DELIVERY_WAIT_MS });
  expect(receipt!.subject).toBe(`Reçu de paiement\u00a0: 60,00\u00a0$ à ${biller.name}`);
  expect(receipt!.html).toMatch(/<html[^>]*lang="fr-CA"/);
  expect(receipt!.html).toMatch(/<h1[^>]*>Paiement reçu<\/h1>/);
  expect(receipt!.html).toContain(">Voir ce paiement dans PermitPay<");
  for (const part of [receipt!.text, receipt!.html]) {
    expect(part).toContain("60,00\u00a0$");
    expect(part).not.toContain("$60.00");
    expect(part).toContain(paymentGuid);
    expect(part).toContain(invoices[0]!.invoiceNumber);
  }
});

test("each biller admin's review alert is in their own language", async ({ page, db }) => {
  const { biller, applicant, invoices } = await arrangeApplicant(db, [12500]);
  const french = await createUser(db, { role: "BILLER_ADMIN", billerId: biller.id, name: "Camille Vérif" });
  await db.user.update({ where: { id: french.id }, data: { locale: "fr-CA" } });
  const english = await createUser(db, { role: "BILLER_ADMIN", billerId: biller.id, name: "Robin Reviewer" });
  await signIn(page, applicant.email);
  await invoiceRow(page, invoices[0]!.invoiceNumber).getByRole("button", { name: "PAY ONLINE" }).click();
  await payOnInvoiceCloud(page, CARDS.wrongAmount); // the sandbox posts back $126.00 for $125.00

  const [fr] = await inbox.waitFor(french.email, { timeoutMs: DELIVERY_WAIT_MS });
  expect(fr!.subject).toBe(`Un paiement est à vérifier\u00a0: ${applicant.name}, 125,00\u00a0$`);
  expect(fr!.text).toContain("ne correspond pas aux factures");
  expect(fr!.text).toContain("126,00\u00a0$");
  expect(fr!.html).toContain(">Vérifier ce paiement sur la page Paiements de PermitPay<");
  const [en] = await inbox.waitFor(english.email, { timeoutMs: DELIVERY_WAIT_MS });
  expect(en!.subject).toBe(`A payment needs review: ${applicant.name}, $125.00`);
  expect(en!.html).toMatch(/<html[^>]*lang="en-CA"/);
});
