// The only reader of process.env. Validated with zod at start (instrumentation.ts imports it),
// so a bad variable fails fast with its name. Secrets get generated defaults outside production.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { createEnv } from "@t3-oss/env-core";
import { z } from "zod";

const isProduction = process.env.NODE_ENV === "production";

/** Outside production, missing secrets come from data/dev-secrets.json, generated once. */
function devSecret(name: "NEXTAUTH_SECRET" | "ENCRYPTION_KEYS" | "POSTBACK_SIGNING_KEYS"): string | undefined {
  if (isProduction || process.env[name]) return process.env[name];
  const file = path.resolve(process.env.PERMITPAY_DATA_DIR ?? "./data", "dev-secrets.json");
  let secrets: Record<string, string> = {};
  try {
    secrets = JSON.parse(fs.readFileSync(file, "utf8")) as Record<string, string>;
  } catch {
    secrets = {};
  }
  if (!secrets.NEXTAUTH_SECRET || !secrets.ENCRYPTION_KEYS || !secrets.POSTBACK_SIGNING_KEYS) {
    // Generated once; a secret added later (POSTBACK_SIGNING_KEYS) joins the file the same way.
    secrets.NEXTAUTH_SECRET ??= crypto.randomBytes(32).toString("base64url");
    secrets.ENCRYPTION_KEYS ??= `dev1:${crypto.randomBytes(32).toString("base64")}`;
    secrets.POSTBACK_SIGNING_KEYS ??= `pdev1:${crypto.randomBytes(32).toString("base64")}`;
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  }
  return secrets[name];
}

const encryptionKeys = z
  .string()
  .regex(
    /^[A-Za-z0-9_-]+:[A-Za-z0-9+/=]{43,44}(,[A-Za-z0-9_-]+:[A-Za-z0-9+/=]{43,44})*$/,
    "must be keyId:base64(32 bytes), comma-separated, newest first",
  );

// smtp://user:pass@host:587 (STARTTLS when offered) or smtps://host:465 (TLS from the start).
const smtpUrl = z.url({ protocol: /^smtps?$/, error: "must be an smtp:// or smtps:// URL" });
// "Name <address>" or a bare address.
const mailFrom = z.string().regex(/^(?:[^<>]*<[^<>\s@]+@[^<>\s@]+>|[^<>\s@]+@[^<>\s@]+)$/, "must be an address, or a name and <address>");

export const env = createEnv({
  server: {
    NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
    DATABASE_URL: z.url().optional(),
    PGLITE_DATA_DIR: z.string().min(1).default("./data/pglite"),
    // Postbacks that arrived while the database was unreachable wait here (lib/payments/postback-spool.ts).
    POSTBACK_SPOOL_DIR: z.string().min(1).default("./data/postback-spool"),
    NEXTAUTH_SECRET: z.string().min(32, "must be at least 32 characters"),
    // Invoice Cloud's ReturnURL and PostBackURL are built from it: no silent localhost in production.
    PUBLIC_BASE_URL: isProduction ? z.url() : z.url().default(process.env.NEXTAUTH_URL ?? "http://localhost:3000"),
    ENCRYPTION_KEYS: encryptionKeys,
    // HMAC keys for the PostBackURL token (lib/payments/postback-token.ts), same format, newest first.
    POSTBACK_SIGNING_KEYS: encryptionKeys,
    INVOICE_CLOUD_BASE_URL: z.url().default(isProduction ? "https://www.invoicecloud.com" : "http://localhost:4010"),
    INVOICE_CLOUD_TIMEOUT_MS: z.coerce.number().int().positive().default(10_000),
    PAYMENT_SESSION_TTL_MINUTES: z.coerce.number().int().positive().default(90),
    RETURN_CONFIRM_TIMEOUT_SECONDS: z.coerce.number().int().positive().default(120),
    // How often reconciliation (lib/payments/reconciliation-schedule.ts) runs, once across all instances.
    RECONCILIATION_INTERVAL_SECONDS: z.coerce.number().int().positive().default(300),
    // A returned attempt with no postback keeps its invoices this long, then expires (no review item).
    RETURN_GRACE_HOURS: z.coerce.number().positive().default(24),
    // Outgoing mail (lib/mail/). Elsewhere than production: MailDev, the SMTP catcher `npm run demo` starts.
    SMTP_URL: isProduction ? smtpUrl : smtpUrl.default("smtp://127.0.0.1:1025"),
    MAIL_FROM: isProduction ? mailFrom : mailFrom.default("PermitPay <no-reply@permitpay.test>"),
    // Webhooks (lib/webhooks/): in production only https:// to public addresses, unless "true" here
    // lets a biller's on-premises permit system on a private network receive them.
    WEBHOOK_ALLOW_PRIVATE_NETWORK: z.stringbool().default(false),
    LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  },
  runtimeEnv: {
    ...process.env,
    NEXTAUTH_SECRET: devSecret("NEXTAUTH_SECRET"),
    ENCRYPTION_KEYS: devSecret("ENCRYPTION_KEYS"),
    POSTBACK_SIGNING_KEYS: devSecret("POSTBACK_SIGNING_KEYS"),
  },
  emptyStringAsUndefined: true,
  // `next build` evaluates modules to collect page data; the server validates at start instead.
  skipValidation: process.env.NEXT_PHASE === "phase-production-build",
  onValidationError: (issues) => {
    const lines = issues.map((i) => `  ${i.path?.map(String).join(".")}: ${i.message}`);
    throw new Error(`Invalid environment variables:\n${lines.join("\n")}\nSee .env.example.`);
  },
});

/** RETURN_GRACE_HOURS in milliseconds: how long a returned, unconfirmed payment keeps its invoices. */
export const returnGraceMs = () => env.RETURN_GRACE_HOURS * 3600_000;
