import { z } from "zod";

export const resolveReviewSchema = z.object({
  attemptId: z.uuid("That payment does not exist."),
  resolution: z.enum(["mark_paid", "release", "dismiss"], "Choose what happened to this payment"),
  note: z
    .string()
    .trim()
    .min(5, "Write a short note of what you checked (at least 5 characters)")
    .max(500, "Keep the note under 500 characters"),
});
export type ResolveReviewInput = z.infer<typeof resolveReviewSchema>;
export type ResolveReviewState = { ok?: boolean; message?: string; fieldErrors?: Partial<Record<keyof ResolveReviewInput, string>> };
