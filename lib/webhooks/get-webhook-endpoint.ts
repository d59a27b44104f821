// The biller's webhook endpoint as its settings page shows it: never the secret.
import "server-only";
import { db } from "../db";

export async function getWebhookEndpoint({ billerId }: { billerId: string }) {
  return db.webhookEndpoint.findUnique({
    where: { billerId },
    select: { id: true, url: true, events: true, enabled: true, previousSecretExpiresAt: true, updatedAt: true },
  });
}
