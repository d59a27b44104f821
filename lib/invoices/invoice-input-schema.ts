// One invoice as the permit system sends it (POST /api/v1/invoices), and the field rules that the
// staff form and the CSV import reuse, so that all three accept and refuse the same things.
// Messages are written for people (GOV.UK style); the API returns them with the field's path.
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

const text = (max: number, required: string, tooLong: string) => z.string().trim().min(1, required).max(max, tooLong);

/** Each field's rule, named once. */
export const invoiceFields = {
  externalReference: text(100, "Enter the external reference", "Enter an external reference of 100 characters or fewer").regex(
    /^[\x21-\x7e]+$/,
    "Enter an external reference without spaces, using letters, digits and punctuation only",
  ),
  permitNumber: text(50, "Enter the permit number", "Enter a permit number of 50 characters or fewer"),
  permitDescription: text(200, "Enter the permit description", "Enter a permit description of 200 characters or fewer"),
  applicantEmail: z
    .string()
    .trim()
    .min(1, "Enter the applicant's email address")
    .max(254, "Enter an email address of 254 characters or fewer")
    .pipe(z.email("Enter an email address like name@example.com"))
    .transform((v) => v.toLowerCase()),
  applicantName: text(100, "Enter the applicant's name", "Enter a name of 100 characters or fewer"),
  addressLine1: text(200, "Enter the street address", "Enter a street address of 200 characters or fewer"),
  city: text(100, "Enter the town or city", "Enter a town or city of 100 characters or fewer"),
  state: text(50, "Enter the province or state", "Enter a province or state of 50 characters or fewer"),
  postalCode: text(20, "Enter the postal code", "Enter a postal code of 20 characters or fewer"),
  description: text(200, "Enter the invoice description", "Enter an invoice description of 200 characters or fewer"),
  amountCents: z
    .number({ error: "Enter the amount in cents as a whole number, for example 6000 for $60.00" })
    .int("Enter the amount in cents as a whole number, for example 6000 for $60.00")
    .min(1, "Enter an amount greater than 0 cents")
    .max(MAX_INVOICE_CENTS, "Enter an amount of 2147483647 cents ($21,474,836.47) or less"),
  /** Dollars as people type them ("1,250.00"), for the form and the CSV file. */
  amountDollars: z
    .string()
    .trim()
    .min(1, "Enter the amount, for example 60.00")
    .transform((value, ctx) => {
      const cents = parseDollarsToCents(value);
      if (cents === null) {
        ctx.addIssue({ code: "custom", message: "Enter the amount like 60.00" });
        return z.NEVER;
      }
      if (cents <= 0) {
        ctx.addIssue({ code: "custom", message: "Enter an amount greater than $0.00" });
        return z.NEVER;
      }
      if (cents > MAX_INVOICE_CENTS) {
        ctx.addIssue({ code: "custom", message: "Enter an amount of $21,474,836.47 or less" });
        return z.NEVER;
      }
      return cents;
    }),
  dueDate: z
    .string({ error: "Enter the due date like 2026-12-31" })
    .trim()
    .min(1, "Enter the due date like 2026-12-31")
    .refine(isRealDate, "Enter a real due date like 2026-12-31"),
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
