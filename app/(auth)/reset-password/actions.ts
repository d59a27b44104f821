"use server";
// resetPasswordAction: a new password from a "Forgot your password?" link (1 hour, single use).
import type { ActionResult } from "@/lib/admin/action-result";
import { choosePassword } from "../choose-password";

export async function resetPasswordAction(values: unknown): Promise<ActionResult> {
  return choosePassword("PASSWORD_RESET", values);
}
