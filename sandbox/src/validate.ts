import { z } from "zod";
import { isMdyFormat, isRealMdyDate } from "./dates";
import { toCents } from "./money";

// JSON property names are bound case-insensitively, like Invoice Cloud's .NET
// API: TypeId == TypeID, AchServiceFee == ACHServiceFee. Unknown properties are
// ignored (as .NET does); the same property twice in different cases is a 400.

type Shape = { readonly [canonical: string]: Shape | null };

const INVOICE: Shape = {
  InvoiceNumber: null,
  TypeId: null,
  InvoiceDate: null,
  DueDate: null,
  BalanceDue: null,
  CCServiceFee: null,
  AchServiceFee: null,
};
const CUSTOMER: Shape = {
  AccountNumber: null,
  Name: null,
  Address: null,
  City: null,
  State: null,
  Zip: null,
  EmailAddress: null,
  Invoices: INVOICE,
};
const INVOICE_OPTIONS: Shape = {
  AllowViewStatement: null,
  AllowRemove: null,
  AllowViewRelated: null,
  AllowRemindMe: null,
};
const ROOT: Shape = {
  Customers: CUSTOMER,
  BillerReference: null,
  ReturnURL: null,
  PostBackURL: null,
  CreateCustomerRecord: null,
  AllowCCPayment: null,
  AllowACHPayment: null,
  CustomReturnSiteName: null,
  AllowSwipe: null,
  ViewMode: null,
  CSSUrl: null,
  PageResultOptions: { AllowRegisterAccount: null, InvoiceOptions: INVOICE_OPTIONS },
};

export class ValidationError extends Error {}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function normalize(value: unknown, shape: Shape, path: string): unknown {
  if (Array.isArray(value)) return value.map((el, i) => normalize(el, shape, `${path}[${i}]`));
  if (!isPlainObject(value)) return value;
  const byLower = new Map(Object.keys(shape).map((k) => [k.toLowerCase(), k]));
  const out: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(value)) {
    const canonical = byLower.get(key.toLowerCase());
    if (canonical === undefined) continue;
    const where = path ? `${path}.${canonical}` : canonical;
    if (canonical in out) throw new ValidationError(`${where} is given more than once`);
    const childShape = shape[canonical];
    out[canonical] = childShape ? normalize(child, childShape, where) : child;
  }
  return out;
}

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

function formatPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const seg of path) {
    if (typeof seg === "number") out += `[${seg}]`;
    else out += out ? `.${String(seg)}` : String(seg);
  }
  return out;
}

export type ValidateResult = { ok: true; value: CpRequest } | { ok: false; message: string };

/** Validates a parsed JSON body; the message names the field path, e.g. "Customers[0].Invoices[0].DueDate must be MM/DD/YYYY". */
export function validateCpRequest(body: unknown, typeIds: readonly number[]): ValidateResult {
  let normalized: unknown;
  try {
    normalized = normalize(body, ROOT, "");
  } catch (err) {
    if (err instanceof ValidationError) return { ok: false, message: err.message };
    throw err;
  }
  const parsed = cpRequestSchema.safeParse(normalized);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    if (!issue) return { ok: false, message: "Invalid request" };
    const where = formatPath(issue.path);
    return { ok: false, message: where ? `${where} ${issue.message}` : issue.message };
  }
  const req = parsed.data;
  const seen = new Set<string>();
  let total = 0;
  for (const [ci, c] of req.Customers.entries()) {
    for (const [ii, inv] of c.Invoices.entries()) {
      const where = `Customers[${ci}].Invoices[${ii}]`;
      if (!typeIds.includes(inv.TypeId)) {
        return { ok: false, message: `${where}.TypeId ${inv.TypeId} is not an invoice type of this biller` };
      }
      if (seen.has(inv.InvoiceNumber)) return { ok: false, message: `${where}.InvoiceNumber is duplicated` };
      seen.add(inv.InvoiceNumber);
      total += toCents(inv.BalanceDue) ?? 0;
    }
  }
  if (total <= 0) return { ok: false, message: "The total BalanceDue must be greater than 0" };
  return { ok: true, value: req };
}

export function invoiceTotalCents(req: CpRequest): number {
  let total = 0;
  for (const c of req.Customers) for (const inv of c.Invoices) total += toCents(inv.BalanceDue) ?? 0;
  return total;
}
