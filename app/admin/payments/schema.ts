import { z } from "zod";
import type { Text } from "@/lib/i18n/message";

// Messages are catalogue keys (messages/<locale>/admin.json): the form translates them.
export const resolveReviewSchema = z.object({
  attemptId: z.uuid("admin.payments.errors.noPayment"),
  resolution: z.enum(["mark_paid", "release", "dismiss"], "admin.payments.errors.chooseResolution"),
  note: z
    .string("admin.payments.errors.reviewNoteShort")
    .trim()
    .min(5, "admin.payments.errors.reviewNoteShort")
    .max(500, "admin.payments.errors.noteTooLong"),
});
export type ResolveReviewInput = z.infer<typeof resolveReviewSchema>;
export type ResolveReviewState = { ok?: boolean; message?: Text; fieldErrors?: Partial<Record<keyof ResolveReviewInput, Text>> };
