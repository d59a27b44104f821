// What the Configure Payment Page Settings screen shows for one biller. The API key is never
// part of it: only its last four characters, who set it and when.
import "server-only";
import { db } from "../db";
import { paymentReadiness, type Readiness } from "./payment-readiness";

export type PaymentSettingsView = {
  biller: { name: string; dbaName: string; timeZone: string };
  settings: {
    apiKeyLast4: string | null;
    apiKeySetBy: { name: string; email: string } | null;
    apiKeySetAt: Date | null;
    billerGuid: string | null;
    invoiceTypeId: number | null;
    maxOnlineAmountCents: number | null;
    customReturnSiteName: string | null;
    payAgainAfterRefund: boolean;
    updatedAt: Date;
  } | null;
  invoiceTypes: { typeId: number; label: string }[];
  readiness: Readiness;
};

export async function getPaymentSettingsView(opts: { billerId: string }): Promise<PaymentSettingsView> {
  const [biller, settings, invoiceTypes] = await Promise.all([
    db.biller.findUniqueOrThrow({ where: { id: opts.billerId }, select: { name: true, dbaName: true, timeZone: true } }),
    db.paymentSettings.findUnique({
      where: { billerId: opts.billerId },
      select: {
        apiKeyLast4: true,
        apiKeySetById: true,
        apiKeySetAt: true,
        billerGuid: true,
        invoiceTypeId: true,
        maxOnlineAmountCents: true,
        customReturnSiteName: true,
        payAgainAfterRefund: true,
        updatedAt: true,
      },
    }),
    db.invoiceType.findMany({ where: { billerId: opts.billerId }, orderBy: { typeId: "asc" }, select: { typeId: true, label: true } }),
  ]);
  const setBy = settings?.apiKeySetById
    ? await db.user.findUnique({ where: { id: settings.apiKeySetById }, select: { name: true, email: true } })
    : null;
  const readiness = paymentReadiness(
    settings
      ? { apiKeyLast4: settings.apiKeyLast4, invoiceTypeId: settings.invoiceTypeId, maxOnlineAmountCents: settings.maxOnlineAmountCents }
      : null,
    invoiceTypes.map((t) => t.typeId),
  );
  return {
    biller,
    settings: settings
      ? {
          apiKeyLast4: settings.apiKeyLast4,
          apiKeySetBy: setBy,
          apiKeySetAt: settings.apiKeySetAt,
          billerGuid: settings.billerGuid,
          invoiceTypeId: settings.invoiceTypeId,
          maxOnlineAmountCents: settings.maxOnlineAmountCents,
          customReturnSiteName: settings.customReturnSiteName,
          payAgainAfterRefund: settings.payAgainAfterRefund,
          updatedAt: settings.updatedAt,
        }
      : null,
    invoiceTypes,
    readiness,
  };
}
