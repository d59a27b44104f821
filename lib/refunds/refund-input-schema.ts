// One schema for the refund form (in the browser, before it posts) and for recordRefundAction.
// Amounts are typed in dollars and become integer cents here; blank lines are "nothing refunded".
import { z } from "zod";
import { parseTypedDollars } from "../admin/parse-typed-dollars";

// Messages are catalogue keys (messages/<locale>/admin.json): the form translates them.
const M = {
  reference: "admin.refunds.errors.reference",
  date: "admin.refunds.errors.date",
  note: "admin.refunds.errors.note",
  noteTooLong: "admin.refunds.errors.noteTooLong",
} as const;

const amountText = z
  .string("admin.refunds.errors.amountFormat")
  .trim()
  .refine((v) => v === "" || parseTypedDollars(v) !== null, "admin.refunds.errors.amountFormat")
  .transform((v) => (v === "" ? 0 : (parseTypedDollars(v) ?? 0)));

export const refundInputSchema = z.object({
  attemptId: z.uuid("admin.refunds.errors.noPayment"),
  reference: z.string(M.reference).trim().min(1, M.reference).max(100, "admin.refunds.errors.referenceTooLong"),
  refundedOn: z
    .string(M.date)
    .regex(/^\d{4}-\d{2}-\d{2}$/, M.date)
    .refine((v) => !Number.isNaN(new Date(`${v}T00:00:00Z`).getTime()), "admin.refunds.errors.realDate"),
  note: z.string(M.note).trim().min(5, M.note).max(500, M.noteTooLong),
  lines: z
    .array(z.object({ invoiceId: z.uuid("admin.refunds.errors.notThisPayment"), amount: amountText }))
    .min(1, "admin.refunds.errors.linesRequired")
    .refine((lines) => lines.some((l) => l.amount > 0), "admin.refunds.errors.oneLine"),
});
export type RefundInput = z.output<typeof refundInputSchema>;
export type RefundFormValues = z.input<typeof refundInputSchema>;

export const reverseRefundSchema = z.object({
  refundId: z.uuid("admin.refunds.errors.noRefund"),
  note: z.string(M.note).trim().min(5, M.note).max(500, M.noteTooLong),
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
