import type { Metadata } from "next";
import { PageTitle } from "@/components/ui";
import { findUsableAccountToken } from "@/lib/accounts/find-usable-account-token";
import { LinkNotUsable } from "../link-not-usable";
import { NewPasswordForm } from "../new-password-form";
import { setPasswordAction } from "./actions";

// no-referrer: the token in this page's address must not travel to another site.
export const metadata: Metadata = { title: "Set your password", referrer: "no-referrer" };

export default async function SetPasswordPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { token } = await searchParams;
  const account = typeof token === "string" ? await findUsableAccountToken({ token, purpose: "INVITATION" }) : null;
  return (
    <div className="mx-auto max-w-md">
      <PageTitle
        lead={account ? `Welcome, ${account.name}. Choose a password for ${account.email} to see and pay your invoices.` : undefined}
      >
        Set your password
      </PageTitle>
      {account && typeof token === "string" ? (
        <NewPasswordForm token={token} email={account.email} submitLabel="Set password" action={setPasswordAction} />
      ) : (
        <LinkNotUsable />
      )}
    </div>
  );
}
