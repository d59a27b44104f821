// The design document's user stories, end to end against the Invoice Cloud sandbox:
// retrieve invoice → PAY ONLINE → Invoice Cloud page → pay → receipt → Return to Home Page → PAID (blue).
import { expect, sandbox, signIn, test } from "./fixtures";
import { arrangeApplicant, CARDS, invoiceRow, payOnInvoiceCloud } from "./payment-helpers";

test.beforeEach(async () => {
  await sandbox.clearFaults();
});

test("retrieve → PAY ONLINE → pay → receipt → Return to Home Page → invoice PAID in blue", async ({ page, db }) => {
  const { applicant, invoices } = await arrangeApplicant(db, [6000]);
  const invoice = invoices[0]!;
  await signIn(page, applicant.email);

  await page.getByLabel("Find an invoice by number").fill(invoice.invoiceNumber);
  await page.getByRole("button", { name: "Find invoice" }).click();
  await expect(page.getByRole("heading", { name: `Invoice ${invoice.invoiceNumber}` })).toBeVisible();
  await page.getByRole("button", { name: "PAY ONLINE" }).click();

  // Invoice Cloud's screen shows the biller, the customer and the invoice.
  await expect(page.getByRole("heading", { name: "Pay City of Mississauga" })).toBeVisible();
  await expect(page.locator("#invoices")).toContainText(invoice.invoiceNumber);
  await expect(page.locator("#total")).toHaveText("$60.00");
  await expect(page.locator("#sign-out")).toHaveAttribute("title", "Sign out and Return to City of Mississauga");
  await payOnInvoiceCloud(page, CARDS.approve);

  await expect(page.getByRole("heading", { name: "Payment receipt" })).toBeVisible();
  const paymentGuid = (await page.locator("#payment-guid").innerText()).trim();
  await page.getByRole("link", { name: "Return to Home Page" }).click();

  await expect(page.getByText("Payment received")).toBeVisible();
  const row = invoiceRow(page, invoice.invoiceNumber);
  await expect(row.getByText("PAID", { exact: true })).toBeVisible();
  await expect(row).toHaveClass(/\bbg-blue-100\b/); // the blue highlighting

  const stored = await db.invoice.findUniqueOrThrow({ where: { id: invoice.id } });
  expect(stored).toMatchObject({ status: "PAID", paymentGuid, paidAmountCents: 6000, openAttemptId: null });
  const attempt = await db.paymentAttempt.findUniqueOrThrow({ where: { id: stored.paidAttemptId! } });
  expect(attempt).toMatchObject({ status: "PAID", paidAmountCents: 6000, totalCents: 6000 });
  expect(attempt.returnedAt).not.toBeNull();

  // The invoice list shows it PAID too, and the history shows the attempt.
  await page.goto("/invoices");
  await expect(invoiceRow(page, invoice.invoiceNumber).getByText("PAID", { exact: true })).toBeVisible();
  await page.goto("/payments");
  await expect(page.getByRole("cell", { name: "Paid", exact: true })).toBeVisible();
});

test("a declined card leaves the invoice unpaid and offers to try again", async ({ page, db }) => {
  const { applicant, invoices } = await arrangeApplicant(db, [12345]);
  const invoice = invoices[0]!;
  await signIn(page, applicant.email);
  await invoiceRow(page, invoice.invoiceNumber).getByRole("button", { name: "PAY ONLINE" }).click();
  await payOnInvoiceCloud(page, CARDS.decline);
  await expect(page.getByRole("heading", { name: "Payment declined" })).toBeVisible();
  await page.getByRole("link", { name: "Return to Home Page" }).click();

  await expect(page.getByText("Your payment was declined")).toBeVisible();
  await expect(invoiceRow(page, invoice.invoiceNumber).getByText("UNPAID")).toBeVisible();
  expect((await db.invoice.findUniqueOrThrow({ where: { id: invoice.id } })).status).toBe("UNPAID");
  expect(await db.paymentAttempt.findMany({ where: { applicantId: applicant.id }, select: { status: true } })).toEqual([
    { status: "DECLINED" },
  ]);

  // A new attempt, a new Invoice Cloud session, this time approved.
  await page.getByRole("button", { name: "Try again: PAY ONLINE" }).click();
  await payOnInvoiceCloud(page, CARDS.approve);
  await page.getByRole("link", { name: "Return to Home Page" }).click();
  await expect(page.getByText("Payment received")).toBeVisible();
  expect((await db.invoice.findUniqueOrThrow({ where: { id: invoice.id } })).status).toBe("PAID");
});

