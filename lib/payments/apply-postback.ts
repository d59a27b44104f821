// Invoice Cloud's postback, applied at least once, in any order, before or after the browser
// returns. The route has already checked the PostBackURL's token. Here: verify the fields against
// the attempt, decide by the late-notice policy (decide-postback.ts), and perform the decision in
// one transaction through performTransition. A conditional update that loses a race (another
// notice or a person moved the attempt first) makes us read again and decide again.
import "server-only";
import type { Prisma } from "@prisma/client";
import { recordAuditEvent } from "../audit/record-audit-event";
import type { PostbackFields } from "../cpv2/schemas";
import { db } from "../db";
import type { Tx } from "../prisma-client";
import { decidePostback, type PostbackDecision } from "./decide-postback";
import { InvoicesAlreadyPaid, performTransition } from "./perform-transition";
import type { PostbackOutcome, PostbackResult } from "./postback-outcome";
import { OPEN_STATUSES } from "./transitions";
import { verifyPostback } from "./verify-postback";

const MAX_ROUNDS = 5;

export async function applyPostback(opts: {
  paymentId: string;
  fields: PostbackFields;
  raw: Record<string, string>;
  now?: Date;
}): Promise<PostbackResult> {
  const now = opts.now ?? new Date();
  const receipt = (tx: Tx, attemptId: string | null, verdict: PostbackOutcome, reason?: string) =>
    tx.postbackReceipt.create({
      data: { paymentId: opts.paymentId, attemptId, verdict, reason: reason ?? null, fields: opts.raw as Prisma.InputJsonValue },
    });

  for (let round = 0; round < MAX_ROUNDS; round++) {
    const attempt = await readAttempt(opts.paymentId);
    if (!attempt) {
      await db.$transaction((tx) => receipt(tx, null, "unknown", "No payment attempt with this payment-id"));
      return { outcome: "unknown", reason: "No payment attempt with this payment-id" };
    }
    const verdict = verifyPostback(
      {
        billerReference: attempt.billerReference,
        totalCents: attempt.totalCents,
        configuredBillerGuid: attempt.biller.paymentSettings?.billerGuid ?? null,
      },
      opts.fields,
    );
    const decision = decidePostback(
      {
        ...attempt,
        invoicesBlockedBy: blockedBy(attempt),
      },
      verdict,
      opts.fields.PaymentGUID ?? null,
    );
    const paidCents = verdict.ok ? verdict.paidCents : verdict.genuine ? verdict.paidCents : null;
    try {
      const result = await db.$transaction(async (tx) => {
        const applied = await perform(tx, {
          attempt,
          decision,
          fields: opts.fields,
          paidCents,
          feeCents: verdict.ok ? verdict.feeCents : null,
          now,
        });
        if (!applied) return null; // lost a race: read again
        await receipt(tx, attempt.id, applied.outcome, applied.reason);
        return applied;
      });
      if (result) return result;
    } catch (error) {
      if (!(error instanceof InvoicesAlreadyPaid)) throw error;
      // Another attempt paid these invoices meanwhile: the next read sees it (charged twice).
    }
  }
  throw new Error(`Postback for ${opts.paymentId} kept losing races; Invoice Cloud will retry`);
}

type AttemptRow = NonNullable<Awaited<ReturnType<typeof readAttempt>>>;

/** The first of its invoices this attempt may no longer pay: paid by another attempt, cancelled or refunded. */
function blockedBy(attempt: AttemptRow): "PAID" | "CANCELLED" | "REFUNDED" | null {
  const line = attempt.invoices.find((l) => l.invoice.status !== "UNPAID" && l.invoice.paidAttemptId !== attempt.id);
  if (!line) return null;
  const status = line.invoice.status;
  return status === "CANCELLED" || status === "REFUNDED" ? status : "PAID";
}

function readAttempt(id: string) {
  return db.paymentAttempt.findUnique({
    where: { id },
    select: {
      id: true,
      status: true,
      billerId: true,
      billerReference: true,
      totalCents: true,
      paymentGuid: true,
      reviewKind: true,
      reviewPaymentGuid: true,
      reviewReason: true,
      invoices: { select: { invoiceId: true, invoice: { select: { status: true, paidAttemptId: true } } } },
      biller: { select: { paymentSettings: { select: { billerGuid: true } } } },
    },
  });
}

/** Performs one decision; null when the attempt moved under us. */
async function perform(
  tx: Tx,
  opts: {
    attempt: AttemptRow;
    decision: PostbackDecision;
    fields: PostbackFields;
    paidCents: number | null;
    feeCents: number | null;
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
    case "approve": {
      const lateAfter = attempt.status === "CREATED" || attempt.status === "REDIRECTED" ? undefined : attempt.status;
      const ok = await performTransition(tx, {
        ...base,
        event: "approved",
        set: {
          paymentGuid: guid,
          paidAmountCents: opts.paidCents,
          convenienceFeeCents: opts.feeCents,
          failureReason: null,
          closeReason: null,
          // An approval closes a "no postback after return" review by itself.
          reviewKind: null,
          reviewReason: null,
          reviewPaymentGuid: null,
          reviewAmountCents: null,
          reviewNoticeAt: null,
        },
        paidWith: { paymentGuid: guid },
        audit: { paymentGuid: guid, paidCents: opts.paidCents, feeCents: opts.feeCents, ...(lateAfter ? { lateAfter } : {}) },
      });
      if (!ok) return null;
      await supersedeOthers(tx, { attempt, now });
      return { outcome: "paid" };
    }
  }
}

/**
 * A late approval can land while a newer session for the same invoices is open: close it, so the
 * portal stops offering it. (If Invoice Cloud still takes a payment there, that approval finds the
 * invoices paid and opens a "charged twice" review.)
 */
async function supersedeOthers(tx: Tx, opts: { attempt: AttemptRow; now: Date }) {
  const others = await tx.paymentAttempt.findMany({
    where: {
      id: { not: opts.attempt.id },
      status: { in: [...OPEN_STATUSES] },
      invoices: { some: { invoiceId: { in: opts.attempt.invoices.map((l) => l.invoiceId) } } },
    },
    select: { id: true, status: true, billerId: true },
  });
  for (const other of others) {
    await performTransition(tx, {
      attemptId: other.id,
      billerId: other.billerId,
      from: other.status,
      event: "superseded",
      actor: "invoice_cloud",
      now: opts.now,
      set: { closeReason: "SUPERSEDED" },
      audit: { paidBy: opts.attempt.id },
    });
  }
}
