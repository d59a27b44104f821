"use server";
// Server actions of API credentials. The biller is the signed-in admin's own, never the request's.
import { revalidatePath } from "next/cache";
import { actionFailure, validationFailure, type ActionResult } from "@/lib/admin/action-result";
import { createApiCredential } from "@/lib/api-credentials/create-api-credential";
import { revokeApiCredential } from "@/lib/api-credentials/revoke-api-credential";
import { requireRole } from "@/lib/auth/guards";
import { msg } from "@/lib/i18n/message";
import { paths } from "@/lib/paths";
import { createCredentialSchema, revokeCredentialSchema } from "./schema";

// createCredential: makes the credential and returns its token, to be shown this once.
export async function createCredential(values: unknown): Promise<ActionResult<{ name: string; token: string }>> {
  try {
    const user = await requireRole("BILLER_ADMIN");
    const parsed = createCredentialSchema.safeParse(values);
    if (!parsed.success) return validationFailure(parsed.error);
    const { credential, token } = await createApiCredential({ billerId: user.billerId, actorId: user.id, name: parsed.data.name });
    revalidatePath(paths.admin.apiCredentials);
    return { ok: true, message: msg("admin.credentials.created", { name: credential.name }), data: { name: credential.name, token } };
  } catch (error) {
    return actionFailure(error, "createCredential");
  }
}

// revokeCredential: from the list's Revoke button.
export async function revokeCredential(values: unknown): Promise<ActionResult> {
  try {
    const user = await requireRole("BILLER_ADMIN");
    const parsed = revokeCredentialSchema.safeParse(values);
    if (!parsed.success) return validationFailure(parsed.error);
    await revokeApiCredential({ billerId: user.billerId, actorId: user.id, credentialId: parsed.data.credentialId });
    revalidatePath(paths.admin.apiCredentials);
    return { ok: true, message: "admin.credentials.revoked", data: undefined };
  } catch (error) {
    return actionFailure(error, "revokeCredential");
  }
}
