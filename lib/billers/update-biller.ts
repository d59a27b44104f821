// Changes a biller's name, DBA name or time zone. Audited with the fields that changed.
import "server-only";
import { FieldError } from "../admin/field-error";
import { recordAuditEvent } from "../audit/record-audit-event";
import { db } from "../db";
import { UserFacingError } from "../errors";
import type { BillerDetailsInput } from "./create-biller";
import { isUniqueViolation } from "./is-unique-violation";

export async function updateBiller(opts: { billerId: string; actorId: string; input: BillerDetailsInput }) {
  try {
    return await db.$transaction(async (tx) => {
      const existing = await tx.biller.findUnique({ where: { id: opts.billerId }, select: { name: true, dbaName: true, timeZone: true } });
      if (!existing) throw new UserFacingError("platform.errors.billerGone");
      const changes: Record<string, { from: string; to: string }> = {};
      for (const field of ["name", "dbaName", "timeZone"] as const) {
        if (existing[field] !== opts.input[field]) changes[field] = { from: existing[field], to: opts.input[field] };
      }
      if (Object.keys(changes).length === 0) return { changedFields: [] as string[] };
      await tx.biller.update({ where: { id: opts.billerId }, data: opts.input, select: { id: true } });
      await recordAuditEvent(tx, { type: "biller.updated", actorId: opts.actorId, billerId: opts.billerId, data: { changes } });
      return { changedFields: Object.keys(changes) };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new FieldError("name", "platform.errors.nameTaken");
    throw error;
  }
}
