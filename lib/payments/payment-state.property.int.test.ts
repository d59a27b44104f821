// Random sequences of everything that can happen to a few invoices, against the real database and
// the real PAY ONLINE path (the sandbox opens the sessions): presses, returns, approvals and
// declines (duplicated, reordered, late), forgeries, expiry ticks, "start again" and admin
// settlements. After every step the invariants of the payment-integrity issue must hold.
import fc from "fast-check";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { UserFacingError } from "@/lib/errors";
import { cancelInvoice } from "@/lib/invoices/cancel-invoice";
import { InvoiceConflictError } from "@/lib/invoices/invoice-errors";
import { createUser } from "@/prisma/factories";
import { arrangeConfiguredBiller, arrangeInvoices, flipTokenCharacter, postbackFields } from "@/test/payment-fixtures";
import { abandonAttempt } from "./abandon-attempt";
import { postbackTokenFor } from "./authenticate-postback";
import { expireStaleAttempts } from "./expire-stale-attempts";
import { receivePostback } from "./receive-postback";
import { recordReturn } from "./record-return";
import { resolveReview } from "./resolve-review";
import { startPayment } from "./start-payment";
import { holdEndsAt } from "./transitions";

const kind = process.env.TEST_DB_KIND;
// At least 500 sequences in CI; fewer by default on a developer machine (PROPERTY_RUNS overrides).
const RUNS = Number(process.env.PROPERTY_RUNS ?? (process.env.CI === "true" ? 500 : 100));
const HOUR = 3600_000;
const GRACE = 24 * HOUR;

type Action =
  | { t: "pay"; mask: number }
  | { t: "return"; k: number }
  | { t: "approve"; k: number; second: boolean }
  | { t: "decline"; k: number }
  | { t: "mismatch"; k: number }
  | { t: "forge"; k: number; how: "no_token" | "bad_token" | "other_token" }
  | { t: "tick"; minutes: number }
  | { t: "abandon"; k: number }
  | { t: "settle"; k: number; resolution: "mark_paid" | "release" | "dismiss" }
  | { t: "cancel"; i: number };

const k = fc.nat({ max: 3 });
const action: fc.Arbitrary<Action> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ t: fc.constant("pay" as const), mask: fc.integer({ min: 1, max: 7 }) }) },
  { weight: 2, arbitrary: fc.record({ t: fc.constant("return" as const), k }) },
  { weight: 4, arbitrary: fc.record({ t: fc.constant("approve" as const), k, second: fc.nat({ max: 4 }).map((n) => n === 0) }) },
  { weight: 2, arbitrary: fc.record({ t: fc.constant("decline" as const), k }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant("mismatch" as const), k }) },
  {
    weight: 2,
    arbitrary: fc.record({
      t: fc.constant("forge" as const),
      k,
      how: fc.constantFrom("no_token" as const, "bad_token" as const, "other_token" as const),
    }),
  },
  { weight: 2, arbitrary: fc.record({ t: fc.constant("tick" as const), minutes: fc.constantFrom(1, 30, 120, 26 * 60) }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant("abandon" as const), k }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant("cancel" as const), i: fc.nat({ max: 2 }) }) },
  {
    weight: 1,
    arbitrary: fc.record({
      t: fc.constant("settle" as const),
      k,
      resolution: fc.constantFrom("mark_paid" as const, "release" as const, "dismiss" as const),
    }),
  },
);

const stats = { sequences: 0, steps: 0, paid: 0, forged: 0, reviews: 0 };
const timing: Record<string, number> = {};

async function state(invoiceIds: string[]) {
  const [invoices, attempts] = await Promise.all([
    db.invoice.findMany({ where: { id: { in: invoiceIds } }, orderBy: { id: "asc" } }),
    db.paymentAttempt.findMany({
      where: { invoices: { some: { invoiceId: { in: invoiceIds } } } },
      orderBy: { id: "asc" },
      include: { invoices: true },
    }),
  ]);
  return { invoices, attempts };
}