test("an invoice above the biller's maximum cannot be paid online, with a polite reason", async ({ page, db }) => {
  const { applicant, invoices } = await arrangeApplicant(db, [250001]);
  await signIn(page, applicant.email);
  const row = invoiceRow(page, invoices[0]!.invoiceNumber);
  await expect(row).toContainText("accepts online payments of up to $2,500.00");
  await expect(row.getByRole("button", { name: "PAY ONLINE" })).toHaveCount(0);
  expect(await db.paymentAttempt.count({ where: { applicantId: applicant.id } })).toBe(0);
});

test("two invoices are paid in one Invoice Cloud session", async ({ page, db }) => {
  const { applicant, invoices } = await arrangeApplicant(db, [6000, 42575]);
  await signIn(page, applicant.email);
  for (const inv of invoices) await page.getByLabel(`Select invoice ${inv.invoiceNumber}`).check();
  await page.getByRole("button", { name: "PAY SELECTED ONLINE" }).click();
  await expect(page.locator("#total")).toHaveText("$485.75");
  for (const inv of invoices) await expect(page.locator("#invoices")).toContainText(inv.invoiceNumber);
  await payOnInvoiceCloud(page, CARDS.approve);
  await page.getByRole("link", { name: "Return to Home Page" }).click();
  await expect(page.getByText("Payment received")).toBeVisible();
  for (const inv of invoices) await expect(invoiceRow(page, inv.invoiceNumber).getByText("PAID", { exact: true })).toBeVisible();

  const attempts = await db.paymentAttempt.findMany({ where: { applicantId: applicant.id }, include: { invoices: true } });
  expect(attempts).toHaveLength(1);
  expect(attempts[0]).toMatchObject({ status: "PAID", totalCents: 48575, paidAmountCents: 48575 });
  expect(attempts[0]!.invoices).toHaveLength(2);
});

