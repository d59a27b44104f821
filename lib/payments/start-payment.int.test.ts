// PAY ONLINE on a real database against the sandbox process (real HTTP).
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { arrangeConfiguredBiller, arrangeInvoices } from "@/test/payment-fixtures";
import { startPayment } from "./start-payment";

const kind = process.env.TEST_DB_KIND;
const sandboxUrl = () => process.env.INVOICE_CLOUD_BASE_URL!;
const fault = (body: object) =>
  fetch(`${sandboxUrl()}/__sandbox/faults`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });

describe.skipIf(kind === "none")(`startPayment (${kind})`, () => {
  it("opens an Invoice Cloud session and holds the invoices for it", async () => {
    const biller = await arrangeConfiguredBiller(db);
    const { applicant, invoices } = await arrangeInvoices(db, biller.id, [6000, 4550]);
    const result = await startPayment({ applicantId: applicant.id, invoiceIds: invoices.map((i) => i.id) });
    expect(result.resumed).toBe(false);
    expect(result.hostedPageUrl).toMatch(/\/portal\/access\/otp\//);
    const attempt = await db.paymentAttempt.findUniqueOrThrow({ where: { id: result.paymentId }, include: { invoices: true } });
    expect(attempt).toMatchObject({ status: "REDIRECTED", totalCents: 10550, hostedPageUrl: result.hostedPageUrl });
    expect(attempt.billerReference).toMatch(/^[0-9a-f]{64}$/);
    expect(attempt.invoices).toHaveLength(2);
    const held = await db.invoice.findMany({ where: { id: { in: invoices.map((i) => i.id) } } });
    expect(held.every((i) => i.openAttemptId === result.paymentId && i.status === "UNPAID")).toBe(true);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { attemptId: result.paymentId, type: "payment.redirected" } });
    expect(JSON.stringify(audit.data)).not.toContain("ic_sandbox_");
  });

  it("concurrent presses create exactly one attempt and all get its URL", async () => {
    const biller = await arrangeConfiguredBiller(db);
    const { applicant, invoices } = await arrangeInvoices(db, biller.id, [6000]);
    const results = await Promise.all(
      Array.from({ length: 5 }, () => startPayment({ applicantId: applicant.id, invoiceIds: [invoices[0]!.id] })),
    );
    expect(new Set(results.map((r) => r.paymentId)).size).toBe(1);
    expect(new Set(results.map((r) => r.hostedPageUrl)).size).toBe(1);
    expect(await db.paymentAttempt.count({ where: { applicantId: applicant.id } })).toBe(1);
  });

  it("a second press resumes the open attempt", async () => {
    const biller = await arrangeConfiguredBiller(db);
    const { applicant, invoices } = await arrangeInvoices(db, biller.id, [6000]);
    const first = await startPayment({ applicantId: applicant.id, invoiceIds: [invoices[0]!.id] });
    const second = await startPayment({ applicantId: applicant.id, invoiceIds: [invoices[0]!.id] });
    expect(second).toEqual({ ...first, resumed: true });
  });

  it("refuses a total above the maximum, before calling Invoice Cloud", async () => {
    const biller = await arrangeConfiguredBiller(db, { maxOnlineAmountCents: 10000 });
    const { applicant, invoices } = await arrangeInvoices(db, biller.id, [6000, 4001]);
    await expect(startPayment({ applicantId: applicant.id, invoiceIds: invoices.map((i) => i.id) })).rejects.toMatchObject({
      text: { key: "portal.payability.overMaximumTotal", values: { max: "$100.00", total: "$100.01" } },
    });
    // A French applicant reads the amounts the French way.
    await expect(startPayment({ applicantId: applicant.id, invoiceIds: invoices.map((i) => i.id), locale: "fr-CA" })).rejects.toMatchObject(
      {
        text: { key: "portal.payability.overMaximumTotal", values: { max: "100,00\u00a0$", total: "100,01\u00a0$" } },
      },
    );
    expect(await db.paymentAttempt.count({ where: { applicantId: applicant.id } })).toBe(0);
  });

  it("treats someone else's invoice exactly like a missing one", async () => {
    const biller = await arrangeConfiguredBiller(db);
    const mine = await arrangeInvoices(db, biller.id, [6000]);
    const theirs = await arrangeInvoices(db, biller.id, [7000]);
    await expect(startPayment({ applicantId: mine.applicant.id, invoiceIds: [theirs.invoices[0]!.id] })).rejects.toMatchObject({
      text: "portal.errors.invoiceNotFound",
    });
  });

  it("refuses when the biller's settings are incomplete", async () => {
    const biller = await arrangeConfiguredBiller(db);
    await db.paymentSettings.update({ where: { billerId: biller.id }, data: { invoiceTypeId: null } });
    const { applicant, invoices } = await arrangeInvoices(db, biller.id, [6000]);
    await expect(startPayment({ applicantId: applicant.id, invoiceIds: [invoices[0]!.id] })).rejects.toMatchObject({
      text: { key: "portal.payability.notAvailable" },
    });
  });

  it("closes the attempt as FAILED and releases the invoice when Invoice Cloud fails", async () => {
    const biller = await arrangeConfiguredBiller(db);
    const { applicant, invoices } = await arrangeInvoices(db, biller.id, [6000]);
    await fault({ fault: "api_malformed_json", scope: "next" });
    await expect(startPayment({ applicantId: applicant.id, invoiceIds: [invoices[0]!.id] })).rejects.toMatchObject({
      code: "invoice_cloud_failed",
      text: { key: "portal.errors.invoiceCloudUnreachable" },
    });
    const attempt = await db.paymentAttempt.findFirstOrThrow({ where: { applicantId: applicant.id } });
    expect(attempt).toMatchObject({ status: "FAILED" });
    expect(attempt.failureReason).toMatch(/^malformed/);
    expect((await db.invoice.findUniqueOrThrow({ where: { id: invoices[0]!.id } })).openAttemptId).toBeNull();
    const retry = await startPayment({ applicantId: applicant.id, invoiceIds: [invoices[0]!.id] });
    expect(retry.resumed).toBe(false);
  });
});

