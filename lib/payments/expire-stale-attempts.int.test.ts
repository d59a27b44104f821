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
