import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createUser } from "@/prisma/factories";
import { arrangeAttempt, arrangeConfiguredBiller, arrangeInvoices, postbackFields } from "@/test/payment-fixtures";
import { applyPostback } from "./apply-postback";
import { resolveReview } from "./resolve-review";

const kind = process.env.TEST_DB_KIND;

async function flagged(overpay = true) {
  const biller = await arrangeConfiguredBiller(db);
  const admin = await createUser(db, { role: "BILLER_ADMIN", billerId: biller.id });
  const { applicant, invoices } = await arrangeInvoices(db, biller.id, [6000, 4000]);
  const attempt = await arrangeAttempt(db, { billerId: biller.id, applicantId: applicant.id, invoices });
  const pb = postbackFields(attempt, overpay ? { PaymentAmount: "101.00" } : {});
  await applyPostback({ paymentId: attempt.id, ...pb });
  return { biller, admin, applicant, invoices, attempt, pb };
}

describe.skipIf(kind === "none")(`resolveReview (${kind})`, () => {
  it("mark_paid: the attempt and its invoices become PAID, with the note audited", async () => {
    const { biller, admin, invoices, attempt } = await flagged();
    await resolveReview({
      billerId: biller.id,
      attemptId: attempt.id,
      actorId: admin.id,
      resolution: "mark_paid",
      note: "Checked IC portal: $101 kept, $1 refunded",
    });
    expect((await db.paymentAttempt.findUniqueOrThrow({ where: { id: attempt.id } })).status).toBe("PAID");
    const rows = await db.invoice.findMany({ where: { id: { in: invoices.map((i) => i.id) } } });
    expect(rows.every((i) => i.status === "PAID" && i.paidAttemptId === attempt.id && i.openAttemptId === null)).toBe(true);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { attemptId: attempt.id, type: "payment.review_resolved" } });
    expect(audit).toMatchObject({
      actorId: admin.id,
      data: { resolution: "mark_paid", note: "Checked IC portal: $101 kept, $1 refunded" },
    });
  });

  it("release: the invoices can be paid again", async () => {
    const { biller, admin, invoices, attempt } = await flagged();
    await resolveReview({ billerId: biller.id, attemptId: attempt.id, actorId: admin.id, resolution: "release", note: "Refunded in full" });
    expect((await db.paymentAttempt.findUniqueOrThrow({ where: { id: attempt.id } })).status).toBe("DECLINED");
    const rows = await db.invoice.findMany({ where: { id: { in: invoices.map((i) => i.id) } } });
    expect(rows.map((i) => [i.status, i.openAttemptId])).toEqual([
      ["UNPAID", null],
      ["UNPAID", null],
    ]);
  });

  it("dismiss: clears the flag on a PAID attempt that got a second approval", async () => {
    const { biller, admin, attempt } = await flagged(false);
    await applyPostback({ paymentId: attempt.id, ...postbackFields(attempt) }); // a second approval, new PaymentGUID
    expect((await db.paymentAttempt.findUniqueOrThrow({ where: { id: attempt.id } })).reviewReason).toMatch(/second approved payment/);
    await resolveReview({
      billerId: biller.id,
      attemptId: attempt.id,
      actorId: admin.id,
      resolution: "dismiss",
      note: "Second charge refunded",
    });
    expect(await db.paymentAttempt.findUniqueOrThrow({ where: { id: attempt.id } })).toMatchObject({ status: "PAID", reviewReason: null });
  });

  it("refuses another biller's attempt, the wrong action, and a second settlement", async () => {
    const { biller, admin, attempt } = await flagged();
    const other = await arrangeConfiguredBiller(db);
    await expect(
      resolveReview({ billerId: other.id, attemptId: attempt.id, actorId: admin.id, resolution: "release", note: "nope nope" }),
    ).rejects.toThrow("errors.paymentNotFound");
    await expect(
      resolveReview({ billerId: biller.id, attemptId: attempt.id, actorId: admin.id, resolution: "dismiss", note: "wrong one" }),
    ).rejects.toThrow("errors.reviewNotNeeded");
    await resolveReview({ billerId: biller.id, attemptId: attempt.id, actorId: admin.id, resolution: "release", note: "refunded" });
    await expect(
      resolveReview({ billerId: biller.id, attemptId: attempt.id, actorId: admin.id, resolution: "mark_paid", note: "again!" }),
    ).rejects.toThrow("errors.reviewNotNeeded");
    expect((await db.paymentAttempt.findUniqueOrThrow({ where: { id: attempt.id } })).status).toBe("DECLINED");
  });
});
