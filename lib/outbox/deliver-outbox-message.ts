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

export type DeliveryOutcome = { ok: boolean; statusCode: number | null; excerpt: string; durationMs: number };

export async function deliverOutboxMessage({ db, message, now }: { db: Db; message: OutboxMessage; now: Date }): Promise<DeliveryOutcome> {
  if (message.channel === "EMAIL") return deliverEmail(message);
  const endpoint = await db.webhookEndpoint.findFirst({
    where: { id: message.recipient, billerId: message.billerId },
    select: { url: true, enabled: true, secretCiphertext: true, previousSecretCiphertext: true, previousSecretExpiresAt: true },
  });
  if (!endpoint) return { ok: false, statusCode: null, excerpt: "Not sent: the webhook endpoint was removed", durationMs: 0 };
  if (!endpoint.enabled) return { ok: false, statusCode: null, excerpt: "Not sent: the webhook endpoint is turned off", durationMs: 0 };
  const secrets = [decryptWebhookSecret(message.billerId, endpoint.secretCiphertext)];
  if (endpoint.previousSecretCiphertext && endpoint.previousSecretExpiresAt && endpoint.previousSecretExpiresAt > now) {
    secrets.push(decryptWebhookSecret(message.billerId, endpoint.previousSecretCiphertext));
  }
  const body = JSON.stringify(message.payload);
  // The receiver checks the timestamp against its own clock: sign with the real time of sending.
  const signature = signWebhook({ body, secrets, timestamp: Date.now() / 1000 });
  return deliverWebhook({ url: endpoint.url, body, signature, eventId: message.eventId });
}

async function deliverEmail(message: OutboxMessage): Promise<DeliveryOutcome> {
  const started = performance.now();
  const template = message.template as MailTemplateName;
  const result = await sendMail({ to: message.recipient, template, props: message.payload as MailTemplateProps<typeof template> });
  const durationMs = Math.round(performance.now() - started);
  if (result.ok) return { ok: true, statusCode: 250, excerpt: `Accepted: ${result.messageId}`, durationMs };
  const { kind, responseCode, message: reply } = result.error;
  const label = kind === "refused" ? "Address refused" : kind === "render" ? "Email could not be rendered" : "Mail server unavailable";
  return { ok: false, statusCode: responseCode, excerpt: `${label}: ${reply}`.slice(0, 500), durationMs };
}