describe.skipIf(kind === "none")(`startPayment after a crash (${kind})`, () => {
  it("does not let an attempt stuck in CREATED hold the invoices for long", async () => {
    const biller = await arrangeConfiguredBiller(db);
    const { applicant, invoices } = await arrangeInvoices(db, biller.id, [6000]);
    const stuck = await db.paymentAttempt.create({
      data: {
        billerId: biller.id,
        applicantId: applicant.id,
        billerReference: "0".repeat(64),
        totalCents: 6000,
        expiresAt: new Date(Date.now() + 80 * 60_000),
        createdAt: new Date(Date.now() - 3 * 60_000),
        invoices: { create: [{ invoiceId: invoices[0]!.id, amountCents: 6000 }] },
      },
    });
    await db.invoice.update({ where: { id: invoices[0]!.id }, data: { openAttemptId: stuck.id } });
    const result = await startPayment({ applicantId: applicant.id, invoiceIds: [invoices[0]!.id] });
    expect(result.paymentId).not.toBe(stuck.id);
    expect(result.resumed).toBe(false);
  });
});

describe.skipIf(kind === "none")(`startPayment after the applicant returned (${kind})`, () => {
  it("sends them to the payment's status page instead of the one-time Invoice Cloud page", async () => {
    const biller = await arrangeConfiguredBiller(db);
    const { applicant, invoices } = await arrangeInvoices(db, biller.id, [6000]);
    const first = await startPayment({ applicantId: applicant.id, invoiceIds: [invoices[0]!.id] });
    await db.paymentAttempt.update({ where: { id: first.paymentId }, data: { returnedAt: new Date() } });
    const again = await startPayment({ applicantId: applicant.id, invoiceIds: [invoices[0]!.id] });
    expect(again).toEqual({ hostedPageUrl: `/payments/${first.paymentId}`, paymentId: first.paymentId, resumed: true });
  });
});
