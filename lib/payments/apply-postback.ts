// Invoice Cloud's postback, applied at least once, in any order, before or after the browser
// returns. Verifies first; then one transaction with conditional updates closes the attempt and
// marks its invoices PAID, so two identical postbacks arriving together cannot both win.
import "server-only";
import type { Prisma } from "@prisma/client";
import { recordAuditEvent } from "../audit/record-audit-event";
import type { PostbackFields } from "../cpv2/schemas";
import { db } from "../db";
import type { Tx } from "../prisma-client";
import { LATE_APPROVABLE_STATUSES, OPEN_STATUSES } from "./transitions";
import { SUPERSEDED } from "./attempt-reasons";
import { flagForReview } from "./flag-for-review";
import { verifyPostback } from "./verify-postback";

export type PostbackOutcome = "paid" | "declined" | "duplicate" | "ignored" | "rejected" | "needs_review" | "unknown";
export type PostbackResult = { outcome: PostbackOutcome; reason?: string };

class DoublePayment extends Error {}

export async function applyPostback(opts: {
  paymentId: string;
  fields: PostbackFields;
  raw: Record<string, string>;
  now?: Date;
}): Promise<PostbackResult> {
  const now = opts.now ?? new Date();
  const { fields } = opts;
  const attempt = await db.paymentAttempt.findUnique({
    where: { id: opts.paymentId },
    select: {
      id: true,
      status: true,
      billerId: true,
      billerReference: true,
      totalCents: true,
      paymentGuid: true,
      invoices: { select: { invoiceId: true, amountCents: true } },
      biller: { select: { paymentSettings: { select: { billerGuid: true } } } },
    },
  });
  const receipt = (tx: Tx | typeof db, verdict: PostbackOutcome, reason?: string) =>
    tx.postbackReceipt.create({
      data: {
        paymentId: opts.paymentId,
        attemptId: attempt?.id ?? null,
        verdict,
        reason: reason ?? null,
        fields: opts.raw as Prisma.InputJsonValue,
      },
    });

  if (!attempt) {
    await receipt(db, "unknown", "No payment attempt with this payment-id");
    return { outcome: "unknown", reason: "No payment attempt with this payment-id" };
  }

  const verdict = verifyPostback(
    {
      billerReference: attempt.billerReference,
      totalCents: attempt.totalCents,
      configuredBillerGuid: attempt.biller.paymentSettings?.billerGuid ?? null,
    },
    fields,
  );
  if (!verdict.ok && !verdict.genuine) {
    await db.$transaction(async (tx) => {
      await receipt(tx, "rejected", verdict.reason);
      await recordAuditEvent(tx, {
        type: "postback.rejected",
        billerId: attempt.billerId,
        attemptId: attempt.id,
        data: { reason: verdict.reason, paymentGuid: fields.PaymentGUID },
      });
    });
    return { outcome: "rejected", reason: verdict.reason };
  }
  if (!verdict.ok) return flagForReview({ attemptId: attempt.id, billerId: attempt.billerId, reason: verdict.reason, fields, receipt });

  if (!verdict.approved) {
    return db.$transaction(async (tx) => {
      const { count } = await tx.paymentAttempt.updateMany({
        where: { id: attempt.id, status: { in: [...OPEN_STATUSES] } },
        data: {
          status: "DECLINED",
          failureReason: fields.PaymentMessage ?? "Declined",
          paymentGuid: fields.PaymentGUID ?? null,
          closedAt: now,
        },
      });
      if (count === 0) {
        // Already closed: a repeat, or an older decline arriving after the approval. Never undo.
        const outcome = attempt.status === "DECLINED" ? "duplicate" : "ignored";
        await receipt(tx, outcome, `Attempt already ${attempt.status}`);
        return { outcome, reason: `Attempt already ${attempt.status}` };
      }
      await tx.invoice.updateMany({ where: { openAttemptId: attempt.id }, data: { openAttemptId: null } });
      await receipt(tx, "declined");
      await recordAuditEvent(tx, {
        type: "payment.declined",
        billerId: attempt.billerId,
        attemptId: attempt.id,
        data: { message: fields.PaymentMessage, paymentGuid: fields.PaymentGUID },
      });
      return { outcome: "declined" as const };
    });
  }

  try {
    return await db.$transaction(async (tx) => {
      const { count } = await tx.paymentAttempt.updateMany({
        where: { id: attempt.id, status: { in: [...LATE_APPROVABLE_STATUSES] } },
        data: {
          status: "PAID",
          paymentGuid: fields.PaymentGUID ?? null,
          paidAmountCents: verdict.paidCents,
          convenienceFeeCents: verdict.feeCents,
          failureReason: null,
          closedAt: now,
        },
      });
      if (count === 0) {
        const current = await tx.paymentAttempt.findUniqueOrThrow({
          where: { id: attempt.id },
          select: { status: true, paymentGuid: true },
        });
        if (current.status === "PAID" && current.paymentGuid === (fields.PaymentGUID ?? null)) {
          await receipt(tx, "duplicate", "Already applied");
          return { outcome: "duplicate" as const };
        }
        throw new DoublePayment(
          current.status === "PAID"
            ? `A second approved payment (${fields.PaymentGUID ?? "no PaymentGUID"}) arrived for an attempt already paid by ${current.paymentGuid ?? "another payment"}`
            : `An approved payment arrived for an attempt in ${current.status}`,
        );
      }
      const paid = await tx.invoice.updateMany({
        where: { id: { in: attempt.invoices.map((i) => i.invoiceId) }, status: "UNPAID" },
        data: { status: "PAID", paidAt: now, paymentGuid: fields.PaymentGUID ?? null, paidAttemptId: attempt.id, openAttemptId: null },
      });
      if (paid.count !== attempt.invoices.length) throw new DoublePayment("Some of these invoices were already paid by another payment");
      for (const line of attempt.invoices) {
        await tx.invoice.update({ where: { id: line.invoiceId }, data: { paidAmountCents: line.amountCents } });
      }
      // A late approval can land while a newer session for the same invoices is open: close it,
      // so the portal stops offering it. (Invoice Cloud may still take a payment there; if it
      // does, that approval finds the invoices paid and is flagged for review.)
      await tx.paymentAttempt.updateMany({
        where: {
          id: { not: attempt.id },
          status: { in: ["CREATED", "REDIRECTED"] },
          invoices: { some: { invoiceId: { in: attempt.invoices.map((i) => i.invoiceId) } } },
        },
        data: { status: "EXPIRED", failureReason: SUPERSEDED, closedAt: now },
      });
      await receipt(tx, "paid");
      await recordAuditEvent(tx, {
        type: "payment.paid",
        billerId: attempt.billerId,
        attemptId: attempt.id,
        data: {
          paymentGuid: fields.PaymentGUID,
          paidCents: verdict.paidCents,
          feeCents: verdict.feeCents,
          // Only worth saying when the approval came after the attempt was closed.
          ...(attempt.status === "REDIRECTED" || attempt.status === "CREATED" ? {} : { lateAfter: attempt.status }),
        },
      });
      return { outcome: "paid" as const };
    });
  } catch (error) {
    if (error instanceof DoublePayment) {
      return flagForReview({ attemptId: attempt.id, billerId: attempt.billerId, reason: error.message, fields, receipt });
    }
    throw error;
  }
}
