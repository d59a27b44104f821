// Where icop-return sends an unknown payment-id: a friendly page, shown without sign-in
// because it reveals nothing.
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { PageTitle } from "@/components/ui";
import { paths } from "@/lib/paths";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("portal.payment.unknown"))("title") };
}

export default async function UnknownPaymentPage() {
  const t = await getTranslations("portal.payment.unknown");
  return (
    <>
      <PageTitle lead={t("lead")}>{t("heading")}</PageTitle>
      <Link href={paths.portal.invoices} className="text-brand-700 underline">
        {t("link")}
      </Link>
    </>
  );
}
