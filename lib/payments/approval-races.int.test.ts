// Races on the postback's one-statement approval (performApproval), on PGlite and PostgreSQL:
// two approvals of two attempts sharing an invoice, and an approval racing the expiry job or
// "start again" on the newer session that holds the invoice. Each case is repeated: the bad
// interleavings are short windows.
import { randomUUID } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { generateBillerReference } from "@/lib/identifiers";
import { arrangeAttempt, arrangeConfiguredBiller, arrangeInvoices, postbackFields } from "@/test/payment-fixtures";
import { abandonAttempt } from "./abandon-attempt";
import { applyPostback } from "./apply-postback";
import { performTransition } from "./perform-transition";

const kind = process.env.TEST_DB_KIND;
// PGlite runs one transaction at a time (no interleaving to find): a few rounds check the outcome.
const ROUNDS = kind === "postgres" ? 15 : 3;

describe.skipIf(kind === "none")(`approval races (${kind})`, { timeout: 120_000 }, () => {
  /** A (declined, its hold released: a late approval may still come) and B (newer, REDIRECTED, holding the invoices). */
  async function arrange(amounts = [6000, 7000]) {
    const biller = await arrangeConfiguredBiller(db);
    const { applicant, invoices } = await arrangeInvoices(db, biller.id, amounts);
    const a = await arrangeAttempt(db, { billerId: biller.id, applicantId: applicant.id, invoices });
    expect((await applyPostback({ paymentId: a.id, ...postbackFields(a, { Approved: "False" }) })).outcome).toBe("declined");
    const b = await arrangeAttempt(db, { billerId: biller.id, applicantId: applicant.id, invoices });
    return { biller, applicant, invoices, a, b };
  }
  const invoicesOf = (ids: string[]) => db.invoice.findMany({ where: { id: { in: ids } }, orderBy: { id: "asc" } });

  it("two approvals of two attempts sharing the invoices: one pays, the other is a charged-twice review", async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const ctx = await arrange();
      const results = await Promise.allSettled([
        applyPostback({ paymentId: ctx.a.id, ...postbackFields(ctx.a) }),
        applyPostback({ paymentId: ctx.b.id, ...postbackFields(ctx.b) }),
      ]);
      const errors = results.filter((r) => r.status === "rejected").map((r) => String((r as PromiseRejectedResult).reason));
      expect(errors, `round ${round}`).toEqual([]);
      const outcomes = results.map((r) => (r as PromiseFulfilledResult<{ outcome: string }>).value.outcome).sort();
      expect(outcomes, `round ${round}: ${JSON.stringify(results)}`).toEqual(["needs_review", "paid"]);
      const attempts = await db.paymentAttempt.findMany({ where: { id: { in: [ctx.a.id, ctx.b.id] } } });
      const winner = attempts.find((x) => x.status === "PAID")!;
      const loser = attempts.find((x) => x.id !== winner.id)!;
      expect(loser, `round ${round}`).toMatchObject({ status: "NEEDS_REVIEW", reviewKind: "CHARGED_TWICE" });
      const invoices = await invoicesOf(ctx.invoices.map((i) => i.id));
      expect(invoices.map((i) => [i.status, i.paidAttemptId, i.openAttemptId])).toEqual(invoices.map(() => ["PAID", winner.id, null]));
      expect(await db.auditEvent.count({ where: { attemptId: { in: [ctx.a.id, ctx.b.id] }, type: "payment.paid" } })).toBe(1);
    }
  });

  it.each([
    // The expiry job's change for one attempt (the job itself would also expire other files' attempts).
    [
      "the expiry job",
      (ctx: Awaited<ReturnType<typeof arrange>>) =>
        db.$transaction((tx) =>
          performTransition(tx, {
            attemptId: ctx.b.id,
            billerId: ctx.biller.id,
            from: "REDIRECTED",
            event: "expired",
            actor: "reconciliation",
            now: new Date(),
            set: { closeReason: "NO_POSTBACK" },
          }),
        ),
    ],
    ["start again", (ctx: Awaited<ReturnType<typeof arrange>>) => abandonAttempt({ applicantId: ctx.applicant.id, paymentId: ctx.b.id })],
  ])("a late approval racing %s on the newer session: no error, the invoices PAID by the late one", async (_name, close) => {
    for (let round = 0; round < ROUNDS; round++) {
      const ctx = await arrange();
      const results = await Promise.allSettled([applyPostback({ paymentId: ctx.a.id, ...postbackFields(ctx.a) }), close(ctx)]);
      const errors = results
        .filter((r) => r.status === "rejected")
        .map((r) => String((r as PromiseRejectedResult).reason))
        // "Start again" after the approval superseded the session is refused to the applicant, as designed.
        .filter((e) => !e.includes("portal.errors.cannotRestart") && !e.includes("portal.errors.justReported"));
      expect(errors, `round ${round}`).toEqual([]);
      expect((await db.paymentAttempt.findUniqueOrThrow({ where: { id: ctx.a.id } })).status).toBe("PAID");
      expect((await db.paymentAttempt.findUniqueOrThrow({ where: { id: ctx.b.id } })).status).toBe("EXPIRED");
      const invoices = await invoicesOf(ctx.invoices.map((i) => i.id));
      expect(invoices.map((i) => [i.status, i.paidAttemptId, i.openAttemptId])).toEqual(invoices.map(() => ["PAID", ctx.a.id, null]));
    }
  });

  it("a late approval while PAY ONLINE is taking the same invoices: the new session is superseded, not left open", async () => {
    const ctx = await arrange();
    await db.$transaction((tx) =>
      performTransition(tx, {
        attemptId: ctx.b.id,
        billerId: ctx.biller.id,
        from: "REDIRECTED",
        event: "abandoned",
        actor: "applicant",
        now: new Date(),
        set: { closeReason: "ABANDONED_BY_APPLICANT" },
      }),
    );
    // PAY ONLINE's claim (claim-invoices.ts): a new attempt and the invoices taken, committed only
    // once the approval's statement has started (so its snapshot cannot see the new attempt).
    const c = randomUUID();
    let claimed!: () => void;
    const taken = new Promise<void>((resolve) => (claimed = resolve));
    const claim = db.$transaction(
      async (tx) => {
        await tx.paymentAttempt.create({
          data: {
            id: c,
            billerId: ctx.biller.id,
            applicantId: ctx.applicant.id,
            billerReference: generateBillerReference(),
            status: "REDIRECTED",
            totalCents: ctx.a.totalCents,
            expiresAt: new Date(Date.now() + 90 * 60_000),
            invoices: { create: ctx.invoices.map((i) => ({ invoiceId: i.id, amountCents: i.amountDueCents })) },
          },
        });
        const { count } = await tx.invoice.updateMany({
          where: { id: { in: ctx.invoices.map((i) => i.id) }, status: "UNPAID", openAttemptId: null },
          data: { openAttemptId: c },
        });
        expect(count).toBe(ctx.invoices.length);
        claimed();
        await sleep(kind === "postgres" ? 1500 : 0);
      },
      { timeout: 10_000 },
    );
    await taken;
    const approval = applyPostback({ paymentId: ctx.a.id, ...postbackFields(ctx.a) });
    await claim;
    expect(await approval).toEqual({ outcome: "paid" });
    const invoices = await invoicesOf(ctx.invoices.map((i) => i.id));
    expect(invoices.map((i) => [i.status, i.paidAttemptId, i.openAttemptId])).toEqual(invoices.map(() => ["PAID", ctx.a.id, null]));
    expect(await db.paymentAttempt.findUniqueOrThrow({ where: { id: c } })).toMatchObject({ status: "EXPIRED", closeReason: "SUPERSEDED" });
  });
});
