import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { arrangeAttempt, arrangeConfiguredBiller, arrangeInvoices, postbackFields } from "@/test/payment-fixtures";
import { applyPostback } from "./apply-postback";
import { expireStaleAttempts } from "./expire-stale-attempts";
import { SESSION_HOLD_MARGIN_MS } from "./transitions";

const kind = process.env.TEST_DB_KIND;
const HOUR = 3600_000;

describe.skipIf(kind === "none")(`expireStaleAttempts (${kind})`, () => {
  it("expires attempts whose page can no longer take a payment, releases their invoices, and leaves young ones alone", async () => {
    const biller = await arrangeConfiguredBiller(db);
    const old = await arrangeInvoices(db, biller.id, [6000]);
    const young = await arrangeInvoices(db, biller.id, [7000]);
    const oldAttempt = await arrangeAttempt(db, { billerId: biller.id, applicantId: old.applicant.id, invoices: old.invoices });
    const youngAttempt = await arrangeAttempt(db, { billerId: biller.id, applicantId: young.applicant.id, invoices: young.invoices });
    await db.paymentAttempt.update({
      where: { id: oldAttempt.id },
      data: { expiresAt: new Date(Date.now() - SESSION_HOLD_MARGIN_MS - 1000) },
    });

    const { expired } = await expireStaleAttempts({ db });
    expect(expired).toBeGreaterThanOrEqual(1);
    expect(await db.paymentAttempt.findUniqueOrThrow({ where: { id: oldAttempt.id } })).toMatchObject({
      status: "EXPIRED",
      closeReason: "NO_POSTBACK",
    });
    expect((await db.paymentAttempt.findUniqueOrThrow({ where: { id: youngAttempt.id } })).status).toBe("REDIRECTED");
    expect((await db.invoice.findUniqueOrThrow({ where: { id: old.invoices[0]!.id } })).openAttemptId).toBeNull();

    // Invoice Cloud's late approval still counts: the money was taken.
    expect((await applyPostback({ paymentId: oldAttempt.id, ...postbackFields(oldAttempt) })).outcome).toBe("paid");
    expect((await db.invoice.findUniqueOrThrow({ where: { id: old.invoices[0]!.id } })).status).toBe("PAID");
  });

  it("keeps the hold of a returned attempt with no postback for the grace period, then expires it with no review item", async () => {
    const biller = await arrangeConfiguredBiller(db);
    const { applicant, invoices } = await arrangeInvoices(db, biller.id, [6000]);
    const attempt = await arrangeAttempt(db, { billerId: biller.id, applicantId: applicant.id, invoices });
    const now = Date.now();
    await db.paymentAttempt.update({
      where: { id: attempt.id },
      data: { returnedAt: new Date(now - 3 * HOUR), expiresAt: new Date(now - 2 * HOUR) },
    });
    await expireStaleAttempts({ db, returnGraceMs: 24 * HOUR });
    expect((await db.paymentAttempt.findUniqueOrThrow({ where: { id: attempt.id } })).status).toBe("REDIRECTED");
    expect((await db.invoice.findUniqueOrThrow({ where: { id: invoices[0]!.id } })).openAttemptId).toBe(attempt.id);
    const { startPayment } = await import("./start-payment");
    await expect(startPayment({ applicantId: applicant.id, invoiceIds: [invoices[0]!.id] })).resolves.toMatchObject({
      paymentId: attempt.id, // PAY ONLINE leads to the payment's page, not to a second session
      resumed: true,
    });

    await expireStaleAttempts({ db, returnGraceMs: 24 * HOUR, now: new Date(now + 22 * HOUR) });
    const after = await db.paymentAttempt.findUniqueOrThrow({ where: { id: attempt.id } });
    expect(after).toMatchObject({ status: "EXPIRED", closeReason: "NO_POSTBACK", reviewKind: null });
    expect((await db.invoice.findUniqueOrThrow({ where: { id: invoices[0]!.id } })).openAttemptId).toBeNull();
  });

  it("expires a CREATED attempt whose process died before Invoice Cloud answered", async () => {
    const biller = await arrangeConfiguredBiller(db);
    const { applicant, invoices } = await arrangeInvoices(db, biller.id, [6000]);
    const attempt = await arrangeAttempt(db, { billerId: biller.id, applicantId: applicant.id, invoices });
    await db.paymentAttempt.update({
      where: { id: attempt.id },
      data: { status: "CREATED", createdAt: new Date(Date.now() - 10 * 60_000) },
    });
    await expireStaleAttempts({ db });
    expect(await db.paymentAttempt.findUniqueOrThrow({ where: { id: attempt.id } })).toMatchObject({
      status: "EXPIRED",
      closeReason: "SESSION_NEVER_OPENED",
    });
  });
});
