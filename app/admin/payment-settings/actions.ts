"use server";
// Server actions of Configure Payment Page Settings, in the one action shape (lib/actions/admin-action.ts).
// The biller is the signed-in admin's own, never taken from the request: unknown fields such as a
// crafted billerId are stripped by zod.
import { revalidatePath } from "next/cache";
import { adminAction, parseInput } from "@/lib/actions/admin-action";
import { getLocale } from "next-intl/server";
import { typedDollars } from "@/lib/admin/parse-typed-dollars";
import { paths } from "@/lib/paths";
import { testBillerConnection } from "@/lib/settings/test-biller-connection";
import { updatePaymentSettings } from "@/lib/settings/update-payment-settings";
import { paymentSettingsSchema, testConnectionSchema, type PaymentSettingsFormValues } from "./schema";

// savePaymentSettings: validate, save for the admin's own biller, return the normalised values (no key).
export const savePaymentSettings = adminAction("BILLER_ADMIN", "savePaymentSettings", async (user, values: unknown) => {
  const { maxOnlineAmount, ...rest } = parseInput(paymentSettingsSchema, values);
  const { changedFields } = await updatePaymentSettings({
    billerId: user.billerId,
    actorId: user.id,
    input: { ...rest, maxOnlineAmountCents: maxOnlineAmount },
  });
  revalidatePath(paths.admin.paymentSettings);
  const saved: PaymentSettingsFormValues = {
    apiKey: "",
    billerGuid: rest.billerGuid ?? "",
    invoiceTypeId: String(rest.invoiceTypeId),
    maxOnlineAmount: maxOnlineAmount === null ? "" : typedDollars(maxOnlineAmount, await getLocale()),
    customReturnSiteName: rest.customReturnSiteName ?? "",
    payAgainAfterRefund: rest.payAgainAfterRefund,
  };
  return {
    ok: true,
    message: changedFields.length ? "admin.settings.saved" : "admin.settings.unchanged",
    data: saved,
  };
});

// testConnection: GET Invoice Cloud's biller status with the typed key, else the stored one.
export const testConnection = adminAction("BILLER_ADMIN", "testConnection", async (user, values: unknown) => {
  const { apiKey } = parseInput(testConnectionSchema, values);
  const result = await testBillerConnection({ billerId: user.billerId, actorId: user.id, enteredApiKey: apiKey || null });
  return result.ok ? { ok: true, message: result.message, data: undefined } : { ok: false, message: result.message, fieldErrors: {} };
});
