// The Invoices API on a real database (PGlite and PostgreSQL), through its route handlers with
// real Request objects: idempotency, cancellation, keyset sync, credentials and biller isolation.
import crypto from "node:crypto";
import { describe, expect, inject, it } from "vitest";
import { GET as getInvoice } from "@/app/api/v1/invoices/[invoiceNumber]/route";
import { POST as cancel } from "@/app/api/v1/invoices/[invoiceNumber]/cancel/route";
import { GET as listInvoices, POST as createInvoice } from "@/app/api/v1/invoices/route";
import { createApiCredential } from "@/lib/api-credentials/create-api-credential";
import { revokeApiCredential } from "@/lib/api-credentials/revoke-api-credential";
import { db } from "@/lib/db";
import { createBiller, createUser } from "@/prisma/factories";
import { mailDevInbox } from "./maildev-inbox";
import { createLimiter } from "@/lib/rate-limit/create-limiter";
import { consumeApiRequest } from "@/lib/api/rate-limit";

const kind = process.env.TEST_DB_KIND;
const BASE = "http://permitpay.test";
const noParams = { params: Promise.resolve({}) };
const numberParam = (invoiceNumber: string) => ({ params: Promise.resolve({ invoiceNumber }) });

async function arrangeBiller() {
  const biller = await createBiller(db);
  const admin = await createUser(db, { role: "BILLER_ADMIN", billerId: biller.id });
  const { token, credential } = await createApiCredential({ billerId: biller.id, actorId: admin.id, name: "Permit system" });
  return { biller, admin, token, credential };
}

function body(overrides: Record<string, unknown> = {}) {
  const ref = crypto.randomBytes(5).toString("hex");
  return {
    externalReference: `CP-${ref}`,
    permit: { number: `BP-${ref}`, description: "Deck addition" },
    applicant: {
      email: `resident-${ref}@example.test`,
      name: "Riley Resident",
      address: { line1: "1 Main St", city: "Mississauga", state: "ON", postalCode: "L5B 1M2" },
    },
    description: "Building permit fee",
    amountCents: 12_500,
    dueDate: "2026-12-31",
    ...overrides,
  };
}

function post(token: string, payload: unknown, key?: string) {
  return createInvoice(
    new Request(`${BASE}/api/v1/invoices`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json", ...(key ? { "idempotency-key": key } : {}) },
      body: JSON.stringify(payload),
    }),
    noParams,
  );
}

const get = (token: string, invoiceNumber: string) =>
  getInvoice(
    new Request(`${BASE}/api/v1/invoices/${invoiceNumber}`, { headers: { authorization: `Bearer ${token}` } }),
    numberParam(invoiceNumber),
  );
const cancelReq = (token: string, invoiceNumber: string) =>
  cancel(
    new Request(`${BASE}/api/v1/invoices/${invoiceNumber}/cancel`, { method: "POST", headers: { authorization: `Bearer ${token}` } }),
    numberParam(invoiceNumber),
  );
const list = (token: string, query: string) =>
  listInvoices(new Request(`${BASE}/api/v1/invoices?${query}`, { headers: { authorization: `Bearer ${token}` } }), noParams);

type InvoiceJson = { invoiceNumber: string; status: string; externalReference: string };

