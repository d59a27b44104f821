// Validates a CPV2 create request once it is bound (bind.ts): the rules a .NET model would enforce,
// with messages that name the field as the client spelt it.
import { z } from "zod";
import { BindError, bindCpRequest, receivedPath } from "./bind";
import { isMdyFormat, isRealMdyDate } from "./dates";
import { toCents } from "./money";

const typeMsg = (what: string) => ({
  error: (iss: { input?: unknown }) => (iss.input === undefined ? "is required" : `must be ${what}`),
});

const reqString = (max: number) =>
  z.string(typeMsg("a string")).trim().min(1, "must not be empty").max(max, `must be at most ${max} characters`);
const optString = (max: number) => z.string(typeMsg("a string")).max(max, `must be at most ${max} characters`).optional();
const money = z
  .number(typeMsg("a number"))
  .refine((n) => n >= 0, "must not be negative")
  .refine((n) => toCents(n) !== null, "must have at most 2 decimals");
const mdy = z
  .string(typeMsg("a string in MM/DD/YYYY format"))
  .refine(isMdyFormat, "must be MM/DD/YYYY")
  .refine(isRealMdyDate, "must be a real date in MM/DD/YYYY format");
const httpUrl = z.string(typeMsg("an absolute http(s) URL")).refine((s) => {
  try {
    const u = new URL(s);
    return (u.protocol === "http:" || u.protocol === "https:") && s.length <= 2000;
  } catch {
    return false;
  }
}, "must be an absolute http(s) URL");
const bool = z.boolean(typeMsg("a boolean (true/false)"));

const invoiceSchema = z.object({
  InvoiceNumber: reqString(50),
  TypeId: z.number(typeMsg("an integer")).int("must be an integer"),
  InvoiceDate: mdy,
  DueDate: mdy,
  BalanceDue: money,
  CCServiceFee: money,
  AchServiceFee: money,
});

const customerSchema = z.object({
  AccountNumber: reqString(50),
  Name: optString(100),
  Address: optString(200),
  City: optString(100),
  State: z
    .string(typeMsg("a string"))
    .regex(/^[A-Za-z]{2}$/, "must be a 2-letter code")
    .optional(),
  Zip: optString(20),
  EmailAddress: z.email("must be an email address").optional(),
  Invoices: z.array(invoiceSchema, typeMsg("an array")).min(1, "must not be empty").max(100, "has too many invoices"),
});

export const cpRequestSchema = z
  .object(
    {
      Customers: z.array(customerSchema, typeMsg("an array")).min(1, "must not be empty").max(10, "has too many customers"),
      BillerReference: z.string(typeMsg("a string")).min(1, "must not be empty").max(100, "must be at most 100 characters"),
      ReturnURL: httpUrl,
      PostBackURL: httpUrl,
      CreateCustomerRecord: bool.optional(),
      AllowCCPayment: bool.optional(),
      AllowACHPayment: bool.optional(),
      CustomReturnSiteName: optString(100),
      AllowSwipe: bool.optional(),
      ViewMode: z.number(typeMsg("an integer")).int("must be an integer").optional(),
      CSSUrl: httpUrl.optional(),
      PageResultOptions: z
        .object(
          {
            AllowRegisterAccount: bool.optional(),
            InvoiceOptions: z
              .object(
                {
                  AllowViewStatement: bool.optional(),
                  AllowRemove: bool.optional(),
                  AllowViewRelated: bool.optional(),
                  AllowRemindMe: bool.optional(),
                },
                typeMsg("an object"),
              )
              .optional(),
          },
          typeMsg("an object"),
        )
        .optional(),
    },
    typeMsg("a JSON object"),
  )
  .refine((r) => r.AllowCCPayment === true || r.AllowACHPayment === true, {
    message: "AllowCCPayment or AllowACHPayment must be true",
    path: [],
  });

export type CpRequest = z.infer<typeof cpRequestSchema>;

export type ValidateResult = { ok: true; value: CpRequest; notes: string[] } | { ok: false; message: string; notes: string[] };

/** Binds and validates a parsed JSON body; the message names the field, e.g. "Customers[0].Invoices[0].DueDate must be MM/DD/YYYY". */
export function validateCpRequest(body: unknown, typeIds: readonly number[]): ValidateResult {
  let bound: ReturnType<typeof bindCpRequest>;
  try {
    bound = bindCpRequest(body);
  } catch (err) {
    if (err instanceof BindError) return { ok: false, message: err.message, notes: [] };
    throw err;
  }
  const { notes, names } = bound;
  const fail = (message: string) => ({ ok: false as const, message, notes });
  const parsed = cpRequestSchema.safeParse(bound.value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    if (!issue) return fail("Invalid request");
    const where = receivedPath(names, issue.path);
    return fail(where ? `${where} ${issue.message}` : issue.message);
  }
  const req = parsed.data;
  const seen = new Set<string>();
  let total = 0;
  for (const [ci, c] of req.Customers.entries()) {
    for (const [ii, inv] of c.Invoices.entries()) {
      const at = (field: string) => receivedPath(names, ["Customers", ci, "Invoices", ii, field]);
      if (!typeIds.includes(inv.TypeId)) return fail(`${at("TypeId")} ${inv.TypeId} is not an invoice type of this biller`);
      if (seen.has(inv.InvoiceNumber)) return fail(`${at("InvoiceNumber")} is duplicated`);
      seen.add(inv.InvoiceNumber);
      total += toCents(inv.BalanceDue) ?? 0;
    }
  }
  if (total <= 0) return fail("The total BalanceDue must be greater than 0");
  return { ok: true, value: req, notes };
}

export function invoiceTotalCents(req: CpRequest): number {
  let total = 0;
  for (const c of req.Customers) for (const inv of c.Invoices) total += toCents(inv.BalanceDue) ?? 0;
  return total;
}
