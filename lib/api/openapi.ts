// The OpenAPI 3.1 document of /api/v1, generated from the same zod schemas that parse requests
// and shape responses (zod 4's toJSONSchema, JSON Schema 2020-12 as OpenAPI 3.1 uses).
import { z } from "zod";
import { invoiceInputSchema } from "../invoices/invoice-input-schema";
import {
  invoiceListSchema,
  invoiceSchema,
  listInvoicesQuerySchema,
  listPaymentsQuerySchema,
  paymentListSchema,
  problemSchema,
} from "./schemas";

type Json = Record<string, unknown>;

function schemaOf(schema: z.ZodType, io: "input" | "output"): Json {
  const { $schema: _drop, ...rest } = z.toJSONSchema(schema, {
    target: "draft-2020-12",
    io,
    unrepresentable: "any",
    reused: "inline",
  }) as Json;
  void _drop;
  return rest;
}

/** Query parameters from a zod object: one OpenAPI parameter per key. */
function queryParameters(schema: z.ZodObject): Json[] {
  const json = schemaOf(schema, "input") as { properties: Record<string, Json & { description?: string }> };
  return Object.entries(json.properties).map(([name, s]) => {
    const { description, ...rest } = s;
    return { name, in: "query", required: false, description, schema: rest };
  });
}

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const problemResponse = (description: string) => ({ description, content: { "application/problem+json": { schema: ref("Problem") } } });
const jsonResponse = (description: string, name: string, headers?: Json) => ({
  description,
  ...(headers ? { headers } : {}),
  content: { "application/json": { schema: ref(name) } },
});
const common = {
  "401": problemResponse("Missing, unknown or revoked token"),
  "429": { ...problemResponse("Too many requests for this credential"), headers: { "Retry-After": { schema: { type: "integer" } } } },
};
const invoiceNumberParam = { name: "invoiceNumber", in: "path", required: true, schema: { type: "string" } };

export function buildOpenApiDocument() {
  const component = (schema: z.ZodType) => schemaOf(schema, "output");
  return {
    openapi: "3.1.0",
    info: {
      title: "PermitPay Invoices API",
      version: "1.0.0",
      description:
        "For a municipality's permit system: create invoices, read and cancel them, and pull payment outcomes. " +
        "Authenticate with `Authorization: Bearer <token>` (a credential made by a biller admin). Errors are RFC 9457 problem details.",
    },
    servers: [{ url: "/" }],
    security: [{ bearerAuth: [] }],
    components: {
      securitySchemes: { bearerAuth: { type: "http", scheme: "bearer" } },
      schemas: {
        InvoiceCreate: schemaOf(invoiceInputSchema, "input"),
        Invoice: component(invoiceSchema),
        InvoiceList: component(invoiceListSchema),
        PaymentList: component(paymentListSchema),
        Problem: component(problemSchema),
      },
    },
    paths: {
      "/api/v1/invoices": {
        post: {
          operationId: "createInvoice",
          summary: "Create an invoice",
          description:
            "Finds or creates the permit (by number) and the applicant (by email; a new applicant is invited by email). " +
            "The same externalReference with the same details returns the existing invoice (200); with other details, 409.",
          parameters: [
            {
              name: "Idempotency-Key",
              in: "header",
              required: false,
              description: "A retry with the same key and body returns the first answer; the same key with another body is refused (422).",
              schema: { type: "string", maxLength: 255 },
            },
          ],
          requestBody: { required: true, content: { "application/json": { schema: ref("InvoiceCreate") } } },
          responses: {
            "201": jsonResponse("Created", "Invoice", { "Idempotent-Replayed": { schema: { type: "string" } } }),
            "200": jsonResponse("An invoice with this external reference and these details already exists", "Invoice"),
            "400": problemResponse("Not JSON, or a malformed Idempotency-Key"),
            "409": problemResponse("The external reference is used by an invoice with other details"),
            "422": problemResponse("Validation failed (errors[] names each field), or the Idempotency-Key was used with another body"),
            ...common,
          },
        },
        get: {
          operationId: "listInvoices",
          summary: "List invoices in the order they last changed (keyset pagination, for sync)",
          parameters: queryParameters(listInvoicesQuerySchema),
          responses: {
            "200": jsonResponse("A page of invoices", "InvoiceList"),
            "400": problemResponse("A cursor this API did not return"),
            "422": problemResponse("Bad query parameters"),
            ...common,
          },
        },
      },
      "/api/v1/invoices/{invoiceNumber}": {
        get: {
          operationId: "getInvoice",
          summary: "Get one invoice",
          parameters: [invoiceNumberParam],
          responses: {
            "200": jsonResponse("The invoice", "Invoice"),
            "404": problemResponse("No such invoice for this municipality"),
            ...common,
          },
        },
      },
      "/api/v1/invoices/{invoiceNumber}/cancel": {
        post: {
          operationId: "cancelInvoice",
          summary: "Cancel an unpaid invoice",
          description:
            "Refused (409, with reason) when the invoice is paid or a payment attempt holds it. Cancelling a cancelled invoice answers 200.",
          parameters: [invoiceNumberParam],
          responses: {
            "200": jsonResponse("The cancelled invoice", "Invoice"),
            "404": problemResponse("No such invoice for this municipality"),
            "409": problemResponse("Paid, or held by a payment in progress (reason: invoice_paid | payment_in_progress)"),
            ...common,
          },
        },
      },
      "/api/v1/payments": {
        get: {
          operationId: "listPayments",
          summary: "List payment outcomes (paid, needs review) in the order they closed",
          parameters: queryParameters(listPaymentsQuerySchema),
          responses: {
            "200": jsonResponse("A page of payment outcomes", "PaymentList"),
            "400": problemResponse("A cursor this API did not return"),
            "422": problemResponse("Bad query parameters"),
            ...common,
          },
        },
      },
    },
  };
}
