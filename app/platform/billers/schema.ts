// Platform admin forms: a biller's details, a new biller admin, a type id for the dropdown.
// Each schema serves both the react-hook-form form and its server action.
import { z } from "zod";
import { PASSWORD_MAX_BYTES, PASSWORD_MIN_LENGTH } from "@/lib/accounts/password-length-schema";
import { isValidTimeZone } from "@/lib/dates";

export const billerDetailsSchema = z.object({
  name: z.string().trim().min(1, "Enter the biller's name").max(120, "Enter a name of 120 characters or fewer"),
  dbaName: z.string().trim().min(1, "Enter the DBA name").max(120, "Enter a DBA name of 120 characters or fewer"),
  timeZone: z
    .string()
    .trim()
    .min(1, "Enter the time zone, like America/Toronto")
    // Intl accepts "utc" or "est5edt" too; we want the canonical IANA form "Area/City" (or UTC).
    .refine(
      (v) => (/^[A-Za-z_]+(\/[A-Za-z0-9_+-]+)+$/.test(v) || v === "UTC") && isValidTimeZone(v),
      "Enter an IANA time zone like America/Toronto",
    ),
});
export type BillerDetailsFormValues = z.input<typeof billerDetailsSchema>;

export const billerAdminSchema = z.object({
  email: z
    .string()
    .trim()
    .min(1, "Enter the email address")
    .max(254, "Enter an email address of 254 characters or fewer")
    .pipe(z.email("Enter an email address like name@example.com")),
  name: z.string().trim().min(1, "Enter the admin's name").max(120, "Enter a name of 120 characters or fewer"),
  // Blank: a password is generated and shown once.
  password: z
    .string()
    // The account password rules' limits; lib/accounts/password-schema.ts adds the common-password list (server only).
    .refine(
      (v) => v === "" || v.length >= PASSWORD_MIN_LENGTH,
      `Enter a password of at least ${PASSWORD_MIN_LENGTH} characters, or leave it blank to generate one`,
    )
    .refine(
      (v) => new TextEncoder().encode(v).length <= PASSWORD_MAX_BYTES,
      `Enter a password of ${PASSWORD_MAX_BYTES} characters or fewer`,
    )
    .transform((v) => (v === "" ? null : v)),
});
export type BillerAdminFormValues = z.input<typeof billerAdminSchema>;

export const invoiceTypeSchema = z.object({
  typeId: z
    .string()
    .trim()
    .regex(/^[1-9]\d{0,8}$/, "Enter the Invoice Cloud type ID as a whole number, like 42")
    .transform(Number),
  label: z.string().trim().min(1, "Enter a label, like Building permit fees").max(100, "Enter a label of 100 characters or fewer"),
});
export type InvoiceTypeFormValues = z.input<typeof invoiceTypeSchema>;

export const billerIdSchema = z.uuid();
