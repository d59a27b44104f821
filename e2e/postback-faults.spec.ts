// Invoice Cloud misbehaving, end to end through the sandbox's faults: duplicate, forged,
// out-of-order, lost-then-retried and dropped-then-resent postbacks.
import { parseKeyRing } from "../lib/crypto";
import { signPostbackToken } from "../lib/payments/postback-token";
import { E2E } from "./env";
import { expect, sandbox, signIn, test } from "./fixtures";
import { arrangeApplicant, CARDS, invoiceRow, payOnInvoiceCloud } from "./payment-helpers";

test.beforeEach(async () => {
  await sandbox.clearFaults();
});

async function payOne(page: import("@playwright/test").Page, db: import("../lib/prisma-client").Db) {
  const arranged = await arrangeApplicant(db, [6000]);
  await signIn(page, arranged.applicant.email);
  await invoiceRow(page, arranged.invoices[0]!.invoiceNumber).getByRole("button", { name: "PAY ONLINE" }).click();
  await payOnInvoiceCloud(page, CARDS.approve);
  const attempt = await db.paymentAttempt.findFirstOrThrow({ where: { applicantId: arranged.applicant.id } });
  return { ...arranged, attempt };
}

async function verdicts(db: import("../lib/prisma-client").Db, paymentId: string, expectedCount: number) {
  await expect.poll(() => db.postbackReceipt.count({ where: { paymentId } }), { timeout: 15_000 }).toBe(expectedCount);
  const rows = await db.postbackReceipt.findMany({ where: { paymentId }, orderBy: { receivedAt: "asc" }, select: { verdict: true } });
  return rows.map((r) => r.verdict).sort();
}

type SandboxDelivery = { paymentGuid: string; kind: string; status?: number };
async function deliveriesFor(paymentGuid: string, count: number) {
  let rows: SandboxDelivery[] = [];
  await expect
    .poll(async () => {
      const { deliveries } = (await sandbox.call("GET", "/__sandbox/payments")) as { deliveries: SandboxDelivery[] };
      rows = deliveries.filter((d) => d.paymentGuid === paymentGuid && d.status !== undefined);
      return rows.length;
    })
    .toBeGreaterThanOrEqual(count);
  return rows;
}

test("duplicates, forgeries and an older decline change nothing after the real approval", async ({ page, db }) => {
  for (const fault of [
    { fault: "postback_duplicate", count: 3 },
    { fault: "forged_unknown_reference" },
    { fault: "forged_wrong_amount" },
    { fault: "forged_wrong_biller_guid" },
    { fault: "postback_out_of_order" },
  ]) {
    await sandbox.addFault({ ...fault, scope: "next" });
  }
  const { invoices, attempt } = await payOne(page, db);
  const paymentGuid = (await page.locator("#payment-guid").innerText()).trim();
  // 3 copies of the real postback + 1 older decline are kept; the 3 forgeries (sent without the
  // PostBackURL's token, to the URL a payer can build) are refused with 403 and leave no row.
  const sent = await deliveriesFor(paymentGuid, 7);
  expect(sent.filter((d) => d.kind.startsWith("forged_")).map((d) => d.status)).toEqual([403, 403, 403]);
  expect(await verdicts(db, attempt.id, 4)).toEqual(["duplicate", "duplicate", "ignored", "paid"]);
  const invoice = await db.invoice.findUniqueOrThrow({ where: { id: invoices[0]!.id } });
  expect(invoice).toMatchObject({ status: "PAID", paidAmountCents: 6000 });
  const after = await db.paymentAttempt.findUniqueOrThrow({ where: { id: attempt.id } });
  expect(after).toMatchObject({ status: "PAID", reviewKind: null, reviewReason: null }); // forgeries do not even raise a review
  await page.getByRole("link", { name: "Return to Home Page" }).click();
  await expect(page.getByText("Payment received")).toBeVisible();
});

test("a postback lost twice is delivered by the sandbox's retries", async ({ page, db }) => {
  await sandbox.addFault({ fault: "postback_fail_first", count: 2, scope: "next" });
  const { invoices, attempt } = await payOne(page, db);
  await page.getByRole("link", { name: "Return to Home Page" }).click();
  await expect(page.getByText("Payment received")).toBeVisible({ timeout: 20_000 });
  expect((await db.invoice.findUniqueOrThrow({ where: { id: invoices[0]!.id } })).status).toBe("PAID");
  expect(await verdicts(db, attempt.id, 1)).toEqual(["paid"]);
});

