import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { applyPostback } from "@/lib/payments/apply-postback";
import { arrangeAttempt, arrangeConfiguredBiller, arrangeInvoices, postbackFields } from "@/test/payment-fixtures";
import { countPostbackOutcomes } from "./count-postback-outcomes";

const kind = process.env.TEST_DB_KIND;

describe.skipIf(kind === "none")(`countPostbackOutcomes (${kind})`, () => {
  it("counts each verdict in the window", async () => {
    const since = new Date();
    const before = await countPostbackOutcomes({ since });
    const biller = await arrangeConfiguredBiller(db);
    const { applicant, invoices } = await arrangeInvoices(db, biller.id, [6000]);
    const attempt = await arrangeAttempt(db, { billerId: biller.id, applicantId: applicant.id, invoices });
    const pb = postbackFields(attempt);
    await applyPostback({ paymentId: attempt.id, ...pb });
    await applyPostback({ paymentId: attempt.id, ...pb });
    await applyPostback({ paymentId: attempt.id, ...postbackFields(attempt, { BillerReference: "e".repeat(64) }) });
    const after = await countPostbackOutcomes({ since });
    expect(after.paid - before.paid).toBeGreaterThanOrEqual(1);
    expect(after.duplicate - before.duplicate).toBeGreaterThanOrEqual(1);
    expect(after.rejected - before.rejected).toBeGreaterThanOrEqual(1);
    expect(Object.keys(after).sort()).toEqual([
      "declined",
      "duplicate",
      "ignored",
      "malformed",
      "needs_review",
      "paid",
      "rejected",
      "unknown",
    ]);
  });
});
