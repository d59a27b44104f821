"use server";
// setPasswordAction: an invited applicant's first password, from the invitation link (7 days, single use).
import type { ActionResult } from "@/lib/admin/action-result";
import { choosePassword } from "../choose-password";

export async function setPasswordAction(values: unknown): Promise<ActionResult> {
  return choosePassword("INVITATION", values);
}
