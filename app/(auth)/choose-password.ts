// The server side of both "choose a password" forms (an invitation's and a reset's): parse with
// the full password rules, then set it from the link. Not an action itself: each page's
// actions.ts fixes the link's purpose.
import "server-only";
import type { AccountTokenPurpose } from "@prisma/client";
import { passwordSchema } from "@/lib/accounts/password-schema";
import { setPasswordWithToken } from "@/lib/accounts/set-password-with-token";
import { actionFailure, validationFailure, type ActionResult } from "@/lib/admin/action-result";
import { newPasswordSchemaWith } from "./new-password-schema";

/** Catalogue keys (auth.json): the form translates them. */
export const LINK_NOT_USABLE = "auth.linkNotUsable.title";

export async function choosePassword(purpose: AccountTokenPurpose, values: unknown): Promise<ActionResult> {
  try {
    const parsed = newPasswordSchemaWith(passwordSchema).safeParse(values);
    if (!parsed.success) return validationFailure(parsed.error);
    const result = await setPasswordWithToken({ token: parsed.data.token, purpose, password: parsed.data.password });
    if (!result.ok) return { ok: false, message: LINK_NOT_USABLE, fieldErrors: {} };
    return { ok: true, message: purpose === "INVITATION" ? "auth.setPassword.done" : "auth.resetPassword.done", data: undefined };
  } catch (error) {
    return actionFailure(error, purpose === "INVITATION" ? "setPassword" : "resetPassword");
  }
}
