import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { applyPostback } from "@/lib/payments/apply-postback";
import { createUser } from "@/prisma/factories";
import { arrangeAttempt, arrangeConfiguredBiller, arrangeInvoices, postbackFields } from "@/test/payment-fixtures";
import { recordRefund } from "./record-refund";
import type { RefundInput } from "./refund-input-schema";
import { reverseRefund } from "./reverse-refund";

const kind = process.env.TEST_DB_KIND;

async function paid(amounts = [6000, 4000]) {
  const biller = await arrangeConfiguredBiller(db);
  const admin = await createUser(db, { role: "BILLER_ADMIN", billerId: biller.id });
  const { applicant, invoices } = await arrangeInvoices(db, biller.id, amounts);
  const attempt = await arrangeAttempt(db, { billerId: biller.id, applicantId: applicant.id, invoices });
  expect((await applyPostback({ paymentId: attempt.id, ...postbackFields(attempt) })).outcome).toBe("paid");
  return { biller, admin, invoices, attempt };
}

function input(attemptId: string, lines: [string, number][], reference = "RF-1001"): RefundInput {
  return {
    attemptId,
    reference,
    refundedOn: "2026-11-27",
    note: "Refunded in the Invoice Cloud portal",
    lines: lines.map(([invoiceId, amount]) => ({ invoiceId, amount })),
  };
}

const invoiceRows = (ids: string[]) =>
  db.invoice.findMany({ where: { id: { in: ids } }, orderBy: { amountDueCents: "desc" }, select: { status: true, refundedCents: true } });

