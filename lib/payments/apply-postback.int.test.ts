// Every postback verdict, on PGlite and on PostgreSQL.
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { arrangeAttempt, arrangeConfiguredBiller, arrangeInvoices, postbackFields } from "@/test/payment-fixtures";
import { applyPostback } from "./apply-postback";

const kind = process.env.TEST_DB_KIND;

describe.skipIf(kind === "none")(`applyPostback (${kind})`, () => {
  let ctx: Awaited<ReturnType<typeof arrange>>;
  async function arrange(opts: { billerGuid?: string | null } = {}) {
    const biller = await arrangeConfiguredBiller(db, opts);
    const { applicant, invoices } = await arrangeInvoices(db, biller.id, [6000, 125000]);
    const attempt = await arrangeAttempt(db, { billerId: biller.id, applicantId: applicant.id, invoices });
    return { biller, applicant, invoices, attempt };
  }
  const invoicesOf = () =>
    db.invoice.findMany({ where: { id: { in: ctx.invoices.map((i) => i.id) } }, orderBy: { amountDueCents: "asc" } });
  const attemptNow = () => db.paymentAttempt.findUniqueOrThrow({ where: { id: ctx.attempt.id } });
  const apply = (over: Record<string, string> = {}, paymentId = ctx.attempt.id) =>
    applyPostback({ paymentId, ...postbackFields(ctx.attempt, over) });

  beforeEach(async () => {
    ctx = await arrange();
  });

  it("approved and verified: the attempt and every invoice become PAID in one go", async () => {
    const { raw } = postbackFields(ctx.attempt);
    expect(await applyPostback({ paymentId: ctx.attempt.id, fields: raw as never, raw })).toEqual({ outcome: "paid" });
    const attempt = await attemptNow();
    expect(attempt).toMatchObject({ status: "PAID", paymentGuid: raw.PaymentGUID, paidAmountCents: 131000, convenienceFeeCents: 0 });
    const invoices = await invoicesOf();
    expect(invoices.map((i) => [i.status, i.paidAmountCents, i.paymentGuid, i.openAttemptId])).toEqual([
      ["PAID", 6000, raw.PaymentGUID, null],
      ["PAID", 125000, raw.PaymentGUID, null],
    ]);
    expect(await db.auditEvent.count({ where: { attemptId: ctx.attempt.id, type: "payment.paid" } })).toBe(1);
    expect(await db.postbackReceipt.count({ where: { attemptId: ctx.attempt.id, verdict: "paid" } })).toBe(1);
  });

  it("a repeat is a no-op that still succeeds", async () => {
    const pb = postbackFields(ctx.attempt);
    await applyPostback({ paymentId: ctx.attempt.id, ...pb });
    const before = await invoicesOf();
    expect(await applyPostback({ paymentId: ctx.attempt.id, ...pb })).toMatchObject({ outcome: "duplicate" });
    expect(await invoicesOf()).toEqual(before);
  });

  it("identical postbacks arriving together: exactly one applies", async () => {
    const pb = postbackFields(ctx.attempt);
    const results = await Promise.all(Array.from({ length: 6 }, () => applyPostback({ paymentId: ctx.attempt.id, ...pb })));
    expect(results.filter((r) => r.outcome === "paid")).toHaveLength(1);
    expect(results.filter((r) => r.outcome === "duplicate")).toHaveLength(5);
    expect(await db.auditEvent.count({ where: { attemptId: ctx.attempt.id, type: "payment.paid" } })).toBe(1);
  });

  it("declined: the attempt closes as DECLINED and the invoices can be paid again", async () => {
    expect(await apply({ Approved: "False", PaymentMessage: "Your card was declined" })).toEqual({ outcome: "declined" });
    expect(await attemptNow()).toMatchObject({ status: "DECLINED", failureReason: "Your card was declined" });
    expect((await invoicesOf()).map((i) => [i.status, i.openAttemptId])).toEqual([
      ["UNPAID", null],
      ["UNPAID", null],
    ]);
  });

  it("an older decline arriving after the approval never undoes it", async () => {
    await apply();
    expect((await apply({ Approved: "False" })).outcome).toBe("ignored");
    expect((await attemptNow()).status).toBe("PAID");
    expect((await invoicesOf()).every((i) => i.status === "PAID")).toBe(true);
  });

  it("an approval arriving after a decline still records the money taken", async () => {
    await apply({ Approved: "False" });
    expect((await apply()).outcome).toBe("paid");
    expect((await attemptNow()).status).toBe("PAID");
  });

  it("a late approval closes a newer open session for the same invoices; that session's own approval is then flagged", async () => {
    await apply({ Approved: "False" }); // A is declined, its hold released
    const newer = await arrangeAttempt(db, { billerId: ctx.biller.id, applicantId: ctx.applicant.id, invoices: ctx.invoices });
    expect((await apply()).outcome).toBe("paid"); // A's late approval
    const b = await db.paymentAttempt.findUniqueOrThrow({ where: { id: newer.id } });
    expect(b).toMatchObject({ status: "EXPIRED", closeReason: "SUPERSEDED" });
    const second = await applyPostback({ paymentId: newer.id, ...postbackFields(newer) });
    expect(second.outcome).toBe("needs_review");
    expect(await db.paymentAttempt.findUniqueOrThrow({ where: { id: newer.id } })).toMatchObject({
      status: "NEEDS_REVIEW",
      reviewKind: "CHARGED_TWICE",
      reviewReason: expect.stringMatching(/already paid/),
      reviewAmountCents: 131000,
    });
  });

  it("a wrong BillerReference is rejected and leaves the attempt open for the real postback", async () => {
    expect((await apply({ BillerReference: "f".repeat(64) })).outcome).toBe("rejected");
    expect((await attemptNow()).status).toBe("REDIRECTED");
    expect((await invoicesOf()).every((i) => i.status === "UNPAID")).toBe(true);
    expect(await db.auditEvent.count({ where: { attemptId: ctx.attempt.id, type: "postback.rejected" } })).toBe(1);
    expect((await apply()).outcome).toBe("paid");
  });

  it.each([
    ["a wrong BillerGUID", { BillerGUID: "0b8e7d6c-5a4f-4e3d-9c2b-1a0f9e8d7c6b" }, /BillerGUID/],
    ["a wrong amount", { PaymentAmount: "1311.00" }, /does not equal the amount owed \(1310.00\)/],
    ["an underpayment", { PaymentAmount: "0.01" }, /0.01/],
  ])("%s flags the attempt for review and changes no invoice", async (_name, over, reason) => {
    expect((await apply(over)).outcome).toBe("needs_review");
    const attempt = await attemptNow();
    expect(attempt.status).toBe("NEEDS_REVIEW");
    expect(attempt.reviewReason).toMatch(reason);
    expect((await invoicesOf()).every((i) => i.status === "UNPAID")).toBe(true);
    expect(await db.auditEvent.count({ where: { attemptId: ctx.attempt.id, type: "postback.needs_review" } })).toBe(1);
  });

  it("the same flagged notice again (Invoice Cloud's retry) is acknowledged once, not flagged twice", async () => {
    const pb = postbackFields(ctx.attempt, { PaymentAmount: "1311.00" });
    expect((await applyPostback({ paymentId: ctx.attempt.id, ...pb })).outcome).toBe("needs_review");
    expect((await applyPostback({ paymentId: ctx.attempt.id, ...pb })).outcome).toBe("duplicate");
    expect(await db.auditEvent.count({ where: { attemptId: ctx.attempt.id, type: "postback.needs_review" } })).toBe(1);
  });

  it("a convenience fee on top of the exact amount is accepted", async () => {
    expect((await apply({ PaymentAmount: "1312.50", ConvenienceFee: "2.50" })).outcome).toBe("paid");
    expect(await attemptNow()).toMatchObject({ paidAmountCents: 131250, convenienceFeeCents: 250 });
  });

  it("a second approved payment for a paid attempt is flagged, and the attempt stays PAID", async () => {
    await apply();
    expect((await apply()).outcome).toBe("needs_review"); // a new PaymentGUID each time
    const attempt = await attemptNow();
    expect(attempt.status).toBe("PAID");
    expect(attempt.reviewReason).toMatch(/second approved payment/);
  });

  it("an unknown payment-id is recorded and changes nothing", async () => {
    const id = "00000000-0000-4000-8000-000000000001";
    expect((await apply({}, id)).outcome).toBe("unknown");
    expect(await db.postbackReceipt.count({ where: { paymentId: id, verdict: "unknown" } })).toBe(1);
  });

  it("skips the GUID check when the biller configured no BillerGUID", async () => {
    ctx = await arrange({ billerGuid: null });
    expect((await apply({ BillerGUID: "anything" })).outcome).toBe("paid");
  });
});
