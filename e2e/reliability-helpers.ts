// Shared by the reliability specs (crash steps, postback storm): a PostgreSQL schema of their own,
// `next start` instances of the e2e build on it, and billers of their own at the sandbox, so that
// faults, sessions and counts are scoped to one spec.
import { randomBytes, randomUUID } from "node:crypto";
import { encryptSecret, parseKeyRing } from "../lib/crypto";
import { createPrismaClient, type Db } from "../lib/prisma-client";
import { createBiller } from "../prisma/factories";
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
  const schema = await createMigratedSchema(E2E.baseDatabaseUrl, prefix);
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
