// Every page a person uses, scanned with axe-core: no serious or critical violations.
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { expect, signIn, test } from "./fixtures";
import { arrangeApplicant, CARDS, invoiceRow, payOnInvoiceCloud } from "./payment-helpers";

async function expectAccessible(page: Page, name: string) {
  // After a client-side navigation (sign-in lands on its page that way) Next.js streams the new
  // page's <title> in a moment after its content: wait for it, so axe judges the page as it settles.
  await expect(page, `${name}: a page title`).toHaveTitle(/\S/);
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  expect(results.passes.length).toBeGreaterThan(10); // axe really ran its rules
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious.map((v) => `${name}: ${v.id} (${v.impact}) ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
}

test("sign-in page", async ({ page }) => {
  await page.goto("/signin");
  await expectAccessible(page, "sign-in");
});

test("applicant pages", async ({ page }) => {
  await signIn(page, "applicant@permitpay.test");
  await expectAccessible(page, "invoices");
  await page.goto("/invoices/17592206141024");
  await expectAccessible(page, "invoice over the maximum");
  await page.goto("/invoices?number=000");
  await expectAccessible(page, "invoice not found");
  await page.goto("/payments");
  await expectAccessible(page, "payment history");
});

test("biller admin pages", async ({ page }) => {
  await signIn(page, "admin@mississauga.permitpay.test");
  await expectAccessible(page, "payment settings");
  await page.goto("/admin/payments");
  await expectAccessible(page, "admin payments");
  await page.goto("/admin/audit");
  await expectAccessible(page, "audit");
});

test("platform admin pages", async ({ page }) => {
  await signIn(page, "platform@permitpay.test");
  await expectAccessible(page, "billers");
  await page.getByRole("link", { name: "City of Mississauga" }).first().click();
  await expect(page).toHaveURL(/\/platform\/billers\/.+/);
  await expectAccessible(page, "biller detail");
});

test("the payment journey, including the sandbox's Invoice Cloud pages", async ({ page, db }) => {
  const { applicant, invoices } = await arrangeApplicant(db, [6000]);
  await signIn(page, applicant.email);
  await invoiceRow(page, invoices[0]!.invoiceNumber).getByRole("button", { name: "PAY ONLINE" }).click();
  await expect(page).toHaveURL(/\/portal\/access\/otp\//);
  await expectAccessible(page, "hosted payment page");
  await payOnInvoiceCloud(page, CARDS.approve);
  await expectAccessible(page, "receipt");
  await page.getByRole("link", { name: "Return to Home Page" }).click();
  await expect(page.getByText("Payment received")).toBeVisible();
  await expectAccessible(page, "payment received");
});

test.describe("in French", () => {
  test.use({ locale: "fr-CA" }); // Accept-Language: fr-CA, so a first visit is in French

  async function expectFrench(page: Page, name: string) {
    await expect(page.locator("html")).toHaveAttribute("lang", "fr-CA");
    await expectAccessible(page, name);
  }

  test("sign-in and account pages", async ({ page }) => {
    await page.goto("/signin");
    await expect(page.getByRole("heading", { name: "Se connecter" })).toBeVisible();
    await expectFrench(page, "fr sign-in");
    await page.getByRole("button", { name: "Se connecter" }).click(); // empty: the field errors
    await expect(page.getByText("Entrez votre adresse courriel")).toBeVisible();
    await expectFrench(page, "fr sign-in with errors");
    await page.goto("/forgot-password");
    await expectFrench(page, "fr forgot password");
    await page.goto("/reset-password?token=not-a-token");
    await expect(page.getByText("Ce lien a expiré ou a déjà été utilisé")).toBeVisible();
    await expectFrench(page, "fr link not usable");
    await page.goto("/payments/not-found");
    await expectFrench(page, "fr unknown payment");
  });

  test("applicant pages and the payment journey", async ({ page, db }) => {
    const { applicant, invoices } = await arrangeApplicant(db, [6000, 250001]);
    await page.goto("/signin");
    await page.getByLabel("Courriel").fill(applicant.email);
    await page.getByLabel("Mot de passe").fill("permitpay-demo");
    await page.getByRole("button", { name: "Se connecter" }).click();
    await expect(page.getByRole("heading", { name: "Mes factures de permis" })).toBeVisible();
    await expectFrench(page, "fr invoices");
    await page.goto(`/invoices/${invoices[1]!.invoiceNumber}`);
    await expectFrench(page, "fr invoice over the maximum");
    await page.goto("/invoices?number=000");
    await expectFrench(page, "fr invoice not found");
    await page.goto("/invoices");
    await invoiceRow(page, invoices[0]!.invoiceNumber).getByRole("button", { name: "PAYER EN LIGNE" }).click();
    await payOnInvoiceCloud(page, CARDS.approve);
    await page.getByRole("link", { name: "Return to Home Page" }).click();
    await expect(page.getByText("Paiement reçu")).toBeVisible();
    await expectFrench(page, "fr payment received");
    await page.goto("/payments");
    await expectFrench(page, "fr payment history");
  });
});
