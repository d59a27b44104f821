// What the applicant can do about one invoice, from its payability: pay, continue a payment in
// progress, or read why not. Shared by the invoice list and the invoice page.
import Link from "next/link";
import type { InvoicePayability } from "@/lib/invoices/payability";
import { formatCents } from "@/lib/money";
import { paths } from "@/lib/paths";
import { PayOnlineForm } from "./pay-online-form";

export function InvoicePayAction({
  pay,
  invoice,
  compact = false,
}: {
  pay: InvoicePayability;
  invoice: { id: string; invoiceNumber: string; amountDueCents: number };
  compact?: boolean;
}) {
  const text = compact ? "max-w-56 text-xs text-slate-700" : "mb-3 text-slate-800";
  const accessibleName = `PAY ONLINE: invoice ${invoice.invoiceNumber}, ${formatCents(invoice.amountDueCents)}`;
  switch (pay.kind) {
    case "paid":
      return null;
    case "payable":
      return <PayOnlineForm invoiceIds={[invoice.id]} accessibleName={accessibleName} />;
    case "in_progress":
      return (
        <div>
          <p className={text}>
            {pay.message}{" "}
            <Link href={paths.portal.payment(pay.paymentId)} className="text-brand-700 underline">
              See its status
            </Link>
          </p>
          <PayOnlineForm
            invoiceIds={[invoice.id]}
            label="CONTINUE PAYMENT"
            accessibleName={`CONTINUE PAYMENT: invoice ${invoice.invoiceNumber}`}
          />
        </div>
      );
    case "in_review":
    case "unconfirmed":
    case "held":
      return (
        <p className={text}>
          {pay.message}{" "}
          <Link href={paths.portal.payment(pay.paymentId)} className="text-brand-700 underline">
            See the payment
          </Link>
        </p>
      );
    default:
      return <p className={text}>{pay.message}</p>;
  }
}
