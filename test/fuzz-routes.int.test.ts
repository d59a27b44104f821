// Hostile input to the route handlers that face the outside world (Invoice Cloud's postback and
// return, the Invoices API): malformed, oversized, wrong-type, wrong-encoding and injection-shaped.
// Every answer must be below 500, and a refused request must change nothing. Handlers are called
// in-process with real Request objects, on the real database.
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createApiCredential } from "@/lib/api-credentials/create-api-credential";
import { postbackTokenFor } from "@/lib/payments/authenticate-postback";
import { createUser } from "@/prisma/factories";
import { arrangeAttempt, arrangeConfiguredBiller, arrangeInvoices } from "@/test/payment-fixtures";
import * as cancelRoute from "@/app/api/v1/invoices/[invoiceNumber]/cancel/route";
import * as invoiceRoute from "@/app/api/v1/invoices/[invoiceNumber]/route";
import * as invoicesRoute from "@/app/api/v1/invoices/route";
import * as paymentsRoute from "@/app/api/v1/payments/route";
import * as postbackRoute from "@/app/api/command/payment/icop-postback/route";
import * as returnRoute from "@/app/api/command/payment/icop-return/route";

const kind = process.env.TEST_DB_KIND;
const RUNS = Number(process.env.FUZZ_RUNS ?? (process.env.CI === "true" ? 300 : 100));
const counts: Record<string, number> = {};
let serverErrors = 0;
/** encodeURIComponent refuses lone surrogates: a URL can only carry well-formed text. */
const enc = (s: string) => encodeURIComponent(s.replace(/[\uD800-\uDFFF]/g, "\uFFFD"));

// Strings an attacker would try: injections, control characters, broken encodings, huge values.
const hostile = fc.oneof(
  fc.string(),
  fc.string({ unit: "grapheme", maxLength: 50 }),
  fc.constantFrom(
    "' OR 1=1 --",
    '"; DROP TABLE "Invoice"; --',
    "<script>alert(1)</script>",
    '=HYPERLINK("http://evil")',
    "../../etc/passwd",
    "%00",
    "\u0000",
    "\uD800",
    "%E0%A4%A",
    "NaN",
    "-1",
    "1e309",
    "True",
    "{}",
    "[]",
    "null",
  ),
  fc.nat({ max: 70_000 }).map((n) => "x".repeat(n)),
);
const jsonish = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.dictionary(
    fc.constantFrom("permitNumber", "amountCents", "applicant", "dueDate", "externalReference", "description"),
    fc.jsonValue({ maxDepth: 2 }),
  ),
);

/** What a refused request must not change: this test's biller's rows only (other files share the database). */
async function state(billerId: string, paymentId?: string) {
  const [invoices, attempts, receipts, invoiceCount] = await Promise.all([
    db.invoice.findMany({
      where: { billerId },
      orderBy: { id: "asc" },
      select: { id: true, status: true, openAttemptId: true, updatedAt: true },
    }),
    db.paymentAttempt.findMany({
      where: { billerId },
      orderBy: { id: "asc" },
      select: { id: true, status: true, reviewKind: true, returnedAt: true },
    }),
    // Receipts are keyed by payment-id; one that is not text PostgreSQL can store (a NUL) has none.
    paymentId && !paymentId.includes("\u0000") ? db.postbackReceipt.count({ where: { paymentId } }) : Promise.resolve(0),
    db.invoice.count({ where: { billerId } }),
  ]);
  return { invoices, attempts, receipts, invoiceCount };
}

