"use server";
// PAY ONLINE: role check → parse → startPayment → redirect to Invoice Cloud's hosted page.
import { redirect } from "next/navigation";
import { requireRole } from "@/lib/auth/guards";
import { GENERIC_ERROR, UserFacingError } from "@/lib/errors";
import { logger } from "@/lib/logger";
import { startPayment } from "@/lib/payments/start-payment";
import { payOnlineSchema, type PayOnlineState } from "./schema";

export async function payOnline(_prev: PayOnlineState, formData: FormData): Promise<PayOnlineState> {
  let hostedPageUrl: string;
  try {
    const user = await requireRole("APPLICANT");
    const parsed = payOnlineSchema.safeParse({ invoiceIds: formData.getAll("invoiceId") });
    if (!parsed.success) return { error: parsed.error.issues[0]?.message ?? "Select at least one invoice to pay." };
    ({ hostedPageUrl } = await startPayment({ applicantId: user.id, invoiceIds: parsed.data.invoiceIds }));
  } catch (error) {
    if (error instanceof UserFacingError) return { error: error.message, canRetry: error.code === "invoice_cloud_failed" };
    logger.error({ err: error }, "payOnline failed");
    return { error: GENERIC_ERROR, canRetry: true };
  }
  redirect(hostedPageUrl);
}
