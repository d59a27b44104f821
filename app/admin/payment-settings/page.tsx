import { getLocale, getTranslations } from "next-intl/server";
import { Banner, PageTitle } from "@/components/ui";
import { requireRolePage } from "@/lib/auth/guards";
import { formatDateTime } from "@/lib/dates";
import { getText } from "@/lib/i18n/server-text";
import { typedDollars } from "@/lib/admin/parse-typed-dollars";
import { paths } from "@/lib/paths";
import { getPaymentSettingsView } from "@/lib/settings/get-payment-settings-view";
import { READINESS_TEXT } from "@/lib/settings/readiness-text";
import { PaymentSettingsForm } from "./payment-settings-form";

export async function generateMetadata() {
  return { title: (await getTranslations("admin.settings"))("title") };
}

export default async function PaymentSettingsPage() {
  const user = await requireRolePage("BILLER_ADMIN", paths.admin.paymentSettings);
  const [t, tx, locale] = await Promise.all([getTranslations("admin.settings"), getText(), getLocale()]);
  const view = await getPaymentSettingsView({ billerId: user.billerId });
  const s = view.settings;
  // Only these plain values cross to the browser: never the key or its ciphertext.
  const storedKey = s?.apiKeyLast4
    ? {
        last4: s.apiKeyLast4,
        setBy: s.apiKeySetBy ? `${s.apiKeySetBy.name} (${s.apiKeySetBy.email})` : null,
        setAt: s.apiKeySetAt ? formatDateTime(s.apiKeySetAt, view.biller.timeZone, locale) : null,
      }
    : null;
  return (
    <>
      <PageTitle lead={t("lead", { biller: view.biller.name })}>{t("heading")}</PageTitle>
      {view.readiness.ready ? (
        <Banner tone="success" title={t("complete")} />
      ) : (
        <Banner tone="warning" title={t("incomplete")}>
          {tx(READINESS_TEXT[view.readiness.reason])}
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
          maxOnlineAmount: s?.maxOnlineAmountCents != null ? typedDollars(s.maxOnlineAmountCents, locale) : "",
          customReturnSiteName: s?.customReturnSiteName ?? "",
          payAgainAfterRefund: s?.payAgainAfterRefund ?? false,
        }}
      />
    </>
  );
}
