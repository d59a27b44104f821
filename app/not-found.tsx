import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { PageTitle } from "@/components/ui";

export async function generateMetadata() {
  return { title: (await getTranslations("notFound"))("title") };
}

export default async function NotFound() {
  const t = await getTranslations("notFound");
  return (
    <>
      <PageTitle lead={t("lead")}>{t("title")}</PageTitle>
      <Link href="/" className="text-brand-700 underline">
        {t("home")}
      </Link>
    </>
  );
}
