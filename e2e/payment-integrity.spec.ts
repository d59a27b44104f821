// What a payer can and cannot do to a payment's state: forging Invoice Cloud's approval, and
// "I did not finish paying — start again" after returning without paying.
import { expect, signIn, test } from "./fixtures";
import { arrangeApplicant, CARDS, invoiceRow, payOnInvoiceCloud } from "./payment-helpers";

test("a declined payer who forges an approval from the receipt's Reference and the Return link gets 403; nothing changes", async ({
  page,
  request,
  db,
}) => {
  const { applicant, invoices, biller } = await arrangeApplicant(db, [6000]);
  await signIn(page, applicant.email);
  await invoiceRow(page, invoices[0]!.invoiceNumber).getByRole("button", { name: "PAY ONLINE" }).click();
  await payOnInvoiceCloud(page, CARDS.decline);
  // Everything the payer can see: the receipt's Reference, and the payment-id in the Return link.
  const reference = (await page.locator("xpath=//dt[normalize-space()='Reference']/following-sibling::dd[1]").innerText()).trim();
  const returnUrl = new URL((await page.locator("#return-home").getAttribute("href"))!);
  const paymentId = returnUrl.searchParams.get("payment-id")!;
  expect(reference).toMatch(/^[0-9a-f]{64}$/);
  const settings = await db.paymentSettings.findUniqueOrThrow({ where: { billerId: biller.id } });
  await expect.poll(() => db.postbackReceipt.count({ where: { paymentId } })).toBe(1); // Invoice Cloud's real decline
  const attemptBefore = await db.paymentAttempt.findUniqueOrThrow({ where: { id: paymentId } });
  expect(attemptBefore.status).toBe("DECLINED");

  const forged = await request.post(`/api/command/payment/icop-postback?payment-id=${paymentId}`, {
    form: {
      Approved: "True",
      PaymentAmount: "60.00",
      ConvenienceFee: "0.00",
      BillerReference: reference,
      BillerGUID: settings.billerGuid!,
      PaymentGUID: crypto.randomUUID(),
      InvoiceNumber: invoices[0]!.invoiceNumber,
    },
    maxRedirects: 0,
  });
  expect(forged.status()).toBe(403);
  expect((await db.invoice.findUniqueOrThrow({ where: { id: invoices[0]!.id } })).status).toBe("UNPAID");
  expect(await db.postbackReceipt.count({ where: { paymentId } })).toBe(1); // no receipt row for the forgery
  expect(await db.paymentAttempt.findUniqueOrThrow({ where: { id: paymentId } })).toEqual(attemptBefore);

  await page.locator("#return-home").click();
  await expect(page.getByText("Your payment was declined")).toBeVisible();
  await expect(invoiceRow(page, invoices[0]!.invoiceNumber).getByText("UNPAID", { exact: true })).toBeVisible();
});

test("returning without paying proves nothing: the page says so, and 'start again' opens a new payment", async ({ page, db }) => {
  const { applicant, invoices } = await arrangeApplicant(db, [4300]);
  await signIn(page, applicant.email);
  await invoiceRow(page, invoices[0]!.invoiceNumber).getByRole("button", { name: "PAY ONLINE" }).click();
  await expect(page).toHaveURL(/\/portal\/access\/otp\//);
  await page.locator("#sign-out").click(); // Invoice Cloud's "Sign out and Return to …": the same ReturnURL
  await expect(page.getByText("We're confirming your payment with Invoice Cloud")).toBeVisible();
  const first = await db.paymentAttempt.findFirstOrThrow({ where: { applicantId: applicant.id } });
  expect(first).toMatchObject({ status: "REDIRECTED", returnedAt: expect.any(Date) });

  // The invoice list does not offer a second payment while this one may still be confirmed.
  await page.goto("/invoices");
  await expect(invoiceRow(page, invoices[0]!.invoiceNumber)).toContainText("has not confirmed a payment yet");
  await invoiceRow(page, invoices[0]!.invoiceNumber).getByRole("link").last().click();

  await page.getByRole("button", { name: "I did not finish paying — start again" }).click();
  await expect(page.getByText("You chose to start this payment again")).toBeVisible();
  expect(await db.paymentAttempt.findUniqueOrThrow({ where: { id: first.id } })).toMatchObject({
    status: "EXPIRED",
    closeReason: "ABANDONED_BY_APPLICANT",
  });
  expect(await db.auditEvent.count({ where: { attemptId: first.id, type: "payment.abandoned", actorId: applicant.id } })).toBe(1);
  expect((await db.invoice.findUniqueOrThrow({ where: { id: invoices[0]!.id } })).openAttemptId).toBeNull();

  await page.getByRole("button", { name: "Try again: PAY ONLINE" }).click();
  await payOnInvoiceCloud(page, CARDS.approve);
  await page.getByRole("link", { name: "Return to Home Page" }).click();
  await expect(page.getByText("Payment received")).toBeVisible();
  expect(await db.paymentAttempt.count({ where: { applicantId: applicant.id } })).toBe(2);
});