async function snapshot(invoiceIds: string[]) {
  const { invoices, attempts } = await state(invoiceIds);
  const ids = attempts.map((a) => a.id);
  const receipts = await db.postbackReceipt.count({ where: { attemptId: { in: ids } } });
  const audits = await db.auditEvent.count({ where: { attemptId: { in: ids } } });
  return { invoices, attempts, receipts, audits };
}

async function checkInvariants(invoiceIds: string[], now: Date, context: string) {
  const { invoices, attempts } = await state(invoiceIds);
  const paidAttempts = attempts.filter((a) => a.status === "PAID");
  for (const invoice of invoices) {
    const covering = paidAttempts.filter((a) => a.invoices.some((l) => l.invoiceId === invoice.id));
    // PAID if and only if a PAID attempt (a verified approval, or an admin's settlement) covers it.
    expect(invoice.status === "PAID", `${context}: invoice PAID iff covered`).toBe(covering.length > 0);
    if (invoice.status === "PAID")
      expect(
        covering.map((a) => a.id),
        context,
      ).toContain(invoice.paidAttemptId);
    // Never two PAID attempts for one invoice (a second charge is a review item instead).
    expect(covering.length, `${context}: covered twice`).toBeLessThanOrEqual(1);
    // Never two live Invoice Cloud sessions for one invoice.
    const live = attempts.filter(
      (a) =>
        (a.status === "CREATED" || a.status === "REDIRECTED") &&
        a.invoices.some((l) => l.invoiceId === invoice.id) &&
        holdEndsAt(a, GRACE) > now,
    );
    expect(live.length, `${context}: two live sessions`).toBeLessThanOrEqual(1);
  }
  // The amounts recorded as paid equal the approvals (and settlements) applied.
  const recorded = invoices.filter((i) => i.status === "PAID").reduce((s, i) => s + (i.paidAmountCents ?? 0), 0);
  expect(recorded, `${context}: paid amounts`).toBe(paidAttempts.reduce((s, a) => s + a.totalCents, 0));
  if (paidAttempts.length === 0) return;
  const applied = await db.auditEvent.count({
    where: {
      attemptId: { in: paidAttempts.map((a) => a.id) },
      OR: [{ type: "payment.paid" }, { type: "payment.review_resolved", data: { path: ["resolution"], equals: "mark_paid" } }],
    },
  });
  expect(applied, `${context}: one applied approval or settlement per PAID attempt`).toBe(paidAttempts.length);
}

