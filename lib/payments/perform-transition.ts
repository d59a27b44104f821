// The one writer of payment status. A change is (from, event) → to from the table in
// transitions.ts; it is a conditional update on the status the caller saw, its effect on the
// invoices, and an audit row, all in the caller's transaction. Returns false when the attempt was
// no longer in `from` (someone else moved it first): the caller re-reads and decides again.
// performApproval is the same change for a verified approval, as one SQL statement (the postback's
// hot path): the same table rows, effects, audit rows and outbox messages, without a transaction.
import "server-only";
import crypto from "node:crypto";
import { Prisma, type AttemptCloseReason, type AttemptStatus, type ReviewKind } from "@prisma/client";
import { recordAuditEvent, type AuditEventType } from "../audit/record-audit-event";
import { redactSecrets } from "../audit/redact";
import { paymentSnapshotFrom } from "../notifications/load-payment-snapshot";
import { announces, enqueuePaymentEvents, planOutboxRows } from "../outbox/enqueue-payment-events";
import { applyRefundToInvoices } from "../refunds/apply-refund-to-invoices";
import type { Db, Tx } from "../prisma-client";
import type { PostbackAttempt } from "./read-postback-attempt";
import { findTransition, OPEN_STATUSES, type Actor, type TransitionEvent } from "./transitions";

const AUDIT: Record<TransitionEvent, AuditEventType> = {
  session_opened: "payment.redirected",
  session_failed: "payment.failed",
  expired: "payment.expired",
  abandoned: "payment.abandoned",
  superseded: "payment.superseded",
  declined: "payment.declined",
  approved: "payment.paid",
  flagged: "postback.needs_review",
  review_mark_paid: "payment.review_resolved",
  review_release: "payment.review_resolved",
  review_dismiss: "payment.review_resolved",
  refund_recorded: "payment.refund_recorded",
  refund_reversed: "payment.refund_reversed",
};

export class IllegalTransition extends Error {}
/** The invoices were paid by another attempt between the caller's read and this write. */
export class InvoicesAlreadyPaid extends Error {}

export type TransitionInput = {
  attemptId: string;
  billerId: string;
  from: AttemptStatus;
  event: TransitionEvent;
  actor: Actor;
  actorId?: string | null;
  now: Date;
  /** Attempt fields written with the status (never `status` itself). */
  set?: {
    hostedPageUrl?: string;
    redirectedAt?: Date;
    failureReason?: string | null;
    closeReason?: AttemptCloseReason | null;
    paymentGuid?: string | null;
    paidAmountCents?: number | null;
    convenienceFeeCents?: number | null;
    reviewKind?: ReviewKind | null;
    reviewReason?: string | null;
    reviewPaymentGuid?: string | null;
    reviewAmountCents?: number | null;
    reviewNoticeAt?: Date | null;
  };
  /** Extra conditions on the attempt row (for example "has an open review item"). */
  where?: Prisma.PaymentAttemptWhereInput;
  /** For approved / review_mark_paid: the PaymentGUID stored on the invoices. */
  paidWith?: { paymentGuid: string | null };
  /** For refund_recorded / refund_reversed: how much of each invoice went back (or is restored). */
  refundLines?: { invoiceId: string; amountCents: number }[];
  audit?: object;
};

