"use server";
// PAY ONLINE: role check → parse → startPayment → redirect to Invoice Cloud's hosted page.
import { redirect } from "next/navigation";
import { getLocale } from "next-intl/server";
import { requireRole } from "@/lib/auth/guards";
import { GENERIC_ERROR, UserFacingError } from "@/lib/errors";
import { msg } from "@/lib/i18n/message";
import { logger } from "@/lib/logger";
import { MAX_INVOICES_PER_PAYMENT } from "@/lib/payments/limits";
import { startPayment } from "@/lib/payments/start-payment";
import { payOnlineSchema, type PayOnlineState } from "./schema";

export async function payOnline(_prev: PayOnlineState, formData: FormData): Promise<PayOnlineState> {
  let hostedPageUrl: string;
  try {
    const user = await requireRole("APPLICANT");
    const parsed = payOnlineSchema.safeParse({ invoiceIds: formData.getAll("invoiceId") });
    if (!parsed.success) {
      // The schema's messages are catalogue keys; "tooMany" says the limit.
      return { error: msg(parsed.error.issues[0]?.message ?? "portal.errors.selectOne", { max: MAX_INVOICES_PER_PAYMENT }) };
    }
    ({ hostedPageUrl } = await startPayment({ applicantId: user.id, invoiceIds: parsed.data.invoiceIds, locale: await getLocale() }));
  } catch (error) {
    if (error instanceof UserFacingError) return { error: error.text, canRetry: error.code === "invoice_cloud_failed" };
    logger.error({ err: error }, "payOnline failed");
    return { error: GENERIC_ERROR, canRetry: true };
  }
  redirect(hostedPageUrl);
}
