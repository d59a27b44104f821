// Saves a biller's Configure Payment Page Settings in one transaction with one audit row that
// names the changed fields (never the key). A blank key (null) keeps the stored one; a new key
// is encrypted for this biller, and only its last four characters are kept in clear.
import "server-only";
import { FieldError } from "../admin/field-error";
import { recordAuditEvent } from "../audit/record-audit-event";
import { db } from "../db";
import { encryptApiKey } from "../secrets";

export type PaymentSettingsChanges = {
  apiKey: string | null; // null: keep the stored key
  billerGuid: string | null;
  invoiceTypeId: number;
  maxOnlineAmountCents: number | null;
  customReturnSiteName: string | null;
  payAgainAfterRefund: boolean;
};

const PLAIN_FIELDS = ["billerGuid", "invoiceTypeId", "maxOnlineAmountCents", "customReturnSiteName", "payAgainAfterRefund"] as const;

export async function updatePaymentSettings(opts: {
  billerId: string;
  actorId: string;
  input: PaymentSettingsChanges;
}): Promise<{ changedFields: string[] }> {
  const { billerId, actorId, input } = opts;
  return db.$transaction(async (tx) => {
    const existing = await tx.paymentSettings.findUnique({
      where: { billerId },
      select: {
        apiKeyLast4: true,
        billerGuid: true,
        invoiceTypeId: true,
        maxOnlineAmountCents: true,
        customReturnSiteName: true,
        payAgainAfterRefund: true,
      },
    });
    if (!existing?.apiKeyLast4 && input.apiKey === null) throw new FieldError("apiKey", "admin.settings.errors.apiKeyRequired");
    const allowed = await tx.invoiceType.findUnique({
      where: { billerId_typeId: { billerId, typeId: input.invoiceTypeId } },
      select: { typeId: true },
    });
    if (!allowed) throw new FieldError("invoiceTypeId", "admin.settings.errors.invoiceTypeNotListed");

    const changes: Record<string, { from: unknown; to: unknown }> = {};
    for (const field of PLAIN_FIELDS) {
      const from = existing?.[field] ?? (field === "payAgainAfterRefund" ? false : null);
      if (from !== input[field]) changes[field] = { from, to: input[field] };
    }
    const changedFields = [...(input.apiKey !== null ? ["apiKey"] : []), ...Object.keys(changes)];
    if (changedFields.length === 0) return { changedFields };

    const now = new Date();
    const key =
      input.apiKey !== null
        ? {
            apiKeyCiphertext: encryptApiKey(billerId, input.apiKey),
            apiKeyLast4: input.apiKey.slice(-4),
            apiKeySetById: actorId,
            apiKeySetAt: now,
          }
        : {};
    const data = {
      billerGuid: input.billerGuid,
      invoiceTypeId: input.invoiceTypeId,
      maxOnlineAmountCents: input.maxOnlineAmountCents,
      customReturnSiteName: input.customReturnSiteName,
      payAgainAfterRefund: input.payAgainAfterRefund,
      updatedById: actorId,
      ...key,
    };
    await tx.paymentSettings.upsert({ where: { billerId }, create: { billerId, ...data }, update: data, select: { id: true } });
    await recordAuditEvent(tx, {
      type: "settings.updated",
      actorId,
      billerId,
      // "keyChange", not "apiKey…": the audit redactor would hide the word itself.
      data: { changedFields, changes, ...(input.apiKey !== null ? { keyChange: existing?.apiKeyLast4 ? "replaced" : "set" } : {}) },
    });
    return { changedFields };
  });
}
