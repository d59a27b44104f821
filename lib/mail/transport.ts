// The one SMTP transport (nodemailer), built once per process from SMTP_URL. Timeouts are short
// so a stuck mail server slows a send by seconds, never hangs the request or job that sends.
import "server-only";
import nodemailer, { type Transporter } from "nodemailer";
import { env } from "../env";

const TIMEOUTS_MS = { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 20_000 };

const globalForMail = globalThis as unknown as { permitpayMailTransport?: { url: string; transport: Transporter } };

export function getMailTransport(): Transporter {
  const cached = globalForMail.permitpayMailTransport;
  // Keyed by URL: tests point SMTP_URL at a catcher of their own.
  if (cached?.url === env.SMTP_URL) return cached.transport;
  // Parsed here rather than passed as `url`, which would make nodemailer drop the timeouts.
  const url = new URL(env.SMTP_URL);
  const secure = url.protocol === "smtps:";
  const transport = nodemailer.createTransport({
    host: url.hostname.replace(/^\[(.*)\]$/, "$1"),
    port: url.port ? Number(url.port) : secure ? 465 : 587,
    secure,
    auth: url.username ? { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) } : undefined,
    ...TIMEOUTS_MS,
  });
  globalForMail.permitpayMailTransport = { url: env.SMTP_URL, transport };
  return transport;
}
