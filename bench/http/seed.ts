// What each HTTP case needs, written straight to the scratch database: a configured biller, an
// applicant with 500 invoices, attempts awaiting their postback (1 and 5 invoices each), and
// 100,000 attempts for the biller admin's payments page and CSV export. Run after DATABASE_URL is set.
import { randomUUID } from "node:crypto";
import { displayPrefix, generateApiToken, hashApiToken } from "../../lib/api-credentials/api-token";
import { db } from "../../lib/db";
import { generateBillerReference, generateInvoiceNumber } from "../../lib/identifiers";
import { createPermit, createUser, DEMO_PASSWORD } from "../../prisma/factories";
import { arrangeConfiguredBiller, SANDBOX_GUID } from "../../test/payment-fixtures";

export type PreparedAttempt = { id: string; billerReference: string; totalCents: number };

export type Seeded = {
  password: string;
  applicantEmail: string;
  adminEmail: string;
  listInvoices: number;
  adminAttempts: number;
  single: PreparedAttempt[];
  fiveInvoice: PreparedAttempt[];
  /** One attempt for the duplicate case (applied once before the case starts). */
  duplicate: PreparedAttempt;
  /** Invoices API tokens of the biller: many, so the per-credential rate limit does not decide the figure. */
  apiTokens: string[];
  /** PAY ONLINE's case: an applicant of its own with one unpaid invoice per request. */
  payerEmail: string;
  payInvoiceIds: string[];
};

const chunks = <T>(rows: T[], size: number) =>
  Array.from({ length: Math.ceil(rows.length / size) }, (_, i) => rows.slice(i * size, (i + 1) * size));

/** `count` attempts in REDIRECTED, each holding `perAttempt` fresh invoices (as startPayment leaves them). */
async function prepareAttempts(biller: string, permit: { id: string; applicantId: string }, count: number, perAttempt: number) {
  const attempts: PreparedAttempt[] = [];
  const invoices: { id: string; attemptId: string; amountDueCents: number }[] = [];
  for (let i = 0; i < count; i++) {
    const id = randomUUID();
    for (let k = 0; k < perAttempt; k++) invoices.push({ id: randomUUID(), attemptId: id, amountDueCents: 1000 + k * 100 });
    attempts.push({
      id,
      billerReference: generateBillerReference(),
      totalCents: invoices.slice(-perAttempt).reduce((s, x) => s + x.amountDueCents, 0),
    });
  }
  const expiresAt = new Date(Date.now() + 6 * 3600_000);
  for (const part of chunks(attempts, 2000))
    await db.paymentAttempt.createMany({
      data: part.map((a) => ({
        id: a.id,
        billerId: biller,
        applicantId: permit.applicantId,
        billerReference: a.billerReference,
        status: "REDIRECTED" as const,
        totalCents: a.totalCents,
        hostedPageUrl: "http://sandbox.invalid/portal/access/otp/bench",
        redirectedAt: new Date(),
        expiresAt,
      })),
    });
  for (const part of chunks(invoices, 2000)) {
    await db.invoice.createMany({
      data: part.map((inv) => ({
        id: inv.id,
        invoiceNumber: generateInvoiceNumber(),
        permitId: permit.id,
        applicantId: permit.applicantId,
        billerId: biller,
        description: "Building permit fee",
        amountDueCents: inv.amountDueCents,
        dueDate: new Date(Date.UTC(2026, 11, 31)),
        openAttemptId: inv.attemptId,
      })),
    });
    await db.paymentAttemptInvoice.createMany({
      data: part.map((inv) => ({ attemptId: inv.attemptId, invoiceId: inv.id, amountCents: inv.amountDueCents })),
    });
  }
  return attempts;
}

