import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { PageTitle } from "@/components/ui";
import { accountPaths } from "@/lib/accounts/account-links";
import { getCurrentUser, homeFor } from "@/lib/auth/guards";
import { safeCallback } from "@/lib/safe-callback";
import { SignInForm } from "./signin-form";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const user = await getCurrentUser();
  if (user) redirect(safeCallback(params.callbackUrl) ?? homeFor(user.role));
  return (
    <div className="mx-auto max-w-md">
      <PageTitle lead="Sign in to see and pay your permit invoices.">Sign in</PageTitle>
      <SignInForm callbackUrl={safeCallback(params.callbackUrl) ?? "/"} />
      <p className="mt-4">
        <Link href={accountPaths.forgotPassword} className="text-brand-700 underline">
          Forgot your password?
        </Link>
      </p>
    </div>
  );
}
