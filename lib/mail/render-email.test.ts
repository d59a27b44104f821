import { describe, expect, it } from "vitest";
import { durationText, emailTranslator, recipientLocale } from "./email-i18n";
import { renderEmail } from "./render-email";
import type { MailTemplateProps } from "./templates";

const setPasswordUrl = "https://permits.example.org/set-password?token=abc123";
const DAY = 24 * 3600_000;
const invitation = {
  name: "Ada Lovelace",
  billerName: "City of Mississauga",
  setPasswordUrl,
  forgotPasswordUrl: "https://permits.example.org/forgot-password",
  validForMs: 7 * DAY,
};
const receipt: MailTemplateProps<"paymentReceipt"> = {
  applicantName: "Casey Builder",
  billerName: "City of Mississauga",
  timeZone: "America/Toronto",
  totalCents: 6000,
  paymentGuid: "guid-123",
  paidAt: "2026-12-15T15:05:00.000Z",
  lines: [{ invoiceNumber: "INV-1", permitNumber: "BP-1", description: "Deck", amountCents: 6000 }],
  paymentUrl: "https://permits.example.org/portal/payments/x",
};
const alert: MailTemplateProps<"reviewAlert"> = {
  billerName: "City of Mississauga",
  applicantName: "Casey Builder",
  timeZone: "America/Toronto",
  reviewKind: "AMOUNT_MISMATCH",
  reviewDetail: null,
  expectedCents: 12500,
  noticeAmountCents: 12600,
  paymentGuid: null,
  invoiceNumbers: ["INV-7", "INV-8"],
  noticeAt: "2026-12-15T15:05:00.000Z",
  reviewUrl: "https://permits.example.org/admin/payments",
};