export async function performTransition(tx: Tx, input: TransitionInput): Promise<boolean> {
  const row = findTransition(input.from, input.event);
  if (!row || !row.actors.includes(input.actor)) {
    throw new IllegalTransition(`${input.actor} may not cause ${input.event} from ${input.from}`);
  }
  const closes = row.to !== input.from && row.to !== "REDIRECTED";
  const { count } = await tx.paymentAttempt.updateMany({
    where: { ...input.where, id: input.attemptId, status: input.from },
    data: { ...input.set, status: row.to, ...(closes ? { closedAt: input.now } : {}) },
  });
  if (count === 0) return false;

  if (input.event === "refund_recorded" || input.event === "refund_reversed") {
    // Fully refunded → REFUNDED, partly → PAID with refundedCents; a reversal goes back. Throws on an over-refund.
    await applyRefundToInvoices(tx, { attemptId: input.attemptId, lines: input.refundLines ?? [], event: input.event, now: input.now });
  } else if (row.to === "PAID" && input.from !== "PAID") {
    await markInvoicesPaid(tx, input.attemptId, input.paidWith?.paymentGuid ?? null, input.now);
  } else if (row.to === "EXPIRED" || row.to === "DECLINED" || row.to === "FAILED") {
    // Closed with nothing kept: its invoices may be paid again. NEEDS_REVIEW keeps them held.
    await tx.invoice.updateMany({ where: { openAttemptId: input.attemptId }, data: { openAttemptId: null } });
  }
  await recordAuditEvent(tx, {
    type: AUDIT[input.event],
    actorId: input.actorId ?? null,
    billerId: input.billerId,
    attemptId: input.attemptId,
    data: { from: input.from, to: row.to, event: input.event, by: input.actor, ...input.audit },
  });
  // Receipts, review alerts and webhooks: written here so they exist if and only if this change commits.
  await enqueuePaymentEvents(tx, { attemptId: input.attemptId, billerId: input.billerId, event: input.event, now: input.now });
  return true;
}

/** Every line's invoice, from UNPAID, or the whole transaction is undone. */
async function markInvoicesPaid(tx: Tx, attemptId: string, paymentGuid: string | null, now: Date) {
  const lines = await tx.paymentAttemptInvoice.findMany({ where: { attemptId }, select: { invoiceId: true, amountCents: true } });
  // One statement per distinct amount (usually one): the line's amount is what was paid.
  const byAmount = new Map<number, string[]>();
  for (const l of lines) byAmount.set(l.amountCents, [...(byAmount.get(l.amountCents) ?? []), l.invoiceId]);
  let paid = 0;
  for (const [amountCents, ids] of byAmount) {
    const { count } = await tx.invoice.updateMany({
      where: { id: { in: ids }, status: "UNPAID" },
      data: { status: "PAID", paidAt: now, paidAmountCents: amountCents, paymentGuid, paidAttemptId: attemptId, openAttemptId: null },
    });
    paid += count;
  }
  if (paid !== lines.length) throw new InvoicesAlreadyPaid("Some of these invoices were already paid by another payment");
}

function allowed(from: AttemptStatus, event: TransitionEvent, actor: Actor) {
  const row = findTransition(from, event);
  if (!row || !row.actors.includes(actor)) throw new IllegalTransition(`${actor} may not cause ${event} from ${from}`);
  return row;
}

/**
 * Invoice Cloud's verified approval of `attempt` (as read, in `from`), in one statement: the
 * attempt row and every other open attempt sharing one of its invoices are locked first (id order),
 * then its invoices (id order); the attempt must still be in `from`, every invoice still UNPAID and
 * held by no attempt this statement cannot see, or nothing is written and it returns false (the
 * caller reads again). Else:
 * the attempt PAID, its invoices PAID, the audit row, the outbox messages (planned from the
 * snapshot as it will stand), the postback's receipt, and each other open attempt holding one of
 * these invoices superseded (EXPIRED, its other invoices released, an audit row each).
 */
