// The Invoices API's response shapes and query parameters, in zod. The OpenAPI document is
// generated from these and from the request schema (lib/invoices/invoice-input-schema.ts), and
// the contract test validates real responses against that document.
import { InvoiceStatus } from "@prisma/client";
import { z } from "zod";

const isoDateTime = z.string().describe("ISO 8601 date-time, UTC");

export const invoiceSchema = z.object({
  invoiceNumber: z.string().describe("PermitPay's number, sent to Invoice Cloud"),
  externalReference: z.string().nullable(),
  status: z.enum(InvoiceStatus),
  description: z.string(),
  amountCents: z.int(),
  dueDate: z.string().describe("YYYY-MM-DD"),
  permit: z.object({ number: z.string(), description: z.string() }),
  applicant: z.object({ email: z.string(), name: z.string() }),
  paidAt: isoDateTime.nullable(),
  paidAmountCents: z.int().nullable(),
  cancelledAt: isoDateTime.nullable(),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
});

export const invoiceListSchema = z.object({
  data: z.array(invoiceSchema),
  nextCursor: z.string().nullable().describe("Pass as `cursor` to continue; keep it to ask later for what changed since"),
  hasMore: z.boolean(),
});

export const paymentSchema = z.object({
  paymentId: z.string(),
  outcome: z.enum(["paid", "needs_review"]),
  totalCents: z.int(),
  paidAmountCents: z.int().nullable(),
  convenienceFeeCents: z.int().nullable(),
  paymentGuid: z.string().nullable(),
  closedAt: isoDateTime,
  invoices: z.array(z.object({ invoiceNumber: z.string(), externalReference: z.string().nullable(), amountCents: z.int() })),
});

export const paymentListSchema = z.object({ data: z.array(paymentSchema), nextCursor: z.string().nullable(), hasMore: z.boolean() });

export const problemSchema = z.object({
  type: z.string(),
  title: z.string(),
  status: z.int(),
  detail: z.string().optional(),
  errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  reason: z.string().optional(),
  invoiceNumber: z.string().optional(),
});

const limit = z.coerce.number().int().min(1).max(200).default(50).describe("Rows per page, 1 to 200");

export const listInvoicesQuerySchema = z.object({
  status: z.enum(InvoiceStatus).optional(),
  updated_since: z.iso.datetime({ offset: true }).optional().describe("Only invoices changed at or after this time"),
  cursor: z.string().max(200).optional(),
  limit,
});

export const listPaymentsQuerySchema = z.object({
  since: z.iso.datetime({ offset: true }).optional().describe("Only outcomes at or after this time"),
  cursor: z.string().max(200).optional(),
  limit,
});

export type InvoiceJson = z.infer<typeof invoiceSchema>;
export type PaymentJson = z.infer<typeof paymentSchema>;