// PGlite compiles its first queries slowly on a busy machine: a generous limit, not a timing check.
describe.skipIf(kind === "none")(`recordRefund and reverseRefund (${kind})`, { timeout: 90_000 }, () => {
  it("a partial refund keeps the invoice PAID with the refunded amount; the rest makes both REFUNDED", async () => {
    const { biller, admin, invoices, attempt } = await paid();
    const [a, b] = invoices.map((i) => i.id) as [string, string];
    await recordRefund({ billerId: biller.id, actorId: admin.id, input: input(attempt.id, [[a, 2500]]) });
    expect(await invoiceRows([a, b])).toEqual([
      { status: "PAID", refundedCents: 2500 },
      { status: "PAID", refundedCents: 0 },
    ]);
    await recordRefund({
      billerId: biller.id,
      actorId: admin.id,
      input: input(
        attempt.id,
        [
          [a, 3500],
          [b, 4000],
        ],
        "RF-1002",
      ),
    });
    expect(await invoiceRows([a, b])).toEqual([
      { status: "REFUNDED", refundedCents: 6000 },
      { status: "REFUNDED", refundedCents: 4000 },
    ]);
    expect((await db.paymentAttempt.findUniqueOrThrow({ where: { id: attempt.id } })).status).toBe("PAID");
    const refunds = await db.refund.findMany({ where: { attemptId: attempt.id }, orderBy: { amountCents: "asc" } });
    expect(refunds.map((r) => [r.reference, r.amountCents])).toEqual([
      ["RF-1001", 2500],
      ["RF-1002", 7500],
    ]);
    const audits = await db.auditEvent.findMany({ where: { attemptId: attempt.id, type: "payment.refund_recorded" } });
    expect(audits).toHaveLength(2);
    expect(audits[0]).toMatchObject({
      actorId: admin.id,
      data: { event: "refund_recorded", from: "PAID", to: "PAID", by: "biller_admin" },
    });
  });

  it("refuses an over-refund, and the database refuses one too", async () => {
    const { biller, admin, invoices, attempt } = await paid();
    const a = invoices[0]!.id;
    await expect(recordRefund({ billerId: biller.id, actorId: admin.id, input: input(attempt.id, [[a, 6001]]) })).rejects.toMatchObject({
      text: { key: "admin.refunds.errors.moreThanLeft", values: { invoiceNumber: invoices[0]!.invoiceNumber, left: "$60.00" } },
    });
    await recordRefund({ billerId: biller.id, actorId: admin.id, input: input(attempt.id, [[a, 5000]]) });
    await expect(recordRefund({ billerId: biller.id, actorId: admin.id, input: input(attempt.id, [[a, 1001]]) })).rejects.toMatchObject({
      text: { key: "admin.refunds.errors.moreThanLeft", values: { left: "$10.00" } },
    });
    // A writer that skipped the conditional update still cannot over-refund: the check constraint.
    await expect(db.$executeRaw`UPDATE "Invoice" SET "refundedCents" = 6001 WHERE "id" = ${a}::uuid`).rejects.toThrow();
    expect(await db.refund.count({ where: { attemptId: attempt.id } })).toBe(1);
    expect((await invoiceRows([a]))[0]).toEqual({ status: "PAID", refundedCents: 5000 });
  });

  it("two concurrent refunds of the full amount: exactly one is recorded", async () => {
    const { biller, admin, invoices, attempt } = await paid();
    const full = input(
      attempt.id,
      invoices.map((i) => [i.id, i.amountDueCents]),
    );
    const results = await Promise.allSettled([
      recordRefund({ billerId: biller.id, actorId: admin.id, input: full }),
      recordRefund({ billerId: biller.id, actorId: admin.id, input: { ...full, reference: "RF-DUP" } }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const rejected = results.find((r) => r.status === "rejected");
    expect(rejected?.reason).toMatchObject({ text: "admin.refunds.errors.overRefund" });
    expect(await db.refund.count({ where: { attemptId: attempt.id } })).toBe(1);
    expect(await invoiceRows(invoices.map((i) => i.id))).toEqual([
      { status: "REFUNDED", refundedCents: 6000 },
      { status: "REFUNDED", refundedCents: 4000 },
    ]);
  });

  it("reversing a refund puts the invoices back to PAID, once, with the note audited", async () => {
    const { biller, admin, invoices, attempt } = await paid([6000]);
    const a = invoices[0]!.id;
    const { refundId } = await recordRefund({ billerId: biller.id, actorId: admin.id, input: input(attempt.id, [[a, 6000]]) });
    expect((await invoiceRows([a]))[0]).toEqual({ status: "REFUNDED", refundedCents: 6000 });
    await reverseRefund({ billerId: biller.id, refundId, actorId: admin.id, note: "Recorded against the wrong payment" });
    expect((await invoiceRows([a]))[0]).toEqual({ status: "PAID", refundedCents: 0 });
    expect(await db.refund.findUniqueOrThrow({ where: { id: refundId } })).toMatchObject({
      reversedById: admin.id,
      reversalNote: "Recorded against the wrong payment",
    });
    await expect(reverseRefund({ billerId: biller.id, refundId, actorId: admin.id, note: "second time" })).rejects.toMatchObject({
      text: "admin.refunds.errors.alreadyReversed",
    });
    const audit = await db.auditEvent.findFirstOrThrow({ where: { attemptId: attempt.id, type: "payment.refund_reversed" } });
    expect(audit.data).toMatchObject({ refundId, note: "Recorded against the wrong payment", event: "refund_reversed" });
    // The money can be refunded again after a reversal.
    await recordRefund({ billerId: biller.id, actorId: admin.id, input: input(attempt.id, [[a, 6000]], "RF-2") });
    expect((await invoiceRows([a]))[0]).toEqual({ status: "REFUNDED", refundedCents: 6000 });
  });

  it("another biller's admin can neither refund nor reverse this biller's payment", async () => {
    const { biller, admin, invoices, attempt } = await paid([6000]);
    const other = await arrangeConfiguredBiller(db);
    const otherAdmin = await createUser(db, { role: "BILLER_ADMIN", billerId: other.id });
    const a = invoices[0]!.id;
    await expect(recordRefund({ billerId: other.id, actorId: otherAdmin.id, input: input(attempt.id, [[a, 100]]) })).rejects.toMatchObject({
      text: "admin.refunds.errors.noPayment",
    });
    const { refundId } = await recordRefund({ billerId: biller.id, actorId: admin.id, input: input(attempt.id, [[a, 100]]) });
    await expect(reverseRefund({ billerId: other.id, refundId, actorId: otherAdmin.id, note: "not mine at all" })).rejects.toMatchObject({
      text: "admin.refunds.errors.noRefund",
    });
    expect((await invoiceRows([a]))[0]).toEqual({ status: "PAID", refundedCents: 100 });
  });

  it("refuses a payment that is not PAID, and an invoice it did not pay", async () => {
    const biller = await arrangeConfiguredBiller(db);
    const admin = await createUser(db, { role: "BILLER_ADMIN", billerId: biller.id });
    const { applicant, invoices } = await arrangeInvoices(db, biller.id, [6000]);
    const attempt = await arrangeAttempt(db, { billerId: biller.id, applicantId: applicant.id, invoices });
    await expect(
      recordRefund({ billerId: biller.id, actorId: admin.id, input: input(attempt.id, [[invoices[0]!.id, 100]]) }),
    ).rejects.toMatchObject({ text: "admin.refunds.errors.notPaid" });
    const done = await paid([6000]);
    await expect(
      recordRefund({ billerId: done.biller.id, actorId: done.admin.id, input: input(done.attempt.id, [[invoices[0]!.id, 100]]) }),
    ).rejects.toMatchObject({ text: "admin.refunds.errors.notThisPayment" });
  });
});
