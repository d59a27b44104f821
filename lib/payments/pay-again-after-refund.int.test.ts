// The biller setting payAgainAfterRefund: an invoice refunded in full is final unless the biller
// turns it on; then PAY ONLINE reopens it and it can be paid again (against the sandbox, real HTTP).
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { UserFacingError } from "@/lib/errors";
import { recordRefund } from "@/lib/refunds/record-refund";
import { reverseRefund } from "@/lib/refunds/reverse-refund";
import { createUser } from "@/prisma/factories";
import { arrangeAttempt, arrangeConfiguredBiller, arrangeInvoices, postbackFields } from "@/test/payment-fixtures";
import { applyPostback } from "./apply-postback";
import { startPayment } from "./start-payment";

const kind = process.env.TEST_DB_KIND;

async function refundedInFull(payAgainAfterRefund: boolean) {
  const biller = await arrangeConfiguredBiller(db);
  await db.paymentSettings.update({ where: { billerId: biller.id }, data: { payAgainAfterRefund } });
  const admin = await createUser(db, { role: "BILLER_ADMIN", billerId: biller.id });
  const { applicant, invoices } = await arrangeInvoices(db, biller.id, [6000]);
  const invoice = invoices[0]!;
  const attempt = await arrangeAttempt(db, { billerId: biller.id, applicantId: applicant.id, invoices });
  expect((await applyPostback({ paymentId: attempt.id, ...postbackFields(attempt) })).outcome).toBe("paid");
  const refund = await recordRefund({
    billerId: biller.id,
    actorId: admin.id,
    input: {
      attemptId: attempt.id,
      reference: "RF-9",
      refundedOn: "2026-11-27",
      note: "Permit withdrawn",
      lines: [{ invoiceId: invoice.id, amount: 6000 }],
    },
  });
  expect((await db.invoice.findUniqueOrThrow({ where: { id: invoice.id } })).status).toBe("REFUNDED");
  return { biller, admin, applicant, invoice, attempt, refund };
}

describe.skipIf(kind === "none")(`paying a refunded invoice again (${kind})`, { timeout: 90_000 }, () => {
  it("is refused by default, and nothing changes", async () => {
    const { applicant, invoice } = await refundedInFull(false);
    const error = await startPayment({ applicantId: applicant.id, invoiceIds: [invoice.id] }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserFacingError);
    expect((error as UserFacingError).text).toEqual({ key: "portal.payability.refunded", values: { number: invoice.invoiceNumber } });
    expect(await db.invoice.findUniqueOrThrow({ where: { id: invoice.id } })).toMatchObject({
      status: "REFUNDED",
      refundedCents: 6000,
      openAttemptId: null,
    });
    expect(await db.paymentAttempt.count({ where: { applicantId: applicant.id } })).toBe(1);
  });

  it("with the setting on, PAY ONLINE reopens the invoice for its amount, and the new approval pays it", async () => {
    const { biller, admin, applicant, invoice, attempt: first, refund } = await refundedInFull(true);
    const started = await startPayment({ applicantId: applicant.id, invoiceIds: [invoice.id] });
    expect(started.resumed).toBe(false);
    expect(await db.invoice.findUniqueOrThrow({ where: { id: invoice.id } })).toMatchObject({
      status: "UNPAID",
      refundedCents: 0,
      paidAttemptId: null,
      paymentGuid: null,
      openAttemptId: started.paymentId,
    });
    const reopened = await db.auditEvent.findFirstOrThrow({ where: { billerId: biller.id, type: "invoice.reopened" } });
    expect(reopened).toMatchObject({ attemptId: first.id, actorId: applicant.id });
    // The first payment and its refund are history, unchanged.
    expect((await db.paymentAttempt.findUniqueOrThrow({ where: { id: first.id } })).status).toBe("PAID");
    expect(await db.refund.count({ where: { attemptId: first.id, reversedAt: null } })).toBe(1);

    const second = await db.paymentAttempt.findUniqueOrThrow({ where: { id: started.paymentId } });
    expect((await applyPostback({ paymentId: second.id, ...postbackFields(second) })).outcome).toBe("paid");
    expect(await db.invoice.findUniqueOrThrow({ where: { id: invoice.id } })).toMatchObject({ status: "PAID", paidAttemptId: second.id });

    // The old refund can no longer be reversed: the invoice is paid by the new payment now.
    const reversal = await reverseRefund({
      billerId: biller.id,
      actorId: admin.id,
      refundId: refund.refundId,
      note: "recorded by mistake",
    }).catch((e: unknown) => e);
    expect(reversal).toBeInstanceOf(UserFacingError);
    expect(await db.invoice.findUniqueOrThrow({ where: { id: invoice.id } })).toMatchObject({ status: "PAID", refundedCents: 0 });
  });
});
