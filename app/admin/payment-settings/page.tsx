import type { Metadata } from "next";
import { Banner, PageTitle } from "@/components/ui";
import { requireRolePage } from "@/lib/auth/guards";
import { formatDateTime } from "@/lib/dates";
import { centsToDecimalString } from "@/lib/money";
import { paths } from "@/lib/paths";
import { getPaymentSettingsView } from "@/lib/settings/get-payment-settings-view";
import { READINESS_TEXT } from "@/lib/settings/readiness-text";
import { PaymentSettingsForm } from "./payment-settings-form";

export const metadata: Metadata = { title: "Payment page settings" };

export default async function PaymentSettingsPage() {
  const user = await requireRolePage("BILLER_ADMIN", paths.admin.paymentSettings);
  const view = await getPaymentSettingsView({ billerId: user.billerId });
  const s = view.settings;
  // Only these plain values cross to the browser: never the key or its ciphertext.
  const storedKey = s?.apiKeyLast4
    ? {
        last4: s.apiKeyLast4,
        setBy: s.apiKeySetBy ? `${s.apiKeySetBy.name} (${s.apiKeySetBy.email})` : null,
        setAt: s.apiKeySetAt ? formatDateTime(s.apiKeySetAt, view.biller.timeZone) : null,
      }
    : null;
  return (
    <>
      <PageTitle lead={`${view.biller.name} · Cloud Payments V2`}>Configure Payment Page Settings</PageTitle>
      {view.readiness.ready ? (
        <Banner tone="success" title="Settings complete: applicants can pay online" />
      ) : (
        <Banner tone="warning" title="Settings incomplete: applicants cannot pay online yet">
          {READINESS_TEXT[view.readiness.reason]}
        </Banner>
      )}
      <PaymentSettingsForm
        storedKey={storedKey}
        invoiceTypes={view.invoiceTypes}
        dbaName={view.biller.dbaName}
        defaults={{
          apiKey: "",
          billerGuid: s?.billerGuid ?? "",
          invoiceTypeId: s?.invoiceTypeId != null ? String(s.invoiceTypeId) : "",
          maxOnlineAmount: s?.maxOnlineAmountCents != null ? centsToDecimalString(s.maxOnlineAmountCents) : "",
          customReturnSiteName: s?.customReturnSiteName ?? "",
        }}
      />
    </>
  );
}
