// A municipality from credential to a paid invoice, with no SQL: a biller admin creates an API
// credential; the permit system (played by the test, over HTTP) creates an invoice for a new
// applicant; the invitation arrives in MailDev; the applicant sets a password, sees the invoice and
// pays it through the Invoice Cloud sandbox; the invoice is PAID, and the API says so.
import crypto from "node:crypto";
import { expect, sandbox, signIn, test } from "./fixtures";
import { emailedLink } from "./mail-helpers";
import { CARDS, invoiceRow, payOnInvoiceCloud } from "./payment-helpers";

const PASSWORD = "copper lantern meadow";

test.beforeEach(async () => {
  await sandbox.clearFaults();
});

test("API credential → API create → invitation → set password → pay → PAID", async ({ page, browser, request, db }) => {
  test.setTimeout(180_000); // two browser sessions, an email and a payment: one whole journey
  // The biller admin makes a credential; the token is shown once.
  await signIn(page, "admin@mississauga.permitpay.test");
  await page.getByRole("link", { name: "API credentials" }).click();
  const name = `Permit system ${crypto.randomBytes(3).toString("hex")}`;
  await page.getByLabel("Credential name").fill(name);
  await page.getByRole("button", { name: "Create credential" }).click();
  const token = (await page.getByTestId("new-api-token").innerText()).trim();
  expect(token).toMatch(/^ppk_/);
  await expect(page.locator(`tr[data-credential="${name}"]`)).toContainText("Never");
  const stored = await db.apiCredential.findFirstOrThrow({ where: { name } });
  expect(stored.tokenHash).toBe(crypto.createHash("sha256").update(token).digest("hex"));

  // The permit system creates an invoice for someone with no account.
  const suffix = crypto.randomBytes(4).toString("hex");
  const email = `api-applicant-${suffix}@permitpay.test`;
  const auth = { authorization: `Bearer ${token}` };
  const created = await request.post("/api/v1/invoices", {
    headers: { ...auth, "idempotency-key": `e2e-${suffix}` },
    data: {
      externalReference: `E2E-${suffix}`,
      permit: { number: `E2E-BP-${suffix}`, description: "Garage conversion" },
      applicant: {
        email,
        name: "Alex Applicant",
        address: { line1: "300 City Centre Dr", city: "Mississauga", state: "ON", postalCode: "L5B 3C1" },
      },
      description: "Garage conversion permit fee",
      amountCents: 43_210,
      dueDate: "2027-01-31",
    },
  });
  expect(created.status()).toBe(201);
  const { invoiceNumber } = (await created.json()) as { invoiceNumber: string };

  // The invitation, and a password set from its link.
  const { url } = await emailedLink(email, /has sent you a permit invoice/, "/set-password");
  const applicant = await browser.newContext();
  const ap = await applicant.newPage();
  await ap.goto(url);
  await ap.getByLabel("New password", { exact: true }).fill(PASSWORD);
  await ap.getByLabel("Type the new password again").fill(PASSWORD);
  await ap.getByRole("button", { name: "Set password" }).click();
  await expect(ap.getByText("Your password is set")).toBeVisible();

  // The applicant signs in, sees the invoice and pays it at Invoice Cloud (the sandbox).
  await signIn(ap, email, PASSWORD);
  const row = invoiceRow(ap, invoiceNumber);
  await expect(row).toContainText("Garage conversion permit fee");
  await expect(row).toContainText("$432.10");
  await row.getByRole("button", { name: "PAY ONLINE" }).click();
  await payOnInvoiceCloud(ap, CARDS.approve);
  await ap.getByRole("link", { name: "Return to Home Page" }).click();
  await expect(ap.getByText("Payment received")).toBeVisible();
  await expect(invoiceRow(ap, invoiceNumber).getByText("PAID", { exact: true })).toBeVisible();
  await applicant.close();

  expect(await db.invoice.findUniqueOrThrow({ where: { invoiceNumber } })).toMatchObject({ status: "PAID", paidAmountCents: 43_210 });
  // The permit system reads it back, and sees the payment in the outcomes feed.
  const read = await request.get(`/api/v1/invoices/${invoiceNumber}`, { headers: auth });
  expect(await read.json()).toMatchObject({ status: "PAID", paidAmountCents: 43_210, externalReference: `E2E-${suffix}` });
  const payments = (await (await request.get("/api/v1/payments?limit=200", { headers: auth })).json()) as {
    data: { outcome: string; invoices: { invoiceNumber: string }[] }[];
  };
  expect(payments.data.find((p) => p.invoices.some((i) => i.invoiceNumber === invoiceNumber))?.outcome).toBe("paid");
  // Paid: it can no longer be cancelled.
  const cancel = await request.post(`/api/v1/invoices/${invoiceNumber}/cancel`, { headers: auth });
  expect(cancel.status()).toBe(409);
  expect(cancel.headers()["content-type"]).toBe("application/problem+json");

  // Revoked from the admin page: the token is refused.
  page.once("dialog", (d) => void d.accept());
  await page.reload();
  await page.getByRole("button", { name: `Revoke credential ${name}` }).click();
  await expect(page.locator(`tr[data-credential="${name}"]`)).toContainText("Revoked");
  expect((await request.get(`/api/v1/invoices/${invoiceNumber}`, { headers: auth })).status()).toBe(401);
});

test("the API reference is served by the app and renders the spec without a CDN", async ({ page }) => {
  const outside: string[] = [];
  page.on("request", (r) => {
    if (!r.url().startsWith("http://localhost")) outside.push(r.url());
  });
  await signIn(page, "admin@mississauga.permitpay.test");
  await page.getByRole("link", { name: "Invoices", exact: true }).click();
  await page.getByRole("link", { name: "API reference" }).click();
  await page.getByRole("link", { name: "Open the full API reference" }).click();
  await expect(page.getByRole("heading", { name: "PermitPay Invoices API" })).toBeVisible({ timeout: 20_000 });
  await expect(page.getByRole("heading", { name: "Create an invoice" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Ask AI" })).toHaveCount(0);
  expect(outside).toEqual([]);
});
