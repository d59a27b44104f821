import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { PageTitle } from "@/components/ui";
import { findUsableAccountToken } from "@/lib/accounts/find-usable-account-token";
import { LinkNotUsable } from "../link-not-usable";
import { NewPasswordForm } from "../new-password-form";
import { resetPasswordAction } from "./actions";

// no-referrer: the token in this page's address must not travel to another site.
export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("auth.resetPassword"))("title"), referrer: "no-referrer" };
}

export default async function ResetPasswordPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { token } = await searchParams;
  const account = typeof token === "string" ? await findUsableAccountToken({ token, purpose: "PASSWORD_RESET" }) : null;
  const t = await getTranslations("auth.resetPassword");
  return (
    <div className="mx-auto max-w-md">
      <PageTitle lead={account ? <span className="break-words">{t("lead", { email: account.email })}</span> : undefined}>
        {t("title")}
      </PageTitle>
      {account && typeof token === "string" ? (
        <NewPasswordForm token={token} email={account.email} submitLabel={t("submit")} action={resetPasswordAction} />
      ) : (
        <LinkNotUsable />
      )}
    </div>
  );
}
