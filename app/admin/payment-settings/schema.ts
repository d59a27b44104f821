// The Configure Payment Page Settings form: one schema for the browser (react-hook-form) and
// the server action. Whether the API key is required depends on whether one is stored, so the
// schema is built for that fact with paymentSettingsSchemaFor().
import { z } from "zod";
import { parseDollarsToCents } from "@/lib/money";

/** PostgreSQL int4: the largest amount of cents we can store. */
const MAX_CENTS = 2_147_483_647;
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const PAYMENT_SETTINGS_MESSAGES = {
  apiKeyRequired: "Enter the API key",
  apiKeySpaces: "Enter the API key without spaces",
  apiKeyTooShort: "Enter the whole API key (at least 12 characters)",
  apiKeyTooLong: "Enter an API key of 256 characters or fewer",
  billerGuid: "Enter the BillerGUID like 6f1c9a2e-3b4d-4e5f-8a7b-1c2d3e4f5a6b",
  invoiceType: "Select an invoice type",
  maxFormat: "Enter a maximum like 2500.00",
  maxPositive: "Enter a maximum greater than $0.00, or leave it blank for no limit",
  maxTooLarge: "Enter a maximum of $21,474,836.47 or less",
  siteNameTooLong: "Enter a return site name of 100 characters or fewer",
} as const;
const M = PAYMENT_SETTINGS_MESSAGES;

const blankToNull = (value: string) => (value === "" ? null : value);

export const paymentSettingsSchema = z.object({
  // Blank keeps the stored key. Never echoed back to the browser.
  apiKey: z
    .string()
    .trim()
    .max(256, M.apiKeyTooLong)
    .refine((v) => !/\s/.test(v), M.apiKeySpaces)
    // Also keeps "•••• last 4" from showing most of a short key.
    .refine((v) => v === "" || v.length >= 12, M.apiKeyTooShort)
    .transform(blankToNull),
  billerGuid: z
    .string()
    .trim()
    .refine((v) => v === "" || GUID.test(v), M.billerGuid)
    .transform(blankToNull),
  invoiceTypeId: z
    .string()
    .trim()
    .regex(/^\d{1,9}$/, M.invoiceType)
    .transform(Number),
  maxOnlineAmount: z
    .string()
    .trim()
    .transform((value, ctx) => {
      if (value === "") return null;
      const cents = parseDollarsToCents(value);
      if (cents === null) {
        ctx.addIssue({ code: "custom", message: M.maxFormat });
        return z.NEVER;
      }
      if (cents <= 0) {
        ctx.addIssue({ code: "custom", message: M.maxPositive });
        return z.NEVER;
      }
      if (cents > MAX_CENTS) {
        ctx.addIssue({ code: "custom", message: M.maxTooLarge });
        return z.NEVER;
      }
      return cents;
    }),
  customReturnSiteName: z.string().trim().max(100, M.siteNameTooLong).transform(blankToNull),
});

/** The schema with the first-save rule: without a stored key, the API key is required. */
export function paymentSettingsSchemaFor(opts: { hasStoredKey: boolean }) {
  return paymentSettingsSchema.refine((value) => opts.hasStoredKey || value.apiKey !== null, {
    path: ["apiKey"],
    message: M.apiKeyRequired,
    // Run even when other fields are bad, so that one submit lists every problem.
    when: (payload) => !payload.issues.some((issue) => issue.path?.[0] === "apiKey"),
  });
}

/** What the form holds: every field is text. */
export type PaymentSettingsFormValues = z.input<typeof paymentSettingsSchema>;
/** What the server saves: the key or null (keep), cents, a number type id. */
export type PaymentSettingsInput = z.output<typeof paymentSettingsSchema>;

/** The order fields appear on the page, for the error summary. */
export const PAYMENT_SETTINGS_FIELDS = [
  "apiKey",
  "billerGuid",
  "invoiceTypeId",
  "maxOnlineAmount",
  "customReturnSiteName",
] as const satisfies readonly (keyof PaymentSettingsFormValues)[];

export const testConnectionSchema = z.object({
  apiKey: z
    .string()
    .trim()
    .max(256, M.apiKeyTooLong)
    .refine((v) => !/\s/.test(v), M.apiKeySpaces)
    .optional(),
});
