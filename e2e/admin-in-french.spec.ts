// The biller admin in Canadian French and on a narrow phone (issue 16): Configure Payment Page
// Settings saved in French with French error messages (Invoice Cloud's field names kept), the
// payments, payment and reconciliation pages with amounts like "1 250,00 $", a refund recorded in
// French, every admin page at 320 CSS px in both languages without sideways scrolling (wide tables
// scroll in their own box), and axe over the French admin pages.
import crypto from "node:crypto";
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import type { Db } from "../lib/prisma-client";
import { createBiller, createInvoice, createPermit, createUser } from "../prisma/factories";
import { expect, sandbox, signIn, test } from "./fixtures";
import { expectNoSidewaysScroll, expectTouchTargets } from "./layout-checks";

const hex = (n: number) => crypto.randomBytes(n).toString("hex");
const NARROW = { width: 320, height: 640 };
/** "1 250,00 $" with the non-breaking spaces fr-CA writes (\s matches them). */
const FR_1250 = /1\s250,00\s\$/;

async function expectAccessible(page: Page, where: string) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  expect(results.passes.length).toBeGreaterThan(10);
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect.soft(serious.map((v) => `${where}: ${v.id} (${v.impact}) ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
}

/** A biller of our own with an admin who chose `locale`, type ids 42 and 43, and the same biller in the sandbox. */
async function arrangeBiller(db: Db, locale: "fr-CA" | "en-CA" = "fr-CA") {
  const biller = await createBiller(db, { name: `E2E Ville ${hex(4)}`, dbaName: `Ville de E2E ${hex(2)}` });
  const admin = await createUser(db, { role: "BILLER_ADMIN", billerId: biller.id, email: `admin-fr-${hex(4)}@e2e.permitpay.test` });
  await db.user.update({ where: { id: admin.id }, data: { locale } });
  await db.invoiceType.createMany({
    data: [
      { billerId: biller.id, typeId: 42, label: "Frais de permis de construire" },
      { billerId: biller.id, typeId: 43, label: "Redevances d’aménagement" },
    ],
  });
  const apiKey = `ic_sandbox_e2e_${hex(8)}`;
  await sandbox.addBiller({ name: biller.name, dba: biller.dbaName, apiKey, billerGuid: crypto.randomUUID(), typeIds: [42, 43] });
  return { biller, admin, apiKey };
}

/** A payment of $1,250.00 that Invoice Cloud confirmed a minute ago, for the payments and report pages. */
async function arrangePaidPayment(db: Db, billerId: string) {
  const applicant = await createUser(db, { role: "APPLICANT", name: "Camille Tremblay", email: `camille-${hex(4)}@e2e.permitpay.test` });
  const permit = await createPermit(db, { applicantId: applicant.id, billerId });
  const invoice = await createInvoice(db, { permit, amountCents: 125000, description: "Permis de construire" });
  const paidAt = new Date(Date.now() - 60_000);
  const attempt = await db.paymentAttempt.create({
    data: {
      billerId,
      applicantId: applicant.id,
      billerReference: `E2E${hex(6)}`,
      status: "PAID",
      totalCents: 125000,
      paidAmountCents: 125000,
      paymentGuid: crypto.randomUUID(),
      closedAt: paidAt,
      expiresAt: new Date(Date.now() + 90 * 60_000),
      invoices: { create: [{ invoiceId: invoice.id, amountCents: 125000 }] },
    },
  });
  await db.invoice.update({
    where: { id: invoice.id },
    data: { status: "PAID", paidAt, paidAmountCents: 125000, paidAttemptId: attempt.id },
  });
  return { attempt, invoice };
}

/** Fills the given fields of Configure Payment Page Settings (labels in French) and saves. */
async function fillAndSave(page: Page, values: { apiKey?: string; billerGuid?: string; typeId?: string; max?: string; siteName?: string }) {
  if (values.apiKey !== undefined) await page.getByLabel("Clé d’API (APIKey)").fill(values.apiKey);
  if (values.billerGuid !== undefined) await page.getByLabel("BillerGUID (facultatif)").fill(values.billerGuid);
  if (values.typeId !== undefined) await page.getByLabel("Type de facture (type-id)").selectOption(values.typeId);
  if (values.max !== undefined) await page.getByLabel(/Montant maximal payable en ligne/).fill(values.max);
  if (values.siteName !== undefined) await page.getByLabel(/Nom du site de retour/).fill(values.siteName);
  await page.getByRole("button", { name: "Enregistrer les paramètres" }).click();
}

test("a biller admin who chose French saves the payment settings in French, with French error messages", async ({ page, db }) => {
  const { biller, admin, apiKey } = await arrangeBiller(db);
  await signIn(page, admin.email); // the sign-in page follows the browser (English); the profile says French after
  await page.goto("/admin/payment-settings");
  await expect(page.locator("html")).toHaveAttribute("lang", "fr-CA");
  await expect(page).toHaveTitle(/Paramètres de la page de paiement/);
  await expect(page.getByRole("heading", { level: 1, name: "Configurer les paramètres de la page de paiement" })).toBeVisible();
  await expect(page.getByText("Paramètres incomplets")).toBeVisible();
  // Invoice Cloud's field names stay as they are; the help around them is French.
  await expect(page.getByLabel("Clé d’API (APIKey)")).toHaveAccessibleDescription(/portail facturier d’Invoice Cloud.*Obligatoire/);
  await expect(page.getByText("Nom du site de retour (CustomReturnSiteName, facultatif)")).toBeVisible();
  await expect(page.getByTestId("tooltip-preview")).toHaveText(`Sign out and Return to ${biller.dbaName}`);

  // Nothing entered: the summary and the fields say what to do, in French.
  await page.getByRole("button", { name: "Enregistrer les paramètres" }).click();
  const summary = page.getByRole("alert").filter({ hasText: "Il y a un problème" });
  await expect(summary).toBeVisible();
  await expect(summary.getByRole("link", { name: "Entrez la clé d’API" })).toBeVisible();
  await expect(summary.getByRole("link", { name: "Choisissez un type de facture" })).toBeVisible();
  await expect(page.getByLabel("Clé d’API (APIKey)")).toHaveAttribute("aria-invalid", "true");
  await expect(page.locator("#apiKey-error")).toHaveText("Erreur\u00a0: Entrez la clé d’API");

  // Bad values, each refused in French next to its field.
  await fillAndSave(page, { apiKey: "ic court", billerGuid: "pas-un-guid", typeId: "42", max: "beaucoup", siteName: "x".repeat(101) });
  await expect(page.locator("#apiKey-error")).toContainText("Entrez la clé d’API sans espaces");
  await expect(page.locator("#billerGuid-error")).toContainText("Entrez le BillerGUID sous la forme 6f1c9a2e-3b4d-4e5f-8a7b-1c2d3e4f5a6b");
  await expect(page.locator("#maxOnlineAmount-error")).toContainText("Entrez un maximum comme 2\u00a0500,00");
  await expect(page.locator("#customReturnSiteName-error")).toContainText(
    "Entrez un nom de site de retour de 100\u00a0caractères ou moins",
  );
  await fillAndSave(page, { apiKey: "court", billerGuid: "", max: "0", siteName: "" });
  await expect(page.locator("#apiKey-error")).toContainText("Entrez la clé d’API complète (au moins 12\u00a0caractères)");
  await expect(page.locator("#maxOnlineAmount-error")).toContainText("Entrez un maximum supérieur à 0,00\u00a0$");
  await fillAndSave(page, { apiKey, max: "30 000 000,00" });
  await expect(page.locator("#maxOnlineAmount-error")).toContainText("Entrez un maximum de 21\u00a0474\u00a0836,47\u00a0$ ou moins");
  expect(await db.paymentSettings.findUnique({ where: { billerId: biller.id } })).toBeNull();

  // Good values, the maximum written the French way, are saved.
  await fillAndSave(page, { apiKey, typeId: "43", max: "2 500,00", siteName: "Hôtel de ville" });
  await expect(page.getByRole("status").filter({ hasText: "Paramètres de la page de paiement enregistrés" })).toBeVisible();
  expect(await db.paymentSettings.findUniqueOrThrow({ where: { billerId: biller.id } })).toMatchObject({
    apiKeyLast4: apiKey.slice(-4),
    invoiceTypeId: 43,
    maxOnlineAmountCents: 250000,
    customReturnSiteName: "Hôtel de ville",
  });
  // Saving again without changes says so; Test connection answers in French.
  await page.getByRole("button", { name: "Enregistrer les paramètres" }).click();
  await expect(page.getByText("Aucun changement\u00a0: les paramètres étaient déjà enregistrés")).toBeVisible();
  await page.getByRole("button", { name: "Tester la connexion" }).click();
  await expect(page.getByTestId("connection-result")).toContainText("Connecté à Invoice Cloud (statut du facturier\u00a0:");
  await page.getByRole("button", { name: "Remplacer la clé" }).click();
  await page.getByLabel("Clé d’API (APIKey)").fill("ic_sandbox_mauvaise_cle_0000");
  await page.getByRole("button", { name: "Tester la connexion" }).click();
  await expect(page.getByTestId("connection-result")).toContainText("Invoice Cloud a refusé la clé d’API");
  await page.reload();
  await expect(page.getByText("Paramètres complets\u00a0: les demandeurs peuvent payer en ligne")).toBeVisible();
  await expect(page.getByTestId("stored-api-key")).toContainText(`•••• ${apiKey.slice(-4)}`);
  await expectAccessible(page, "payment settings (fr)");
  // Screenshots for the docs only when asked (E2E_SCREENSHOT_DIR=docs/screenshots), so a test run leaves the tree clean.
  if (process.env.E2E_SCREENSHOT_DIR)
    await page.screenshot({ path: `${process.env.E2E_SCREENSHOT_DIR}/fr-admin-payment-settings.png`, fullPage: true });

  // The audit log reads in French too; event types stay as stored.
  await page.goto("/admin/audit");
  await expect(page.getByRole("heading", { level: 1, name: "Journal d’audit" })).toBeVisible();
  await expect(page.getByTestId("audit-row").filter({ hasText: "settings.updated" }).first()).toContainText("Clé d’API définie");
});

test("the payments, payment and reconciliation pages read in French, with amounts like 1 250,00 $", async ({ page, db }) => {
  const { biller, admin } = await arrangeBiller(db);
  const { attempt, invoice } = await arrangePaidPayment(db, biller.id);
  await signIn(page, admin.email);

  await page.goto("/admin/payments");
  await expect(page.getByRole("heading", { level: 1, name: "Paiements" })).toBeVisible();
  const row = page.getByRole("row").filter({ hasText: "Camille Tremblay" });
  await expect(row).toContainText(FR_1250);
  await expect(row).toContainText("PAYÉE");
  await expect(page.getByRole("columnheader", { name: "Demandeur" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Télécharger le CSV" })).toBeVisible();

  await page.goto("/admin/reports");
  await expect(page.getByRole("heading", { level: 1, name: "Rapprochement" })).toBeVisible();
  await expect(page.getByTestId("report-total")).toContainText(FR_1250);
  await expect(page.getByRole("heading", { name: "Écarts" })).toBeVisible();

  await page.goto(`/admin/payments/${attempt.id}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/Paiement de 1\s250,00\s\$ · PAYÉE/);
  await expect(page.getByText(/Il reste au plus 1\s250,00\s\$ à rembourser/)).toBeVisible();
  // A refund recorded in French: the amount typed the French way, the answer in French.
  await page.getByLabel(new RegExp(`Facture ${invoice.invoiceNumber}`)).fill("250,00");
  await page.getByLabel("Référence de remboursement d’Invoice Cloud").fill(`RF-FR-${hex(3)}`);
  await page.getByLabel("Note (raison du remboursement)").fill("Permis retiré\u00a0; remboursé dans Invoice Cloud");
  await page.getByRole("button", { name: "Enregistrer le remboursement" }).click();
  await expect(page.getByRole("status").filter({ hasText: /Remboursement de 250,00\s\$ enregistré/ })).toBeVisible();
  expect(await db.invoice.findUniqueOrThrow({ where: { id: invoice.id } })).toMatchObject({ status: "PAID", refundedCents: 25000 });
  // Too much is refused in French, with the amount written the French way.
  await page.reload();
  await page.getByLabel(new RegExp(`Facture ${invoice.invoiceNumber}`)).fill("1 100,00");
  await page.getByLabel("Référence de remboursement d’Invoice Cloud").fill(`RF-FR-${hex(3)}`);
  await page.getByLabel("Note (raison du remboursement)").fill("Deuxième remboursement");
  await page.getByRole("button", { name: "Enregistrer le remboursement" }).click();
  await expect(page.getByRole("alert").filter({ hasText: /Il reste 1\s000,00\s\$ à rembourser/ })).toBeVisible();
  await expectAccessible(page, "payment (fr)");
});

