// The streamed CSV is byte for byte the CSV exportPaymentsCsv builds in one piece, read in pages
// (page boundaries and a formula-looking name included), and only the biller's rows in the range.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { generateBillerReference } from "@/lib/identifiers";
import { createUser } from "@/prisma/factories";
import { arrangeAttempt, arrangeConfiguredBiller, arrangeInvoices } from "@/test/payment-fixtures";
import { exportPaymentsCsv } from "./export-payments-csv";
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

describe.skipIf(kind === "none")(`streamPaymentsCsv (${kind})`, () => {
  it("streams the same CSV as the one-piece export, a page at a time", async () => {
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

    const whole = await exportPaymentsCsv(range);
    expect(whole.rows).toBe(12);
    const streamed = await read(streamPaymentsCsv({ ...range, pageRows: 5 }));
    expect(streamed.text).toBe(whole.csv);
    expect(streamed.chunks).toBe(3);
    expect(streamed.text).toContain("'=HYPERLINK(1)");

    const empty = await read(streamPaymentsCsv({ billerId: biller.id, from: new Date(0), to: new Date(1000) }));
    expect(empty.text).toBe((await exportPaymentsCsv({ billerId: biller.id, from: new Date(0), to: new Date(1000) })).csv);
  });
});
