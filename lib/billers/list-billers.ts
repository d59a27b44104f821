// Every biller for the platform admin, with whether its payment settings are complete.
// Never the API key, not even its last four: only whether one is set.
import "server-only";
import { db } from "../db";
import { paymentReadiness, type Readiness } from "../settings/payment-readiness";

export type BillerListRow = {
  id: string;
  name: string;
  dbaName: string;
  timeZone: string;
  apiKeySet: boolean;
  typeIds: number[];
  adminCount: number;
  readiness: Readiness;
};

export async function listBillers(): Promise<BillerListRow[]> {
  const billers = await db.biller.findMany({
    orderBy: { name: "asc" },
    select: {
      id: true,
      name: true,
      dbaName: true,
      timeZone: true,
      invoiceTypes: { select: { typeId: true }, orderBy: { typeId: "asc" } },
      paymentSettings: { select: { apiKeyLast4: true, invoiceTypeId: true, maxOnlineAmountCents: true } },
      _count: { select: { users: { where: { role: "BILLER_ADMIN" } } } },
    },
  });
  return billers.map((b) => {
    const typeIds = b.invoiceTypes.map((t) => t.typeId);
    return {
      id: b.id,
      name: b.name,
      dbaName: b.dbaName,
      timeZone: b.timeZone,
      apiKeySet: Boolean(b.paymentSettings?.apiKeyLast4),
      typeIds,
      adminCount: b._count.users,
      readiness: paymentReadiness(b.paymentSettings, typeIds),
    };
  });
}
