// The report's lines carry what a clerk matches against Invoice Cloud: each payment's invoice
// numbers (in invoice order), the applicant, the PaymentGUID; each refund's day, reference and lines.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { arrangeAttempt, arrangeConfiguredBiller, arrangeInvoices } from "@/test/payment-fixtures";
import { listReportLines } from "./list-report-lines";

describe("listReportLines", () => {
  it("gives each payment its invoice numbers and applicant, and each refund its day and lines", async () => {
    const biller = await arrangeConfiguredBiller(db);
    const { applicant, invoices } = await arrangeInvoices(db, biller.id, [5000, 2500, 1000]);
    const attempt = await arrangeAttempt(db, { billerId: biller.id, applicantId: applicant.id, invoices: invoices.slice(0, 2) });
    const guid = randomUUID();
    const closedAt = new Date("2026-03-10T15:00:00Z"); // 11:00 in Toronto, 2026-03-10
    await db.paymentAttempt.update({
      where: { id: attempt.id },
      data: { status: "PAID", paymentGuid: guid, paidAmountCents: 7750, convenienceFeeCents: 250, closedAt },
    });
    const refund = await db.refund.create({
      data: {
        billerId: biller.id,
        attemptId: attempt.id,
        amountCents: 1200,
        reference: "RF-77",
        refundedOn: new Date("2026-03-11T00:00:00Z"),
        note: "duplicate fee",
        recordedById: applicant.id,
        lines: { create: [{ invoiceId: invoices[1]!.id, amountCents: 1200 }] },
      },
    });
    // A reversed refund and another biller's payment are not lines of this report.
    await db.refund.create({
      data: {
        billerId: biller.id,
        attemptId: attempt.id,
        amountCents: 100,
        reference: "RF-78",
        refundedOn: new Date("2026-03-11T00:00:00Z"),
        note: "by mistake",
        recordedById: applicant.id,
        reversedAt: new Date(),
      },
    });
    const { timeZone } = await db.biller.findUniqueOrThrow({ where: { id: biller.id }, select: { timeZone: true } });

    const lines = await listReportLines({ billerId: biller.id, from: "2026-03-09", to: "2026-03-12", timeZone });
    const byInvoiceId = [...invoices.slice(0, 2)].sort((a, b) => a.id.localeCompare(b.id)).map((i) => i.invoiceNumber);
    expect(lines).toEqual([
      {
        kind: "payment",
        day: new Intl.DateTimeFormat("en-CA", { timeZone }).format(closedAt),
        at: closedAt,
        attemptId: attempt.id,
        paymentGuid: guid,
        invoiceNumbers: byInvoiceId,
        applicant: applicant.name,
        grossCents: 7500,
        feeCents: 250,
      },
      {
        kind: "refund",
        day: "2026-03-11",
        at: refund.recordedAt,
        attemptId: attempt.id,
        refundId: refund.id,
        paymentGuid: guid,
        reference: "RF-77",
        invoiceNumbers: [invoices[1]!.invoiceNumber],
        applicant: applicant.name,
        amountCents: 1200,
      },
    ]);
    // Outside the range, nothing.
    expect(await listReportLines({ billerId: biller.id, from: "2026-03-12", to: "2026-03-20", timeZone })).toEqual([]);
  });
});
