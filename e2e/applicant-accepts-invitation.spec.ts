// An applicant gets in: the permit system (played by the test, over HTTP) creates an invoice for a
// new email through the Invoices API; the invitation arrives in MailDev; its link sets a password
// (once); the applicant signs in and sees the invoice.
import crypto from "node:crypto";
import AxeBuilder from "@axe-core/playwright";
import { createBiller } from "../prisma/factories";
import { expect, signIn, test } from "./fixtures";
import { emailedLink } from "./mail-helpers";

const PASSWORD = "violet tractor harbour";

test("an invoice for a new email invites the applicant, whose link sets a password once", async ({ page, browser, db, request }) => {
  const biller = await createBiller(db, { dbaName: "Town of Caledon" });
  const apiToken = `ppk_${crypto.randomBytes(32).toString("base64url")}`;
  await db.apiCredential.create({
    data: {
      billerId: biller.id,
      name: "Permit system",
      tokenHash: crypto.createHash("sha256").update(apiToken).digest("hex"),
      tokenPrefix: apiToken.slice(0, 12),
    },
  });
  const suffix = crypto.randomBytes(4).toString("hex");
  const email = `new-applicant-${suffix}@permitpay.test`;

  const created = await request.post("/api/v1/invoices", {
    headers: { authorization: `Bearer ${apiToken}`, "idempotency-key": `invite-${suffix}` },
    data: {
      externalReference: `CAL-${suffix}`,
      permit: { number: `CAL-BP-${suffix}`, description: "Deck permit" },
      applicant: {
        email,
        name: "Nadia Newcomer",
        address: { line1: "1 Main St", city: "Caledon", state: "ON", postalCode: "L7C 1A1" },
      },
      description: "Deck permit fee",
      amountCents: 18_500,
      dueDate: "2026-12-31",
    },
  });
  expect(created.status()).toBe(201);
  const applicant = await db.user.findUniqueOrThrow({ where: { email } });
  expect(applicant.passwordHash).toBeNull();

  const { email: invitation, url } = await emailedLink(email, /Town of Caledon has sent you a permit invoice/, "/set-password");
  expect(invitation.text).toContain("Hello Nadia Newcomer,");
  expect(invitation.text).toContain("expires in 7 days");
  // The email itself is accessible: one h1, a language, link text that says where it goes.
  const mailContext = await browser.newContext();
  const mailView = await mailContext.newPage();
  await mailView.setContent(invitation.html);
  await expect(mailView.getByRole("heading", { level: 1 })).toHaveText("You have a permit invoice to pay");
  await expect(mailView.getByRole("link", { name: "Set your PermitPay password" })).toHaveAttribute("href", url);
  const axe = await new AxeBuilder({ page: mailView }).withTags(["wcag2a", "wcag2aa"]).analyze();
  expect(axe.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id)).toEqual([]);
  await mailContext.close();

  await page.goto(url);
  await expect(page.getByRole("heading", { level: 1, name: "Set your password" })).toBeVisible();
  await expect(page.getByText(`Welcome, Nadia Newcomer. Choose a password for ${email}`)).toBeVisible();
  // The browser checks what it can before asking the server.
  await page.getByLabel("New password", { exact: true }).fill("too-short");
  await page.getByLabel("Type the new password again").fill("something-else");
  await page.getByRole("button", { name: "Set password" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "There is a problem" })).toContainText(
    "Enter a password of at least 12 characters",
  );
  await page.getByLabel("New password", { exact: true }).fill(PASSWORD);
  await page.getByLabel("Type the new password again").fill(PASSWORD);
  await page.getByRole("button", { name: "Set password" }).click();
  await expect(page.getByText("Your password is set")).toBeVisible();
  expect((await db.user.findUniqueOrThrow({ where: { email } })).passwordHash).not.toBeNull();

  await signIn(page, email, PASSWORD);
  await expect(page).toHaveURL(/\/invoices$/);
  await expect(page.getByText("Deck permit fee")).toBeVisible();

  // The link was single use.
  await page.goto(url);
  await expect(page.getByText("This link has expired or has already been used")).toBeVisible();
});