export async function seed(opts: { singles: number; fives: number; adminAttempts: number; payOnline: number }): Promise<Seeded> {
  const biller = await arrangeConfiguredBiller(db);
  const applicantEmail = "bench-applicant@permitpay.test";
  const adminEmail = "bench-admin@permitpay.test";
  // The factories hash DEMO_PASSWORD at cost 4 (sign-in happens once per role, before the cases).
  const applicant = await createUser(db, { role: "APPLICANT", email: applicantEmail, profile: { city: "Mississauga", state: "ON" } });
  await createUser(db, { role: "BILLER_ADMIN", email: adminEmail, billerId: biller.id });
  const permit = await createPermit(db, { applicantId: applicant.id, billerId: biller.id });
  const listInvoices = 500;
  await db.invoice.createMany({
    data: Array.from({ length: listInvoices }, (_, i) => ({
      invoiceNumber: generateInvoiceNumber(),
      permitId: permit.id,
      applicantId: applicant.id,
      billerId: biller.id,
      description: `Building permit fee ${i + 1}`,
      amountDueCents: 1000 + i,
      dueDate: new Date(Date.UTC(2026, 11, 31) - i * 86_400_000),
    })),
  });

  // The postback cases' attempts belong to another applicant, so the list above stays at 500.
  const payer = await createUser(db, { role: "APPLICANT", profile: { city: "Mississauga", state: "ON" } });
  const payerPermit = await createPermit(db, { applicantId: payer.id, billerId: biller.id });
  const single = await prepareAttempts(biller.id, payerPermit, opts.singles, 1);
  const fiveInvoice = await prepareAttempts(biller.id, payerPermit, opts.fives, 5);
  const [duplicate] = await prepareAttempts(biller.id, payerPermit, 1, 1);

  // The admin's payments: a year of attempts, one every ~5 minutes (70% paid, 20% expired, 9% declined, 1% review).
  await db.$executeRawUnsafe(
    `INSERT INTO "PaymentAttempt" ("id","billerId","applicantId","billerReference","status","totalCents","paidAmountCents",
       "convenienceFeeCents","paymentGuid","closeReason","expiresAt","createdAt","closedAt")
     SELECT gen_random_uuid(), $1::uuid, $2::uuid, 'bench-' || g,
            (CASE WHEN g % 100 < 70 THEN 'PAID' WHEN g % 100 < 90 THEN 'EXPIRED' WHEN g % 100 < 99 THEN 'DECLINED' ELSE 'NEEDS_REVIEW' END)::"AttemptStatus",
            1000 + g % 50000, CASE WHEN g % 100 < 70 THEN 1000 + g % 50000 END, CASE WHEN g % 100 < 70 THEN 295 END,
            CASE WHEN g % 100 < 70 THEN gen_random_uuid()::text END,
            (CASE WHEN g % 100 BETWEEN 70 AND 89 THEN 'NO_POSTBACK' END)::"AttemptCloseReason",
            now() - g * interval '315 seconds' + interval '90 minutes',
            now() - g * interval '315 seconds',
            CASE WHEN g % 100 < 99 THEN now() - g * interval '315 seconds' + interval '4 minutes' END
       FROM generate_series(1, $3::int) AS g`,
    biller.id,
    payer.id,
    opts.adminAttempts,
  );
  // PAY ONLINE: a fresh invoice per press (pressing for a held one would resume its session instead).
  const payerEmail = "bench-payer@permitpay.test";
  const payOnlineUser = await createUser(db, { role: "APPLICANT", email: payerEmail, profile: { city: "Mississauga", state: "ON" } });
  const payOnlinePermit = await createPermit(db, { applicantId: payOnlineUser.id, billerId: biller.id });
  const payInvoiceIds = Array.from({ length: opts.payOnline }, () => randomUUID());
  for (const part of chunks(payInvoiceIds, 2000))
    await db.invoice.createMany({
      data: part.map((id, i) => ({
        id,
        invoiceNumber: generateInvoiceNumber(),
        permitId: payOnlinePermit.id,
        applicantId: payOnlineUser.id,
        billerId: biller.id,
        description: "Building permit fee",
        amountDueCents: 5000 + i,
        dueDate: new Date(Date.UTC(2026, 11, 31)),
      })),
    });
  const apiTokens = Array.from({ length: 100 }, () => generateApiToken());
  await db.apiCredential.createMany({
    data: apiTokens.map((token, i) => ({
      billerId: biller.id,
      name: `bench ${i + 1}`,
      tokenHash: hashApiToken(token),
      tokenPrefix: displayPrefix(token),
    })),
  });
  await db.$executeRawUnsafe(`ANALYZE`);
  return {
    payerEmail,
    payInvoiceIds,
    apiTokens,
    password: DEMO_PASSWORD,
    applicantEmail,
    adminEmail,
    listInvoices,
    adminAttempts: opts.adminAttempts,
    single,
    fiveInvoice,
    duplicate: duplicate!,
  };
}

/** The approved notice Invoice Cloud would send for this attempt, form-encoded. */
export function approvedBody(attempt: PreparedAttempt, paymentGuid: string = randomUUID()): string {
  return new URLSearchParams({
    BillerGUID: SANDBOX_GUID,
    PaymentDate: "11/26/2026 09:14:02 AM",
    InvoiceNumber: "1",
    Approved: "True",
    CustomerName: "Bench Applicant",
    PaymentGUID: paymentGuid,
    PaymentAmount: (attempt.totalCents / 100).toFixed(2),
    PaymentTypeID: "1",
    CardType: "Visa",
    PaymentMessage: "Approved",
    BillerReference: attempt.billerReference,
    ConvenienceFee: "0.00",
    RemoteIP: "127.0.0.1",
  }).toString();
}
