import Link from "next/link";
import { PageTitle } from "@/components/ui";
import { paths } from "@/lib/paths";

export default function PaymentNotFound() {
  return (
    <>
      <PageTitle lead="We could not find that payment on your account. If you just paid, your invoices list shows the latest status.">
        Payment not found
      </PageTitle>
      <Link href={paths.portal.invoices} className="text-brand-700 underline">
        Go to my invoices
      </Link>
    </>
  );
}