describe.skipIf(kind === "none")(`payment state under random event sequences (${kind})`, () => {
  let billerId: string;
  let adminId: string;
  beforeAll(async () => {
    const biller = await arrangeConfiguredBiller(db, { maxOnlineAmountCents: null });
    billerId = biller.id;
    adminId = (await createUser(db, { role: "BILLER_ADMIN", billerId })).id;
  });
  afterAll(() => {
    console.log(
      `payment-state property (${kind}): ${stats.sequences} sequences, ${stats.steps} steps; ` +
        `${stats.paid} approvals applied, ${stats.forged} forgeries refused, ${stats.reviews} review items opened`,
      JSON.stringify(Object.fromEntries(Object.entries(timing).map(([k, v]) => [k, Math.round(v)]))),
    );
  });

  it(`holds the invariants after every step (${RUNS} sequences)`, { timeout: 900_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(action, { minLength: 1, maxLength: 10 }), async (actions) => {
        stats.sequences += 1;
        const { applicant, invoices } = await arrangeInvoices(db, billerId, [6000, 12500, 30000]);
        const invoiceIds = invoices.map((i) => i.id);
        const attempts: { id: string; guid: string }[] = [];
        let now = new Date(Date.now() + 1000);
        const pick = (i: number) => (attempts.length ? attempts[i % attempts.length]! : null);
        const notice = async (id: string, over: Record<string, string>, token: string | null = postbackTokenFor(id)) => {
          const a = await db.paymentAttempt.findUniqueOrThrow({ where: { id } });
          const url = `http://localhost/api/command/payment/icop-postback?payment-id=${id}${token ? `&pp-token=${encodeURIComponent(token)}` : ""}`;
          const body = new URLSearchParams(postbackFields(a, over).raw);
          return receivePostback(
            new Request(url, { method: "POST", body, headers: { "content-type": "application/x-www-form-urlencoded" } }),
          );
        };
        for (const [step, act] of actions.entries()) {
          stats.steps += 1;
          const context = `step ${step} ${JSON.stringify(act)}`;
          const target = "k" in act ? pick(act.k) : null;
          const t0 = performance.now();
          try {
            switch (act.t) {
              case "pay": {
                const ids = invoiceIds.filter((_, i) => act.mask & (1 << i));
                const r = await startPayment({ applicantId: applicant.id, invoiceIds: ids, now });
                if (!attempts.some((a) => a.id === r.paymentId)) attempts.push({ id: r.paymentId, guid: randomUUID() });
                break;
              }
              case "return":
                if (target) await recordReturn({ paymentId: target.id, now });
                break;
              case "approve":
                if (target) {
                  const guid = act.second ? randomUUID() : target.guid;
                  const res = await notice(target.id, { PaymentGUID: guid });
                  // A verified approval is never lost: applied, already applied, or a review item that holds it.
                  const outcome = (res.body as { outcome: string }).outcome;
                  expect(["paid", "duplicate", "needs_review"], context).toContain(outcome);
                  if (outcome !== "duplicate") {
                    const a = await db.paymentAttempt.findUniqueOrThrow({ where: { id: target.id } });
                    const held = a.paymentGuid === guid || a.reviewPaymentGuid === guid || (a.reviewReason ?? "").includes(guid);
                    expect(held, `${context}: approval ${guid} is recorded on its attempt`).toBe(true);
                  }
                  if ((res.body as { outcome: string }).outcome === "paid") stats.paid += 1;
                }
                break;
              case "decline":
                if (target)
                  await notice(target.id, { Approved: "False", PaymentAmount: "0.00", PaymentGUID: `${target.guid.slice(0, -4)}dec0` });
                break;
              case "mismatch":
                if (target) {
                  const res = await notice(target.id, { PaymentAmount: "0.01", PaymentGUID: randomUUID() });
                  if ((res.body as { outcome: string }).outcome === "needs_review") stats.reviews += 1;
                }
                break;
              case "forge":
                if (target) {
                  const before = await snapshot(invoiceIds);
                  const token =
                    act.how === "no_token"
                      ? null
                      : act.how === "other_token"
                        ? postbackTokenFor(randomUUID())
                        : flipTokenCharacter(postbackTokenFor(target.id));
                  const res = await notice(target.id, { PaymentGUID: randomUUID() }, token);
                  expect(res.status, context).toBe(403);
                  expect(await snapshot(invoiceIds), `${context}: a forgery changed something`).toEqual(before);
                  stats.forged += 1;
                }
                break;
              case "tick":
                now = new Date(now.getTime() + act.minutes * 60_000);
                await expireStaleAttempts({ db, now, returnGraceMs: GRACE });
                break;
              case "abandon":
                if (target) await abandonAttempt({ applicantId: applicant.id, paymentId: target.id, now });
                break;
              case "cancel":
                await cancelInvoice({ billerId, invoiceNumber: invoices[act.i]!.invoiceNumber, actor: { via: "form", userId: adminId } });
                break;
              case "settle":
                if (target) {
                  await resolveReview({
                    billerId,
                    attemptId: target.id,
                    actorId: adminId,
                    resolution: act.resolution,
                    note: "property test",
                    now,
                  });
                }
                break;
            }
          } catch (error) {
            // A refusal the applicant or admin would read is a valid outcome; anything else is a bug.
            if (!(error instanceof UserFacingError) && !(error instanceof InvoiceConflictError)) throw error;
          }
          timing[act.t] = (timing[act.t] ?? 0) + performance.now() - t0;
          const t1 = performance.now();
          await checkInvariants(invoiceIds, now, context);
          timing.check = (timing.check ?? 0) + performance.now() - t1;
        }
      }),
      { numRuns: RUNS, endOnFailure: true },
    );
    expect(stats.paid).toBeGreaterThan(0);
    expect(stats.forged).toBeGreaterThan(0);
  });
});
