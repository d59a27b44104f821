// Shared by the reliability specs (crash steps, postback storm): a PostgreSQL schema of their own,
// `next start` instances of the e2e build on it, and billers of their own at the sandbox, so that
// faults, sessions and counts are scoped to one spec.
import { randomBytes, randomUUID } from "node:crypto";
import { encryptSecret, parseKeyRing } from "../lib/crypto";
import { generateBillerReference } from "../lib/identifiers";
import { signPostbackToken } from "../lib/payments/postback-token";
import { createPrismaClient, type Db } from "../lib/prisma-client";
import { createBiller, createInvoice } from "../prisma/factories";
import { startAppInstances, type AppInstance } from "../test/app-instances";
import { createMigratedSchema } from "../test/postgres";
import { E2E } from "./env";
import { sandbox } from "./fixtures";
import { MAILDEV } from "./mail-helpers";

export const TYPE_ID = 42;

/** The secrets and addresses every instance of a reliability spec shares (docs/operations.md). */
export function instanceEnv(extra: Record<string, string> = {}): Record<string, string> {
  return {
    NEXTAUTH_SECRET: E2E.nextauthSecret,
    ENCRYPTION_KEYS: E2E.encryptionKeys,
    POSTBACK_SIGNING_KEYS: E2E.postbackSigningKeys,
    SMTP_URL: MAILDEV.smtpUrl,
    MAIL_FROM: MAILDEV.mailFrom,
    INVOICE_CLOUD_BASE_URL: E2E.sandboxUrl,
    WEBHOOK_ALLOW_PRIVATE_NETWORK: "true",
    RETURN_CONFIRM_TIMEOUT_SECONDS: "20",
    LOG_LEVEL: "warn",
    ...extra,
  };
}

export async function ownSchema(prefix: string): Promise<{ db: Db; url: string; drop: () => Promise<void> }> {
  // `prisma migrate deploy` takes one advisory lock per database, for 10 s at most: on a server
  // shared with other test runs migrating their own schemas it can time out (P1002). Try again.
  let schema: Awaited<ReturnType<typeof createMigratedSchema>> | undefined;
  for (let attempt = 1; !schema; attempt++) {
    try {
      schema = await createMigratedSchema(E2E.baseDatabaseUrl, prefix);
    } catch (error) {
      if (attempt >= 3 || !String(error).includes("advisory lock")) throw error;
    }
  }
  return { db: createPrismaClient({ kind: "postgres", url: schema.url }), url: schema.url, drop: schema.drop };
}

export function startInstances(ports: number[], databaseUrl: string, env: Record<string, string>) {
  return startAppInstances({ ports, databaseUrl, distDir: process.env.NEXT_DIST_DIR ?? ".next", env: instanceEnv(env) });
}

/** Resolves when the process has exited, with its signal (e.g. "SIGKILL") or exit code. */
export function exited(instance: AppInstance, timeoutMs = 60_000): Promise<string> {
  const p = instance.process;
  if (p.exitCode !== null || p.signalCode !== null) return Promise.resolve(String(p.signalCode ?? p.exitCode));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`:${instance.port} did not exit within ${timeoutMs} ms`)), timeoutMs);
    p.once("exit", (code, signal) => {
      clearTimeout(timer);
      resolve(String(signal ?? code));
    });
  });
}

/** A biller configured in the app and known to the sandbox under a GUID and API key of its own. */
export async function arrangeSandboxBiller(db: Db, opts: { maxOnlineAmountCents?: number | null } = {}) {
  const biller = await createBiller(db);
  const apiKey = `ic_sandbox_rel_${randomBytes(10).toString("hex")}`;
  const billerGuid = randomUUID();
  await sandbox.addBiller({ name: biller.name, dba: biller.dbaName, apiKey, billerGuid, typeIds: [TYPE_ID] });
  await db.invoiceType.create({ data: { billerId: biller.id, typeId: TYPE_ID, label: "Building permit fees" } });
  await db.paymentSettings.create({
    data: {
      billerId: biller.id,
      apiKeyCiphertext: encryptSecret(apiKey, { keyRing: parseKeyRing(E2E.encryptionKeys), owner: `biller:${biller.id}` }),
      apiKeyLast4: apiKey.slice(-4),
      invoiceTypeId: TYPE_ID,
      billerGuid,
      maxOnlineAmountCents: opts.maxOnlineAmountCents === undefined ? null : opts.maxOnlineAmountCents,
    },
  });
  return { biller, apiKey, billerGuid };
}

export type SandboxSession = {
  token: string;
  billerGuid: string;
  status: string;
  paymentGuid?: string;
  cloudPaymentUrl: string;
  request: { BillerReference: string; ReturnURL: string; Customers: { Invoices: { InvoiceNumber: string }[] }[] };
};
export type SandboxDelivery = {
  paymentGuid: string;
  kind: string;
  chainId: string;
  attempt: number;
  url: string;
  ok: boolean;
  status?: number;
};
export type SandboxPayment = { paymentGuid: string; billerGuid: string; billerReference: string; approved: boolean; token: string };

