// A biller admin records a refund made in Invoice Cloud (part, then the rest); the applicant sees
// REFUNDED; the reconciliation report's day and its CSV hold the payment and the negative refund
// lines; the Oakville admin can neither see nor refund the Mississauga payment.
import type { Page } from "@playwright/test";
import { expect, signIn, test } from "./fixtures";
import { arrangeApplicant, CARDS, invoiceRow, payOnInvoiceCloud } from "./payment-helpers";

const dollars = (text: string) =>
  Math.round(
    Number(
      text
        .replace(/[$,]/g, "")
        .replace(/^\((.*)\)$/, "-$1")
        .replace("−", "-"),
    ) * 100,
  );

async function signOut(page: Page) {
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/signin/);
}

async function recordRefund(page: Page, invoiceNumber: string, amount: string, reference: string) {
  await page.getByLabel(new RegExp(`Invoice ${invoiceNumber}`)).fill(amount);
  await page.getByLabel("Invoice Cloud refund reference").fill(reference);
  await page.getByLabel("Note (why it was refunded)").fill("Permit withdrawn; refunded in the Invoice Cloud portal");
  await page.getByRole("button", { name: "Record refund" }).click();
}

test("a partial refund, then the rest: REFUNDED for the applicant, negative lines in the report and its CSV", async ({ page, db }) => {
  test.setTimeout(180_000); // a whole journey: pay, two refunds, the report, three people signing in
  const { applicant, invoices } = await arrangeApplicant(db, [8000]);
  const invoice = invoices[0]!;
  await signIn(page, applicant.email);
  await invoiceRow(page, invoice.invoiceNumber).getByRole("button", { name: "PAY ONLINE" }).click();
  await payOnInvoiceCloud(page, CARDS.approve);
  const guid = (await page.locator("#payment-guid").innerText()).trim();
  await page.goto("/invoices");
  await signOut(page);

  const paid = await db.invoice.findUniqueOrThrow({ where: { id: invoice.id } });
  expect(paid.status).toBe("PAID");
  const attemptId = paid.paidAttemptId!;
  const ref1 = `RF-E2E-${attemptId.slice(0, 8)}-1`;
  const ref2 = `RF-E2E-${attemptId.slice(0, 8)}-2`;

  await signIn(page, "admin@mississauga.permitpay.test");
  await page.goto(`/admin/payments/${attemptId}`);
  await recordRefund(page, invoice.invoiceNumber, "30.00", ref1);
  await expect(page.getByRole("status")).toContainText("Refund of $30.00 recorded");
  expect(await db.invoice.findUniqueOrThrow({ where: { id: invoice.id } })).toMatchObject({ status: "PAID", refundedCents: 3000 });
  await page.reload();
  await expect(page.getByText("$50.00 left to refund")).toBeVisible();
  await recordRefund(page, invoice.invoiceNumber, "50.00", ref2);
  // Nothing is left to refund, so the form gives way to the refreshed page.
  await expect(page.getByRole("row", { name: /REFUNDED \$80\.00 \$80\.00 \$0\.00/ })).toBeVisible();
  expect(await db.invoice.findUniqueOrThrow({ where: { id: invoice.id } })).toMatchObject({ status: "REFUNDED", refundedCents: 8000 });
  expect(await db.refund.count({ where: { attemptId, reversedAt: null } })).toBe(2);
  await page.reload();
  await expect(page.getByText(ref2, { exact: true })).toBeVisible();
  await expect(page.getByRole("button", { name: "Record refund" })).toHaveCount(0); // nothing left to refund

  // The report for today (the biller's day): the payment and both refunds on the expanded day.
  await page.goto("/admin/reports"); // its default range ends today, in the biller's time zone
  const day = await page.getByLabel("To").inputValue();
  await page.goto(`/admin/reports?from=${day}&to=${day}&day=${day}`);
  const dayRow = page.getByTestId(`report-day-${day}`);
  const cells = (await dayRow.locator("td").allInnerTexts()).map((t) => t.trim());
  const [count, gross, , refunds, net] = cells;
  expect(Number(count)).toBeGreaterThanOrEqual(1);
  expect(dollars(gross!) - -dollars(refunds!)).toBe(dollars(net!)); // refunds are shown negative
  expect(dollars(refunds!)).toBeLessThanOrEqual(-8000);
  const totalCells = (await page.getByTestId("report-total").locator("td").allInnerTexts()).map((t) => t.trim());
  expect(totalCells).toEqual(cells); // one day: the total row is that day
  await expect(page.getByText(`PaymentGUID ${guid}`).first()).toBeVisible();
  await expect(page.getByRole("link", { name: `Refund ${ref1}` })).toBeVisible();
  await expect(page.getByRole("link", { name: `Refund ${ref2}` })).toBeVisible();

  // The CSV: the payment line, two negative refund lines, and the day total the page shows.
  const res = await page.request.get(`/admin/reports/export?from=${day}&to=${day}`);
  expect(res.status()).toBe(200);
  const lines = (await res.text()).trim().split("\n");
  expect(lines[0]).toBe(
    "business_day,line,payments,gross,convenience_fee,refunds,net,invoice_cloud_payment_guid,refund_reference,payment_id,invoice_numbers,applicant",
  );
  expect(lines.find((l) => l.includes(`,payment,`) && l.includes(guid))).toContain(`${day},payment,1,80.00,`);
  expect(lines.find((l) => l.includes(ref1))).toContain(`${day},refund,0,0.00,0.00,-30.00,-30.00,${guid},${ref1},${attemptId}`);
  expect(lines.find((l) => l.includes(ref2))).toContain(`,-50.00,-50.00,`);
  const dayTotal = lines.find((l) => l.startsWith(`${day},day_total,`))!.split(",");
  expect(Math.round(Number(dayTotal[6]) * 100)).toBe(dollars(net!));
  await signOut(page);

  // The applicant sees REFUNDED (not blue) and the amount refunded.
  await signIn(page, applicant.email);
  await page.goto("/invoices");
  const row = invoiceRow(page, invoice.invoiceNumber);
  await expect(row.getByText("REFUNDED", { exact: true })).toBeVisible();
  await expect(row.getByText("$80.00 refunded")).toBeVisible();
  await expect(row).not.toHaveClass(/bg-blue/);
  await expect(row.getByRole("button", { name: /PAY ONLINE/ })).toHaveCount(0);
  await page.goto(`/invoices/${invoice.invoiceNumber}`);
  await expect(page.getByText("REFUNDED", { exact: true })).toBeVisible();
  await page.goto(`/payments/${attemptId}`);
  await expect(invoiceRow(page, invoice.invoiceNumber).getByText("REFUNDED", { exact: true })).toBeVisible();
  await signOut(page);

  // Oakville's admin: no such payment, and nothing of it in Oakville's report.
  await signIn(page, "admin@oakville.permitpay.test");
  const other = await page.goto(`/admin/payments/${attemptId}`);
  expect(other?.status()).toBe(404);
  await expect(page.getByRole("button", { name: "Record refund" })).toHaveCount(0);
  const oakvilleCsv = await (await page.request.get(`/admin/reports/export?from=${day}&to=${day}`)).text();
  expect(oakvilleCsv).not.toContain(guid);
  await page.goto(`/admin/reports?from=${day}&to=${day}&day=${day}`);
  await expect(page.getByText(guid)).toHaveCount(0);
  expect(await db.refund.count({ where: { attemptId } })).toBe(2);
});
