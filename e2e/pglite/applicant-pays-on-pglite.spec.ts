// The embedded default (PGlite in the app's process), smoke-tested end to end with the demo data.
import { expect, signIn, test } from "../fixtures";
import { CARDS, invoiceRow, payOnInvoiceCloud } from "../payment-helpers";

test("on PGlite, the demo applicant pays an invoice and sees it PAID", async ({ page }) => {
  await signIn(page, "applicant2@permitpay.test");
  await invoiceRow(page, "17592206141032").getByRole("button", { name: "PAY ONLINE" }).click();
  await payOnInvoiceCloud(page, CARDS.approve);
  await page.getByRole("link", { name: "Return to Home Page" }).click();
  await expect(page.getByText("Payment received")).toBeVisible();
  await page.goto("/invoices");
  await expect(invoiceRow(page, "17592206141032").getByText("PAID", { exact: true })).toBeVisible();
  // Oakville has no payment settings yet: its invoice says so and offers no button.
  await expect(invoiceRow(page, "28301957731008")).toContainText("Online payment is not yet available for Town of Oakville");
  await expect(invoiceRow(page, "28301957731008").getByRole("button")).toHaveCount(0);
});