export async function sandboxState() {
  return (await sandbox.call("GET", "/__sandbox/payments")) as {
    sessions: SandboxSession[];
    payments: SandboxPayment[];
    deliveries: SandboxDelivery[];
  };
}

/** The sandbox's sessions (Invoice Cloud pages) opened for one of this biller's invoices. */
export async function sessionsForInvoice(billerGuid: string, invoiceNumber: string): Promise<SandboxSession[]> {
  const { sessions } = await sandboxState();
  return sessions.filter(
    (s) => s.billerGuid === billerGuid && s.request.Customers.some((c) => c.Invoices.some((i) => i.InvoiceNumber === invoiceNumber)),
  );
}

const mmddyyyy = (d: Date) =>
  `${String(d.getUTCMonth() + 1).padStart(2, "0")}/${String(d.getUTCDate()).padStart(2, "0")}/${d.getUTCFullYear()}`;

export type OpenedAttempt = {
  id: string;
  invoiceId: string;
  invoiceNumber: string;
  totalCents: number;
  billerReference: string;
  billerGuid: string;
  postbackBase: string;
  returnBase: string;
  cloudPaymentUrl: string;
  paymentGuid?: string;
};

/**
 * One invoice and its attempt as PAY ONLINE leaves them once Invoice Cloud answered (REDIRECTED,
 * the invoice held), with a real sandbox session whose PostBackURL (with its token) names
 * `postbackBase` and whose ReturnURL names `returnBase`: what a load balancer would spread.
 */
export async function openAttemptWithSession(
  db: Db,
  lane: { billerId: string; apiKey: string; billerGuid: string; permit: { id: string; applicantId: string; billerId: string } },
  opts: { totalCents: number; postbackBase: string; returnBase: string },
): Promise<OpenedAttempt> {
  const invoice = await createInvoice(db, { permit: lane.permit, amountCents: opts.totalCents });
  const id = randomUUID();
  const billerReference = generateBillerReference();
  const today = mmddyyyy(new Date());
  const token = signPostbackToken(id, parseKeyRing(E2E.postbackSigningKeys));
  const res = await fetch(`${E2E.sandboxUrl}/cloudpaymentsapi/v2`, {
    method: "POST",
    headers: { authorization: `Basic ${Buffer.from(lane.apiKey).toString("base64")}`, "content-type": "application/json" },
    body: JSON.stringify({
      Customers: [
        {
          AccountNumber: `REL-${lane.billerId.slice(0, 8)}`,
          Name: "Reliability Applicant",
          Invoices: [
            {
              InvoiceNumber: invoice.invoiceNumber,
              TypeId: TYPE_ID,
              DueDate: today,
              InvoiceDate: today,
              BalanceDue: opts.totalCents / 100,
              CCServiceFee: 0,
              AchServiceFee: 0,
            },
          ],
        },
      ],
      BillerReference: billerReference,
      ReturnURL: `${opts.returnBase}/api/command/payment/icop-return?payment-id=${id}`,
      PostBackURL: `${opts.postbackBase}/api/command/payment/icop-postback?payment-id=${id}&pp-token=${encodeURIComponent(token)}`,
      CreateCustomerRecord: true,
      AllowCCPayment: true,
      AllowACHPayment: false,
    }),
  });
  const envelope = (await res.json()) as { Data: { CloudPaymentURL: string } | null; Message: string };
  if (!envelope.Data?.CloudPaymentURL) throw new Error(`the sandbox opened no session: ${envelope.Message}`);
  await db.paymentAttempt.create({
    data: {
      id,
      billerId: lane.billerId,
      applicantId: lane.permit.applicantId,
      billerReference,
      status: "REDIRECTED",
      totalCents: opts.totalCents,
      hostedPageUrl: envelope.Data.CloudPaymentURL,
      redirectedAt: new Date(),
      expiresAt: new Date(Date.now() + 90 * 60_000),
      postbackSigned: true,
      invoices: { create: [{ invoiceId: invoice.id, amountCents: opts.totalCents }] },
    },
  });
  await db.invoice.update({ where: { id: invoice.id }, data: { openAttemptId: id } });
  return {
    id,
    invoiceId: invoice.id,
    invoiceNumber: invoice.invoiceNumber,
    totalCents: opts.totalCents,
    billerReference,
    billerGuid: lane.billerGuid,
    postbackBase: opts.postbackBase,
    returnBase: opts.returnBase,
    cloudPaymentUrl: envelope.Data.CloudPaymentURL,
  };
}

/** Pays a session on the sandbox's page over HTTP (the sandbox posts back first); returns the PaymentGUID and receipt. */
export async function payAtSandbox(cloudPaymentUrl: string, card: string): Promise<{ paymentGuid: string; receipt: URL }> {
  const paid = await fetch(cloudPaymentUrl, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ method: "card", cardNumber: card, expiry: "12/34", cvc: "123", cardName: "Reliability Applicant" }),
  });
  await paid.arrayBuffer();
  if (paid.status !== 303) throw new Error(`paying on ${cloudPaymentUrl} answered ${paid.status}`);
  const receipt = new URL(paid.headers.get("location")!, cloudPaymentUrl);
  return { paymentGuid: decodeURIComponent(receipt.pathname.split("/").pop()!), receipt };
}
