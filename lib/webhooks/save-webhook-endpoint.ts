// A biller admin sets the webhook endpoint: its URL (checked by the SSRF guard), the events it
// wants and whether it is on. The first save generates the signing secret and returns it, to be
// shown once; later saves keep the secret. Audited.
import "server-only";
import { recordAuditEvent } from "../audit/record-audit-event";
import { db } from "../db";
import { FieldError } from "../admin/field-error";
import { checkWebhookUrl } from "./check-webhook-url";
import type { WebhookEventType } from "./webhook-events";
import { encryptWebhookSecret, generateWebhookSecret } from "./webhook-secret";

export async function saveWebhookEndpoint(opts: {
  billerId: string;
  actorId: string;
  input: { url: string; events: WebhookEventType[]; enabled: boolean };
}): Promise<{ secret: string | null }> {
  const checked = await checkWebhookUrl(opts.input.url);
  if (!checked.ok) throw new FieldError("url", checked.text);
  const url = checked.url.toString();
  const data = { url, events: opts.input.events, enabled: opts.input.enabled };
  return db.$transaction(async (tx) => {
    const existing = await tx.webhookEndpoint.findUnique({
      where: { billerId: opts.billerId },
      select: { id: true, url: true, events: true, enabled: true },
    });
    let secret: string | null = null;
    if (existing) {
      await tx.webhookEndpoint.update({ where: { id: existing.id }, data });
    } else {
      secret = generateWebhookSecret();
      await tx.webhookEndpoint.create({
        data: { ...data, billerId: opts.billerId, secretCiphertext: encryptWebhookSecret(opts.billerId, secret) },
      });
    }
    await recordAuditEvent(tx, {
      type: existing ? "webhook.updated" : "webhook.created",
      actorId: opts.actorId,
      billerId: opts.billerId,
      data: {
        url,
        events: opts.input.events,
        enabled: opts.input.enabled,
        ...(existing ? { previous: { url: existing.url, events: existing.events, enabled: existing.enabled } } : {}),
      },
    });
    return { secret };
  });
}
