"use server";
// "I did not finish paying: start again": role check → parse → abandonAttempt → back to the page.
import { revalidatePath } from "next/cache";
import { requireRole } from "@/lib/auth/guards";
import { GENERIC_ERROR, UserFacingError } from "@/lib/errors";
import { logger } from "@/lib/logger";
import { paths } from "@/lib/paths";
import { abandonAttempt } from "@/lib/payments/abandon-attempt";
import { abandonSchema, type AbandonState } from "./schema";

export async function abandonPayment(_prev: AbandonState, formData: FormData): Promise<AbandonState> {
  try {
    const user = await requireRole("APPLICANT");
    const parsed = abandonSchema.safeParse({ paymentId: formData.get("paymentId") });
    if (!parsed.success) return { error: "portal.errors.paymentNotFound" };
    await abandonAttempt({ applicantId: user.id, paymentId: parsed.data.paymentId });
    revalidatePath(paths.portal.payment(parsed.data.paymentId));
    return { done: true };
  } catch (error) {
    if (error instanceof UserFacingError) return { error: error.text };
    logger.error({ err: error }, "abandonPayment failed");
    return { error: GENERIC_ERROR };
  }
}
