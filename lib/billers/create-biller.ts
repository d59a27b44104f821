// Adds a biller (a municipality) with its name, DBA name and IANA time zone. Audited.
import "server-only";
import { FieldError } from "../admin/field-error";
import { recordAuditEvent } from "../audit/record-audit-event";
import { db } from "../db";
import { isUniqueViolation } from "./is-unique-violation";

export type BillerDetailsInput = { name: string; dbaName: string; timeZone: string };

export async function createBiller(opts: { actorId: string; input: BillerDetailsInput }): Promise<{ billerId: string }> {
  try {
    return await db.$transaction(async (tx) => {
      const biller = await tx.biller.create({ data: opts.input, select: { id: true } });
      await recordAuditEvent(tx, { type: "biller.created", actorId: opts.actorId, billerId: biller.id, data: opts.input });
      return { billerId: biller.id };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new FieldError("name", "platform.errors.nameTaken");
    throw error;
  }
}
