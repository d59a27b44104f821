// POST /api/v1/invoices with an Idempotency-Key: the first answer is stored in the transaction that
// creates the invoice, and a retry with the same key and body gets it back (Idempotent-Replayed).
// The same key with another body is refused (422). Two requests racing with one key: the second
// waits on the key's unique index, loses, and replays the winner's answer, so one invoice is made.
import "server-only";
import type { Prisma } from "@prisma/client";
import { isUniqueViolation } from "../billers/is-unique-violation";
import { db } from "../db";
import { createInvoice, type CreateInvoiceResult } from "../invoices/create-invoice";
import type { InvoiceInput } from "../invoices/invoice-input-schema";
import { apiInvoiceSelect, toInvoiceJson } from "./invoice-resource";

export type IdempotentAnswer =
  { kind: "answer"; status: number; body: unknown; replayed: boolean; newApplicantId: string | null } | { kind: "key_reused" };

async function stored(billerId: string, key: string, requestHash: string): Promise<IdempotentAnswer | null> {
  const record = await db.apiIdempotencyRecord.findUnique({ where: { billerId_key: { billerId, key } } });
  if (!record) return null;
  if (record.requestHash !== requestHash) return { kind: "key_reused" };
  return { kind: "answer", status: record.statusCode, body: record.responseBody, replayed: true, newApplicantId: null };
}

export async function createInvoiceIdempotently(opts: {
  billerId: string;
  credentialId: string;
  input: InvoiceInput;
  idempotency: { key: string; requestHash: string } | null;
}): Promise<IdempotentAnswer> {
  const { billerId, idempotency } = opts;
  if (idempotency) {
    const earlier = await stored(billerId, idempotency.key, idempotency.requestHash);
    if (earlier) return earlier;
  }
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.$transaction(async (tx) => {
        const result: CreateInvoiceResult = await createInvoice({
          billerId,
          actor: { via: "api", credentialId: opts.credentialId },
          input: opts.input,
          tx,
        });
        const row = await tx.invoice.findUniqueOrThrow({ where: { id: result.invoice.id }, select: apiInvoiceSelect });
        const body = toInvoiceJson(row);
        const status = result.outcome === "created" ? 201 : 200;
        if (idempotency) {
          await tx.apiIdempotencyRecord.create({
            data: {
              billerId,
              key: idempotency.key,
              requestHash: idempotency.requestHash,
              statusCode: status,
              responseBody: body as Prisma.InputJsonValue,
            },
          });
        }
        return { kind: "answer" as const, status, body, replayed: false, newApplicantId: result.newApplicantId };
      });
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      // Lost a race: on the key (replay the winner), or on the applicant, permit or reference (run again).
      if (idempotency) {
        const winner = await stored(billerId, idempotency.key, idempotency.requestHash);
        if (winner) return winner;
      }
      if (attempt >= 3) throw error;
    }
  }
}
