// Appends one event to the audit trail (append-only table). Secrets are redacted first.
import type { Prisma } from "@prisma/client";
import type { Db, Tx } from "../prisma-client";
import { redactSecrets } from "./redact";

export type AuditEventType =
  | "settings.updated"
  | "settings.connection_tested"
  | "settings.key_reencrypted"
  | "biller.created"
  | "biller.updated"
  | "biller_admin.created"
  | "invoice_type.added"
  | "invoice_type.removed"
  | "payment.created"
  | "payment.redirected"
  | "payment.resumed"
  | "payment.failed"
  | "payment.returned"
  | "payment.paid"
  | "payment.declined"
  | "payment.expired"
  | "payment.abandoned"
  | "payment.superseded"
  | "payment.review_resolved"
  | "payment.refund_recorded"
  | "payment.refund_reversed"
  | "payment.review_note"
  | "postback.received"
  | "postback.rejected"
  | "postback.needs_review"
  | "invoice.created"
  | "invoice.cancelled"
  | "invoice.reopened"
  | "invoices.imported"
  | "api_credential.created"
  | "api_credential.revoked"
  | "webhook.created"
  | "webhook.updated"
  | "webhook.secret_rolled"
  | "webhook.test_sent"
  | "outbox.resent";

export async function recordAuditEvent(
  db: Db | Tx,
  event: { type: AuditEventType; actorId?: string | null; billerId?: string | null; attemptId?: string | null; data?: object },
) {
  await db.auditEvent.create({
    data: {
      type: event.type,
      actorId: event.actorId ?? null,
      billerId: event.billerId ?? null,
      attemptId: event.attemptId ?? null,
      data: redactSecrets(event.data ?? {}) as Prisma.InputJsonValue,
    },
  });
}
