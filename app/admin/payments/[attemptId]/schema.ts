import { z } from "zod";

export const reviewNoteSchema = z.object({
  attemptId: z.uuid("That payment does not exist."),
  note: z.string().trim().min(5, "Write the note (at least 5 characters)").max(500, "Keep the note under 500 characters"),
});
