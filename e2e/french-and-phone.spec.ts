// The applicant in Canadian French and on a phone (issue 16): the language chosen in the header
// follows the applicant to a new browser (it is saved on the profile), a first visit follows
// Accept-Language, the pay flow works at 390 × 844 in both languages, and no applicant or account
// page scrolls sideways at 320 CSS px (WCAG 2.2 SC 1.4.10).
import type { Browser, BrowserContextOptions, Page } from "@playwright/test";
import { generateAccountToken } from "../lib/accounts/account-token";
import type { Db } from "../lib/prisma-client";
import { DEMO_PASSWORD } from "../prisma/factories";
import { expect, sandbox, signIn, test } from "./fixtures";
import { expectNoSidewaysScroll, expectTouchTargets, MAIN_CONTROLS } from "./layout-checks";

/** On the applicant's pages the header's buttons (language, sign out) are measured too. */
const CONTROLS = `${MAIN_CONTROLS}, header button`;
import { arrangeApplicant, CARDS, invoiceRow, payOnInvoiceCloud } from "./payment-helpers";

const PHONE = { width: 390, height: 844 };
const NARROW = { width: 320, height: 640 };
const FRENCH: BrowserContextOptions = { locale: "fr-CA" }; // Accept-Language: fr-CA
const ENGLISH: BrowserContextOptions = { locale: "en-US" };

/** Where a run may keep its screenshots (docs/screenshots/ when refreshing the README's). */
const SHOTS = process.env.E2E_SCREENSHOT_DIR;
async function shoot(page: Page, name: string, opts: { fullPage: boolean } = { fullPage: true }) {
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: opts.fullPage });
}

/** Invoice Cloud's own pages (played by the sandbox) fit a phone too: no sideways scroll. */
async function noteWidth(page: Page, where: string) {
  await page.waitForLoadState("load");
  const { scrollWidth, viewport } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    viewport: window.innerWidth,
  }));
  expect(scrollWidth, `${where}: scrollWidth ${scrollWidth}, viewport ${viewport}`).toBeLessThanOrEqual(viewport);
}

async function signInFrench(page: Page, email: string) {
  await page.goto("/signin");
  await page.getByLabel("Courriel").fill(email);
  await page.getByLabel("Mot de passe").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Se connecter" }).click();
  await expect(page).not.toHaveURL(/\/signin/);
}

async function newPage(browser: Browser, options: BrowserContextOptions) {
  const context = await browser.newContext(options);
  return { context, page: await context.newPage() };
}

test.beforeEach(async () => {
  await sandbox.clearFaults();
});

test("an applicant who chose French sees it again in a new browser, pays, and sees PAYÉE in blue and 60,00 $", async ({ browser, db }) => {
  const { applicant, invoices } = await arrangeApplicant(db, [6000]);
  const invoice = invoices[0]!;

  // First browser (English): the header's switch turns the portal French and saves the choice.
  const first = await newPage(browser, ENGLISH);
  await signIn(first.page, applicant.email);
  await expect(first.page.locator("html")).toHaveAttribute("lang", "en-CA");
  await first.page.getByRole("button", { name: "Français" }).click();
  await expect(first.page.locator("html")).toHaveAttribute("lang", "fr-CA");
  await expect(first.page.getByRole("heading", { name: "Mes factures de permis" })).toBeVisible();
  expect((await db.user.findUniqueOrThrow({ where: { id: applicant.id } })).locale).toBe("fr-CA");
  await first.context.close();

  // A fresh browser that asks for English: signed in, the profile's French wins.
  const { context, page } = await newPage(browser, ENGLISH);
  await signIn(page, applicant.email); // the sign-in page itself is English: nobody is known yet
  await expect(page.locator("html")).toHaveAttribute("lang", "fr-CA");
  const row = invoiceRow(page, invoice.invoiceNumber);
  await expect(row).toContainText(/60,00\s\$/);
  await expect(row.getByText("IMPAYÉE", { exact: true })).toBeVisible();
  await row.getByRole("button", { name: "PAYER EN LIGNE" }).click();

  await payOnInvoiceCloud(page, CARDS.approve); // Invoice Cloud's own pages (the sandbox) are in English
  await page.getByRole("link", { name: "Return to Home Page" }).click();

  await expect(page.getByText("Paiement reçu")).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "fr-CA");
  await expect(page.getByRole("heading", { name: /^Paiement de 60,00\s\$$/ })).toBeVisible();
  const paidRow = invoiceRow(page, invoice.invoiceNumber);
  const badge = paidRow.getByText("PAYÉE", { exact: true });
  await expect(badge).toBeVisible();
  await expect(badge).toHaveClass(/\bbg-blue-700\b/); // the same blue as PAID
  await expect(paidRow).toHaveClass(/\bbg-blue-100\b/);
  await expect(paidRow).toContainText(/60,00\s\$/);
  await shoot(page, "fr-payment");

  await page.goto("/invoices");
  const listed = invoiceRow(page, invoice.invoiceNumber);
  await expect(listed.getByText("PAYÉE", { exact: true })).toHaveClass(/\bbg-blue-700\b/);
  await expect(listed).toContainText(/60,00\s\$/);
  await shoot(page, "fr-invoices");
  expect((await db.invoice.findUniqueOrThrow({ where: { id: invoice.id } })).status).toBe("PAID");
  await page.goto(`/invoices/${invoice.invoiceNumber}`);
  await expect(page.getByRole("heading", { name: `Facture ${invoice.invoiceNumber}` })).toBeVisible();
  await expect(page.getByText("PAYÉE", { exact: true })).toHaveClass(/\bbg-blue-700\b/);
  await page.goto("/payments");
  await expect(page.getByRole("cell", { name: "Payé", exact: true })).toBeVisible();
  await context.close();
});