export async function performApproval(
  client: Db,
  input: {
    attempt: PostbackAttempt;
    from: AttemptStatus;
    now: Date;
    set: { paymentGuid: string | null; paidAmountCents: number | null; convenienceFeeCents: number | null };
    audit: object;
    receipt: { paymentId: string; fields: object };
  },
): Promise<boolean> {
  const { attempt, from, now, set } = input;
  const row = allowed(from, "approved", "invoice_cloud");
  // This statement performs the "invoices paid" effect only (see performTransition).
  if (row.to !== "PAID" || from === "PAID") throw new IllegalTransition(`approved from ${from} is not an approval of an unpaid attempt`);
  const superseded = OPEN_STATUSES.map((s) => allowed(s, "superseded", "invoice_cloud").to);
  const supersededTo = superseded[0]!;
  if (superseded.some((to) => to !== supersededTo || to === "PAID") || announces("superseded"))
    throw new IllegalTransition("superseded must close an open attempt without paying or announcing");

  // The snapshot as the attempt will stand once this commits (an approval clears any review).
  const snapshot = paymentSnapshotFrom(
    {
      ...attempt,
      status: row.to,
      paymentGuid: set.paymentGuid,
      paidAmountCents: set.paidAmountCents,
      reviewKind: null,
      reviewReason: null,
      reviewPaymentGuid: null,
      reviewAmountCents: null,
      reviewNoticeAt: null,
      invoices: attempt.invoices.map((l) => ({ ...l, invoice: { ...l.invoice, status: "PAID" } })),
    },
    now,
  );
  const outbox = planOutboxRows({
    attemptId: attempt.id,
    billerId: attempt.billerId,
    event: "approved",
    now,
    snapshot,
    adminEmails: attempt.adminEmails,
    endpoint: attempt.endpoint,
  });
  const auditData = redactSecrets({ from, to: row.to, event: "approved", by: "invoice_cloud", ...input.audit });
  const id = attempt.id;
  const open = Prisma.join(OPEN_STATUSES.map((s) => Prisma.sql`${s}::"AttemptStatus"`));
  const [result] = await client.$queryRaw<{ applied: number }[]>`
    WITH la AS (
      -- Attempts before invoices, in id order, as every other change does (performTransition: the
      -- attempt, then its invoices): this one if still in the status read, and each other open attempt
      -- sharing one of its invoices (superseded below). Locking those after the invoices deadlocked
      -- with the expiry job, "start again" or the other attempt's own approval.
      SELECT p."id", p."status", p."billerId" FROM "PaymentAttempt" p
       WHERE p."id" IN (SELECT o."attemptId" FROM "PaymentAttemptInvoice" o JOIN "PaymentAttemptInvoice" m ON m."invoiceId" = o."invoiceId"
                         WHERE m."attemptId" = ${id}::uuid)
         AND CASE WHEN p."id" = ${id}::uuid THEN p."status" = ${from}::"AttemptStatus" ELSE p."status" IN (${open}) END
       ORDER BY p."id" FOR UPDATE
    ), locked AS (
      SELECT i."id", i."status", i."openAttemptId" FROM "Invoice" i JOIN "PaymentAttemptInvoice" l ON l."invoiceId" = i."id"
       -- An aggregate reads (so locks) every row of la before any invoice; EXISTS would stop at the first.
       WHERE l."attemptId" = ${id}::uuid AND (SELECT bool_or(la."id" = ${id}::uuid) FROM la) ORDER BY i."id" FOR UPDATE OF i
    ), upd AS (
      UPDATE "PaymentAttempt" SET "status" = ${row.to}::"AttemptStatus", "closedAt" = ${now},
             "paymentGuid" = ${set.paymentGuid}, "paidAmountCents" = ${set.paidAmountCents}::int,
             "convenienceFeeCents" = ${set.convenienceFeeCents}::int, "failureReason" = NULL, "closeReason" = NULL,
             "reviewKind" = NULL, "reviewReason" = NULL, "reviewPaymentGuid" = NULL, "reviewAmountCents" = NULL, "reviewNoticeAt" = NULL
       WHERE "id" IN (SELECT "id" FROM la WHERE la."id" = ${id}::uuid)
         AND (SELECT count(*) FROM locked WHERE "status" = 'UNPAID') = ${attempt.invoices.length}::int
         AND NOT EXISTS (SELECT 1 FROM locked WHERE "status" <> 'UNPAID')
         -- An attempt that took one of these invoices after this statement's snapshot (PAY ONLINE
         -- committing meanwhile) cannot be superseded here: write nothing, the caller reads again.
         AND NOT EXISTS (SELECT 1 FROM locked k WHERE k."openAttemptId" IS NOT NULL
                          AND NOT EXISTS (SELECT 1 FROM "PaymentAttempt" h WHERE h."id" = k."openAttemptId"))
      RETURNING "id", "billerId"
    ), paid AS (
      UPDATE "Invoice" i SET "status" = 'PAID', "paidAt" = ${now}, "paidAmountCents" = l."amountCents",
             "paymentGuid" = ${set.paymentGuid}, "paidAttemptId" = upd."id", "openAttemptId" = NULL, "updatedAt" = ${now}
        FROM "PaymentAttemptInvoice" l, upd
       WHERE l."attemptId" = upd."id" AND i."id" = l."invoiceId" AND i."status" = 'UNPAID'
      RETURNING i."id"
    ), audit AS (
      INSERT INTO "AuditEvent" ("id", "type", "actorId", "billerId", "attemptId", "data")
      SELECT ${crypto.randomUUID()}::uuid, ${AUDIT.approved}, NULL, upd."billerId", upd."id", ${JSON.stringify(auditData)}::jsonb FROM upd
    ), outbox AS (
      INSERT INTO "OutboxMessage" ("id", "eventId", "eventType", "billerId", "attemptId", "channel", "recipient", "template",
                                   "payload", "nextAttemptAt", "retryUntil", "createdAt")
      SELECT r."id", r."eventId", r."eventType", r."billerId", r."attemptId", r."channel"::"OutboxChannel", r."recipient",
             r."template", r."payload", r."nextAttemptAt", r."retryUntil", r."createdAt"
        FROM upd, jsonb_to_recordset(${JSON.stringify(outbox)}::jsonb) AS r("id" uuid, "eventId" uuid, "eventType" text,
             "billerId" uuid, "attemptId" uuid, "channel" text, "recipient" text, "template" text, "payload" jsonb,
             "nextAttemptAt" timestamptz, "retryUntil" timestamptz, "createdAt" timestamptz)
    ), receipt AS (
      INSERT INTO "PostbackReceipt" ("id", "paymentId", "attemptId", "verdict", "reason", "fields")
      SELECT ${crypto.randomUUID()}::uuid, ${input.receipt.paymentId}, upd."id", 'paid', NULL, ${JSON.stringify(input.receipt.fields)}::jsonb FROM upd
    ), sup AS (
      UPDATE "PaymentAttempt" p SET "status" = ${supersededTo}::"AttemptStatus", "closeReason" = 'SUPERSEDED', "closedAt" = ${now}
        FROM la WHERE p."id" = la."id" AND la."id" <> ${id}::uuid AND p."status" = la."status" AND EXISTS (SELECT 1 FROM upd)
      RETURNING p."id", p."billerId", la."status"::text AS "from"
    ), released AS (
      UPDATE "Invoice" SET "openAttemptId" = NULL, "updatedAt" = ${now}
       WHERE "openAttemptId" IN (SELECT "id" FROM sup)
         AND "id" NOT IN (SELECT "invoiceId" FROM "PaymentAttemptInvoice" WHERE "attemptId" = ${id}::uuid)
    ), sup_audit AS (
      INSERT INTO "AuditEvent" ("id", "type", "actorId", "billerId", "attemptId", "data")
      SELECT gen_random_uuid(), ${AUDIT.superseded}, NULL, sup."billerId", sup."id",
             jsonb_build_object('from', sup."from", 'to', ${supersededTo}::text, 'event', 'superseded', 'by', 'invoice_cloud', 'paidBy', ${id}::text)
        FROM sup
    )
    SELECT (SELECT count(*) FROM upd)::int AS "applied"`;
  return (result?.applied ?? 0) > 0;
}
