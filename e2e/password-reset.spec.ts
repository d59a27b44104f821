// Forgotten password, end to end over real SMTP: the emailed link sets a new password, the old
// one stops working, and a session signed in before the reset (another browser) is signed out.
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { createUser } from "../prisma/factories";
import { expect, signIn, test } from "./fixtures";
import { emailedLink, inbox } from "./mail-helpers";

const OLD_PASSWORD = "my-old-password-1";
const NEW_PASSWORD = "a brand new passphrase";

test("forgotten password → email → the new password works, the old one does not, and an older session is signed out", async ({
  page,
  browser,
  db,
}) => {
  const user = await createUser(db, { role: "APPLICANT", password: OLD_PASSWORD });

  // Another browser, signed in before the reset.
  const otherBrowser = await browser.newContext();
  const otherPage = await otherBrowser.newPage();
  await signIn(otherPage, user.email, OLD_PASSWORD);
  await otherPage.goto("/invoices");
  await expect(otherPage.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(otherPage).toHaveURL(/\/invoices$/);

  await page.goto("/signin");
  await page.getByRole("link", { name: "Forgot your password?" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Forgot your password?" })).toBeVisible();
  await page.getByLabel("Email").fill(user.email.toUpperCase());
  await page.getByRole("button", { name: "Send me a reset link" }).click();
  await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();

  const { email, url } = await emailedLink(user.email, /^Reset your PermitPay password$/, "/reset-password");
  expect(email.text).toContain("expires in 1 hour");
  await page.goto(url);
  await expect(page.getByRole("heading", { level: 1, name: "Reset your password" })).toBeVisible();
  await expect(page.getByText(`Choose a new password for ${user.email}`)).toBeVisible();

  // The server's rules: a common password is refused next to its field.
  await page.getByLabel("New password", { exact: true }).fill("password1234");
  await page.getByLabel("Type the new password again").fill("password1234");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.locator("#password-error")).toContainText("Choose a different password: this one is too common");

  await page.getByLabel("New password", { exact: true }).fill(NEW_PASSWORD);
  await page.getByLabel("Type the new password again").fill(NEW_PASSWORD);
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByText("Your password has been changed")).toBeVisible();

  const stored = await db.user.findUniqueOrThrow({ where: { id: user.id } });
  expect(stored.passwordChangedAt).not.toBeNull();
  expect(await db.accountToken.count({ where: { userId: user.id, usedAt: null } })).toBe(0);

  // The session from before the reset is over.
  await otherPage.goto("/invoices");
  await expect(otherPage).toHaveURL(/\/signin/);
  await otherBrowser.close();

  // The old password no longer works; the new one does.
  await page.getByRole("link", { name: "Sign in with your new password" }).click();
  await page.getByLabel("Email").fill(user.email);
  await page.getByLabel("Password").fill(OLD_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Sign-in failed" })).toContainText("The email or password is not right");
  await signIn(page, user.email, NEW_PASSWORD);
  await expect(page).toHaveURL(/\/invoices$/);

  // The link was single use.
  await page.goto(url);
  await expect(page.getByText("This link has expired or has already been used")).toBeVisible();
  await expect(page.getByLabel("New password", { exact: true })).toHaveCount(0);
});

test("the page answers the same for an email without an account, and sends it nothing", async ({ page, db }) => {
  const user = await createUser(db, { role: "APPLICANT" });
  const nobody = `nobody-${Date.now()}@permitpay.test`;
  const answers: string[] = [];
  for (const email of [nobody, user.email]) {
    await page.goto("/forgot-password");
    await page.getByLabel("Email").fill(email);
    await page.getByRole("button", { name: "Send me a reset link" }).click();
    const panel = page.getByRole("status").filter({ hasText: "Check your email" });
    await expect(panel).toBeVisible();
    answers.push((await panel.innerText()).replace(email, "<email>"));
  }
  expect(answers[0]).toBe(answers[1]);
  // The account's email arrived; the unknown address, asked for first, got none.
  await inbox.waitFor(user.email, { subject: /Reset your PermitPay password/ });
  expect(await inbox.to(nobody)).toHaveLength(0);
});

test("an invited user with no password yet cannot sign in, and an empty or mistyped link shows why", async ({ page, db }) => {
  const invited = await createUser(db, { role: "APPLICANT" });
  await db.user.update({ where: { id: invited.id }, data: { passwordHash: null } });
  await page.goto("/signin");
  await page.getByLabel("Email").fill(invited.email);
  await page.getByLabel("Password").fill("permitpay-timing-equaliser");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Sign-in failed" })).toBeVisible();

  for (const path of ["/set-password", "/set-password?token=not-a-real-token", "/reset-password?token=x"]) {
    await page.goto(path);
    await expect(page.getByText("This link has expired or has already been used")).toBeVisible();
    await expect(page.getByRole("link", { name: "Ask for a new link" })).toHaveAttribute("href", "/forgot-password");
  }
});

async function expectAccessible(page: Page, name: string) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  expect(results.passes.length).toBeGreaterThan(5); // axe really ran its rules
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious.map((v) => `${name}: ${v.id} (${v.impact}) ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
}

test("the account pages and the reset email pass axe", async ({ page, browser, db }) => {
  test.slow(); // six axe scans
  const user = await createUser(db, { role: "BILLER_ADMIN" });
  await page.goto("/forgot-password");
  await expectAccessible(page, "forgot password");
  await page.getByRole("button", { name: "Send me a reset link" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "There is a problem" })).toContainText("Enter your email address");
  await expectAccessible(page, "forgot password, with an error");
  await page.getByLabel("Email").fill(user.email);
  await page.getByRole("button", { name: "Send me a reset link" }).click();
  await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();
  await expectAccessible(page, "check your email");

  const { email, url } = await emailedLink(user.email, /Reset your PermitPay password/, "/reset-password");
  const mailContext = await browser.newContext();
  const mailView = await mailContext.newPage();
  await mailView.setContent(email.html);
  await expectAccessible(mailView, "reset email");
  await mailContext.close();

  await page.goto(url);
  await expectAccessible(page, "reset password");
  await page.getByLabel("New password", { exact: true }).fill("long enough passphrase");
  await page.getByLabel("Type the new password again").fill("a different one");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.locator("#confirmPassword-error")).toContainText("Enter the same password in both fields");
  await expectAccessible(page, "reset password, with an error");
  await page.goto("/set-password?token=spent");
  await expectAccessible(page, "link not usable");
});
