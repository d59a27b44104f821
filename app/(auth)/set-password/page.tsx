import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { PageTitle } from "@/components/ui";
import { findUsableAccountToken } from "@/lib/accounts/find-usable-account-token";
import { LinkNotUsable } from "../link-not-usable";
import { NewPasswordForm } from "../new-password-form";
import { setPasswordAction } from "./actions";

// no-referrer: the token in this page's address must not travel to another site.
export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("auth.setPassword"))("title"), referrer: "no-referrer" };
}

export default async function SetPasswordPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { token } = await searchParams;
  const account = typeof token === "string" ? await findUsableAccountToken({ token, purpose: "INVITATION" }) : null;
  const t = await getTranslations("auth.setPassword");
  return (
    <div className="mx-auto max-w-md">
      <PageTitle
        lead={account ? <span className="break-words">{t("lead", { name: account.name, email: account.email })}</span> : undefined}
      >
        {t("title")}
      </PageTitle>
      {account && typeof token === "string" ? (
        <NewPasswordForm token={token} email={account.email} submitLabel={t("submit")} action={setPasswordAction} />
      ) : (
        <LinkNotUsable />
      )}
    </div>
  );
}