describe.skipIf(kind === "none")(`route handlers under hostile input (${kind})`, () => {
  let token: string;
  let billerId: string;
  let attemptId: string;
  let invoiceNumber: string;
  beforeAll(async () => {
    const biller = await arrangeConfiguredBiller(db);
    billerId = biller.id;
    const admin = await createUser(db, { role: "BILLER_ADMIN", billerId: biller.id });
    token = (await createApiCredential({ billerId: biller.id, actorId: admin.id, name: "fuzz" })).token;
    const { applicant, invoices } = await arrangeInvoices(db, biller.id, [6000]);
    attemptId = (await arrangeAttempt(db, { billerId: biller.id, applicantId: applicant.id, invoices })).id;
    invoiceNumber = invoices[0]!.invoiceNumber;
  });
  afterAll(() => {
    const total = Object.values(counts).reduce((a, b) => a + b, 0);
    console.log(`fuzz (${kind}): ${total} requests, ${serverErrors} answered 5xx: ${JSON.stringify(counts)}`);
  });

  const expectNoServerError = async (name: string, res: Response) => {
    counts[name] = (counts[name] ?? 0) + 1;
    if (res.status >= 500) serverErrors += 1;
    expect(res.status, `${name} answered ${res.status}`).toBeLessThan(500);
  };

  it("the postback route: forged or malformed postbacks get 4xx and change nothing", { timeout: 600_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          paymentId: fc.oneof(fc.constant("REAL"), fc.uuid(), hostile),
          token: fc.oneof(fc.constant(null), hostile, fc.constant("SIGNED_OTHER")),
          body: fc.dictionary(
            fc.constantFrom("Approved", "PaymentAmount", "BillerReference", "BillerGUID", "PaymentGUID", "ConvenienceFee", "junk"),
            hostile,
          ),
          contentType: fc.constantFrom(
            "application/x-www-form-urlencoded",
            "application/json",
            "text/plain",
            "multipart/form-data; boundary=x",
            "",
          ),
        }),
        async (c) => {
          const id = c.paymentId === "REAL" ? attemptId : c.paymentId;
          const t = c.token === "SIGNED_OTHER" ? postbackTokenFor(crypto.randomUUID()) : c.token;
          const url = `http://localhost/api/command/payment/icop-postback?payment-id=${enc(id)}${t === null ? "" : `&pp-token=${enc(t)}`}`;
          const seen = id.replace(/[\uD800-\uDFFF]/g, "\uFFFD"); // the payment-id as the server reads it
          const before = await state(billerId, seen);
          const res = await postbackRoute.POST(
            new Request(url, {
              method: "POST",
              body: new URLSearchParams(c.body).toString(),
              headers: c.contentType ? { "content-type": c.contentType } : {},
            }),
          );
          await expectNoServerError("postback", res);
          expect(res.status).toBe(403); // none of these carries the token for its payment-id
          expect(await state(billerId, seen)).toEqual(before);
        },
      ),
      { numRuns: RUNS },
    );
  });

  it("the return route: any payment-id redirects, never fails", { timeout: 300_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.uuid(), hostile), async (id) => {
        const res = await returnRoute.GET(new Request(`http://localhost/api/command/payment/icop-return?payment-id=${enc(id)}`));
        await expectNoServerError("return", res);
        expect(res.status).toBe(303);
      }),
      { numRuns: RUNS },
    );
  });

  it("the Invoices API: bad credentials, bodies, keys and parameters get 4xx and write nothing", { timeout: 600_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          auth: fc.oneof(
            fc.constant("REAL"),
            fc.constant(null),
            hostile.map((s) => `Bearer ${s}`),
            hostile,
          ),
          body: fc.oneof(
            jsonish.map((v) => JSON.stringify(v)),
            hostile,
          ),
          key: fc.oneof(fc.constant(null), hostile),
          number: fc.oneof(fc.constant(invoiceNumber), fc.constantFrom("\u0000", "12\u00003", "%00", "\n"), hostile),
          query: fc.dictionary(fc.constantFrom("status", "updated_since", "cursor", "limit", "since"), hostile),
          which: fc.constantFrom("create", "get", "list", "cancel", "payments"),
        }),
        async (c) => {
          const headers: Record<string, string> = { "content-type": "application/json" };
          if (c.auth === "REAL") headers.authorization = `Bearer ${token}`;
          else if (c.auth !== null) headers.authorization = c.auth.replace(/[^\t\x20-\x7e]/g, "");
          if (c.key !== null) headers["idempotency-key"] = c.key.replace(/[^\t\x20-\x7e]/g, "");
          const q = new URLSearchParams(c.query).toString();
          const before = await state(billerId);
          const params = Promise.resolve({ invoiceNumber: c.number });
          const at = (p: string) => `http://localhost/api/v1/${p}${q ? `?${q}` : ""}`;
          let res: Response;
          if (c.which === "create")
            res = await invoicesRoute.POST(new Request(at("invoices"), { method: "POST", body: c.body, headers }), {
              params: Promise.resolve({}),
            });
          else if (c.which === "list")
            res = await invoicesRoute.GET(new Request(at("invoices"), { headers }), { params: Promise.resolve({}) });
          else if (c.which === "payments")
            res = await paymentsRoute.GET(new Request(at("payments"), { headers }), { params: Promise.resolve({}) });
          else if (c.which === "get") res = await invoiceRoute.GET(new Request(at(`invoices/${enc(c.number)}`), { headers }), { params });
          else {
            // Cancel only the unknown ones: cancelling the real, held invoice must answer 409 and change nothing.
            res = await cancelRoute.POST(new Request(at(`invoices/${enc(c.number)}/cancel`), { method: "POST", headers }), {
              params,
            });
          }
          await expectNoServerError(`api ${c.which}`, res);
          if (res.status >= 400) expect(await state(billerId)).toEqual(before);
        },
      ),
      { numRuns: RUNS },
    );
  });
});
