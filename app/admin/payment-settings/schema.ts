// The Configure Payment Page Settings form: one schema for the browser (react-hook-form) and
// the server action. Whether the API key is required depends on whether one is stored, so the
// schema is built for that fact with paymentSettingsSchemaFor().
import { z } from "zod";
import { parseTypedDollars } from "@/lib/admin/parse-typed-dollars";

/** PostgreSQL int4: the largest amount of cents we can store. */
const MAX_CENTS = 2_147_483_647;
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Catalogue keys (messages/<locale>/admin.json): the form and the action translate them. */
export const PAYMENT_SETTINGS_MESSAGES = {
  apiKeyRequired: "admin.settings.errors.apiKeyRequired",
  apiKeySpaces: "admin.settings.errors.apiKeySpaces",
  apiKeyTooShort: "admin.settings.errors.apiKeyTooShort",
  apiKeyTooLong: "admin.settings.errors.apiKeyTooLong",
  billerGuid: "admin.settings.errors.billerGuid",
  invoiceType: "admin.settings.errors.invoiceType",
  maxFormat: "admin.settings.errors.maxFormat",
  maxPositive: "admin.settings.errors.maxPositive",
  maxTooLarge: "admin.settings.errors.maxTooLarge",
  siteNameTooLong: "admin.settings.errors.siteNameTooLong",
  notText: "errors.invalidValue",
} as const;
const M = PAYMENT_SETTINGS_MESSAGES;

const blankToNull = (value: string) => (value === "" ? null : value);

export const paymentSettingsSchema = z.object({
  // Blank keeps the stored key. Never echoed back to the browser.
  apiKey: z
    .string(M.notText)
    .trim()
    .max(256, M.apiKeyTooLong)
    .refine((v) => !/\s/.test(v), M.apiKeySpaces)
    // Also keeps "•••• last 4" from showing most of a short key.
    .refine((v) => v === "" || v.length >= 12, M.apiKeyTooShort)
    .transform(blankToNull),
  billerGuid: z
    .string(M.notText)
    .trim()
    .refine((v) => v === "" || GUID.test(v), M.billerGuid)
    .transform(blankToNull),
  invoiceTypeId: z
    .string(M.notText)
    .trim()
    .regex(/^\d{1,9}$/, M.invoiceType)
    .transform(Number),
  maxOnlineAmount: z
    .string(M.notText)
    .trim()
    .transform((value, ctx) => {
      if (value === "") return null;
      const cents = parseTypedDollars(value);
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
  customReturnSiteName: z.string(M.notText).trim().max(100, M.siteNameTooLong).transform(blankToNull),
  // Whether an invoice refunded in full may be paid online again (off by default; docs/admin.md).
  payAgainAfterRefund: z.boolean(M.notText).default(false),
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
    .string(M.notText)
    .trim()
    .max(256, M.apiKeyTooLong)
    .refine((v) => !/\s/.test(v), M.apiKeySpaces)
    .optional(),
});
