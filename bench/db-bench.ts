// The database paths, on the database that the environment names (see run.ts).
import { randomUUID } from "node:crypto";
import { timeAsync } from "./stats";

process.env.NEXTAUTH_SECRET ??= "bench-secret-bench-secret-bench-secret-00";
process.env.ENCRYPTION_KEYS ??= "bench:AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";
process.env.LOG_LEVEL = "silent";

async function main() {
  const { db } = await import("../lib/db");
  const { listInvoices } = await import("../lib/invoices/list-invoices");
  const { findInvoiceByNumber } = await import("../lib/invoices/find-invoice-by-number");
  const { applyPostback } = await import("../lib/payments/apply-postback");
  const { arrangeAttempt, arrangeConfiguredBiller, arrangeInvoices, postbackFields } = await import("../test/payment-fixtures");
  const { createInvoice } = await import("../prisma/factories");
  const label = process.env.BENCH_LABEL ?? "db";
  console.log(`\n${label}`);

  // An applicant with 500 invoices, among other applicants' 2,000.
  const biller = await arrangeConfiguredBiller(db);
  const { applicant, permit } = await arrangeInvoices(db, biller.id, []);
  const numbers: string[] = [];
  for (let i = 0; i < 500; i++) numbers.push((await createInvoice(db, { permit, amountCents: 1000 + i })).invoiceNumber);
  for (let a = 0; a < 4; a++)
    await arrangeInvoices(
      db,
      biller.id,
      Array.from({ length: 500 }, (_, i) => 500 + i),
    );

  await timeAsync(`${label}: list invoices, page 1 of 20 (500 invoices)`, 200, () => listInvoices({ applicantId: applicant.id, page: 1 }));
  await timeAsync(`${label}: list invoices, page 20 of 20`, 200, () => listInvoices({ applicantId: applicant.id, page: 20 }));
  await timeAsync(`${label}: retrieve an invoice by number`, 200, (i) =>
    findInvoiceByNumber({ applicantId: applicant.id, invoiceNumber: numbers[i % 500]! }),
  );

  const attempts: Awaited<ReturnType<typeof arrangeAttempt>>[] = [];
  for (let i = 0; i < 200; i++) {
    const { applicant: a, invoices } = await arrangeInvoices(db, biller.id, [6000]);
    attempts.push(await arrangeAttempt(db, { billerId: biller.id, applicantId: a.id, invoices }));
  }
  const sent = attempts.map((a) => postbackFields(a));
  await timeAsync(`${label}: apply an approved postback (verify + mark PAID)`, 200, (i) =>
    applyPostback({ paymentId: attempts[i]!.id, ...sent[i]! }),
  );
  await timeAsync(`${label}: apply the same postback again (duplicate)`, 200, (i) =>
    applyPostback({ paymentId: attempts[i]!.id, ...sent[i]! }),
  );
  await timeAsync(`${label}: unknown payment-id postback`, 200, () =>
    applyPostback({ paymentId: randomUUID(), ...postbackFields(attempts[0]!) }),
  );
  await db.$disconnect();
}

void main();
