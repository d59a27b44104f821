// Arranges configured billers, applicants, invoices and payment attempts for integration tests.
import { randomUUID } from "node:crypto";
import type { Db } from "@/lib/prisma-client";
import { generateBillerReference } from "@/lib/identifiers";
import { encryptApiKey } from "@/lib/secrets";
import { createBiller, createInvoice, createPermit, createUser } from "@/prisma/factories";

/** The sandbox's seeded Mississauga credentials. */
export const SANDBOX_KEY = "ic_sandbox_mississauga_3f9a1c7e52b84d06";
export const SANDBOX_GUID = "6f1c9a2e-3b4d-4e5f-8a7b-1c2d3e4f5a6b";

export async function arrangeConfiguredBiller(db: Db, opts: { maxOnlineAmountCents?: number | null; billerGuid?: string | null } = {}) {
  const biller = await createBiller(db);
  await db.invoiceType.create({ data: { billerId: biller.id, typeId: 42, label: "Building permit fees" } });
  await db.paymentSettings.create({
    data: {
      billerId: biller.id,
      apiKeyCiphertext: encryptApiKey(biller.id, SANDBOX_KEY),
      apiKeyLast4: SANDBOX_KEY.slice(-4),
      invoiceTypeId: 42,
      billerGuid: opts.billerGuid === undefined ? SANDBOX_GUID : opts.billerGuid,
      maxOnlineAmountCents: opts.maxOnlineAmountCents === undefined ? 250000 : opts.maxOnlineAmountCents,
    },
  });
  return biller;
}

export async function arrangeInvoices(db: Db, billerId: string, amounts: number[]) {
  const applicant = await createUser(db, { role: "APPLICANT", profile: { city: "Mississauga", state: "ON" } });
  const permit = await createPermit(db, { applicantId: applicant.id, billerId });
  const invoices = [];
  for (const amountCents of amounts) invoices.push(await createInvoice(db, { permit, amountCents }));
  return { applicant, permit, invoices };
}

/** An attempt as startPayment leaves it after Invoice Cloud answered (REDIRECTED, invoices held). */
export async function arrangeAttempt(
  db: Db,
  opts: { billerId: string; applicantId: string; invoices: { id: string; amountDueCents: number }[] },
) {
  const id = randomUUID();
  const totalCents = opts.invoices.reduce((s, i) => s + i.amountDueCents, 0);
  const attempt = await db.paymentAttempt.create({
    data: {
      id,
      billerId: opts.billerId,
      applicantId: opts.applicantId,
      billerReference: generateBillerReference(),
      status: "REDIRECTED",
      totalCents,
      hostedPageUrl: "http://sandbox.invalid/portal/access/otp/x",
      expiresAt: new Date(Date.now() + 90 * 60_000),
      invoices: { create: opts.invoices.map((i) => ({ invoiceId: i.id, amountCents: i.amountDueCents })) },
    },
  });
  await db.invoice.updateMany({ where: { id: { in: opts.invoices.map((i) => i.id) } }, data: { openAttemptId: id } });
  return attempt;
}

export function postbackFields(attempt: { billerReference: string; totalCents: number }, over: Record<string, string> = {}) {
  const fields: Record<string, string> = {
    BillerGUID: SANDBOX_GUID,
    PaymentDate: "11/26/2026 09:14:02 AM",
    InvoiceNumber: "1",
    Approved: "True",
    CustomerName: "Test Applicant",
    PaymentGUID: randomUUID(),
    PaymentAmount: (attempt.totalCents / 100).toFixed(2),
    PaymentTypeID: "1",
    CardType: "Visa",
    PaymentMessage: "Approved",
    BillerReference: attempt.billerReference,
    ConvenienceFee: "0.00",
    RemoteIP: "127.0.0.1",
    ...over,
  };
  return { fields: fields as { Approved: string; PaymentAmount: string; BillerReference: string } & Record<string, string>, raw: fields };
}

/** A postback token with one character of its MAC changed, well inside it (the last base64url character also carries padding bits). */
export function flipTokenCharacter(token: string): string {
  const i = token.indexOf(".") + 5;
  return `${token.slice(0, i)}${token[i] === "A" ? "B" : "A"}${token.slice(i + 1)}`;
}
