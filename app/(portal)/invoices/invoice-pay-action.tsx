// What the applicant can do about one invoice, from its payability: pay, continue a payment in
// progress, or read why not. Shared by the invoice list and the invoice page.
import { useLocale, useTranslations } from "next-intl";
import Link from "next/link";
import { useText } from "@/components/use-text";
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
  const t = useTranslations("portal.pay");
  const tx = useText();
  const locale = useLocale();
  // On a phone the list's cards are full width: so are their texts and buttons.
  const text = compact ? "text-xs text-slate-700 sm:max-w-56" : "mb-3 text-slate-800";
  const accessibleName = t("payOnlineName", { number: invoice.invoiceNumber, amount: formatCents(invoice.amountDueCents, locale) });
  switch (pay.kind) {
    case "paid":
      return null;
    case "payable":
      return <PayOnlineForm invoiceIds={[invoice.id]} accessibleName={accessibleName} fullWidthOnPhone />;
    case "in_progress":
      return (
        <div>
          <p className={text}>
            {tx(pay.message)}{" "}
            <Link href={paths.portal.payment(pay.paymentId)} className="text-brand-700 underline">
              {t("seeStatus")}
            </Link>
          </p>
          <PayOnlineForm
            invoiceIds={[invoice.id]}
            label={t("continue")}
            accessibleName={t("continueName", { number: invoice.invoiceNumber })}
            fullWidthOnPhone
          />
        </div>
      );
    case "in_review":
    case "unconfirmed":
    case "held":
      return (
        <p className={text}>
          {tx(pay.message)}{" "}
          <Link href={paths.portal.payment(pay.paymentId)} className="text-brand-700 underline">
            {t("seePayment")}
          </Link>
        </p>
      );
    default:
      return <p className={text}>{tx(pay.message)}</p>;
  }
}
