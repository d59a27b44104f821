// The one-statement approval against the general path it replaces for postbacks: the same rows,
// the same audit rows and the same outbox messages as performTransition would have written.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { loadPaymentSnapshot } from "@/lib/notifications/load-payment-snapshot";
import { planOutboxRows } from "@/lib/outbox/enqueue-payment-events";
import { saveWebhookEndpoint } from "@/lib/webhooks/save-webhook-endpoint";
import { createUser } from "@/prisma/factories";
import { arrangeAttempt, arrangeConfiguredBiller, arrangeInvoices, postbackFields } from "@/test/payment-fixtures";
import { applyPostback } from "./apply-postback";
import { IllegalTransition, performApproval } from "./perform-transition";
import { readPostbackAttempt } from "./read-postback-attempt";

const kind = process.env.TEST_DB_KIND;

describe.skipIf(kind === "none")(`performApproval (${kind})`, () => {
  async function arrange(amounts: number[]) {
    const biller = await arrangeConfiguredBiller(db);
    const admins = [
      await createUser(db, { role: "BILLER_ADMIN", billerId: biller.id }),
      await createUser(db, { role: "BILLER_ADMIN", billerId: biller.id }),
    ];
    const { applicant, invoices } = await arrangeInvoices(db, biller.id, amounts);
    const attempt = await arrangeAttempt(db, { billerId: biller.id, applicantId: applicant.id, invoices });
    await saveWebhookEndpoint({
      billerId: biller.id,
      actorId: admins[0]!.id,
      input: { url: "https://permits.example.org/hooks", events: ["payment.paid"], enabled: true },
    });
    return { biller, invoices, attempt };
  }

  it("writes what the general path would: snapshot, receipt email and webhook as read after the change", async () => {
    const ctx = await arrange([6000, 125000, 990]);
    const now = new Date("2026-11-29T15:04:05.678Z");
    const pb = postbackFields(ctx.attempt);
    expect(await applyPostback({ paymentId: ctx.attempt.id, ...pb, now })).toEqual({ outcome: "paid" });

    const stored = await db.outboxMessage.findMany({ where: { attemptId: ctx.attempt.id }, orderBy: [{ channel: "asc" }] });
    const snapshot = await loadPaymentSnapshot(db as never, { attemptId: ctx.attempt.id, now });
    const endpoint = await db.webhookEndpoint.findUniqueOrThrow({ where: { billerId: ctx.biller.id } });
    const expected = planOutboxRows({
      attemptId: ctx.attempt.id,
      billerId: ctx.biller.id,
      event: "approved",
      now,
      snapshot,
      adminEmails: [],
      endpoint,
    });
    const comparable = (rows: { channel: unknown; recipient: unknown; template?: unknown; payload: unknown; eventType: unknown }[]) =>
      rows
        .map((r) => ({
          channel: r.channel,
          recipient: r.recipient,
          template: r.template ?? null,
          eventType: r.eventType,
          // The webhook body carries its event id; every other field must match.
          payload: { ...(r.payload as object), id: undefined },
        }))
        .sort((a, b) => String(a.channel).localeCompare(String(b.channel)));
    expect(stored).toHaveLength(2);
    expect(new Set(stored.map((m) => m.eventId)).size).toBe(1);
    expect(stored.every((m) => m.nextAttemptAt.getTime() === now.getTime() && m.status === "PENDING")).toBe(true);
    expect(comparable(JSON.parse(JSON.stringify(stored)) as never)).toEqual(comparable(JSON.parse(JSON.stringify(expected)) as never));
    const webhook = stored.find((m) => m.channel === "WEBHOOK")!;
    expect((webhook.payload as { id: string }).id).toBe(webhook.eventId);

    const audit = await db.auditEvent.findMany({ where: { attemptId: ctx.attempt.id } });
    expect(audit.map((a) => [a.type, a.data])).toEqual([
      [
        "payment.paid",
        {
          from: "REDIRECTED",
          to: "PAID",
          event: "approved",
          by: "invoice_cloud",
          paymentGuid: pb.raw.PaymentGUID,
          paidCents: 131990,
          feeCents: 0,
        },
      ],
    ]);
    const invoices = await db.invoice.findMany({ where: { id: { in: ctx.invoices.map((i) => i.id) } } });
    expect(invoices.every((i) => i.updatedAt.getTime() === now.getTime() && i.paidAt?.getTime() === now.getTime())).toBe(true);
    expect((await db.paymentAttempt.findUniqueOrThrow({ where: { id: ctx.attempt.id } })).closedAt).toEqual(now);
  });

  it("writes nothing when the attempt is no longer in the status read, or one invoice is no longer unpaid", async () => {
    const ctx = await arrange([6000, 7000]);
    const read = (await readPostbackAttempt(db, ctx.attempt.id))!;
    const approve = (from: "REDIRECTED" | "DECLINED") =>
      performApproval(db, {
        attempt: read,
        from,
        now: new Date(),
        set: { paymentGuid: "guid-1", paidAmountCents: 13000, convenienceFeeCents: 0 },
        audit: {},
        receipt: { paymentId: ctx.attempt.id, fields: {} },
      });
    expect(await approve("DECLINED")).toBe(false);
    await db.invoice.update({ where: { id: ctx.invoices[1]!.id }, data: { status: "CANCELLED" } });
    expect(await approve("REDIRECTED")).toBe(false);
    expect((await db.paymentAttempt.findUniqueOrThrow({ where: { id: ctx.attempt.id } })).status).toBe("REDIRECTED");
    expect((await db.invoice.findUniqueOrThrow({ where: { id: ctx.invoices[0]!.id } })).status).toBe("UNPAID");
    expect(await db.auditEvent.count({ where: { attemptId: ctx.attempt.id } })).toBe(0);
    expect(await db.outboxMessage.count({ where: { attemptId: ctx.attempt.id } })).toBe(0);
    expect(await db.postbackReceipt.count({ where: { attemptId: ctx.attempt.id } })).toBe(0);
    // The table has no approval from PAID: refused before any SQL.
    await expect(
      performApproval(db, {
        attempt: read,
        from: "PAID",
        now: new Date(),
        set: { paymentGuid: null, paidAmountCents: null, convenienceFeeCents: null },
        audit: {},
        receipt: { paymentId: ctx.attempt.id, fields: {} },
      }),
    ).rejects.toThrow(IllegalTransition);
  });
});
