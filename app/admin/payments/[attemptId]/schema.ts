import { z } from "zod";

export const reviewNoteSchema = z.object({
  attemptId: z.uuid("admin.refunds.errors.noPayment"),
  note: z
    .string("admin.payments.errors.noteShort")
    .trim()
    .min(5, "admin.payments.errors.noteShort")
    .max(500, "admin.payments.errors.noteTooLong"),
});
