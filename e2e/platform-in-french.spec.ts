// The platform admin in Canadian French and on a narrow phone (issue 16): the billers list, a
// biller's page and the undelivered messages read in French, the forms' errors too, and no page
// scrolls sideways at 320 CSS px in either language (wide tables scroll in their own box).
import crypto from "node:crypto";
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { createBiller, createUser } from "../prisma/factories";
import { expect, signIn, test } from "./fixtures";
import { expectNoSidewaysScroll, expectTouchTargets } from "./layout-checks";

const hex = (n: number) => crypto.randomBytes(n).toString("hex");
const NARROW = { width: 320, height: 640 };

async function expectAccessible(page: Page, where: string) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  expect(results.passes.length).toBeGreaterThan(10);
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious.map((v) => `${where}: ${v.id} (${v.impact}) ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
}

async function checkNarrow(page: Page, where: string) {
  await expectNoSidewaysScroll(page, where);
  await expectTouchTargets(page, where);
}

test.use({ viewport: NARROW });

test("a platform admin who chose French manages a biller in French at 320 px, with French error messages", async ({ page, db }) => {
  const admin = await createUser(db, { role: "PLATFORM_ADMIN", email: `platform-fr-${hex(4)}@e2e.permitpay.test` });
  await db.user.update({ where: { id: admin.id }, data: { locale: "fr-CA" } });
  const other = await createBiller(db, { name: `E2E Ville Longue ${hex(4)}` });
  await db.outboxMessage.create({
    data: {
      eventId: crypto.randomUUID(),
      eventType: "payment.paid",
      billerId: other.id,
      channel: "EMAIL",
      recipient: `a-very-long-address-${hex(8)}@a-long-municipal-domain.e2e.permitpay.test`,
      template: "paymentReceipt",
      payload: {},
      status: "DEAD",
      tries: 9,
      retryUntil: new Date(),
      lastError: "Address refused: 550 5.1.1 No such mailbox",
      deadAt: new Date(),
    },
  });
  await signIn(page, admin.email); // the sign-in page follows the browser (English); the profile says French after

  await expect(page).toHaveURL(/\/platform\/billers$/);
  await expect(page.locator("html")).toHaveAttribute("lang", "fr-CA");
  await expect(page.getByRole("heading", { level: 1, name: "Facturiers" })).toBeVisible();
  await expect(page.getByRole("row", { name: /City of Mississauga/ })).toContainText("Complets");
  await checkNarrow(page, "billers (fr)");
  await expectAccessible(page, "billers (fr)");

  // A bad time zone is refused in French, then a good one is accepted.
  const name = `E2E Ville ${hex(4)}`;
  await page.getByLabel("Nom", { exact: true }).fill(name);
  await page.getByLabel("Nom commercial (DBA)").fill("Ville");
  await page.getByLabel("Fuseau horaire").fill("Mars/Olympus");
  await page.getByRole("button", { name: "Ajouter le facturier" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Il y a un problème" })).toContainText(
    "Entrez un fuseau horaire IANA, comme America/Toronto",
  );
  await checkNarrow(page, "billers with errors (fr)");
  await page.getByLabel("Fuseau horaire").fill("America/Toronto");
  await page.getByRole("button", { name: "Ajouter le facturier" }).click();
  await expect(page.getByText(`${name} ajouté`)).toBeVisible();
  await page.getByRole("link", { name: "Ouvrir le nouveau facturier" }).click();
  await expect(page).toHaveURL(/\/platform\/billers\/[0-9a-f-]{36}$/);
  await expect(page.getByText("Clé d’API enregistrée\u00a0: Non")).toBeVisible();
  await expect(page.getByText("Aucun ID de type pour l’instant")).toBeVisible();

  // Type ids: a bad one and a duplicate are refused in French.
  await page.getByRole("textbox", { name: "ID de type Invoice Cloud" }).fill("7.5");
  await page.getByLabel("Libellé").fill("Occupation de la voie publique");
  await page.getByRole("button", { name: "Ajouter l’ID de type" }).click();
  await expect(page.locator("#type-typeId-error")).toContainText("Entrez l’ID de type Invoice Cloud en nombre entier, comme 42");
  await page.getByRole("textbox", { name: "ID de type Invoice Cloud" }).fill("77");
  await page.getByRole("button", { name: "Ajouter l’ID de type" }).click();
  await expect(page.getByText("ID de type 77 ajouté")).toBeVisible();
  await page.getByRole("textbox", { name: "ID de type Invoice Cloud" }).fill("77");
  await page.getByLabel("Libellé").fill("Encore");
  await page.getByRole("button", { name: "Ajouter l’ID de type" }).click();
  await expect(page.locator("#type-typeId-error")).toContainText("L’ID de type 77 est déjà dans la liste de ce facturier");

  // A biller admin: a short password is refused in French; a generated one is shown once.
  await page.getByLabel("Adresse courriel").fill(`admin-${hex(4)}@e2e.permitpay.test`);
  await page.getByLabel("Nom complet").fill("Pia Ville");
  await page.getByLabel("Mot de passe initial (facultatif)").fill("trop-court");
  await page.getByRole("button", { name: "Créer l’administrateur" }).click();
  await expect(page.locator("#admin-password-error")).toContainText("au moins 12 caractères");
  await page.getByLabel("Mot de passe initial (facultatif)").fill("");
  await page.getByRole("button", { name: "Créer l’administrateur" }).click();
  await expect(page.getByText("Il n’est affiché que maintenant")).toBeVisible();
  await expect(page.getByTestId("generated-password")).not.toBeEmpty();
  await checkNarrow(page, "biller (fr)");
  await page.reload();
  await expect(page.getByRole("heading", { name: "Événements d’audit" })).toBeVisible();
  await checkNarrow(page, "biller with audit events (fr)");
  await expectAccessible(page, "biller (fr)");

  await page.goto("/platform/outbox");
  await expect(page.getByRole("heading", { level: 1, name: "Messages non livrés" })).toBeVisible();
  await expect(page.getByTestId("outbox-backlog")).toContainText("En attente d’envoi\u00a0:");
  await expect(page.locator("tbody tr").filter({ hasText: other.name })).toContainText("Courriel à a-very-long-address-");
  await checkNarrow(page, "undelivered messages (fr)");
  await expectAccessible(page, "undelivered messages (fr)");
});

test("the platform pages reflow at 320 px in English too", async ({ page }) => {
  await signIn(page, "platform@permitpay.test");
  await expect(page.getByRole("heading", { level: 1, name: "Billers" })).toBeVisible();
  await checkNarrow(page, "billers (en)");
  await page.getByRole("link", { name: "City of Mississauga" }).first().click();
  await expect(page.getByText("Payment settings complete")).toBeVisible();
  await checkNarrow(page, "biller (en)");
  await page.goto("/platform/outbox");
  await expect(page.getByRole("heading", { level: 1, name: "Undelivered messages" })).toBeVisible();
  await checkNarrow(page, "undelivered messages (en)");
});