describe.skipIf(kind === "none")(`Invoices API (${kind})`, () => {
  it("creates an invoice, its permit and a new applicant without a password, audited", async () => {
    const { biller, token, credential } = await arrangeBiller();
    const payload = body();
    const res = await post(token, payload);
    expect(res.status).toBe(201);
    const created = (await res.json()) as InvoiceJson & { amountCents: number };
    expect(created).toMatchObject({ status: "UNPAID", amountCents: 12_500, externalReference: payload.externalReference });
    const applicant = await db.user.findUniqueOrThrow({ where: { email: payload.applicant.email } });
    expect(applicant).toMatchObject({ role: "APPLICANT", passwordHash: null, city: "Mississauga" });
    expect(applicant.accountNumber).toMatch(/^ACCT-\d{14}$/);
    // Invited after the commit: a single-use link, and the email in MailDev.
    expect(await db.accountToken.count({ where: { userId: applicant.id, purpose: "INVITATION" } })).toBe(1);
    const [invitation] = await mailDevInbox(inject("maildevUrl")).waitFor(payload.applicant.email);
    expect(invitation?.text).toContain("Hello Riley Resident,");
    const audit = await db.auditEvent.findFirstOrThrow({ where: { billerId: biller.id, type: "invoice.created" } });
    expect(audit.data).toMatchObject({ via: "api", credentialId: credential.id, invoiceNumber: created.invoiceNumber });
    // The same external reference and details again: the same invoice, 200, nothing new.
    const again = await post(token, payload);
    expect(again.status).toBe(200);
    expect(((await again.json()) as InvoiceJson).invoiceNumber).toBe(created.invoiceNumber);
    expect(await db.invoice.count({ where: { billerId: biller.id } })).toBe(1);
    // The same reference with another amount: 409, naming the invoice.
    const conflict = await post(token, { ...payload, amountCents: 1 });
    expect(conflict.status).toBe(409);
    expect(await conflict.json()).toMatchObject({ reason: "external_reference_in_use", invoiceNumber: created.invoiceNumber });
  });

  it("an Idempotency-Key retried returns the first answer: one invoice", async () => {
    const { biller, token } = await arrangeBiller();
    const payload = body();
    const first = await post(token, payload, "key-1");
    const second = await post(token, payload, "key-1");
    expect(first.status).toBe(201);
    expect(second.status).toBe(201);
    expect(second.headers.get("idempotent-replayed")).toBe("true");
    expect(await second.json()).toEqual(await first.json());
    expect(await db.invoice.count({ where: { billerId: biller.id } })).toBe(1);
  });

  it("the same Idempotency-Key with another body is refused with 422", async () => {
    const { biller, token } = await arrangeBiller();
    expect((await post(token, body(), "key-2")).status).toBe(201);
    const res = await post(token, body(), "key-2");
    expect(res.status).toBe(422);
    expect(res.headers.get("content-type")).toBe("application/problem+json");
    expect(await res.json()).toMatchObject({ type: "/api/v1/problems/idempotency-key-reused", status: 422 });
    expect(await db.invoice.count({ where: { billerId: biller.id } })).toBe(1);
  });

  it("concurrent creates with one Idempotency-Key make one invoice, and all get its number", async () => {
    const { biller, token } = await arrangeBiller();
    const payload = body();
    const responses = await Promise.all(Array.from({ length: 6 }, () => post(token, payload, "race-key")));
    const bodies = (await Promise.all(responses.map((r) => r.json()))) as InvoiceJson[];
    // Every loser replays the winner's 201 (the external reference alone would have answered 200).
    expect(responses.map((r) => r.status)).toEqual(Array(6).fill(201));
    expect(await db.apiIdempotencyRecord.count({ where: { billerId: biller.id } })).toBe(1);
    expect(new Set(bodies.map((b) => b.invoiceNumber)).size).toBe(1);
    expect(await db.invoice.count({ where: { billerId: biller.id } })).toBe(1);
    expect(await db.user.count({ where: { email: payload.applicant.email } })).toBe(1);
  });

  it("validation errors are problem+json with each field's path", async () => {
    const { token } = await arrangeBiller();
    const res = await post(token, body({ amountCents: 12.5, dueDate: "2026-02-30", applicant: { email: "nope" } }));
    expect(res.status).toBe(422);
    const problem = (await res.json()) as { errors: { path: string; message: string }[] };
    const paths = problem.errors.map((e) => e.path);
    expect(paths).toEqual(expect.arrayContaining(["amountCents", "dueDate", "applicant.email", "applicant.name", "applicant.address"]));
    expect(problem.errors.find((e) => e.path === "dueDate")?.message).toBe("Enter a real due date like 2026-12-31");
  });

  it("cancels an unpaid invoice once; a held or paid one is refused with 409 and the reason", async () => {
    const { biller, token } = await arrangeBiller();
    const a = (await (await post(token, body())).json()) as InvoiceJson;
    const held = (await (await post(token, body())).json()) as InvoiceJson;
    const paid = (await (await post(token, body())).json()) as InvoiceJson;
    await db.invoice.update({ where: { invoiceNumber: held.invoiceNumber }, data: { openAttemptId: crypto.randomUUID() } });
    await db.invoice.update({ where: { invoiceNumber: paid.invoiceNumber }, data: { status: "PAID", paidAt: new Date() } });

    const ok = await cancelReq(token, a.invoiceNumber);
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ status: "CANCELLED" });
    expect((await cancelReq(token, a.invoiceNumber)).status).toBe(200); // already cancelled: same answer
    expect(await db.auditEvent.count({ where: { billerId: biller.id, type: "invoice.cancelled" } })).toBe(1);

    const refused = await cancelReq(token, held.invoiceNumber);
    expect(refused.status).toBe(409);
    expect(await refused.json()).toMatchObject({ reason: "payment_in_progress", invoiceNumber: held.invoiceNumber });
    expect((await db.invoice.findUniqueOrThrow({ where: { invoiceNumber: held.invoiceNumber } })).status).toBe("UNPAID");
    const paidRefused = await cancelReq(token, paid.invoiceNumber);
    expect(paidRefused.status).toBe(409);
    expect(await paidRefused.json()).toMatchObject({ reason: "invoice_paid" });
  });

  it("keyset pagination loses and repeats nothing while invoices are being created", async () => {
    const { token } = await arrangeBiller();
    const expected = new Set<string>();
    for (let i = 0; i < 12; i++) expected.add(((await (await post(token, body())).json()) as InvoiceJson).invoiceNumber);
    const seen: string[] = [];
    let cursor: string | null = null;
    for (let pageNo = 0; pageNo < 50; pageNo++) {
      const res = await list(token, `limit=5${cursor ? `&cursor=${cursor}` : ""}`);
      expect(res.status).toBe(200);
      const page = (await res.json()) as { data: InvoiceJson[]; nextCursor: string | null; hasMore: boolean };
      seen.push(...page.data.map((d) => d.invoiceNumber));
      cursor = page.nextCursor;
      // Two new invoices arrive after each of the first three pages.
      if (pageNo < 3) {
        for (let i = 0; i < 2; i++) expected.add(((await (await post(token, body())).json()) as InvoiceJson).invoiceNumber);
      } else if (!page.hasMore) break;
    }
    expect(seen.length).toBe(new Set(seen).size); // nothing twice
    expect(new Set(seen)).toEqual(expected); // nothing lost
    // The last cursor, kept, sees a later change (a cancellation) and nothing else.
    await cancelReq(token, seen[0]!);
    const later = (await (await list(token, `cursor=${cursor}`)).json()) as { data: InvoiceJson[] };
    expect(later.data.map((d) => [d.invoiceNumber, d.status])).toEqual([[seen[0], "CANCELLED"]]);
    // Filters.
    const cancelled = (await (await list(token, "status=CANCELLED")).json()) as { data: InvoiceJson[] };
    expect(cancelled.data.map((d) => d.invoiceNumber)).toEqual([seen[0]]);
    expect((await list(token, "cursor=garbage")).status).toBe(400);
    expect((await list(token, "status=LOST")).status).toBe(422);
  });

  it("a missing, wrong or revoked token is 401; another biller's invoice is 404", async () => {
    const mine = await arrangeBiller();
    const theirs = await arrangeBiller();
    const theirInvoice = (await (await post(theirs.token, body())).json()) as InvoiceJson;

    const notMine = await get(mine.token, theirInvoice.invoiceNumber);
    expect(notMine.status).toBe(404);
    expect(notMine.headers.get("content-type")).toBe("application/problem+json");
    expect((await cancelReq(mine.token, theirInvoice.invoiceNumber)).status).toBe(404);
    expect((await db.invoice.findUniqueOrThrow({ where: { invoiceNumber: theirInvoice.invoiceNumber } })).status).toBe("UNPAID");
    expect((await get(theirs.token, theirInvoice.invoiceNumber)).status).toBe(200);

    expect((await get("ppk_not-a-real-token-at-all", theirInvoice.invoiceNumber)).status).toBe(401);
    const anonymous = await getInvoice(new Request(`${BASE}/api/v1/invoices/x`), numberParam("x"));
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get("www-authenticate")).toMatch(/^Bearer/);

    await revokeApiCredential({ billerId: theirs.biller.id, actorId: theirs.admin.id, credentialId: theirs.credential.id });
    const revoked = await get(theirs.token, theirInvoice.invoiceNumber);
    expect(revoked.status).toBe(401);
    expect(await revoked.json()).toMatchObject({ status: 401, title: "Unauthorized" });
    const row = await db.apiCredential.findUniqueOrThrow({ where: { id: theirs.credential.id } });
    expect(row.lastUsedAt).toBeInstanceOf(Date);
    expect(row.tokenHash).not.toContain(theirs.token);
    expect(
      await db.auditEvent.count({
        where: { billerId: theirs.biller.id, type: { in: ["api_credential.created", "api_credential.revoked"] } },
      }),
    ).toBe(2);
  });

  it("counts requests per credential in the database and says how long to wait", async () => {
    const limiter = createLimiter({ keyPrefix: `api-test-${crypto.randomUUID()}`, points: 2, durationSeconds: 60 });
    const id = crypto.randomUUID();
    expect(await consumeApiRequest(id, limiter)).toBe(0);
    expect(await consumeApiRequest(id, limiter)).toBe(0);
    const wait = await consumeApiRequest(id, limiter);
    expect(wait).toBeGreaterThan(0);
    expect(wait).toBeLessThanOrEqual(60);
    expect(await consumeApiRequest(crypto.randomUUID(), limiter)).toBe(0); // another credential is not affected
  });
});
