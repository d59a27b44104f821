import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { PageTitle } from "@/components/ui";
import { paths } from "@/lib/paths";

export default async function PaymentNotFound() {
  const t = await getTranslations("portal.payment.notFound");
  return (
    <>
      <PageTitle lead={t("lead")}>{t("title")}</PageTitle>
      <Link href={paths.portal.invoices} className="text-brand-700 underline">
        {t("link")}
      </Link>
    </>
  );
}