const ADMIN_PAGES = [
  ["/admin/payment-settings", { en: "Configure Payment Page Settings", fr: "Configurer les paramètres de la page de paiement" }],
  ["/admin/payments", { en: "Payments", fr: "Paiements" }],
  ["payment", { en: /^Payment \$1,250\.00 · PAID$/, fr: /^Paiement de 1\s250,00\s\$ · PAYÉE$/ }],
  ["/admin/reports", { en: "Reconciliation", fr: "Rapprochement" }],
  ["/admin/invoices", { en: "Invoices", fr: "Factures" }],
  ["/admin/invoices/new", { en: "Issue an invoice", fr: "Émettre une facture" }],
  ["/admin/invoices/import", { en: "Import invoices from a CSV file", fr: "Importer des factures d’un fichier CSV" }],
  ["/admin/api-credentials", { en: "API credentials", fr: "Identifiants d’API" }],
  ["/admin/api-reference", { en: "Invoices API reference", fr: "Référence de l’API Factures" }],
  ["/admin/webhooks", { en: "Webhooks and notifications", fr: "Webhooks et notifications" }],
  ["/admin/audit", { en: "Audit log", fr: "Journal d’audit" }],
] as const;

for (const locale of ["fr-CA", "en-CA"] as const) {
  const lang = locale === "fr-CA" ? "fr" : "en";
  test.describe(`at 320 CSS px (${lang})`, () => {
    test.use({ viewport: NARROW });

    test(`every admin page reflows without sideways scrolling, with 24 px targets (${lang})`, async ({ page, db }) => {
      test.setTimeout(180_000);
      const { biller, admin, apiKey } = await arrangeBiller(db, locale);
      const { attempt } = await arrangePaidPayment(db, biller.id);
      // Long values that must wrap or scroll in their own box: a webhook URL, a credential, a delivery.
      await db.webhookEndpoint.create({
        data: {
          billerId: biller.id,
          url: `https://permits.a-long-municipal-domain.example.org/hooks/permitpay/${hex(16)}`,
          events: ["payment.paid", "payment.needs_review", "payment.review_settled", "payment.refunded"],
          enabled: true,
          secretCiphertext: "unused-in-this-test",
        },
      });
      await signIn(page, admin.email);
      // Settings saved first, so the page shows the stored key and every button.
      await page.goto("/admin/payment-settings");
      await page.getByLabel(/APIKey/).fill(apiKey);
      await page.getByLabel(/type-id/).selectOption("42");
      await page.getByRole("button", { name: lang === "fr" ? "Enregistrer les paramètres" : "Save settings" }).click();
      await expect(page.getByTestId("stored-api-key")).toBeVisible();

      for (const [path, title] of ADMIN_PAGES) {
        await page.goto(path === "payment" ? `/admin/payments/${attempt.id}` : path);
        await expect(page.locator("html")).toHaveAttribute("lang", locale);
        await expect(page.getByRole("heading", { level: 1 })).toHaveText(title[lang]);
        await expectNoSidewaysScroll(page, `${path} (${lang})`);
        await expectTouchTargets(page, `${path} (${lang})`, { soft: true });
        if (lang === "fr") await expectAccessible(page, `${path} (fr, 320 px)`);
      }
    });
  });
}