test("a dropped postback leaves the payment 'confirming' until it is resent", async ({ page, db }) => {
  await sandbox.addFault({ fault: "postback_drop", scope: "next" });
  const { invoices } = await payOne(page, db);
  const paymentGuid = (await page.locator("#payment-guid").innerText()).trim();
  await page.getByRole("link", { name: "Return to Home Page" }).click();
  await expect(page.getByText("We're confirming your payment with Invoice Cloud")).toBeVisible();
  expect((await db.invoice.findUniqueOrThrow({ where: { id: invoices[0]!.id } })).status).toBe("UNPAID");
  await sandbox.call("POST", `/__sandbox/postbacks/${paymentGuid}/resend`);
  await expect(page.getByText("Payment received")).toBeVisible({ timeout: 15_000 });
  expect((await db.invoice.findUniqueOrThrow({ where: { id: invoices[0]!.id } })).status).toBe("PAID");
});

test("a biller admin settles a payment that needs review, and the applicant then sees it PAID", async ({ page, db }) => {
  const arranged = await arrangeApplicant(db, [6000]);
  await signIn(page, arranged.applicant.email);
  await invoiceRow(page, arranged.invoices[0]!.invoiceNumber).getByRole("button", { name: "PAY ONLINE" }).click();
  await payOnInvoiceCloud(page, CARDS.wrongAmount);
  await page.getByRole("link", { name: "Return to Home Page" }).click();
  await expect(page.getByText("The municipality is checking this payment")).toBeVisible();
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/signin/);

  await signIn(page, "admin@mississauga.permitpay.test");
  await page.goto("/admin/payments");
  const row = page.getByRole("row").filter({ hasText: arranged.applicant.email });
  await expect(row).toContainText("NEEDS REVIEW");
  await row.getByRole("button", { name: "Settle payment" }).click();
  await expect(row.getByText("Choose what happened to this payment")).toBeVisible();
  await row.getByLabel("Money kept: mark the invoices PAID").check();
  await row.getByLabel("Note").fill("Invoice Cloud portal shows $61.00 taken; $1.00 refunded");
  await row.getByRole("button", { name: "Settle payment" }).click();
  await expect(page.getByText("Payment settled")).toBeVisible();
  expect((await db.invoice.findUniqueOrThrow({ where: { id: arranged.invoices[0]!.id } })).status).toBe("PAID");
  const audit = await db.auditEvent.findFirstOrThrow({
    where: { type: "payment.review_resolved", data: { path: ["note"], string_contains: "$1.00 refunded" } },
  });
  expect(audit.data).toMatchObject({ resolution: "mark_paid" });

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/signin/);
  await signIn(page, arranged.applicant.email);
  await expect(invoiceRow(page, arranged.invoices[0]!.invoiceNumber).getByText("PAID", { exact: true })).toBeVisible();
});

test("a postback that arrives only after the browser returned still marks the invoice PAID", async ({ page, db }) => {
  await sandbox.addFault({ fault: "postback_after_return", scope: "next", delayMs: 3000 });
  const { invoices } = await payOne(page, db);
  await page.getByRole("link", { name: "Return to Home Page" }).click();
  await expect(page.getByText("We're confirming your payment with Invoice Cloud")).toBeVisible();
  await expect(page.getByText("Payment received")).toBeVisible({ timeout: 20_000 });
  expect((await db.invoice.findUniqueOrThrow({ where: { id: invoices[0]!.id } })).status).toBe("PAID");
});

test("the postback route refuses a notice without its token unread, and keeps a genuine unknown or malformed one", async ({
  request,
  db,
}) => {
  const unknownId = "00000000-0000-4000-8000-00000000abcd";
  const form = { Approved: "True", PaymentAmount: "1.00", BillerReference: "ab".repeat(32) };
  const postback = (token: string | null, body: Record<string, string>) =>
    request.post(`/api/command/payment/icop-postback?payment-id=${unknownId}${token ? `&pp-token=${encodeURIComponent(token)}` : ""}`, {
      form: body,
      maxRedirects: 0,
    });
  expect((await postback(null, form)).status()).toBe(403);
  expect((await postback("e2e1.bm90LWEtcmVhbC10b2tlbg", form)).status()).toBe(403);
  expect(await db.postbackReceipt.count({ where: { paymentId: unknownId } })).toBe(0);

  // With the token Invoice Cloud would hold (signed here with the run's key), the notice is genuine.
  const token = signPostbackToken(unknownId, parseKeyRing(E2E.postbackSigningKeys));
  expect((await postback(token, form)).status()).toBe(404);
  const malformed = await postback(token, { ...form, Approved: "Maybe" });
  expect(malformed.status()).toBe(400);
  expect(await malformed.json()).toMatchObject({ error: expect.stringContaining("Approved") });
  const kept = await db.postbackReceipt.findMany({ where: { paymentId: unknownId }, select: { verdict: true } });
  expect(kept.map((r) => r.verdict).sort()).toEqual(["malformed", "unknown"]);
});
