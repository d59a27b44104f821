import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { arrangeAttempt, arrangeConfiguredBiller, arrangeInvoices, postbackFields } from "@/test/payment-fixtures";
import { applyPostback } from "./apply-postback";
import { EXPIRY_GRACE_MS, expireStaleAttempts } from "./expire-stale-attempts";

const kind = process.env.TEST_DB_KIND;

describe.skipIf(kind === "none")(`expireStaleAttempts (${kind})`, () => {
  it("expires abandoned attempts, releases their invoices, and leaves young ones alone", async () => {
    const biller = await arrangeConfiguredBiller(db);
    const old = await arrangeInvoices(db, biller.id, [6000]);
    const young = await arrangeInvoices(db, biller.id, [7000]);
    const oldAttempt = await arrangeAttempt(db, { billerId: biller.id, applicantId: old.applicant.id, invoices: old.invoices });
    const youngAttempt = await arrangeAttempt(db, { billerId: biller.id, applicantId: young.applicant.id, invoices: young.invoices });
    await db.paymentAttempt.update({ where: { id: oldAttempt.id }, data: { expiresAt: new Date(Date.now() - EXPIRY_GRACE_MS - 1000) } });

    const { expired } = await expireStaleAttempts({ db });
    expect(expired).toBeGreaterThanOrEqual(1);
    expect((await db.paymentAttempt.findUniqueOrThrow({ where: { id: oldAttempt.id } })).status).toBe("EXPIRED");
    expect((await db.paymentAttempt.findUniqueOrThrow({ where: { id: youngAttempt.id } })).status).toBe("REDIRECTED");
    expect((await db.invoice.findUniqueOrThrow({ where: { id: old.invoices[0]!.id } })).openAttemptId).toBeNull();

    // Invoice Cloud's late approval still counts: the money was taken.
    expect((await applyPostback({ paymentId: oldAttempt.id, ...postbackFields(oldAttempt) })).outcome).toBe("paid");
    expect((await db.invoice.findUniqueOrThrow({ where: { id: old.invoices[0]!.id } })).status).toBe("PAID");
  });
});

describe.skipIf(kind === "none")(`expireStaleAttempts after a return (${kind})`, () => {
  it("flags an attempt whose applicant came back but whose postback never arrived, and keeps the hold", async () => {
    const biller = await arrangeConfiguredBiller(db);
    const { applicant, invoices } = await arrangeInvoices(db, biller.id, [6000]);
    const attempt = await arrangeAttempt(db, { billerId: biller.id, applicantId: applicant.id, invoices });
    await db.paymentAttempt.update({
      where: { id: attempt.id },
      data: { returnedAt: new Date(Date.now() - 3 * 3600_000), expiresAt: new Date(Date.now() - EXPIRY_GRACE_MS - 1000) },
    });
    await expireStaleAttempts({ db });
    const after = await db.paymentAttempt.findUniqueOrThrow({ where: { id: attempt.id } });
    expect(after.status).toBe("NEEDS_REVIEW");
    expect(after.reviewReason).toMatch(/no postback arrived/);
    expect((await db.invoice.findUniqueOrThrow({ where: { id: invoices[0]!.id } })).openAttemptId).toBe(attempt.id);
    const { startPayment } = await import("./start-payment");
    await expect(startPayment({ applicantId: applicant.id, invoiceIds: [invoices[0]!.id] })).rejects.toThrow(/do not pay again/);
  });
});
