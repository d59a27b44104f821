// Where icop-return sends an unknown payment-id: a friendly page, shown without sign-in
// because it reveals nothing.
import type { Metadata } from "next";
import Link from "next/link";
import { PageTitle } from "@/components/ui";
import { paths } from "@/lib/paths";

export const metadata: Metadata = { title: "Payment not found" };

export default function UnknownPaymentPage() {
  return (
    <>
      <PageTitle lead="This return link does not match a payment we know. If you just paid, sign in and check your invoices: they show the latest status.">
        We could not find that payment
      </PageTitle>
      <Link href={paths.portal.invoices} className="text-brand-700 underline">
        Go to my invoices
      </Link>
    </>
  );
}
