// One schema for the refund form (in the browser, before it posts) and for recordRefundAction.
// Amounts are typed in dollars and become integer cents here; blank lines are "nothing refunded".
import { z } from "zod";
import { parseDollarsToCents } from "../money";

const amountText = z
  .string()
  .trim()
  .refine((v) => v === "" || parseDollarsToCents(v) !== null, "Enter an amount like 12.50, or leave it blank")
  .transform((v) => (v === "" ? 0 : (parseDollarsToCents(v) ?? 0)));

export const refundInputSchema = z.object({
  attemptId: z.uuid("That payment does not exist."),
  reference: z.string().trim().min(1, "Enter Invoice Cloud's refund reference").max(100, "Keep the refund reference under 100 characters"),
  refundedOn: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, "Enter the date of the refund, like 2026-11-26")
    .refine((v) => !Number.isNaN(new Date(`${v}T00:00:00Z`).getTime()), "Enter a real date"),
  note: z.string().trim().min(5, "Write a short note of why (at least 5 characters)").max(500, "Keep the note under 500 characters"),
  lines: z
    .array(z.object({ invoiceId: z.uuid(), amount: amountText }))
    .min(1, "Enter how much of each invoice was refunded")
    .refine((lines) => lines.some((l) => l.amount > 0), "Enter how much of at least one invoice was refunded"),
});
export type RefundInput = z.output<typeof refundInputSchema>;
export type RefundFormValues = z.input<typeof refundInputSchema>;

export const reverseRefundSchema = z.object({
  refundId: z.uuid("That refund does not exist."),
  note: z.string().trim().min(5, "Write a short note of why (at least 5 characters)").max(500, "Keep the note under 500 characters"),
});
export type ReverseRefundInput = z.output<typeof reverseRefundSchema>;

/** The form posts one `line:<invoiceId>` field per invoice; this gathers them for the schema. */
export function refundFormValues(form: FormData): RefundFormValues {
  const entries = [...form.entries()].map(([k, v]) => [k, typeof v === "string" ? v : ""] as const);
  const get = (name: string) => entries.find(([k]) => k === name)?.[1] ?? "";
  return {
    attemptId: get("attemptId"),
    reference: get("reference"),
    refundedOn: get("refundedOn"),
    note: get("note"),
    lines: entries.filter(([k]) => k.startsWith("line:")).map(([k, v]) => ({ invoiceId: k.slice(5), amount: v })),
  };
}
