// Adds an Invoice Cloud Invoice Type ID (with its label) to a biller's list: the source of the
// biller admin's type-id dropdown. Audited.
import "server-only";
import { FieldError } from "../admin/field-error";
import { recordAuditEvent } from "../audit/record-audit-event";
import { db } from "../db";
import { UserFacingError } from "../errors";
import { msg } from "../i18n/message";
import { isUniqueViolation } from "./is-unique-violation";

export async function addInvoiceType(opts: { billerId: string; actorId: string; input: { typeId: number; label: string } }) {
  try {
    await db.$transaction(async (tx) => {
      const biller = await tx.biller.findUnique({ where: { id: opts.billerId }, select: { id: true } });
      if (!biller) throw new UserFacingError("platform.errors.billerGone");
      await tx.invoiceType.create({ data: { billerId: opts.billerId, ...opts.input }, select: { id: true } });
      await recordAuditEvent(tx, { type: "invoice_type.added", actorId: opts.actorId, billerId: opts.billerId, data: opts.input });
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new FieldError("typeId", msg("platform.errors.typeIdTaken", { typeId: String(opts.input.typeId) }));
    throw error;
  }
}
