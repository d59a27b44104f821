// The create-credential form: one schema for the browser and the server action.
import { z } from "zod";

export const createCredentialSchema = z.object({
  name: z
    .string()
    .trim()
    .min(1, "Enter a name for this credential, like the permit system's name")
    .max(80, "Enter a name of 80 characters or fewer"),
});

export type CreateCredentialValues = z.input<typeof createCredentialSchema>;

export const revokeCredentialSchema = z.object({ credentialId: z.uuid() });