/** The pay flow on a phone: two invoices picked with their boxes and paid together, asserting on every PermitPay page that nothing scrolls sideways. */
async function payOnPhone(browser: Browser, db: Db, lang: "en" | "fr") {
  const fr = lang === "fr";
  const { applicant, invoices } = await arrangeApplicant(db, [6000, 42575]);
  const { context, page } = await newPage(browser, { ...(fr ? FRENCH : ENGLISH), viewport: PHONE });
  await page.goto("/signin");
  await expect(page.locator("html")).toHaveAttribute("lang", fr ? "fr-CA" : "en-CA");
  await expectNoSidewaysScroll(page, "sign-in");
  if (fr) await signInFrench(page, applicant.email);
  else await signIn(page, applicant.email);

  // The list is a column of cards: PAY ONLINE spans its card.
  await expectNoSidewaysScroll(page, "invoices");
  await expectTouchTargets(page, "invoices", { selector: CONTROLS });
  const card = invoiceRow(page, invoices[0]!.invoiceNumber);
  const pay = card.getByRole("button", { name: fr ? "PAYER EN LIGNE" : "PAY ONLINE" });
  await expect(pay).toBeVisible();
  const [cardBox, payBox] = [await card.boundingBox(), await pay.boundingBox()];
  expect(payBox!.width).toBeGreaterThan(cardBox!.width * 0.85);
  expect(cardBox!.x + cardBox!.width).toBeLessThanOrEqual(PHONE.width);
  for (const label of fr ? ["Permis", "Facture", "Montant", "Échéance", "État"] : ["Permit", "Invoice", "Amount", "Due", "Status"]) {
    await expect(card.getByText(label, { exact: true })).toBeVisible();
  }
  await expect(card).toContainText(fr ? /60,00\s\$/ : "$60.00");
  await shoot(page, `phone-invoices-${lang}`, { fullPage: false }); // what the phone shows: 390 × 844

  // Selecting several invoices still works on a phone.
  for (const inv of invoices) {
    await page.getByLabel(fr ? `Sélectionner la facture ${inv.invoiceNumber}` : `Select invoice ${inv.invoiceNumber}`).check();
  }
  await page.getByRole("button", { name: fr ? "PAYER LA SÉLECTION EN LIGNE" : "PAY SELECTED ONLINE" }).click();
  await expect(page).toHaveURL(/\/portal\/access\/otp\//);
  await expect(page.locator("#total")).toHaveText("$485.75"); // Invoice Cloud's page, in its own (English) format
  await noteWidth(page, "Invoice Cloud's payment page");
  await payOnInvoiceCloud(page, CARDS.approve);
  await noteWidth(page, "Invoice Cloud's receipt");
  await page.getByRole("link", { name: "Return to Home Page" }).click();

  await expect(page.getByText(fr ? "Paiement reçu" : "Payment received")).toBeVisible();
  await expectNoSidewaysScroll(page, "payment page");
  await expectTouchTargets(page, "payment page", { selector: CONTROLS });
  for (const inv of invoices) {
    await expect(invoiceRow(page, inv.invoiceNumber).getByText(fr ? "PAYÉE" : "PAID", { exact: true })).toBeVisible();
  }

  await page.getByRole("link", { name: fr ? "Retour à mes factures" : "Back to my invoices" }).click();
  await expect(page).toHaveURL(/\/invoices$/);
  await expectNoSidewaysScroll(page, "invoices after paying");
  await page.getByRole("link", { name: invoices[1]!.invoiceNumber }).click();
  await expect(page.getByRole("heading", { name: `${fr ? "Facture" : "Invoice"} ${invoices[1]!.invoiceNumber}` })).toBeVisible();
  await expectNoSidewaysScroll(page, "invoice page");
  await page.goto("/payments");
  await expectNoSidewaysScroll(page, "payment history");
  const attempts = await db.paymentAttempt.findMany({ where: { applicantId: applicant.id } });
  expect(attempts).toHaveLength(1);
  expect(attempts[0]).toMatchObject({ status: "PAID", totalCents: 48575 });
  await context.close();
}

test("the pay flow on a phone (390 × 844) in English: cards, several invoices at once, no sideways scroll", async ({ browser, db }) => {
  await payOnPhone(browser, db, "en");
});

test("the pay flow on a phone (390 × 844) in French: cards, several invoices at once, no sideways scroll", async ({ browser, db }) => {
  await payOnPhone(browser, db, "fr");
});

/** Arranges one of each applicant page: an unpaid list, an invoice over the maximum, a paid payment, account links. */
async function arrangePages(db: Db) {
  const { applicant, invoices } = await arrangeApplicant(db, [6000, 7000, 250001]);
  const invite = generateAccountToken();
  const reset = generateAccountToken();
  const inAnHour = new Date(Date.now() + 3600_000);
  await db.accountToken.create({ data: { userId: applicant.id, purpose: "INVITATION", tokenHash: invite.tokenHash, expiresAt: inAnHour } });
  await db.accountToken.create({
    data: { userId: applicant.id, purpose: "PASSWORD_RESET", tokenHash: reset.tokenHash, expiresAt: inAnHour },
  });
  return { applicant, invoices, inviteToken: invite.token, resetToken: reset.token };
}

for (const lang of ["en", "fr"] as const) {
  test(`every applicant and account page reflows at 320 px (${lang})`, async ({ browser, db }) => {
    const fr = lang === "fr";
    const { applicant, invoices, inviteToken, resetToken } = await arrangePages(db);
    const { context, page } = await newPage(browser, { ...(fr ? FRENCH : ENGLISH), viewport: NARROW });
    const visit = async (path: string, where: string) => {
      await page.goto(path);
      await expect(page.locator("html")).toHaveAttribute("lang", fr ? "fr-CA" : "en-CA");
      await expectNoSidewaysScroll(page, where);
      await expectTouchTargets(page, where, { selector: CONTROLS });
    };

    // Signed out.
    await visit("/signin", "sign-in");
    await page.getByRole("button", { name: fr ? "Se connecter" : "Sign in" }).click(); // empty: the field errors
    await expect(page.getByText(fr ? "Entrez votre adresse courriel" : "Enter your email address")).toBeVisible();
    await expectNoSidewaysScroll(page, "sign-in with errors");
    await visit("/forgot-password", "forgot password");
    await page.getByLabel(fr ? "Courriel" : "Email").fill(`nobody-${Date.now()}@example.com`);
    await page.getByRole("button", { name: fr ? "M’envoyer un lien de réinitialisation" : "Send me a reset link" }).click();
    await expect(page.getByRole("heading", { name: fr ? "Consultez vos courriels" : "Check your email" })).toBeVisible();
    await expectNoSidewaysScroll(page, "check your email");
    await visit("/reset-password?token=not-a-token", "reset link not usable");
    await expect(
      page.getByText(fr ? "Ce lien a expiré ou a déjà été utilisé" : "This link has expired or has already been used"),
    ).toBeVisible();
    await visit(`/set-password?token=${inviteToken}`, "set password");
    await page.getByLabel(fr ? "Nouveau mot de passe" : "New password", { exact: true }).fill("short");
    await page.getByRole("button", { name: fr ? "Enregistrer le mot de passe" : "Set password" }).click();
    await expect(
      page.getByRole("link", {
        name: fr ? /^Entrez un mot de passe d’au moins 12\scaractères$/ : "Enter a password of at least 12 characters",
      }),
    ).toBeVisible();
    await expectNoSidewaysScroll(page, "set password with errors");
    await visit(`/reset-password?token=${resetToken}`, "reset password");
    await visit("/payments/not-found", "unknown payment");

    // Signed in.
    if (fr) await signInFrench(page, applicant.email);
    else await signIn(page, applicant.email);
    await visit("/invoices", "invoices");
    await visit("/invoices?number=000", "invoice not found");
    await visit(`/invoices/${invoices[0]!.invoiceNumber}`, "invoice");
    await visit(`/invoices/${invoices[2]!.invoiceNumber}`, "invoice over the maximum");
    await expect(page.getByText(fr ? "Cette facture ne peut pas être payée en ligne" : "This invoice cannot be paid online")).toBeVisible();
    await visit("/payments", "payment history");
    await visit("/payments/00000000-0000-4000-8000-000000000000", "payment not found");
    await expect(page.getByRole("heading", { name: fr ? "Paiement introuvable" : "Payment not found" })).toBeVisible();

    // A payment page while Invoice Cloud's page is open (the longest banner, with "start again").
    await page.goto("/invoices");
    await invoiceRow(page, invoices[1]!.invoiceNumber)
      .getByRole("button", { name: fr ? "PAYER EN LIGNE" : "PAY ONLINE" })
      .click();
    await expect(page).toHaveURL(/\/portal\/access\/otp\//);
    await page.locator("#sign-out").click(); // Invoice Cloud's "Sign out and Return to …"
    await expect(
      page.getByText(fr ? "Nous confirmons votre paiement auprès d’Invoice Cloud" : "We're confirming your payment with Invoice Cloud"),
    ).toBeVisible();
    await expectNoSidewaysScroll(page, "payment page (confirming)");
    await expectTouchTargets(page, "payment page (confirming)", { selector: CONTROLS });
    await context.close();
  });
}

test("a first visit follows Accept-Language: French sign-in with <html lang=fr-CA>", async ({ browser }) => {
  const { context, page } = await newPage(browser, { locale: "fr-CA", extraHTTPHeaders: { "accept-language": "fr-CA,fr;q=0.9,en;q=0.5" } });
  await page.goto("/");
  await expect(page).toHaveURL(/\/signin/);
  await expect(page.locator("html")).toHaveAttribute("lang", "fr-CA");
  await expect(page.getByRole("heading", { name: "Se connecter" })).toBeVisible();
  await expect(page.getByLabel("Courriel")).toBeVisible();
  await expect(page.getByLabel("Mot de passe")).toBeVisible();
  await expect(page).toHaveTitle("Se connecter · PermitPay");
  // The switch offers English, named in English.
  await expect(page.getByRole("button", { name: "English" })).toHaveAttribute("lang", "en");
  // next-auth's error codes on the address read in French too.
  await page.goto("/signin?error=SessionRequired");
  await expect(page.getByText("Connectez-vous pour voir cette page.")).toBeVisible();
  await page.goto("/signin?error=CredentialsSignin");
  await expect(page.getByText("Le courriel ou le mot de passe est inexact. Vérifiez-les, puis réessayez.")).toBeVisible();
  await context.close();

  const english = await newPage(browser, ENGLISH);
  await english.page.goto("/signin");
  await expect(english.page.locator("html")).toHaveAttribute("lang", "en-CA");
  await expect(english.page.getByRole("heading", { name: "Sign in" })).toBeVisible();
  await english.context.close();
});

test("the language switch works from the keyboard", async ({ browser }) => {
  const { context, page } = await newPage(browser, ENGLISH);
  await page.goto("/signin");
  /** Tabs until the switch has focus (it sits in the header, after the skip link and the home link). */
  const tabTo = async (name: string) => {
    for (let i = 0; i < 10; i++) {
      await page.keyboard.press("Tab");
      const focused = await page.evaluate(() => document.activeElement?.textContent?.trim());
      if (focused === name) return;
    }
    throw new Error(`the keyboard never reached "${name}"`);
  };
  await tabTo("Français");
  await page.keyboard.press("Enter");
  await expect(page.locator("html")).toHaveAttribute("lang", "fr-CA");
  await expect(page.getByRole("heading", { name: "Se connecter" })).toBeVisible();
  // The choice is kept (cookie) on the next page.
  await page.goto("/forgot-password");
  await expect(page.getByRole("heading", { name: /^Mot de passe oublié\s\?$/ })).toBeVisible();
  await tabTo("English");
  await page.keyboard.press("Space");
  await expect(page.locator("html")).toHaveAttribute("lang", "en-CA");
  await expect(page.getByRole("heading", { name: "Forgot your password?" })).toBeVisible();
  await context.close();
});
