// Invoice Cloud's postback, applied at least once, in any order, before or after the browser
// returns. The route has already checked the PostBackURL's token. Here: verify the fields against
// the attempt, decide by the late-notice policy (decide-postback.ts), and perform the decision.
// The two frequent cases are cheap: a repeat is one read and its receipt; an approval is one read
// and one statement (performApproval). Declines and review items go through performTransition in
// one transaction. A conditional update that loses a race (another notice or a person moved the
// attempt first, or another attempt paid its invoices) makes us read again and decide again.
import "server-only";
import crypto from "node:crypto";
import type { Prisma } from "@prisma/client";
import { recordAuditEvent } from "../audit/record-audit-event";
import type { PostbackFields } from "../cpv2/schemas";
import { db } from "../db";
import type { Tx } from "../prisma-client";
import { decidePostback, type PostbackDecision } from "./decide-postback";
import { performApproval, performTransition } from "./perform-transition";
import type { PostbackOutcome, PostbackResult } from "./postback-outcome";
import { readPostbackAttempt, type PostbackAttempt } from "./read-postback-attempt";
import { verifyPostback } from "./verify-postback";

const MAX_ROUNDS = 5;

export async function applyPostback(opts: {
  paymentId: string;
  fields: PostbackFields;
  raw: Record<string, string>;
  now?: Date;
}): Promise<PostbackResult> {
  const now = opts.now ?? new Date();
  const fields = opts.raw as Prisma.InputJsonValue;
  const receipt = (tx: Tx, attemptId: string | null, verdict: PostbackOutcome, reason?: string) =>
    tx.postbackReceipt.create({ data: { paymentId: opts.paymentId, attemptId, verdict, reason: reason ?? null, fields } });

  for (let round = 0; round < MAX_ROUNDS; round++) {
    // One read; a repeat or an unknown id is then one INSERT of its receipt, with no transaction.
    const attempt = await readPostbackAttempt(db, opts.paymentId);
    if (!attempt) {
      await recordReceipt({ paymentId: opts.paymentId, attemptId: null, verdict: "unknown", reason: UNKNOWN, fields: opts.raw });
      return { outcome: "unknown", reason: UNKNOWN };
    }
    const verdict = verifyPostback(attempt, opts.fields);
    const decision = decidePostback({ ...attempt, invoicesBlockedBy: blockedBy(attempt) }, verdict, opts.fields.PaymentGUID ?? null);
    const paidCents = verdict.ok ? verdict.paidCents : verdict.genuine ? verdict.paidCents : null;
    const guid = opts.fields.PaymentGUID ?? null;
    if (decision.type === "record" && decision.outcome !== "rejected") {
      await recordReceipt({
        paymentId: opts.paymentId,
        attemptId: attempt.id,
        verdict: decision.outcome,
        reason: decision.reason,
        fields: opts.raw,
      });
      return { outcome: decision.outcome, reason: decision.reason };
    }
    if (decision.type === "approve") {
      // The hot path: one statement (perform-transition.ts) or, having lost a race, read again.
      const feeCents = verdict.ok ? verdict.feeCents : null;
      const lateAfter = attempt.status === "CREATED" || attempt.status === "REDIRECTED" ? undefined : attempt.status;
      const applied = await performApproval(db, {
        attempt,
        from: attempt.status,
        now,
        set: { paymentGuid: guid, paidAmountCents: paidCents, convenienceFeeCents: feeCents },
        audit: { paymentGuid: guid, paidCents, feeCents, ...(lateAfter ? { lateAfter } : {}) },
        receipt: { paymentId: opts.paymentId, fields: opts.raw },
      });
      if (applied) return { outcome: "paid" };
      continue; // the attempt moved, or another attempt paid these invoices meanwhile (charged twice)
    }
    const result = await db.$transaction(async (tx) => {
      const applied = await perform(tx, { attempt, decision, fields: opts.fields, paidCents, now });
      if (!applied) return null; // lost a race: read again
      await receipt(tx, attempt.id, applied.outcome, applied.reason);
      return applied;
    });
    if (result) return result;
  }
  throw new Error(`Postback for ${opts.paymentId} kept losing races; Invoice Cloud will retry`);
}

