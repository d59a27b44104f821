// Every demo account signs in and sees only what its role allows.
import { createUser } from "../prisma/factories";
import { expect, signIn, test } from "./fixtures";

test("a wrong password gets one message that does not say which part was wrong", async ({ page }) => {
  await page.goto("/signin");
  await page.getByLabel("Email").fill("applicant@permitpay.test");
  await page.getByLabel("Password").fill("not-the-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Sign-in failed" })).toContainText("The email or password is not right");
  await page.getByLabel("Email").fill("nobody@permitpay.test");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Sign-in failed" })).toContainText("The email or password is not right");
  await expect(page).toHaveURL(/\/signin/);
});

test("signed-out visitors are sent to sign-in and come back afterwards", async ({ page }) => {
  await page.goto("/invoices");
  await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Finvoices/);
  await page.getByLabel("Email").fill("applicant@permitpay.test");
  await page.getByLabel("Password").fill("permitpay-demo");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/invoices$/);
});

test("an applicant sees their own invoices only, and no admin pages", async ({ page }) => {
  await signIn(page, "applicant@permitpay.test");
  await expect(page).toHaveURL(/\/invoices/);
  await expect(page.getByText("17592206141008")).toBeVisible();
  // applicant2's invoice never appears.
  await expect(page.getByText("17592206141032")).toHaveCount(0);
  for (const path of ["/admin/payment-settings", "/platform/billers"]) {
    const response = await page.goto(path);
    expect(response?.status()).toBe(404);
  }
});

test("sign-out ends the session", async ({ page }) => {
  await signIn(page, "applicant2@permitpay.test");
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/signin/);
  await page.goto("/invoices");
  await expect(page).toHaveURL(/\/signin/);
});

test("each admin lands on their own home", async ({ page }) => {
  await signIn(page, "admin@mississauga.permitpay.test");
  await expect(page).toHaveURL(/\/admin\/payment-settings/);
  expect((await page.goto("/invoices"))?.status()).toBe(404);
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/signin/);
  await signIn(page, "platform@permitpay.test");
  await expect(page).toHaveURL(/\/platform\/billers/);
});

test("after 10 wrong passwords, sign-in for that email waits, even with the right password", async ({ page, db }) => {
  const user = await createUser(db, { role: "APPLICANT" });
  await page.goto("/signin");
  await page.getByLabel("Email").fill(user.email);
  for (let i = 0; i < 10; i++) {
    await page.getByLabel("Password").fill(`wrong-${i}`);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("button", { name: "Sign in" })).toBeEnabled();
  }
  await page.getByLabel("Password").fill("permitpay-demo");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Too many wrong passwords for this email" })).toBeVisible();
  await expect(page).toHaveURL(/\/signin/);
});
