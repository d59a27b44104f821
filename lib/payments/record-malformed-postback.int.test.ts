import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { arrangeAttempt, arrangeConfiguredBiller, arrangeInvoices } from "@/test/payment-fixtures";
import { recordMalformedPostback } from "./record-malformed-postback";

const kind = process.env.TEST_DB_KIND;

describe.skipIf(kind === "none")(`recordMalformedPostback (${kind})`, () => {
  it("keeps what arrived, linked to the attempt when the payment-id names one, and changes nothing else", async () => {
    const biller = await arrangeConfiguredBiller(db);
    const { applicant, invoices } = await arrangeInvoices(db, biller.id, [6000]);
    const attempt = await arrangeAttempt(db, { billerId: biller.id, applicantId: applicant.id, invoices });
    await recordMalformedPostback({ paymentId: attempt.id, error: "Approved: must be True or False", raw: { Approved: "Maybe" } });
    await recordMalformedPostback({ paymentId: "not-a-uuid", error: "payment-id is missing or not a UUID", raw: {} });
    const rows = await db.postbackReceipt.findMany({ where: { verdict: "malformed", paymentId: { in: [attempt.id, "not-a-uuid"] } } });
    expect(rows.map((r) => [r.paymentId, r.attemptId]).sort()).toEqual([
      [attempt.id, attempt.id],
      ["not-a-uuid", null],
    ]);
    expect((await db.paymentAttempt.findUniqueOrThrow({ where: { id: attempt.id } })).status).toBe("REDIRECTED");
  });
});
