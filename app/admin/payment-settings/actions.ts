"use server";
// Server actions of Configure Payment Page Settings. The biller is the signed-in admin's own,
// never taken from the request: unknown fields such as a crafted billerId are stripped by zod.
import { revalidatePath } from "next/cache";
import { actionFailure, validationFailure, type ActionResult } from "@/lib/admin/action-result";
import { requireRole } from "@/lib/auth/guards";
import { centsToDecimalString } from "@/lib/money";
import { paths } from "@/lib/paths";
import { testBillerConnection } from "@/lib/settings/test-biller-connection";
import { updatePaymentSettings } from "@/lib/settings/update-payment-settings";
import { paymentSettingsSchema, testConnectionSchema, type PaymentSettingsFormValues } from "./schema";

// savePaymentSettings: validate, save for the admin's own biller, return the normalised values (no key).
export async function savePaymentSettings(values: unknown): Promise<ActionResult<PaymentSettingsFormValues>> {
  try {
    const user = await requireRole("BILLER_ADMIN");
    const parsed = paymentSettingsSchema.safeParse(values);
    if (!parsed.success) return validationFailure(parsed.error);
    const { maxOnlineAmount, ...rest } = parsed.data;
    const { changedFields } = await updatePaymentSettings({
      billerId: user.billerId,
      actorId: user.id,
      input: { ...rest, maxOnlineAmountCents: maxOnlineAmount },
    });
    revalidatePath(paths.admin.paymentSettings);
    return {
      ok: true,
      message: changedFields.length ? "Payment page settings saved" : "Nothing changed: the settings were already saved",
      data: {
        apiKey: "",
        billerGuid: rest.billerGuid ?? "",
        invoiceTypeId: String(rest.invoiceTypeId),
        maxOnlineAmount: maxOnlineAmount === null ? "" : centsToDecimalString(maxOnlineAmount),
        customReturnSiteName: rest.customReturnSiteName ?? "",
      },
    };
  } catch (error) {
    return actionFailure(error, "savePaymentSettings");
  }
}

// testConnection: GET Invoice Cloud's biller status with the typed key, else the stored one.
export async function testConnection(values: unknown): Promise<ActionResult> {
  try {
    const user = await requireRole("BILLER_ADMIN");
    const parsed = testConnectionSchema.safeParse(values);
    if (!parsed.success) return validationFailure(parsed.error);
    const result = await testBillerConnection({
      billerId: user.billerId,
      actorId: user.id,
      enteredApiKey: parsed.data.apiKey || null,
    });
    return result.ok ? { ok: true, message: result.message, data: undefined } : { ok: false, message: result.message, fieldErrors: {} };
  } catch (error) {
    return actionFailure(error, "testConnection");
  }
}
