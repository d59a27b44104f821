// Removes a type id from a biller's list, unless the biller's payment settings use it: removing
// it would silently stop online payments, so the platform admin is told why instead.
import "server-only";
import { recordAuditEvent } from "../audit/record-audit-event";
import { db } from "../db";
import { UserFacingError } from "../errors";
import { msg } from "../i18n/message";

export async function removeInvoiceType(opts: { billerId: string; actorId: string; typeId: number }) {
  await db.$transaction(async (tx) => {
    const settings = await tx.paymentSettings.findUnique({ where: { billerId: opts.billerId }, select: { invoiceTypeId: true } });
    if (settings?.invoiceTypeId === opts.typeId) {
      throw new UserFacingError(msg("platform.errors.typeIdInUse", { typeId: String(opts.typeId) }));
    }
    const { count } = await tx.invoiceType.deleteMany({ where: { billerId: opts.billerId, typeId: opts.typeId } });
    if (count === 0) throw new UserFacingError(msg("platform.errors.typeIdNotListed", { typeId: String(opts.typeId) }));
    await recordAuditEvent(tx, {
      type: "invoice_type.removed",
      actorId: opts.actorId,
      billerId: opts.billerId,
      data: { typeId: opts.typeId },
    });
  });
}
