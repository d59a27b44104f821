import type { Metadata } from "next";
import { PageTitle } from "@/components/ui";
import { findUsableAccountToken } from "@/lib/accounts/find-usable-account-token";
import { LinkNotUsable } from "../link-not-usable";
import { NewPasswordForm } from "../new-password-form";
import { resetPasswordAction } from "./actions";

// no-referrer: the token in this page's address must not travel to another site.
export const metadata: Metadata = { title: "Reset your password", referrer: "no-referrer" };

export default async function ResetPasswordPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { token } = await searchParams;
  const account = typeof token === "string" ? await findUsableAccountToken({ token, purpose: "PASSWORD_RESET" }) : null;
  return (
    <div className="mx-auto max-w-md">
      <PageTitle lead={account ? `Choose a new password for ${account.email}.` : undefined}>Reset your password</PageTitle>
      {account && typeof token === "string" ? (
        <NewPasswordForm token={token} email={account.email} submitLabel="Change password" action={resetPasswordAction} />
      ) : (
        <LinkNotUsable />
      )}
    </div>
  );
}
