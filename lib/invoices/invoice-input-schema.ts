// One invoice as the permit system sends it (POST /api/v1/invoices), and the field rules that the
// staff form and the CSV import reuse, so that all three accept and refuse the same things.
// Messages are catalogue keys (messages/<locale>/admin.json, written for people, GOV.UK style): the
// staff form and the CSV import translate them; the API answers with their English text.
import { z } from "zod";
import { parseDollarsToCents } from "../money";

/** PostgreSQL int4: the largest amount of cents we can store. */
export const MAX_INVOICE_CENTS = 2_147_483_647;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function isRealDate(value: string): boolean {
  if (!ISO_DATE.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

const E = (name: string) => `admin.invoices.errors.${name}`;

const text = (max: number, field: string) =>
  z
    .string() // the form and the CSV always send text; the API keeps zod's own type message
    .trim()
    .min(1, E(`${field}Required`))
    .max(max, E(`${field}TooLong`));

/** Each field's rule, named once. */
export const invoiceFields = {
  externalReference: text(100, "externalReference").regex(/^[\x21-\x7e]+$/, E("externalReferenceChars")),
  permitNumber: text(50, "permitNumber"),
  permitDescription: text(200, "permitDescription"),
  applicantEmail: z
    .string()
    .trim()
    .min(1, E("emailRequired"))
    .max(254, E("emailTooLong"))
    .pipe(z.email(E("emailFormat")))
    .transform((v) => v.toLowerCase()),
  applicantName: text(100, "name"),
  addressLine1: text(200, "address"),
  city: text(100, "city"),
  state: text(50, "state"),
  postalCode: text(20, "postalCode"),
  description: text(200, "description"),
  amountCents: z
    .number({ error: E("amountCents") })
    .int(E("amountCents"))
    .min(1, E("amountCentsPositive"))
    .max(MAX_INVOICE_CENTS, E("amountCentsTooLarge")),
  /** Dollars as people type them ("1,250.00"), for the form and the CSV file. */
  amountDollars: z
    .string()
    .trim()
    .min(1, E("amountRequired"))
    .transform((value, ctx) => {
      const cents = parseDollarsToCents(value);
      if (cents === null) {
        ctx.addIssue({ code: "custom", message: E("amountFormat") });
        return z.NEVER;
      }
      if (cents <= 0) {
        ctx.addIssue({ code: "custom", message: E("amountPositive") });
        return z.NEVER;
      }
      if (cents > MAX_INVOICE_CENTS) {
        ctx.addIssue({ code: "custom", message: E("amountTooLarge") });
        return z.NEVER;
      }
      return cents;
    }),
  dueDate: z
    .string({ error: E("dueDateRequired") })
    .trim()
    .min(1, E("dueDateRequired"))
    .refine(isRealDate, E("dueDateReal")),
};

const F = invoiceFields;

export const invoiceInputSchema = z.object({
  externalReference: F.externalReference.describe("The permit system's own id for this invoice, unique per municipality"),
  permit: z.object({
    number: F.permitNumber.describe("Found by number, or created"),
    description: F.permitDescription,
  }),
  applicant: z.object({
    email: F.applicantEmail.describe("Found by email, or created (and invited to set a password)"),
    name: F.applicantName,
    address: z.object({ line1: F.addressLine1, city: F.city, state: F.state, postalCode: F.postalCode }),
  }),
  description: F.description,
  amountCents: F.amountCents.describe("Integer cents: 6000 is $60.00"),
  dueDate: F.dueDate.describe("YYYY-MM-DD"),
});

export type InvoiceInput = z.output<typeof invoiceInputSchema>;
