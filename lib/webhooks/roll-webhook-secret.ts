// Replaces the signing secret with a new one, returned to be shown once. The old secret keeps
// signing beside the new one for 24 hours, so the permit system can switch without missing events.
import "server-only";
import { recordAuditEvent } from "../audit/record-audit-event";
import { db } from "../db";
import { UserFacingError } from "../errors";
import { encryptWebhookSecret, generateWebhookSecret } from "./webhook-secret";

export const SECRET_OVERLAP_MS = 24 * 3600_000;

export async function rollWebhookSecret(opts: {
  billerId: string;
  actorId: string;
  now?: Date;
}): Promise<{ secret: string; previousValidUntil: Date }> {
  const now = opts.now ?? new Date();
  return db.$transaction(async (tx) => {
    const endpoint = await tx.webhookEndpoint.findUnique({
      where: { billerId: opts.billerId },
      select: { id: true, secretCiphertext: true },
    });
    if (!endpoint) throw new UserFacingError("admin.webhooks.errors.noEndpoint");
    const secret = generateWebhookSecret();
    const previousValidUntil = new Date(now.getTime() + SECRET_OVERLAP_MS);
    await tx.webhookEndpoint.update({
      where: { id: endpoint.id },
      data: {
        secretCiphertext: encryptWebhookSecret(opts.billerId, secret),
        previousSecretCiphertext: endpoint.secretCiphertext,
        previousSecretExpiresAt: previousValidUntil,
      },
    });
    await recordAuditEvent(tx, {
      type: "webhook.secret_rolled",
      actorId: opts.actorId,
      billerId: opts.billerId,
      data: { previousValidUntil: previousValidUntil.toISOString() },
    });
    return { secret, previousValidUntil };
  });
}
