// A biller admin downloads the payments CSV for reconciliation; nobody else can.
import { expect, signIn, test } from "./fixtures";
import { arrangeApplicant, CARDS, invoiceRow, payOnInvoiceCloud } from "./payment-helpers";

test("the Mississauga admin downloads this month's payments as CSV, including a fresh payment", async ({ page, db }) => {
  const { applicant, invoices } = await arrangeApplicant(db, [7300]);
  await signIn(page, applicant.email);
  await invoiceRow(page, invoices[0]!.invoiceNumber).getByRole("button", { name: "PAY ONLINE" }).click();
  await payOnInvoiceCloud(page, CARDS.approve);
  const guid = (await page.locator("#payment-guid").innerText()).trim();
  expect((await page.request.get("/admin/payments/export")).status()).toBe(403); // an applicant
  await page.goto("/invoices");
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/signin/);

  await signIn(page, "admin@mississauga.permitpay.test");
  await page.goto("/admin/payments");
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Download CSV" }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^payments-\d{4}-\d{2}-\d{2}-to-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = await (await file.createReadStream()).toArray().then((chunks) => Buffer.concat(chunks as Buffer[]).toString("utf8"));
  expect(csv.split("\n")[0]).toContain("invoice_cloud_payment_guid");
  const row = csv.split("\n").find((line) => line.includes(guid));
  expect(row).toContain(invoices[0]!.invoiceNumber);
  expect(row).toContain(",PAID,73.00,73.00,");

  expect((await page.request.get("/admin/payments/export?from=2026-13-01&to=x")).status()).toBe(400);
});