const UNKNOWN = "No payment attempt with this payment-id";

/** A postback that changes nothing: its receipt, one statement on its own. */
async function recordReceipt(r: { paymentId: string; attemptId: string | null; verdict: PostbackOutcome; reason: string; fields: object }) {
  await db.$executeRaw`
    INSERT INTO "PostbackReceipt" ("id", "paymentId", "attemptId", "verdict", "reason", "fields")
    VALUES (${crypto.randomUUID()}::uuid, ${r.paymentId}, ${r.attemptId}::uuid, ${r.verdict}::"PostbackVerdict", ${r.reason}, ${JSON.stringify(r.fields)}::jsonb)`;
}

/** The first of its invoices this attempt may no longer pay: paid by another attempt, cancelled or refunded. */
function blockedBy(attempt: PostbackAttempt): "PAID" | "CANCELLED" | "REFUNDED" | null {
  const line = attempt.invoices.find((l) => l.invoice.status !== "UNPAID" && l.invoice.paidAttemptId !== attempt.id);
  if (!line) return null;
  const status = line.invoice.status;
  return status === "CANCELLED" || status === "REFUNDED" ? status : "PAID";
}

/** Performs one decision; null when the attempt moved under us. */
async function perform(
  tx: Tx,
  opts: {
    attempt: PostbackAttempt;
    decision: PostbackDecision;
    fields: PostbackFields;
    paidCents: number | null;
    now: Date;
  },
): Promise<PostbackResult | null> {
  const { attempt, decision, fields, now } = opts;
  const base = { attemptId: attempt.id, billerId: attempt.billerId, from: attempt.status, actor: "invoice_cloud" as const, now };
  const guid = fields.PaymentGUID ?? null;
  switch (decision.type) {
    case "record":
      if (decision.outcome === "rejected") {
        // A valid token with a wrong reference: not applied, but worth an operator's look.
        await recordAuditEvent(tx, {
          type: "postback.rejected",
          billerId: attempt.billerId,
          attemptId: attempt.id,
          data: { reason: decision.reason, paymentGuid: guid },
        });
      }
      return { outcome: decision.outcome, reason: decision.reason };
    case "decline": {
      const ok = await performTransition(tx, {
        ...base,
        event: "declined",
        set: { failureReason: fields.PaymentMessage ?? "Declined", closeReason: "DECLINED_BY_INVOICE_CLOUD", paymentGuid: guid },
        audit: { message: fields.PaymentMessage, paymentGuid: guid },
      });
      return ok ? { outcome: "declined" } : null;
    }
    case "flag":
    case "note": {
      // Conditional on the review as read: two notices at once cannot overwrite each other.
      const review = decision.type === "flag" ? null : attempt.reviewReason;
      const ok = await performTransition(tx, {
        ...base,
        event: "flagged",
        where: { reviewKind: attempt.reviewKind, reviewReason: attempt.reviewReason },
        set:
          decision.type === "flag"
            ? {
                reviewKind: decision.kind,
                reviewReason: decision.reason,
                reviewPaymentGuid: guid,
                reviewAmountCents: opts.paidCents,
                reviewNoticeAt: now,
              }
            : { reviewReason: `${review ?? "Under review"}; ${decision.reason} at ${now.toISOString()}`.slice(0, 4000) },
        audit: {
          kind: decision.type === "flag" ? decision.kind : attempt.reviewKind,
          reason: decision.reason,
          paymentGuid: guid,
          paymentAmount: fields.PaymentAmount,
          approved: fields.Approved,
        },
      });
      return ok ? { outcome: "needs_review", reason: decision.reason } : null;
    }
    case "approve":
      throw new Error("an approval is performed by performApproval");
  }
}
