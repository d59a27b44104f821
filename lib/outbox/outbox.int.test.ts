// The outbox end to end on a real database, real SMTP (MailDev) and real HTTP (a local receiver):
// written with the change or not at all, delivered, retried by the schedule, dead when out of time.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { db } from "@/lib/db";
import { applyPostback } from "@/lib/payments/apply-postback";
import { performTransition } from "@/lib/payments/perform-transition";
import { resolveReview } from "@/lib/payments/resolve-review";
import { mailDevInbox } from "@/test/maildev-inbox";
import { arrangeAttempt, arrangeConfiguredBiller, arrangeInvoices, postbackFields } from "@/test/payment-fixtures";
import { startWebhookReceiver } from "@/test/webhook-receiver";
import { createUser } from "@/prisma/factories";
import { verifyWebhookSignature } from "../webhooks/verify-webhook-signature";
import { saveWebhookEndpoint } from "../webhooks/save-webhook-endpoint";
import { dispatchOutbox } from "./dispatch-outbox";
import { listDeadMessages } from "./list-dead-messages";

const kind = process.env.TEST_DB_KIND;
const inbox = mailDevInbox(inject("maildevUrl"));

describe.skipIf(kind === "none")(`outbox (${kind})`, () => {
  let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;
  beforeAll(async () => {
    receiver = await startWebhookReceiver();
  });
  afterAll(() => receiver.close());

  async function arrange(amounts = [6000, 125000]) {
    const biller = await arrangeConfiguredBiller(db);
    const admin = await createUser(db, { role: "BILLER_ADMIN", billerId: biller.id });
    const { applicant, invoices } = await arrangeInvoices(db, biller.id, amounts);
    const attempt = await arrangeAttempt(db, { billerId: biller.id, applicantId: applicant.id, invoices });
    return { biller, admin, applicant, invoices, attempt };
  }
  async function withEndpoint(billerId: string, actorId: string) {
    const { secret } = await saveWebhookEndpoint({
      billerId,
      actorId,
      input: { url: receiver.url, events: ["payment.paid", "payment.needs_review", "payment.review_settled"], enabled: true },
    });
    return secret!;
  }
  /** Dispatches at `now` until the given messages are no longer due then (other files' messages may share the queue). */
  async function dispatchUntilSettled(ids: string[], now: Date) {
    for (let i = 0; i < 50; i++) {
      const due = await db.outboxMessage.count({ where: { id: { in: ids }, status: "PENDING", nextAttemptAt: { lte: now } } });
      if (due === 0) return;
      await dispatchOutbox({ db, now });
    }
    throw new Error("outbox did not settle");
  }

  it("writes the messages in the change's transaction: a rollback leaves none, a commit leaves them", async () => {
    const ctx = await arrange();
    await withEndpoint(ctx.biller.id, ctx.admin.id);
    const now = new Date();
    const approve = (tx: Parameters<Parameters<typeof db.$transaction>[0]>[0]) =>
      performTransition(tx, {
        attemptId: ctx.attempt.id,
        billerId: ctx.biller.id,
        from: "REDIRECTED",
        event: "approved",
        actor: "invoice_cloud",
        now,
        set: { paymentGuid: randomUUID(), paidAmountCents: 131000 },
        paidWith: { paymentGuid: null },
      });
    await expect(
      db.$transaction(async (tx) => {
        expect(await approve(tx)).toBe(true);
        expect(await tx.outboxMessage.count({ where: { attemptId: ctx.attempt.id } })).toBe(2);
        throw new Error("roll back");
      }),
    ).rejects.toThrow("roll back");
    expect(await db.outboxMessage.count({ where: { attemptId: ctx.attempt.id } })).toBe(0);
    expect((await db.paymentAttempt.findUniqueOrThrow({ where: { id: ctx.attempt.id } })).status).toBe("REDIRECTED");

    await db.$transaction(async (tx) => void (await approve(tx)));
    const rows = await db.outboxMessage.findMany({ where: { attemptId: ctx.attempt.id }, orderBy: { channel: "asc" } });
    expect(rows.map((r) => [r.channel, r.eventType, r.status, r.recipient])).toEqual([
      ["EMAIL", "payment.paid", "PENDING", ctx.applicant.email],
      ["WEBHOOK", "payment.paid", "PENDING", expect.any(String)],
    ]);
    expect(rows[0]!.eventId).toBe(rows[1]!.eventId);
  });

  it("a verified approval sends one receipt (amount, PaymentGUID) and one signed, verifiable webhook", async () => {
    const ctx = await arrange();
    const secret = await withEndpoint(ctx.biller.id, ctx.admin.id);
    const pb = postbackFields(ctx.attempt);
    expect(await applyPostback({ paymentId: ctx.attempt.id, ...pb })).toEqual({ outcome: "paid" });
    const ids = (await db.outboxMessage.findMany({ where: { attemptId: ctx.attempt.id }, select: { id: true } })).map((m) => m.id);
    await dispatchUntilSettled(ids, new Date());

    const [email] = await inbox.waitFor(ctx.applicant.email, { subject: /Payment receipt/ });
    expect(email!.subject).toBe(`Payment receipt: $1,310.00 to ${ctx.biller.name}`);
    for (const part of [email!.text, email!.html]) {
      expect(part).toContain("$1,310.00");
      expect(part).toContain(pb.raw.PaymentGUID);
      expect(part).toContain(ctx.invoices[0]!.invoiceNumber);
    }
    expect(email!.html).toContain("<h1");

    const got = receiver.received.filter((r) => r.body.includes(ctx.attempt.id));
    expect(got).toHaveLength(1);
    const body = JSON.parse(got[0]!.body) as { id: string; type: string; data: Record<string, unknown> };
    expect(body).toMatchObject({
      type: "payment.paid",
      data: { payment_guid: pb.raw.PaymentGUID, amount_cents: 131000, amount: "$1,310.00" },
    });
    expect(got[0]!.eventId).toBe(body.id);
    expect(verifyWebhookSignature({ header: String(got[0]!.headers["permitpay-signature"]), body: got[0]!.body, secret })).toEqual({
      ok: true,
    });
    const stored = await db.outboxMessage.findMany({ where: { id: { in: ids } }, include: { deliveries: true } });
    expect(stored.every((m) => m.status === "DELIVERED" && m.deliveries.length === 1 && m.deliveries[0]!.ok)).toBe(true);
  });

  it("a receiver answering 500, 500, then 200 gets three tries and one success, each recorded", async () => {
    const ctx = await arrange([4200]);
    await withEndpoint(ctx.biller.id, ctx.admin.id);
    await applyPostback({ paymentId: ctx.attempt.id, ...postbackFields(ctx.attempt) });
    const hook = await db.outboxMessage.findFirstOrThrow({ where: { attemptId: ctx.attempt.id, channel: "WEBHOOK" } });
    receiver.answer([500, 500]);
    const t0 = new Date();
    await dispatchUntilSettled([hook.id], t0);
    let m = await db.outboxMessage.findUniqueOrThrow({ where: { id: hook.id } });
    expect(m).toMatchObject({ status: "PENDING", tries: 1 });
    expect(m.nextAttemptAt.getTime() - t0.getTime()).toBeGreaterThanOrEqual(15_000); // first retry: 15–30 s later
    expect(m.nextAttemptAt.getTime() - t0.getTime()).toBeLessThanOrEqual(30_000);
    await dispatchUntilSettled([hook.id], new Date(t0.getTime() + 31_000));
    m = await db.outboxMessage.findUniqueOrThrow({ where: { id: hook.id } });
    expect(m).toMatchObject({ status: "PENDING", tries: 2 });
    await dispatchUntilSettled([hook.id], new Date(t0.getTime() + 31_000 + 61_000));

    const tries = await db.deliveryAttempt.findMany({ where: { messageId: hook.id }, orderBy: { attemptedAt: "asc" } });
    expect(tries.map((t) => [t.ok, t.statusCode])).toEqual([
      [false, 500],
      [false, 500],
      [true, 200],
    ]);
    expect(tries[0]!.responseExcerpt).toContain("simulated failure");
    expect(await db.outboxMessage.findUniqueOrThrow({ where: { id: hook.id } })).toMatchObject({ status: "DELIVERED", tries: 3 });
    const got = receiver.received.filter((r) => r.eventId === hook.eventId);
    expect(got.map((r) => r.status)).toEqual([500, 500, 200]);
  });

  it("a wrong-amount postback alerts every biller admin by email, with the reason and the notice's amount", async () => {
    const ctx = await arrange([6000]);
    const admin2 = await createUser(db, { role: "BILLER_ADMIN", billerId: ctx.biller.id });
    const pb = postbackFields(ctx.attempt, { PaymentAmount: "61.00" });
    await applyPostback({ paymentId: ctx.attempt.id, ...pb });
    expect((await db.paymentAttempt.findUniqueOrThrow({ where: { id: ctx.attempt.id } })).status).toBe("NEEDS_REVIEW");
    const ids = (await db.outboxMessage.findMany({ where: { attemptId: ctx.attempt.id }, select: { id: true } })).map((m) => m.id);
    expect(ids).toHaveLength(2);
    await dispatchUntilSettled(ids, new Date());
    for (const to of [ctx.admin.email, admin2.email]) {
      const [alert] = await inbox.waitFor(to, { subject: /needs review/ });
      expect(alert!.text).toContain("does not match");
      expect(alert!.text).toContain("$61.00");
      expect(alert!.text).toContain("$60.00");
    }
  });

  it("settling a review tells the applicant (confirmed, or not applied) and the permit system", async () => {
    for (const resolution of ["mark_paid", "release"] as const) {
      const ctx = await arrange([6000]);
      await withEndpoint(ctx.biller.id, ctx.admin.id);
      await applyPostback({ paymentId: ctx.attempt.id, ...postbackFields(ctx.attempt, { PaymentAmount: "61.00" }) });
      await resolveReview({
        billerId: ctx.biller.id,
        attemptId: ctx.attempt.id,
        actorId: ctx.admin.id,
        resolution,
        note: "Checked in Invoice Cloud",
      });
      const rows = await db.outboxMessage.findMany({
        where: { attemptId: ctx.attempt.id },
        orderBy: [{ createdAt: "asc" }, { eventType: "asc" }, { channel: "asc" }],
      });
      const expected =
        resolution === "mark_paid"
          ? [
              ["payment.needs_review", "EMAIL"],
              ["payment.needs_review", "WEBHOOK"],
              ["payment.paid", "WEBHOOK"],
              ["payment.review_settled", "EMAIL"],
              ["payment.review_settled", "WEBHOOK"],
            ]
          : [
              ["payment.needs_review", "EMAIL"],
              ["payment.needs_review", "WEBHOOK"],
              ["payment.review_settled", "EMAIL"],
              ["payment.review_settled", "WEBHOOK"],
            ];
      expect(rows.map((r) => [r.eventType, r.channel])).toEqual(expected);
      await dispatchUntilSettled(
        rows.map((r) => r.id),
        new Date(),
      );
      const [notice] = await inbox.waitFor(ctx.applicant.email, {
        subject: resolution === "mark_paid" ? /is confirmed/ : /was not applied/,
      });
      expect(notice!.text).toContain(ctx.invoices[0]!.invoiceNumber);
      const settled = receiver.received.find((r) => r.body.includes(ctx.attempt.id) && r.body.includes("payment.review_settled"));
      expect(JSON.parse(settled!.body)).toMatchObject({ data: { outcome: resolution === "mark_paid" ? "marked_paid" : "released" } });
    }
  });

  it("a message that keeps failing past its window is DEAD, and listed for platform admins", async () => {
    const ctx = await arrange([1500]);
    await saveWebhookEndpoint({
      billerId: ctx.biller.id,
      actorId: ctx.admin.id,
      input: { url: "http://127.0.0.1:9/closed", events: ["payment.paid"], enabled: true },
    });
    await applyPostback({ paymentId: ctx.attempt.id, ...postbackFields(ctx.attempt) });
    const hook = await db.outboxMessage.findFirstOrThrow({ where: { attemptId: ctx.attempt.id, channel: "WEBHOOK" } });
    const late = new Date(hook.retryUntil.getTime() - 1000); // the next retry would fall after the window
    await dispatchUntilSettled([hook.id], late);
    const dead = await db.outboxMessage.findUniqueOrThrow({ where: { id: hook.id }, include: { deliveries: true } });
    expect(dead).toMatchObject({ status: "DEAD", tries: 1 });
    expect(dead.deliveries[0]).toMatchObject({ ok: false, statusCode: null });
    expect(dead.deliveries[0]!.responseExcerpt).toMatch(/Could not connect/);
    expect((await listDeadMessages()).find((m) => m.id === hook.id)).toMatchObject({
      biller: { name: ctx.biller.name },
      eventType: "payment.paid",
    });
  });
});
