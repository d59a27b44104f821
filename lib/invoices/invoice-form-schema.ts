// The staff form and each CSV row: flat text fields (amount in dollars), built from the same field
// rules as the API and turned into the API's input, so that all three agree.
import { z } from "zod";
import { invoiceFields as F, type InvoiceInput } from "./invoice-input-schema";

export const invoiceFormSchema = z
  .object({
    externalReference: F.externalReference,
    permitNumber: F.permitNumber,
    permitDescription: F.permitDescription,
    applicantEmail: F.applicantEmail,
    applicantName: F.applicantName,
    addressLine1: F.addressLine1,
    city: F.city,
    state: F.state,
    postalCode: F.postalCode,
    description: F.description,
    amount: F.amountDollars,
    dueDate: F.dueDate,
  })
  .transform((v): InvoiceInput => ({
    externalReference: v.externalReference,
    permit: { number: v.permitNumber, description: v.permitDescription },
    applicant: {
      email: v.applicantEmail,
      name: v.applicantName,
      address: { line1: v.addressLine1, city: v.city, state: v.state, postalCode: v.postalCode },
    },
    description: v.description,
    amountCents: v.amount,
    dueDate: v.dueDate,
  }));

export type InvoiceFormValues = z.input<typeof invoiceFormSchema>;

/** The order of the fields on the page and the columns of the CSV file. */
export const INVOICE_FORM_FIELDS = [
  "externalReference",
  "permitNumber",
  "permitDescription",
  "applicantEmail",
  "applicantName",
  "addressLine1",
  "city",
  "state",
  "postalCode",
  "description",
  "amount",
  "dueDate",
] as const satisfies readonly (keyof InvoiceFormValues)[];

/** CSV header names (snake_case) for each form field. */
export const CSV_COLUMNS: Record<(typeof INVOICE_FORM_FIELDS)[number], string> = {
  externalReference: "external_reference",
  permitNumber: "permit_number",
  permitDescription: "permit_description",
  applicantEmail: "applicant_email",
  applicantName: "applicant_name",
  addressLine1: "address",
  city: "city",
  state: "state",
  postalCode: "postal_code",
  description: "description",
  amount: "amount",
  dueDate: "due_date",
};