describe("renderEmail", () => {
  it("renders the invitation as accessible HTML and as plain text with the link spelled out", async () => {
    const email = await renderEmail({ template: "invitation", props: invitation });
    expect(email.subject).toBe("City of Mississauga has sent you a permit invoice: set your PermitPay password");
    expect(email.html).toMatch(/<html[^>]*lang="en-CA"/);
    expect(email.html.match(/<h1[\s>]/g)).toHaveLength(1);
    expect(email.html).toContain("You have a permit invoice to pay</h1>");
    // The link text says where it goes; the URL is also given in full.
    expect(email.html).toMatch(
      new RegExp(`<a[^>]*href="${setPasswordUrl.replace(/[?]/g, "\\?")}"[^>]*>[\\s\\S]*?Set your PermitPay password`),
    );
    expect(email.html).not.toMatch(/click here/i);
    expect(email.text).toContain("Hello Ada Lovelace,");
    expect(email.text).toContain(setPasswordUrl);
    expect(email.text).toContain("expires in 7 days. If the button does not work, copy this address into your browser:");
    expect(email.html).toMatch(/forgotten password page<\/a>\./);
    expect(email.text).not.toContain("<");
  });

  it("escapes what the props carry: a name cannot inject markup", async () => {
    const email = await renderEmail({
      template: "invitation",
      props: { ...invitation, name: '<script>alert("x")</script>', billerName: null },
    });
    expect(email.subject).toBe("Set your PermitPay password");
    expect(email.text).toContain("Your municipality uses PermitPay");
    expect(email.html).not.toContain("<script>");
    expect(email.html).toContain("&lt;script&gt;");
  });

  it("renders the password reset with its one link and how long it works", async () => {
    const resetPasswordUrl = "https://permits.example.org/reset-password?token=xyz";
    const email = await renderEmail({
      template: "passwordReset",
      props: { email: "ada@example.org", resetPasswordUrl, validForMs: 3600_000 },
    });
    expect(email.subject).toBe("Reset your PermitPay password");
    expect(email.html).toContain("Reset your password</h1>");
    expect(email.html).toContain(">Reset your PermitPay password");
    expect(email.text).toContain(resetPasswordUrl);
    expect(email.text).toContain("expires in 1 hour");
  });

  it("renders the receipt in English as before: dollars, the moment in the biller's zone", async () => {
    const email = await renderEmail({ template: "paymentReceipt", props: receipt });
    expect(email.subject).toBe("Payment receipt: $60.00 to City of Mississauga");
    expect(email.html).toMatch(/<html[^>]*lang="en-CA"/);
    expect(email.html).toMatch(/<h1[^>]*>Payment received<\/h1>/);
    expect(email.html).toContain(">See this payment on PermitPay<");
    expect(email.text).toContain("City of Mississauga received your payment of $60.00 on Dec 15, 2026, 10:05 a.m. EST.");
    expect(email.text).toContain("Invoice Cloud payment reference (PaymentGUID): guid-123");
  });

  it('renders the receipt in French: subject, text and HTML, « 60,00 $ », the date in French, <html lang="fr-CA">', async () => {
    const email = await renderEmail({ template: "paymentReceipt", props: receipt, locale: "fr-CA" });
    expect(email.subject).toBe("Reçu de paiement\u00a0: 60,00\u00a0$ à City of Mississauga");
    expect(email.html).toMatch(/<html[^>]*lang="fr-CA"/);
    expect(email.html).toMatch(/<h1[^>]*>Paiement reçu<\/h1>/);
    expect(email.html).toContain(">Voir ce paiement dans PermitPay<");
    expect(email.html).toMatch(/<th[^>]*scope="col"[^>]*>Facture<\/th>/);
    for (const part of [email.text, email.html]) {
      expect(part).toContain("Bonjour Casey Builder,");
      expect(part).toContain("60,00\u00a0$");
      expect(part).not.toContain("$60.00");
      expect(part).toContain("15 déc. 2026");
    }
    expect(email.text).toContain("City of Mississauga a reçu votre paiement de 60,00\u00a0$ le 15 déc. 2026");
    expect(email.text).not.toMatch(/\b(Hello|Payment received|Invoice Cloud payment reference)\b/);
  });

  it("renders the review alert in each language: the reason from its kind, both amounts, « information non fournie » for a missing GUID", async () => {
    const en = await renderEmail({ template: "reviewAlert", props: { ...alert, reviewDetail: "Invoice Cloud reported $126.00" } });
    expect(en.subject).toBe("A payment needs review: Casey Builder, $125.00");
    expect(en.text).toContain("Invoice Cloud reported an amount that does not match the invoices. Invoice Cloud reported $126.00");
    expect(en.text).toContain("Amount in Invoice Cloud's notice: $126.00");
    expect(en.text).toContain("PaymentGUID: not given");
    expect(en.html).toContain(">Review this payment on the PermitPay payments page<");
    const fr = await renderEmail({ template: "reviewAlert", props: alert, locale: "fr-CA" });
    expect(fr.subject).toBe("Un paiement est à vérifier\u00a0: Casey Builder, 125,00\u00a0$");
    expect(fr.text).toContain("Invoice Cloud a indiqué un montant qui ne correspond pas aux factures.");
    expect(fr.text).toContain("126,00\u00a0$");
    expect(fr.text).toContain("PaymentGUID\u00a0: information non fournie");
    expect(fr.text).toContain("Factures\u00a0: INV-7, INV-8");
    // The detail recorded with the review is English (the notice's figures): French says so.
    const frDetail = await renderEmail({
      template: "reviewAlert",
      props: { ...alert, reviewDetail: "Invoice Cloud reported $126.00" },
      locale: "fr-CA",
    });
    expect(frDetail.text).toContain(
      "ne correspond pas aux factures. Détail consigné (en anglais)\u00a0: «\u00a0Invoice Cloud reported $126.00\u00a0»",
    );
  });

  it("renders the settled notice in French for each outcome", async () => {
    const base = { ...receipt, settledAt: receipt.paidAt };
    const paid = await renderEmail({ template: "reviewSettled", props: { ...base, outcome: "paid" }, locale: "fr-CA" });
    expect(paid.subject).toBe("Votre paiement à City of Mississauga est confirmé");
    expect(paid.html).toContain("Factures payées");
    const released = await renderEmail({ template: "reviewSettled", props: { ...base, outcome: "released" }, locale: "fr-CA" });
    expect(released.subject).toBe("Votre paiement à City of Mississauga n’a pas été appliqué");
    expect(released.html).toContain("Factures de ce paiement");
  });

  it("renders the invitation and the reset in French with the lifetime in French words", async () => {
    const inv = await renderEmail({ template: "invitation", props: invitation, locale: "fr-CA" });
    expect(inv.subject).toBe("City of Mississauga vous a envoyé une facture de permis\u00a0: choisissez votre mot de passe PermitPay");
    expect(inv.html).toMatch(/<html[^>]*lang="fr-CA"/);
    expect(inv.text).toContain("expire dans 7 jours");
    const reset = await renderEmail({
      template: "passwordReset",
      props: { email: "ada@example.org", resetPasswordUrl: "https://p/r", validForMs: 3600_000 },
      locale: "fr-CA",
    });
    expect(reset.subject).toBe("Réinitialisez votre mot de passe PermitPay");
    expect(reset.text).toContain("expire dans 1 heure");
  });
});

describe("email language helpers", () => {
  it("reads a saved language, and English for none or an unknown one", () => {
    expect([recipientLocale("fr-CA"), recipientLocale(null), recipientLocale(undefined), recipientLocale("de-DE")]).toEqual([
      "fr-CA",
      "en-CA",
      "en-CA",
      "en-CA",
    ]);
  });

  it.each([
    [7 * DAY, "7 days", "7 jours"],
    [DAY, "1 day", "1 jour"],
    [3600_000, "1 hour", "1 heure"],
    [2 * 3600_000, "2 hours", "2 heures"],
    [90 * 60_000, "90 minutes", "90 minutes"],
  ])("%i ms → %s / %s", (ms, en, fr) => {
    expect(durationText(emailTranslator("en-CA"), ms)).toBe(en);
    expect(durationText(emailTranslator("fr-CA"), ms)).toBe(fr);
  });
});
