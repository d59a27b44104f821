// The create-credential form: one schema for the browser and the server action. Messages are
// catalogue keys (messages/<locale>/admin.json): the form translates them.
import { z } from "zod";

export const createCredentialSchema = z.object({
  name: z
    .string("admin.credentials.errors.nameRequired")
    .trim()
    .min(1, "admin.credentials.errors.nameRequired")
    .max(80, "admin.credentials.errors.nameTooLong"),
});

export type CreateCredentialValues = z.input<typeof createCredentialSchema>;

export const revokeCredentialSchema = z.object({ credentialId: z.uuid("admin.credentials.errors.alreadyRevoked") });
