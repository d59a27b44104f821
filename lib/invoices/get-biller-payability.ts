// For each biller on a page: can its invoices be paid online, and up to what total?
import "server-only";
import { db } from "../db";
import { paymentReadiness, type Readiness } from "../settings/payment-readiness";

export type BillerPayability = {
  name: string;
  readiness: Readiness;
  maxOnlineAmountCents: number | null;
  /** The biller lets an invoice refunded in full be paid online again (off by default). */
  payAgainAfterRefund: boolean;
};

export async function getBillerPayability(billerIds: string[]): Promise<Map<string, BillerPayability>> {
  const billers = await db.biller.findMany({
    where: { id: { in: [...new Set(billerIds)] } },
    select: {
      id: true,
      name: true,
      invoiceTypes: { select: { typeId: true } },
      paymentSettings: {
        select: {
          apiKeyLast4: true,
          invoiceTypeId: true,
          maxOnlineAmountCents: true,
          payAgainAfterRefund: true,
        },
      },
    },
  });
  return new Map(
    billers.map((b) => [
      b.id,
      {
        name: b.name,
        readiness: paymentReadiness(
          b.paymentSettings,
          b.invoiceTypes.map((t) => t.typeId),
        ),
        maxOnlineAmountCents: b.paymentSettings?.maxOnlineAmountCents ?? null,
        payAgainAfterRefund: b.paymentSettings?.payAgainAfterRefund ?? false,
      },
    ]),
  );
}