test("a double click and the Back button open one Invoice Cloud session, not two", async ({ page, db }) => {
  const { applicant, invoices } = await arrangeApplicant(db, [9900]);
  await signIn(page, applicant.email);
  await invoiceRow(page, invoices[0]!.invoiceNumber).getByRole("button", { name: "PAY ONLINE" }).dblclick();
  await expect(page).toHaveURL(/\/portal\/access\/otp\//);
  const firstUrl = page.url();
  await page.goBack();
  await expect(page).toHaveURL(/\/invoices/);
  // Back on the list, the invoice says a payment is in progress; continuing resumes the same session.
  await page.reload();
  await expect(invoiceRow(page, invoices[0]!.invoiceNumber)).toContainText("A payment for this invoice is in progress");
  await invoiceRow(page, invoices[0]!.invoiceNumber).getByRole("button", { name: "CONTINUE PAYMENT" }).click();
  await expect(page).toHaveURL(/\/portal\/access\/otp\//);
  expect(page.url()).toBe(firstUrl);
  expect(await db.paymentAttempt.count({ where: { applicantId: applicant.id } })).toBe(1);
});

test("returning before the postback shows 'confirming', then PAID when it lands", async ({ page, db }) => {
  const { applicant, invoices } = await arrangeApplicant(db, [7500]);
  await sandbox.addFault({ fault: "postback_delay", scope: "next", delayMs: 8000 });
  await signIn(page, applicant.email);
  await invoiceRow(page, invoices[0]!.invoiceNumber).getByRole("button", { name: "PAY ONLINE" }).click();
  await payOnInvoiceCloud(page, CARDS.approve);
  await page.getByRole("link", { name: "Return to Home Page" }).click();
  await expect(page.getByText("We're confirming your payment with Invoice Cloud")).toBeVisible();
  expect((await db.invoice.findUniqueOrThrow({ where: { id: invoices[0]!.id } })).status).toBe("UNPAID");
  await expect(page.getByText("Payment received")).toBeVisible({ timeout: 20_000 });
  expect((await db.invoice.findUniqueOrThrow({ where: { id: invoices[0]!.id } })).status).toBe("PAID");
});

test("when Invoice Cloud fails, the applicant sees why and can try again; nothing changes", async ({ page, db }) => {
  const { applicant, invoices } = await arrangeApplicant(db, [5000]);
  await sandbox.addFault({ fault: "api_500", scope: "next" });
  await signIn(page, applicant.email);
  await invoiceRow(page, invoices[0]!.invoiceNumber).getByRole("button", { name: "PAY ONLINE" }).click();
  await expect(page.getByText("The payment did not start")).toBeVisible();
  await expect(page.getByText("Your invoice is unchanged. Try again.")).toBeVisible();
  const attempt = await db.paymentAttempt.findFirstOrThrow({ where: { applicantId: applicant.id } });
  expect(attempt.status).toBe("FAILED");
  expect(attempt.failureReason).toMatch(/rejected/);
  expect((await db.invoice.findUniqueOrThrow({ where: { id: invoices[0]!.id } })).openAttemptId).toBeNull();
  // Try again works once Invoice Cloud is back.
  await invoiceRow(page, invoices[0]!.invoiceNumber).getByRole("button", { name: "PAY ONLINE" }).click();
  await expect(page).toHaveURL(/\/portal\/access\/otp\//);
});

test("a wrong amount in the postback is flagged for review and the invoice stays unpaid", async ({ page, db }) => {
  const { applicant, invoices } = await arrangeApplicant(db, [6000]);
  await signIn(page, applicant.email);
  await invoiceRow(page, invoices[0]!.invoiceNumber).getByRole("button", { name: "PAY ONLINE" }).click();
  await payOnInvoiceCloud(page, CARDS.wrongAmount);
  await page.getByRole("link", { name: "Return to Home Page" }).click();
  await expect(page.getByText("The municipality is checking this payment")).toBeVisible();
  expect((await db.invoice.findUniqueOrThrow({ where: { id: invoices[0]!.id } })).status).toBe("UNPAID");
  const attempt = await db.paymentAttempt.findFirstOrThrow({ where: { applicantId: applicant.id } });
  expect(attempt.status).toBe("NEEDS_REVIEW");
  expect(attempt.reviewReason).toContain("61.00");
});

test("an unknown payment-id on the return URL gets a friendly page", async ({ page }) => {
  await page.goto("/api/command/payment/icop-return?payment-id=00000000-0000-4000-8000-000000000000");
  await expect(page.getByRole("heading", { name: "We could not find that payment" })).toBeVisible();
  await page.goto("/api/command/payment/icop-return?payment-id=not-a-uuid");
  await expect(page.getByRole("heading", { name: "We could not find that payment" })).toBeVisible();
});

test("another applicant's payment page is not shown", async ({ page, db }) => {
  const { applicant, invoices } = await arrangeApplicant(db, [6000]);
  const other = await arrangeApplicant(db, [7000]);
  await signIn(page, applicant.email);
  await invoiceRow(page, invoices[0]!.invoiceNumber).getByRole("button", { name: "PAY ONLINE" }).click();
  await expect(page).toHaveURL(/\/portal\/access\/otp\//);
  const attempt = await db.paymentAttempt.findFirstOrThrow({ where: { applicantId: applicant.id } });
  await page.goto("/invoices");
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/signin/);
  await signIn(page, other.applicant.email);
  const response = await page.goto(`/payments/${attempt.id}`);
  expect(response?.status()).toBe(404);
  await page.goto(`/invoices?number=${invoices[0]!.invoiceNumber}`);
  await expect(page.getByText("No invoice with that number on your account.")).toBeVisible();
});

test("Return to Home Page after the session expired: sign in, then the payment shows PAID", async ({ page, db, context }) => {
  const { applicant, invoices } = await arrangeApplicant(db, [8800]);
  await signIn(page, applicant.email);
  await invoiceRow(page, invoices[0]!.invoiceNumber).getByRole("button", { name: "PAY ONLINE" }).click();
  await payOnInvoiceCloud(page, CARDS.approve);
  await context.clearCookies(); // the portal session is gone while the applicant was at Invoice Cloud
  await page.getByRole("link", { name: "Return to Home Page" }).click();
  await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Fpayments%2F/);
  await expect(page.getByText(invoices[0]!.invoiceNumber)).toHaveCount(0); // nothing shown before sign-in
  await page.getByLabel("Email").fill(applicant.email);
  await page.getByLabel("Password").fill("permitpay-demo");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText("Payment received")).toBeVisible();
  await expect(invoiceRow(page, invoices[0]!.invoiceNumber).getByText("PAID", { exact: true })).toBeVisible();
});

test("leaving Invoice Cloud without paying: the portal offers to continue there, and paying then works", async ({ page, db }) => {
  const { applicant, invoices } = await arrangeApplicant(db, [4200]);
  await signIn(page, applicant.email);
  await invoiceRow(page, invoices[0]!.invoiceNumber).getByRole("button", { name: "PAY ONLINE" }).click();
  await expect(page).toHaveURL(/\/portal\/access\/otp\//);
  await page.locator("#sign-out").click(); // Invoice Cloud's "Sign out and Return to …"
  await expect(page.getByText("We're confirming your payment with Invoice Cloud")).toBeVisible();
  await page.getByRole("link", { name: "Continue to Invoice Cloud" }).click();
  await payOnInvoiceCloud(page, CARDS.approve);
  await page.getByRole("link", { name: "Return to Home Page" }).click();
  await expect(page.getByText("Payment received")).toBeVisible();
  expect(await db.paymentAttempt.count({ where: { applicantId: applicant.id } })).toBe(1);
});
