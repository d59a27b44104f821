// CPV2 wire shapes, from docs (the design document's sample and the public clients).
// TypeScript types are inferred from these schemas.
import { z } from "zod";

const mmddyyyy = z.string().regex(/^(0[1-9]|1[0-2])\/(0[1-9]|[12]\d|3[01])\/\d{4}$/, "must be MM/DD/YYYY");
/** A non-negative amount with at most 2 decimals, as a JSON number. */
const amount = z
  .number()
  .nonnegative()
  .refine((n) => Number.isInteger(Math.round(n * 100)) && Math.abs(n * 100 - Math.round(n * 100)) < 1e-6, "at most 2 decimals");

export const cpv2InvoiceSchema = z.object({
  InvoiceNumber: z.string().min(1),
  TypeId: z.number().int().positive(),
  DueDate: mmddyyyy,
  InvoiceDate: mmddyyyy,
  BalanceDue: amount,
  CCServiceFee: amount,
  AchServiceFee: amount,
});

export const cpv2CustomerSchema = z.object({
  AccountNumber: z.string().min(1).max(50),
  Name: z.string().optional(),
  Address: z.string().optional(),
  City: z.string().optional(),
  State: z.string().optional(),
  Zip: z.string().optional(),
  EmailAddress: z.email().optional(),
  Invoices: z.array(cpv2InvoiceSchema).min(1),
});

export const cpv2RequestSchema = z.object({
  Customers: z.array(cpv2CustomerSchema).length(1),
  BillerReference: z.string().regex(/^[0-9a-f]{32,}$/, "at least 128 random bits, hex"),
  ReturnURL: z.url(),
  PostBackURL: z.url(),
  CreateCustomerRecord: z.literal(true),
  AllowCCPayment: z.literal(true),
  AllowACHPayment: z.literal(true),
  CustomReturnSiteName: z.string().min(1).max(100).optional(),
});
export type Cpv2Request = z.infer<typeof cpv2RequestSchema>;

/** Success is all three: HTTP 2xx, Message "SUCCESS" and a non-empty Data.CloudPaymentURL. */
export const cpv2ResponseSchema = z.object({
  Code: z.number().optional(),
  Message: z.string(),
  Data: z.object({ CloudPaymentURL: z.string().optional() }).passthrough().nullable().optional(),
});

export const billerStatusResponseSchema = z.object({
  Message: z.string().optional(),
  Data: z.object({ Status: z.string() }).passthrough().nullable().optional(),
});

export const POSTBACK_FIELDS = [
  "BillerGUID",
  "PaymentDate",
  "InvoiceNumber",
  "Approved",
  "CustomerName",
  "CustomerAddress",
  "CustomerCity",
  "CustomerState",
  "CustomerZip",
  "PaymentGUID",
  "PaymentAmount",
  "PaymentDescription",
  "PaymentTypeID",
  "CardType",
  "PaymentMessage",
  "BillerReference",
  "ConvenienceFee",
  "RemoteIP",
] as const;

const capped = z.string().max(500);
// The postback is read by the same lenient rules as the sandbox binds requests (docs/sandbox.md):
// .NET writes booleans as True/False and decimals with as many decimals as they carry (60, 60.0, 60.00).
// Anything else is a malformed notice.
const postbackBoolean = z.string().regex(/^(True|true|False|false)$/, "must be True, true, False or false");
const AMOUNT = /^(0|[1-9]\d{0,11})(\.\d{1,2})?$/;
const postbackAmount = z.string().regex(AMOUNT, "must be an amount like 60, 60.0 or 60.00");
/** The postback as received: every field a string (form encoding), most optional. */
export const postbackFieldsSchema = z.object({
  BillerGUID: capped.optional(),
  PaymentDate: capped.optional(),
  InvoiceNumber: z.string().max(4000).optional(),
  Approved: postbackBoolean,
  CustomerName: capped.optional(),
  CustomerAddress: capped.optional(),
  CustomerCity: capped.optional(),
  CustomerState: capped.optional(),
  CustomerZip: capped.optional(),
  PaymentGUID: capped.optional(),
  PaymentAmount: postbackAmount,
  PaymentDescription: capped.optional(),
  PaymentTypeID: capped.optional(),
  CardType: capped.optional(),
  PaymentMessage: capped.optional(),
  BillerReference: capped,
  // Absent or empty means no fee.
  ConvenienceFee: z
    .string()
    .refine((v) => v === "" || AMOUNT.test(v), "must be empty or an amount like 2.5, 2.50 or 0.00")
    .optional(),
  RemoteIP: capped.optional(),
});
export type PostbackFields = z.infer<typeof postbackFieldsSchema>;
