// The served OpenAPI document against the handlers: every operation in the spec answers, and every
// answer (success and problem) validates against the schema the spec gives for its status.
// On a real database (PGlite and PostgreSQL); handlers called with real Request objects.
import crypto from "node:crypto";
import { Ajv2020 } from "ajv/dist/2020.js";
import { beforeAll, describe, expect, it } from "vitest";
import { POST as cancel } from "@/app/api/v1/invoices/[invoiceNumber]/cancel/route";
import { GET as getInvoice } from "@/app/api/v1/invoices/[invoiceNumber]/route";
import { GET as listInvoices, POST as createInvoice } from "@/app/api/v1/invoices/route";
import { GET as openapi } from "@/app/api/v1/openapi.json/route";
import { GET as listPayments } from "@/app/api/v1/payments/route";
import { createApiCredential } from "@/lib/api-credentials/create-api-credential";
import { db } from "@/lib/db";
import { createBiller, createUser } from "@/prisma/factories";

const kind = process.env.TEST_DB_KIND;
const BASE = "http://permitpay.test";

type Spec = {
  openapi: string;
  paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, { schema: { $ref: string } }> }> }>>;
  components: { schemas: Record<string, object> };
};

type Call = () => Promise<Response>;

describe.skipIf(kind === "none")(`OpenAPI contract (${kind})`, () => {
  let spec: Spec;
  let token = "";
  let invoiceNumber = "";
  let heldNumber = "";
  const ajv = new Ajv2020({ strict: false, allErrors: true });

  const headers = () => ({ authorization: `Bearer ${token}`, "content-type": "application/json" });
  const payload = () => {
    const ref = crypto.randomBytes(5).toString("hex");
    return {
      externalReference: `CT-${ref}`,
      permit: { number: `CT-${ref}`, description: "Pool enclosure" },
      applicant: {
        email: `ct-${ref}@example.test`,
        name: "Casey",
        address: { line1: "2 Elm St", city: "Oakville", state: "ON", postalCode: "L6J 1A1" },
      },
      description: "Permit fee",
      amountCents: 6000,
      dueDate: "2027-01-15",
    };
  };
  const params = (p: Record<string, string> = {}) => ({ params: Promise.resolve(p) as Promise<never> });

  beforeAll(async () => {
    spec = (await (await openapi()).json()) as Spec;
    ajv.addSchema({ components: spec.components }, "spec");
    const biller = await createBiller(db);
    const admin = await createUser(db, { role: "BILLER_ADMIN", billerId: biller.id });
    token = (await createApiCredential({ billerId: biller.id, actorId: admin.id, name: "Contract" })).token;
    const created = (await (
      await createInvoice(
        new Request(`${BASE}/api/v1/invoices`, { method: "POST", headers: headers(), body: JSON.stringify(payload()) }),
        params(),
      )
    ).json()) as { invoiceNumber: string };
    invoiceNumber = created.invoiceNumber;
    const held = (await (
      await createInvoice(
        new Request(`${BASE}/api/v1/invoices`, { method: "POST", headers: headers(), body: JSON.stringify(payload()) }),
        params(),
      )
    ).json()) as { invoiceNumber: string };
    heldNumber = held.invoiceNumber;
    // A paid attempt for the payments feed.
    const invoice = await db.invoice.findUniqueOrThrow({ where: { invoiceNumber } });
    const attempt = await db.paymentAttempt.create({
      data: {
        billerId: biller.id,
        applicantId: invoice.applicantId,
        billerReference: crypto.randomBytes(32).toString("hex"),
        status: "PAID",
        totalCents: 6000,
        paidAmountCents: 6000,
        paymentGuid: crypto.randomUUID(),
        expiresAt: new Date(Date.now() + 3_600_000),
        closedAt: new Date(),
        invoices: { create: [{ invoiceId: invoice.id, amountCents: 6000 }] },
      },
    });
    await db.invoice.update({ where: { invoiceNumber: heldNumber }, data: { openAttemptId: attempt.id } });
  });

  // Calls for each operation of the spec, answering with the statuses listed.
  const calls: Record<string, [string, Call][]> = {
    "post /api/v1/invoices": [
      [
        "201",
        () =>
          createInvoice(
            new Request(`${BASE}/api/v1/invoices`, { method: "POST", headers: headers(), body: JSON.stringify(payload()) }),
            params(),
          ),
      ],
      [
        "422",
        () =>
          createInvoice(
            new Request(`${BASE}/api/v1/invoices`, { method: "POST", headers: headers(), body: JSON.stringify({ amountCents: "lots" }) }),
            params(),
          ),
      ],
      ["400", () => createInvoice(new Request(`${BASE}/api/v1/invoices`, { method: "POST", headers: headers(), body: "{" }), params())],
      ["401", () => createInvoice(new Request(`${BASE}/api/v1/invoices`, { method: "POST", body: "{}" }), params())],
    ],
    "get /api/v1/invoices": [
      ["200", () => listInvoices(new Request(`${BASE}/api/v1/invoices?limit=1`, { headers: headers() }), params())],
      ["422", () => listInvoices(new Request(`${BASE}/api/v1/invoices?updated_since=yesterday`, { headers: headers() }), params())],
      ["400", () => listInvoices(new Request(`${BASE}/api/v1/invoices?cursor=abc`, { headers: headers() }), params())],
    ],
    "get /api/v1/invoices/{invoiceNumber}": [
      ["200", () => getInvoice(new Request(`${BASE}/api/v1/invoices/${invoiceNumber}`, { headers: headers() }), params({ invoiceNumber }))],
      ["404", () => getInvoice(new Request(`${BASE}/api/v1/invoices/0`, { headers: headers() }), params({ invoiceNumber: "0" }))],
    ],
    "post /api/v1/invoices/{invoiceNumber}/cancel": [
      ["409", () => cancel(new Request(`${BASE}/x`, { method: "POST", headers: headers() }), params({ invoiceNumber: heldNumber }))],
      ["404", () => cancel(new Request(`${BASE}/x`, { method: "POST", headers: headers() }), params({ invoiceNumber: "0" }))],
    ],
    "get /api/v1/payments": [
      ["200", () => listPayments(new Request(`${BASE}/api/v1/payments`, { headers: headers() }), params())],
      ["422", () => listPayments(new Request(`${BASE}/api/v1/payments?limit=0`, { headers: headers() }), params())],
    ],
  };

  it("is OpenAPI 3.1 and lists exactly the operations the handlers serve", () => {
    expect(spec.openapi).toBe("3.1.0");
    const operations = Object.entries(spec.paths).flatMap(([path, ops]) => Object.keys(ops).map((method) => `${method} ${path}`));
    expect(operations.sort()).toEqual(Object.keys(calls).sort());
  });

  it("accepts the request body the tests send", () => {
    const validate = ajv.compile({ $ref: "spec#/components/schemas/InvoiceCreate" });
    expect(validate(payload()), JSON.stringify(validate.errors)).toBe(true);
    expect(validate({ ...payload(), amountCents: "60.00" })).toBe(false);
  });

  it("every operation answers, and every answer validates against its documented schema", async () => {
    for (const [operation, list] of Object.entries(calls)) {
      const [method, path] = operation.split(" ") as [string, string];
      for (const [status, call] of list) {
        const res = await call();
        expect(`${operation} → ${res.status}`).toBe(`${operation} → ${status}`);
        const documented = spec.paths[path]![method]!.responses[status];
        expect(documented, `${operation} documents ${status}`).toBeDefined();
        const [mediaType, media] = Object.entries(documented!.content ?? {})[0]!;
        expect(res.headers.get("content-type")).toContain(mediaType);
        const body: unknown = await res.json();
        const validate = ajv.compile({ $ref: `spec${media.schema.$ref}` });
        expect(validate(body), `${operation} ${status}: ${JSON.stringify(validate.errors)}`).toBe(true);
        if (operation === "get /api/v1/payments" && status === "200") {
          expect((body as { data: { invoices: { invoiceNumber: string }[] }[] }).data[0]?.invoices[0]?.invoiceNumber).toBe(invoiceNumber);
        }
      }
    }
  });
});
