// One biller for the platform admin: details, admins, type ids (and which one is in use), and
// whether its payment settings are complete. Never the API key or its last four.
import "server-only";
import { db } from "../db";
import { paymentReadiness } from "../settings/payment-readiness";

export async function getBillerDetail(opts: { billerId: string }) {
  const biller = await db.biller.findUnique({
    where: { id: opts.billerId },
    select: {
      id: true,
      name: true,
      dbaName: true,
      timeZone: true,
      invoiceTypes: { select: { typeId: true, label: true }, orderBy: { typeId: "asc" } },
      paymentSettings: { select: { apiKeyLast4: true, invoiceTypeId: true, maxOnlineAmountCents: true, updatedAt: true } },
      users: { where: { role: "BILLER_ADMIN" }, select: { id: true, name: true, email: true, createdAt: true }, orderBy: { email: "asc" } },
    },
  });
  if (!biller) return null;
  const settings = biller.paymentSettings;
  const typeIdInUse = settings?.invoiceTypeId ?? null;
  return {
    id: biller.id,
    name: biller.name,
    dbaName: biller.dbaName,
    timeZone: biller.timeZone,
    admins: biller.users,
    invoiceTypes: biller.invoiceTypes.map((t) => ({ ...t, inUse: t.typeId === typeIdInUse })),
    apiKeySet: Boolean(settings?.apiKeyLast4),
    typeIdInUse,
    settingsUpdatedAt: settings?.updatedAt ?? null,
    readiness: paymentReadiness(
      settings,
      biller.invoiceTypes.map((t) => t.typeId),
    ),
  };
}
