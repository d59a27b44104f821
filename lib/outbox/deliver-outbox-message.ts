// Delivers one outbox message once, by its channel: an email through sendMail, or a signed POST
// to the biller's webhook endpoint. Never throws: the outcome becomes a DeliveryAttempt.
import "server-only";
import type { OutboxMessage } from "@prisma/client";
import { sendMail } from "../mail/send-mail";
import type { MailTemplateName, MailTemplateProps } from "../mail/templates";
import type { Db } from "../prisma-client";
import { deliverWebhook } from "../webhooks/deliver-webhook";
import { signWebhook } from "../webhooks/sign-webhook";
import { decryptWebhookSecret } from "../webhooks/webhook-secret";
import { upgradeQueuedEmailProps } from "./upgrade-queued-email";

export type DeliveryOutcome = {
  ok: boolean;
  statusCode: number | null;
  excerpt: string;
  durationMs: number;
  /** An email found no mail server at all (no answer, not a refusal): the dispatcher stops sending email for this pass. */
  mailServerUnreachable?: boolean;
};

type Endpoint = { url: string; enabled: boolean; secrets: string[] } | null;
/** Endpoints by id, read and decrypted once per dispatcher pass rather than once per message. */
export type EndpointCache = Map<string, Promise<Endpoint>>;

export async function deliverOutboxMessage({
  db,
  message,
  now,
  endpoints = new Map(),
}: {
  db: Db;
  message: OutboxMessage;
  now: Date;
  endpoints?: EndpointCache;
}): Promise<DeliveryOutcome> {
  if (message.channel === "EMAIL") return deliverEmail(db, message);
  const key = `${message.billerId}:${message.recipient}`;
  let pending = endpoints.get(key);
  if (!pending) {
    pending = loadEndpoint(db, message, now);
    endpoints.set(key, pending);
  }
  const endpoint = await pending;
  if (!endpoint) return { ok: false, statusCode: null, excerpt: "Not sent: the webhook endpoint was removed", durationMs: 0 };
  if (!endpoint.enabled) return { ok: false, statusCode: null, excerpt: "Not sent: the webhook endpoint is turned off", durationMs: 0 };
  const body = JSON.stringify(message.payload);
  // The receiver checks the timestamp against its own clock: sign with the real time of sending.
  const signature = signWebhook({ body, secrets: endpoint.secrets, timestamp: Date.now() / 1000 });
  return deliverWebhook({ url: endpoint.url, body, signature, eventId: message.eventId });
}

async function loadEndpoint(db: Db, message: OutboxMessage, now: Date): Promise<Endpoint> {
  const row = await db.webhookEndpoint.findFirst({
    where: { id: message.recipient, billerId: message.billerId },
    select: { url: true, enabled: true, secretCiphertext: true, previousSecretCiphertext: true, previousSecretExpiresAt: true },
  });
  if (!row) return null;
  const secrets = [decryptWebhookSecret(message.billerId, row.secretCiphertext)];
  if (row.previousSecretCiphertext && row.previousSecretExpiresAt && row.previousSecretExpiresAt > now) {
    secrets.push(decryptWebhookSecret(message.billerId, row.previousSecretCiphertext));
  }
  return { url: row.url, enabled: row.enabled, secrets };
}

async function deliverEmail(db: Db, message: OutboxMessage): Promise<DeliveryOutcome> {
  const started = performance.now();
  const template = message.template as MailTemplateName;
  let props: MailTemplateProps<typeof template>;
  try {
    props = (await readEmailProps(db, message)) as MailTemplateProps<typeof template>;
  } catch {
    return { ok: false, statusCode: null, excerpt: "Email could not be rendered: a queued amount could not be read", durationMs: 0 };
  }
  const result = await sendMail({ to: message.recipient, template, props });
  const durationMs = Math.round(performance.now() - started);
  if (result.ok) return { ok: true, statusCode: 250, excerpt: `Accepted: ${result.messageId}`, durationMs };
  const { kind, responseCode, message: reply } = result.error;
  const label = kind === "refused" ? "Address refused" : kind === "render" ? "Email could not be rendered" : "Mail server unavailable";
  const excerpt = `${label}: ${reply}`.slice(0, 500);
  return {
    ok: false,
    statusCode: responseCode,
    excerpt,
    durationMs,
    mailServerUnreachable: kind === "unavailable" && responseCode === null,
  };
}

/** The stored props, read into today's shape if the message was queued in the old, worded one. */
async function readEmailProps(db: Db, message: OutboxMessage): Promise<unknown> {
  const payload = message.payload as Record<string, unknown> | null;
  if (payload && "timeZone" in payload) return payload;
  const biller = await db.biller.findUnique({ where: { id: message.billerId }, select: { timeZone: true } });
  return upgradeQueuedEmailProps(message.template ?? "", payload, { queuedAt: message.createdAt, timeZone: biller?.timeZone ?? "UTC" });
}
