// Platform admin forms: a biller's details, a new biller admin, a type id for the dropdown.
// Each schema serves both the react-hook-form form and its server action. Every message is a
// catalogue key (messages/*/platform.json, "platform.validation.…"); the form translates it.
import { z } from "zod";
import { PASSWORD_MAX_BYTES, PASSWORD_MIN_LENGTH } from "@/lib/accounts/password-length-schema";
import { isValidTimeZone } from "@/lib/dates";

const V = "platform.validation";

export const billerDetailsSchema = z.object({
  name: z.string(`${V}.nameRequired`).trim().min(1, `${V}.nameRequired`).max(120, `${V}.nameTooLong`),
  dbaName: z.string(`${V}.dbaNameRequired`).trim().min(1, `${V}.dbaNameRequired`).max(120, `${V}.dbaNameTooLong`),
  timeZone: z
    .string(`${V}.timeZoneRequired`)
    .trim()
    .min(1, `${V}.timeZoneRequired`)
    // Intl accepts "utc" or "est5edt" too; we want the canonical IANA form "Area/City" (or UTC).
    .refine((v) => (/^[A-Za-z_]+(\/[A-Za-z0-9_+-]+)+$/.test(v) || v === "UTC") && isValidTimeZone(v), `${V}.timeZoneInvalid`),
});
export type BillerDetailsFormValues = z.input<typeof billerDetailsSchema>;

export const billerAdminSchema = z.object({
  email: z
    .string(`${V}.emailRequired`)
    .trim()
    .min(1, `${V}.emailRequired`)
    .max(254, `${V}.emailTooLong`)
    .pipe(z.email(`${V}.emailInvalid`)),
  name: z.string(`${V}.adminNameRequired`).trim().min(1, `${V}.adminNameRequired`).max(120, `${V}.adminNameTooLong`),
  // Blank: a password is generated and shown once.
  password: z
    .string(`${V}.passwordTooShort`)
    // The account password rules' limits; lib/accounts/password-schema.ts adds the common-password list (server only).
    // The catalogue's wording names the limits (the schema test checks they agree).
    .refine((v) => v === "" || v.length >= PASSWORD_MIN_LENGTH, `${V}.passwordTooShort`)
    .refine((v) => new TextEncoder().encode(v).length <= PASSWORD_MAX_BYTES, `${V}.passwordTooLong`)
    .transform((v) => (v === "" ? null : v)),
});
export type BillerAdminFormValues = z.input<typeof billerAdminSchema>;

export const invoiceTypeSchema = z.object({
  typeId: z
    .string(`${V}.typeIdInvalid`)
    .trim()
    .regex(/^[1-9]\d{0,8}$/, `${V}.typeIdInvalid`)
    .transform(Number),
  label: z.string(`${V}.labelRequired`).trim().min(1, `${V}.labelRequired`).max(100, `${V}.labelTooLong`),
});
export type InvoiceTypeFormValues = z.input<typeof invoiceTypeSchema>;

export const billerIdSchema = z.uuid();
