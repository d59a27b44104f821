// The applicant's receipt after Invoice Cloud confirms a payment: who was paid, for which invoices
// and permits, how much, Invoice Cloud's PaymentGUID, and when (in the biller's time zone).
import { Heading, Link, Text } from "@react-email/components";
import type { EmailContext } from "../email-i18n";
import { EmailLayout, emailStyles } from "./email-layout";
import { PaymentLines, type PaymentLine } from "./payment-lines";

/** As stored in the outbox: amounts in cents and the moment as ISO, formatted in the reader's language when sent. */
export type PaymentReceiptEmailProps = {
  applicantName: string;
  billerName: string;
  /** The biller's IANA time zone: the moment is shown in it. */
  timeZone: string;
  totalCents: number;
  paymentGuid: string | null;
  paidAt: string;
  lines: PaymentLine[];
  paymentUrl: string;
};

export const paymentReceiptSubject = (p: PaymentReceiptEmailProps, { t, money }: EmailContext) =>
  t("receipt.subject", { total: money(p.totalCents), billerName: p.billerName });

export function PaymentReceiptEmail({ ctx, ...p }: PaymentReceiptEmailProps & { ctx: EmailContext }) {
  const { t, money } = ctx;
  const total = money(p.totalCents);
  return (
    <EmailLayout
      locale={ctx.locale}
      title={t("receipt.title")}
      preview={t("receipt.preview", { billerName: p.billerName, total })}
      footer={t("receipt.footer", { billerName: p.billerName })}
    >
      <Text style={emailStyles.text}>{t("common.hello", { name: p.applicantName })}</Text>
      <Text style={emailStyles.text}>
        {t("receipt.body", { billerName: p.billerName, total, paidAt: ctx.dateTime(p.paidAt, p.timeZone) })}
      </Text>
      <PaymentLines ctx={ctx} lines={p.lines} totalCents={p.totalCents} caption={t("lines.paid")} />
      <Heading as="h2" style={{ ...emailStyles.text, fontWeight: 700 }}>
        {t("receipt.referenceTitle")}
      </Heading>
      <Text style={emailStyles.text}>{t("receipt.reference", { paymentGuid: p.paymentGuid ?? t("common.notGiven") })}</Text>
      <Text style={emailStyles.text}>
        <Link href={p.paymentUrl} style={emailStyles.link}>
          {t("common.seePayment")}
        </Link>
      </Text>
    </EmailLayout>
  );
}
