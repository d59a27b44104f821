import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { redirect } from "next/navigation";
import { Banner, PageTitle } from "@/components/ui";
import { accountPaths } from "@/lib/accounts/account-links";
import { getCurrentUser, homeFor } from "@/lib/auth/guards";
import { safeCallback } from "@/lib/safe-callback";
import { signInPageErrorKey } from "./sign-in-error";
import { SignInForm } from "./signin-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("auth.signIn"))("title") };
}

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const user = await getCurrentUser();
  if (user) redirect(safeCallback(params.callbackUrl) ?? homeFor(user.role));
  const t = await getTranslations("auth.signIn");
  const t0 = await getTranslations();
  const error = signInPageErrorKey(params.error);
  return (
    <div className="mx-auto max-w-md">
      <PageTitle lead={t("lead")}>{t("title")}</PageTitle>
      {error ? (
        <Banner tone="error" title={t("failed")}>
          {t0(error)}
        </Banner>
      ) : null}
      <SignInForm callbackUrl={safeCallback(params.callbackUrl) ?? "/"} />
      <p className="mt-4">
        <Link href={accountPaths.forgotPassword} className="text-brand-700 inline-block py-1 underline">
          {t("forgotPassword")}
        </Link>
      </p>
    </div>
  );
}
