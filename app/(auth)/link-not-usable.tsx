// What a spent, expired or mistyped account link shows instead of the form.
import Link from "next/link";
import { Banner, buttonClass } from "@/components/ui";
import { accountPaths } from "@/lib/accounts/account-links";

export function LinkNotUsable() {
  return (
    <div className="rounded border border-slate-200 bg-white p-6">
      <Banner tone="error" title="This link has expired or has already been used">
        Each link works once. An invitation link works for 7 days, a reset link for 1 hour.
      </Banner>
      <Link href={accountPaths.forgotPassword} className={buttonClass}>
        Ask for a new link
      </Link>
    </div>
  );
}
